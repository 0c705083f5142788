"""The workshop through app.py: the presentation view's steps, Share this view, and links that ask for too much."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from streamlit.testing.v1 import AppTest

from segmentti.data.samples import SAMPLE_DIR, SAMPLES, load_sample
from segmentti.texts import translate
from ui import state

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _open(query: dict[str, str] | None = None, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    if lang:
        at.session_state[state.LANG] = lang
    return at.run()


def _heading(at: AppTest) -> str:
    [heading] = [header.value for header in at.subheader]
    return heading


def _button(at: AppTest, key: str, lang: str):
    [button] = [button for button in at.button if button.label == translate(key, lang)]
    return button


def _layouts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec)["layout"] for chart in at.get("plotly_chart")]


def test_a_link_opens_the_presentation_in_finnish_and_next_and_back_walk_the_steps() -> None:
    at = _open({"present": "1", "lang": "fi", "step": "map", "k": "5"})
    assert not at.exception and not at.warning
    assert _heading(at) == "Vaihe 3/5 · Asiakaskartta"
    [layout] = _layouts(at)
    assert layout["title"]["text"].startswith("Asiakaskartta")
    assert layout["legend"]["font"]["size"] >= 16 and layout["xaxis"]["tickfont"]["size"] >= 16
    assert layout["xaxis"]["title"]["font"]["size"] >= 16 and layout["height"] <= 560
    assert len(layout["legend"]) and at.session_state[state.K] == 5

    _button(at, "present.back", "fi").click().run()
    assert _heading(at) == "Vaihe 2/5 · Montako segmenttiä?"
    assert at.select_slider(key=state.K_CHOICE).value == 5
    at.select_slider(key=state.K_CHOICE).set_value(4).run()
    assert at.session_state[state.K] == 4
    for heading in ("Vaihe 3/5 · Asiakaskartta", "Vaihe 4/5 · Persoonat", "Vaihe 5/5 · Segmenttien listat"):
        _button(at, "present.next", "fi").click().run()
        assert not at.exception and not at.error and _heading(at) == heading
        assert all(layout["font"]["size"] >= 16 for layout in _layouts(at))
    assert _button(at, "present.next", "fi").disabled
    assert [button.proto.label for button in at.get("download_button")] == ["Lataa kaikki listat (ZIP)"]
    assert any(text.value.startswith("4 listaa") for text in at.markdown)

    # "Leave presentation" is walked in the browser test (tests/browser/test_presentation.py)


def test_share_this_view_gives_a_link_that_opens_the_same_view_in_a_session_of_its_own() -> None:
    facilitator = AppTest.from_file(APP, default_timeout=180)
    facilitator.session_state[state.LANG] = "fi"
    sample = SAMPLE_DIR / SAMPLES["b2c_customers"]
    facilitator.session_state[state.DATASET] = state.Dataset(
        load_sample("b2c_customers"), state.digest_of(sample.read_bytes()), sample="b2c_customers"
    )  # the sample loaded, and the choices made on the Criteria and Segments pages:
    facilitator.session_state[state.CRITERIA] = ["age", "income_band", "distance_to_store_km"]
    facilitator.session_state[state.COLUMN_WEIGHTS] = {"age": 2.0}
    facilitator.session_state[state.K] = 6  # as chosen on the Segments page
    facilitator.run()  # one run: AppTest lists the sidebar on a session's first run only
    assert not facilitator.exception
    [url] = [code.value for code in facilitator.sidebar.code]
    query = parse_qs(urlsplit(url).query)
    assert query == {
        "sample": ["b2c_customers"],
        "criteria": ["age,income_band,distance_to_store_km"],
        "weights": ["age:2"],
        "method": ["kmeans"],
        "k": ["6"],
        "seed": ["0"],
        "lang": ["fi"],
        "page": ["data"],
    }
    assert facilitator.sidebar.get("image")  # the QR code, drawn in the app

    participant = _open({name: values[0] for name, values in query.items()})
    assert not participant.exception and not participant.warning
    assert [title.value for title in participant.title] == [translate("data.title", "fi")]
    assert participant.session_state[state.CRITERIA] == ["age", "income_band", "distance_to_store_km"]
    assert participant.session_state[state.COLUMN_WEIGHTS] == {"age": 2.0}
    participant.switch_page("pages/segments.py").run()
    assert participant.select_slider(key=state.K_CHOICE).value == 6
    assert participant.session_state[state.DATASET] is not facilitator.session_state[state.DATASET]


def test_a_link_that_asks_for_what_is_not_there_opens_the_nearest_view_and_says_so() -> None:
    at = _open({"sample": "removed_sample", "criteria": "age,shoe_size", "k": "99", "page": "nowhere"}, lang="en")
    assert not at.exception and not at.error
    [warning] = at.warning
    assert warning.value.startswith(translate("link.heading", "en"))
    for part in ("removed_sample", "shoe_size", "99 segments", "nowhere"):
        assert part in warning.value
    assert [title.value for title in at.title] == [translate("data.title", "en")]
    assert at.session_state[state.DATASET].sample == "b2c_customers"  # the default sample
    assert at.session_state[state.CRITERIA] == ["age"]
    at.run()
    assert not at.warning  # said once


def test_the_server_leaves_garbage_collection_to_python_between_script_runs() -> None:
    """A full collection after every run queued a workshop room's reruns behind each other (docs/benchmarks.md)."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
    assert config["server"]["address"] == "127.0.0.1" and config["browser"]["gatherUsageStats"] is False


def test_the_server_gives_a_rooms_freed_memory_back_to_the_system() -> None:
    """Arrow's mimalloc pool and glibc's per-thread arenas kept 80–120 MB after a room left (ui/allocators.py)."""
    import platform

    import pyarrow

    from ui.allocators import return_freed_memory

    pyarrow.set_memory_pool(pyarrow.mimalloc_memory_pool())  # the wheels' default, as a fresh server starts
    _open()
    assert pyarrow.default_memory_pool().backend_name == "system"
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert return_freed_memory() is True  # glibc took the arena limit
