"""The store of shared sample results: one computation for sessions that ask together, bounded, errors not kept."""

from __future__ import annotations

import threading
import time

import pytest

from ui.shared import SHARED_PER_KIND, SharedResults


def test_sessions_asking_together_wait_for_one_computation() -> None:
    store = SharedResults()
    calls: list[int] = []

    def compute() -> object:
        calls.append(1)
        time.sleep(0.2)
        return object()

    found: list[object] = []
    threads = [threading.Thread(target=lambda: found.append(store.get("scan", "key", compute, 2))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len(found) == 8
    assert all(value is found[0] for value in found)


def test_each_kind_keeps_its_newest_results_and_the_oldest_goes_first() -> None:
    store = SharedResults()
    kept = 2
    for number in range(kept * SHARED_PER_KIND + 2):
        store.get("map", number, lambda number=number: number * 10, kept)
    assert store.keys("map") == list(range(2, kept * SHARED_PER_KIND + 2))
    store.get("map", 2, lambda: pytest.fail("2 is still kept"), kept)  # a hit makes 2 the newest
    store.get("map", "new", lambda: "new", kept)
    assert 2 in store.keys("map") and 3 not in store.keys("map")
    assert store.keys("scan") == []


def test_a_failed_computation_is_not_kept_and_the_next_session_tries_again() -> None:
    store = SharedResults()

    def fail() -> None:
        raise ValueError("bad criteria")

    with pytest.raises(ValueError):
        store.get("scan", "key", fail, 2)
    assert store.get("scan", "key", lambda: "done", 2) == "done"
    store.clear()
    assert store.keys("scan") == []
