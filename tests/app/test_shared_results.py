"""Sessions share what they compute from the bundled sample, and never what they compute from their own uploads."""

from __future__ import annotations

import threading
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.conftest import build_small_customers
from ui import state, warmup
from ui.shared import shared_results

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _segments_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state[state.LANG] = lang
    at.run()
    return at.switch_page("pages/segments.py").run()


def _uploaded_segments(data: bytes) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state[state.LANG] = "en"
    at.run()
    at.radio(key=state.DATA_SOURCE).set_value("upload").run()
    at.file_uploader(key=state.UPLOAD).set_value([("customers.csv", data, "text/csv")]).run()
    assert not at.exception and not at.error
    return at.switch_page("pages/segments.py").run()


def _newest(at: AppTest, kind: str):
    return next(reversed(state.results(kind, at.session_state).values()))


def test_two_sessions_on_the_sample_share_one_scan_and_one_segmentation() -> None:
    first = _segments_page("en")
    second = _segments_page("fi")  # another language: the computation is the same, only its texts differ
    assert not first.exception and not second.exception
    assert _newest(second, "scan") is _newest(first, "scan")
    assert _newest(second, "segmentation") is _newest(first, "segmentation")
    assert len(shared_results().keys("scan")) == 1 and len(shared_results().keys("segmentation")) == 1
    # the QR code of a sample's shared view is drawn once for everyone on that view (it depends on the link only)
    assert len(shared_results().keys("share_qr")) == 2  # the English and the Finnish link
    assert _segments_page("en") and len(shared_results().keys("share_qr")) == 2
    # the second session's k change is computed once, for itself and for the first session's next visit
    second.select_slider(key=state.K_CHOICE).set_value(3).run()
    first.select_slider(key=state.K_CHOICE).set_value(3).run()
    assert _newest(first, "segmentation") is _newest(second, "segmentation")
    assert _newest(first, "segmentation").k == 3


def test_uploads_of_the_same_shape_stay_in_their_own_sessions() -> None:
    mine = build_small_customers(seed=1).to_csv(index=False).encode()
    theirs = build_small_customers(seed=2).to_csv(index=False).encode()
    assert mine != theirs
    first = _uploaded_segments(mine)
    second = _uploaded_segments(theirs)
    assert not first.exception and not second.exception
    first_digest = first.session_state[state.DATASET].digest
    second_digest = second.session_state[state.DATASET].digest
    assert first_digest != second_digest
    segmented_first, segmented_second = _newest(first, "segmentation"), _newest(second, "segmentation")
    assert segmented_first is not segmented_second
    assert (segmented_first.labels != segmented_second.labels).any() or (
        segmented_first.centers != segmented_second.centers
    ).any()
    for at, other in ((first, second_digest), (second, first_digest)):
        for kind in ("table", "features", "scan", "segmentation", "map", "rendering"):
            assert not any(other in repr(key) for key in state.results(kind, at.session_state)), kind
    # nothing of either upload went into the store every session reads (the sample each session opened on did)
    for kind in ("table", "features", "scan", "segmentation", "profile", "map", "rendering"):
        shared = repr(shared_results().keys(kind))
        assert first_digest not in shared and second_digest not in shared, kind
    assert shared_results().keys("sample") == ["b2c_customers"]
    # the links of the uploads' views (their column names) are drawn as QR codes in their own sessions only
    shared_links = shared_results().keys("share_qr")
    assert shared_links and all("sample=b2c_customers" in link for link in shared_links)  # the sample they opened on


def test_the_first_session_prepares_the_samples_segments_view_in_the_background(monkeypatch) -> None:
    monkeypatch.setenv(warmup.SWITCH, "1")
    monkeypatch.setattr(warmup, "_STARTED", threading.Event())  # as in a freshly started server
    facilitator = AppTest.from_file(APP, default_timeout=180)
    facilitator.session_state[state.LANG] = "fi"
    facilitator.run()  # the data page only
    assert not facilitator.exception
    [worker] = [thread for thread in threading.enumerate() if thread.name == "segmentti-prepare-sample"]
    worker.join(timeout=120)
    assert not worker.is_alive()
    [scanned] = shared_results().keys("scan")
    segmented = shared_results().keys("segmentation")
    assert len(segmented) == 9 and len(shared_results().keys("projection")) == 1  # every k of 2–10, one map
    participant = _segments_page("en")  # the room: served what was prepared, nothing scanned or segmented again
    assert not participant.exception
    participant.select_slider(key=state.K_CHOICE).set_value(7).run()
    assert shared_results().keys("scan") == [scanned] and sorted(
        map(repr, shared_results().keys("segmentation"))
    ) == sorted(map(repr, segmented))
    second = AppTest.from_file(APP, default_timeout=180).run()  # once per server process
    assert not second.exception
    assert not [thread for thread in threading.enumerate() if thread.name == "segmentti-prepare-sample"]
