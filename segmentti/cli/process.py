"""The interpreter a command runs alone in: the garbage collector kept off the libraries' long-lived objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator

_alone = False
"""Whether this interpreter runs one command and ends (set by :func:`run_alone`)."""


def run_alone(command: Callable[[], int]) -> int:
    """Run ``command`` as all this interpreter does (``segmentti``, ``python -m segmentti``); return its status.

    Afterwards every object left is frozen out of the garbage collector (``gc.freeze``): the
    collections at shutdown would otherwise walk the hundreds of thousands of objects pandas,
    scikit-learn and scipy created, about 0.2 s of every command that loads them, for memory the
    operating system takes back at once. Files are closed and standard output is flushed as
    before; nothing of ours leaves cleanup to the collector.
    """
    global _alone
    _alone = True
    status = command()
    gc.freeze()
    return status


@contextlib.contextmanager
def libraries_loading() -> Iterator[None]:
    """Import a command's libraries without the garbage collector walking them again and again.

    Importing pandas, scikit-learn and scipy creates about half a million objects that live as
    long as the process; the collector's passes over them while they load, and later over them
    all, cost a scan about 0.2 s of CPU. In an interpreter that runs one command
    (:func:`run_alone`) the collector pauses while the block imports, and what the imports
    created is then frozen out of later passes; called from a longer-lived program (the tests,
    a notebook) it changes nothing.
    """
    if not _alone or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
