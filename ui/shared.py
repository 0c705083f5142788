"""Results of the bundled sample data, computed once in the server process and shared by every session.

The samples are public and identical for everyone, so a workshop room of twenty sessions on
the same sample computes its scan, segments and charts once instead of twenty times. A
user's own upload never comes here: :func:`ui.state.remember` shares a result only when the
session works on a bundled sample and the result's key starts with that sample's digest,
and it adds the session's own settings that no digest names (column corrections, labels,
currency) to the shared key. Shared results are read, never changed, by the sessions.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

T = TypeVar("T")

SHARED_PER_KIND = 3
"""A kind keeps ``SHARED_PER_KIND`` times as many shared results as one session keeps of it."""


class SharedResults:
    """A bounded store of results computed once for every session, the oldest of a kind dropped first.

    Sessions asking for the same key at the same time wait for the first one's computation
    instead of repeating it (one lock per key being computed).
    """

    def __init__(self) -> None:
        self._entries: dict[str, OrderedDict[Hashable, object]] = {}
        self._lock = threading.Lock()
        self._computing: dict[tuple[str, Hashable], threading.Lock] = {}

    def get(self, kind: str, key: Hashable, compute: Callable[[], T], kept: int) -> T:
        """The result of ``kind`` for ``key``, computed by ``compute()`` by the first session that asks."""
        found, value = self._lookup(kind, key)
        if found:
            return value
        with self._lock:
            computing = self._computing.setdefault((kind, key), threading.Lock())
        with computing:
            found, value = self._lookup(kind, key)  # another session may have finished it while we waited
            if found:
                return value
            try:
                value = compute()
            except BaseException:
                with self._lock:
                    self._computing.pop((kind, key), None)
                raise
            with self._lock:
                entries = self._entries.setdefault(kind, OrderedDict())
                entries[key] = value
                while len(entries) > kept * SHARED_PER_KIND:
                    entries.popitem(last=False)
                self._computing.pop((kind, key), None)
        return value

    def _lookup(self, kind: str, key: Hashable) -> tuple[bool, object]:
        with self._lock:
            entries = self._entries.get(kind)
            if entries is None or key not in entries:
                return False, None
            entries.move_to_end(key)
            return True, entries[key]

    def keys(self, kind: str) -> list[Hashable]:
        """The keys of the results of ``kind`` shared now, oldest first."""
        with self._lock:
            return list(self._entries.get(kind, ()))

    def clear(self) -> None:
        """Forget every shared result."""
        with self._lock:
            self._entries.clear()


@st.cache_resource(show_spinner=False)
def shared_results() -> SharedResults:
    """The server process's one store of shared sample results."""
    return SharedResults()
