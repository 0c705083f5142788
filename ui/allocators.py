"""How the app's server process allocates memory, so that what a workshop room used goes back when the room leaves.

Measured with ``bench/bench_workshop.py --rooms`` (see docs/benchmarks.md), a room of twenty
sessions left the server 80–120 MB above where a single visitor leaves it, although every
session's results were freed. Two allocators kept the freed memory for reuse:

- Arrow's default pool (mimalloc in the pyarrow wheels) holds what Streamlit's table
  serialisation and the loader allocated. The C library's allocator gives it back.
- glibc gives each thread that allocates while another does an arena of its own (up to eight
  per core), and memory freed inside an arena mostly stays there. Twenty script runs at once
  leave many half-empty arenas behind; two are plenty for a server whose Python work takes
  turns on one interpreter lock anyway.
"""

from __future__ import annotations

import ctypes
import platform

import pyarrow

ARENAS = 2
"""glibc malloc arenas the server may use (glibc's default is eight per core)."""

_M_ARENA_MAX = -8  # mallopt's parameter number for the arena limit, from glibc's malloc.h


def return_freed_memory() -> bool:
    """Use allocators that return freed memory to the system; whether glibc's arena limit could be set too.

    Arrow's default pool becomes the system allocator for the rest of the process (what pyarrow
    allocates from now on; earlier buffers stay where they are). New glibc arenas are limited
    to :data:`ARENAS`; on another C library only the Arrow pool changes. Safe to call on every
    script run.
    """
    if pyarrow.default_memory_pool().backend_name != "system":
        pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    return bool(ctypes.CDLL(None).mallopt(_M_ARENA_MAX, ARENAS))
