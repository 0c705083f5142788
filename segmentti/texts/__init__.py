"""Every user-visible string of segmentti, in Finnish and English, and the one way to look one up."""

from __future__ import annotations

from typing import Any

from segmentti.texts import app, charts, cli, engine, errors, library

LANGUAGES: tuple[str, ...] = ("fi", "en")
DEFAULT_LANGUAGE = "en"

TEXTS: dict[str, dict[str, str]] = {}
for _module in (app, charts, cli, errors, library, engine):
    _overlap = TEXTS.keys() & _module.TEXTS.keys()
    if _overlap:  # a key defined twice would silently shadow one of the texts
        raise RuntimeError(f"text keys defined twice: {sorted(_overlap)}")
    TEXTS.update(_module.TEXTS)


def translate(key: str, lang: str, /, **params: Any) -> str:
    """Return the text ``key`` in ``lang`` with ``params`` filled in.

    Parameters
    ----------
    key : str
        A key of :data:`TEXTS`, e.g. ``"error.empty_file"``.
    lang : str
        ``"fi"`` or ``"en"``; anything else falls back to English.
    **params
        Values for ``{placeholders}`` of the text.

    Raises
    ------
    KeyError
        If ``key`` is unknown (a programming error, caught by the tests).
    """
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def language_from_locale(locale: str | None) -> str:
    """Pick the UI language for a browser locale such as ``"fi-FI"`` or ``"en-US,en;q=0.9"``.

    Finnish for any ``fi`` locale, English otherwise (also when unknown).
    """
    if not locale:
        return DEFAULT_LANGUAGE
    first = locale.split(",")[0].strip().lower()
    return "fi" if first.split("-")[0].split("_")[0] == "fi" else DEFAULT_LANGUAGE
