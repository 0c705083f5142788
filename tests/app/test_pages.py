"""The app through app.py with Streamlit's AppTest on the default sample: loading, criteria, k, export, language.

Every page's smoke test (both languages, no exception, key elements) is tests/app/test_smoke.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.conftest import open_segments_view

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _app(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    return at.run()


def _goto(at: AppTest, page: str) -> AppTest:
    return at.switch_page(page).run()


def _chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _chart_titled(at: AppTest, start: str) -> dict:
    """The one chart whose title starts with ``start``."""
    (spec,) = [spec for spec in _chart_specs(at) if spec["layout"]["title"]["text"].startswith(start)]
    return spec


def test_data_page_starts_with_the_sample_and_switches_samples() -> None:
    at = _app()
    assert "In use: b2c_customers.csv" in [header.value for header in at.subheader]
    assert len(at.dataframe) == 2  # preview and columns
    at.selectbox(key="sample_choice").set_value("b2b_companies").run()
    assert "In use: b2b_companies.csv" in [header.value for header in at.subheader]


def test_upload_a_finnish_csv_then_a_bad_file_keeps_the_loaded_data() -> None:
    at = _app("fi")
    at.radio(key="data_source").set_value("upload").run()
    data = (ROOT / "sample_data" / "b2c_customers_fi.csv").read_bytes()
    at.file_uploader(key="upload").set_value(("asiakkaat.csv", data, "text/csv")).run()
    assert not at.exception
    assert "Käytössä: asiakkaat.csv" in [header.value for header in at.subheader]
    assert "erotin: puolipiste (;)" in at.caption[0].value
    at.file_uploader(key="upload").set_value(("tyhja.csv", b"", "text/csv")).run()
    assert not at.exception
    assert [error.value for error in at.error] == [
        "Tiedosto tyhja.csv on tyhjä. Valitse tiedosto, jossa on otsikkorivi ja asiakasrivejä."
    ]
    assert "Käytössä: asiakkaat.csv" in [header.value for header in at.subheader]
    _goto(at, "pages/criteria.py")
    assert "ikä" in at.multiselect(key="criteria_choice").value


def test_upload_a_table_with_fewer_rows_than_k_shows_the_error_on_the_segments_page() -> None:
    at = _app()
    at.radio(key="data_source").set_value("upload").run()
    at.file_uploader(key="upload").set_value(("tiny.csv", b"age,income\n30,1\n40,2\n", "text/csv")).run()
    _goto(at, "pages/segments.py")
    assert not at.exception
    assert "3 segments need at least 3 customers" in at.error[0].value


def test_criteria_page_suggests_columns_and_warns_when_none_is_chosen() -> None:
    at = _goto(_app(), "pages/criteria.py")
    chosen = at.multiselect(key="criteria_choice").value
    assert "age" in chosen and "customer_id" not in chosen and "email" not in chosen
    at.multiselect(key="criteria_choice").set_value([]).run()
    assert at.warning[0].value == "Choose at least one criterion."
    _goto(at, "pages/segments.py")
    assert not at.exception and at.warning[0].value == "Choose at least one criterion."


def test_segments_page_recommends_k_and_redraws_when_k_changes() -> None:
    at = _goto(_app(), "pages/segments.py")
    assert at.select_slider(key="k_choice").value == 4
    at.select_slider(key="k_choice").set_value(6).run()
    segment_map = _chart_titled(at, "Customer map")
    assert sum(len(trace["x"]["bdata"]) > 0 for trace in segment_map["data"]) == 6  # one map trace per segment
    open_segments_view(at, "sizes")
    assert len(_chart_titled(at, "Segment sizes")["data"][0]["y"]) == 6
    assert len(at.dataframe[-1].value) == 6
    at.select_slider(key="k_choice").set_value(5).run()  # the open view redraws for the new k
    assert len(_chart_titled(at, "Segment sizes")["data"][0]["y"]) == 5
    _goto(at, "pages/criteria.py")
    _goto(at, "pages/segments.py")
    assert at.select_slider(key="k_choice").value == 5  # the choice survives a visit elsewhere


def test_export_page_offers_one_segment_and_all_customers() -> None:
    at = _goto(_goto(_app("fi"), "pages/segments.py"), "pages/export.py")
    assert not at.exception
    buttons = [button.proto.label for button in at.get("download_button")]
    # counts in the Finnish number format
    assert len(buttons) == 8 and "Lataa kaikki 5\u00a0000 asiakasta segmentteineen (CSV)" in buttons
    options = at.selectbox(key="export_segment").options
    sizes = [int(label.rsplit("(", 1)[1].rstrip(")").replace("\u00a0", "")) for label in options]
    assert sum(sizes) == 5000
    at.selectbox(key="export_segment").set_value(2).run()
    assert buttons[0] != at.get("download_button")[0].proto.label or sizes[0] == sizes[1]
    count = f"{sizes[1]:,}".replace(",", "\u00a0")
    assert f"Lataa segmentin {count} asiakasta (CSV)" == at.get("download_button")[0].proto.label


def test_export_page_before_any_segmentation_points_to_the_segments_page() -> None:
    at = _goto(_app(), "pages/export.py")
    assert at.info[0].value == "Form the segments on the Segments page first."


def test_language_switch_changes_the_texts() -> None:
    at = _app("en")
    switch = at.segmented_control(key="language_choice")
    assert switch.options == ["Suomi", "English"] and switch.value == "en"
    switch.set_value("fi").run()
    assert [element.value for element in at.title] == ["Asiakasaineisto"]
    _goto(at, "pages/criteria.py")
    assert [element.value for element in at.title] == ["Segmentointikriteerit"]  # the choice holds across pages
    at = _app("fi")
    at.segmented_control(key="language_choice").set_value("en").run()
    assert [element.value for element in at.title] == ["Customer data"]
