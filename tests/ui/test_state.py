"""The app's state model: one module owns the session keys, and one store remembers results, bounded."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
STATE = ROOT / "ui" / "state.py"


def _glue_files() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]


def test_session_state_is_only_touched_by_the_state_module() -> None:
    offending = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _glue_files()
        if path != STATE
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "session_state" in line
    ]
    assert offending == []


def test_results_are_remembered_one_way_only() -> None:
    caching = re.compile(r"\bst\.cache_(data|resource)\b|\bcache_(data|resource)\(")
    caching_files = [str(path.relative_to(ROOT)) for path in _glue_files() if caching.search(path.read_text("utf-8"))]
    assert caching_files == ["ui/shared.py"]  # the store of shared sample results, reached only through remember


def _remembering_script() -> None:
    import streamlit as st

    from ui import state

    calls = st.session_state.setdefault("calls", [])
    for key in st.session_state.get("keys", []):
        state.remember("kind", key, lambda key=key: calls.append(key) or key * 10, 2)


def test_remember_computes_once_per_key_and_drops_the_oldest_first() -> None:
    at = AppTest.from_function(_remembering_script)
    at.session_state["keys"] = [1, 2, 1]
    at.run()
    assert at.session_state["calls"] == [1, 2]  # 1 again is served from the store
    at.session_state["keys"] = [3, 2, 1]
    at.run()
    assert at.session_state["calls"] == [1, 2, 3, 1]  # 3 pushed 1 (the oldest) out; 2 was still kept
    kept = at.session_state["results"]["kind"]
    assert list(kept) == [3, 1] and kept[1] == 10
