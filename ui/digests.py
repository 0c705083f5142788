"""The digests that key the session's results and edits: of a loaded file, of settings, of one segmentation.

Pure functions of their arguments (no session state); :mod:`ui.state` re-exports them, so pages
call them as ``state.digest_of`` and so on.
"""

from __future__ import annotations

import hashlib


def digest_of(data: bytes, sheet: str | None = None) -> str:
    """SHA-256 of ``data`` and the sheet name: the cache key of a loaded file."""
    return hashlib.sha256(data + b"\x00sheet=" + (sheet or "").encode()).hexdigest()


def settings_digest(*parts: object) -> str:
    """A short SHA-256 of the ``repr`` of ``parts``: a key part naming settings (criteria, weights, method …)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def segmentation_key(digest: str, criteria: tuple[str, ...], k: int, method: str) -> str:
    """A short key naming one segmentation (data, criteria, k, method): persona edits belong to it."""
    text = "\x00".join([digest, *criteria, str(k), method])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
