"""Every page of the app, run through app.py on a small prepared data set: no exception, its key elements shown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from segmentti.texts import translate
from tests.app.conftest import open_segments_view
from ui import state
from ui.state import Dataset

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
SMALL_K = 3
"""The k the session has chosen, as if on the Segments page: the Personas and Export pages follow it."""
SMALL_CUSTOMERS = 240
"""Rows of the ``small_dataset`` fixture (tests/app/conftest.py)."""


def _chart_titles(at: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"].get("title", {}).get("text", "") for chart in at.get("plotly_chart")]


def _data(at: AppTest, lang: str) -> None:
    assert at.radio(key="data_source").value == "upload"  # the injected data is an upload, not a sample
    assert any("small_customers.csv" in header.value for header in at.subheader)
    assert len(at.dataframe) >= 1


def _quality(at: AppTest, lang: str) -> None:
    assert at.metric[0].value == str(SMALL_CUSTOMERS)
    assert len(at.metric) == 4


def _criteria(at: AppTest, lang: str) -> None:
    chosen = at.multiselect(key="criteria_choice").value
    assert {"age", "recency_days", "total_spend"} <= set(chosen)
    assert "customer_id" not in chosen and "email" not in chosen


def _segments(at: AppTest, lang: str) -> None:
    assert at.select_slider(key="k_choice").value == SMALL_K
    assert [title for title in _chart_titles(at) if title.startswith(translate("chart.map_title", lang)[:12])]
    open_segments_view(at, "sizes", lang)
    sizes = [title for title in _chart_titles(at) if title.startswith(translate("chart.sizes_title", lang))]
    assert len(sizes) == 1 and not at.exception


def _rfm(at: AppTest, lang: str) -> None:
    assert at.radio(key="rfm_bins").value == "quintiles"
    titles = _chart_titles(at)
    assert len(titles) == 4  # sizes, the R × F grid, the profile heatmap, the crossing with the clusters
    for key in ("chart.sizes_title", "engine.rf_grid_title", "engine.crosstab_title"):
        assert any(title.startswith(translate(key, lang)) for title in titles), key
    assert [button.key for button in at.get("download_button")] == ["rfm_download"]


def _rules(at: AppTest, lang: str) -> None:
    editor, sizes = at.dataframe[0], at.dataframe[1]
    assert editor.key.startswith("rules_editor") and len(editor.value) == 5  # the example rules' conditions
    assert sizes.value.iloc[:, 1].sum() == SMALL_CUSTOMERS  # every customer in one rule or in Others
    assert [button.key for button in at.get("download_button")] == ["rules_save", "rules_download"]


def _personas(at: AppTest, lang: str) -> None:
    names = [element for element in at.text_input if element.key and element.key.startswith("persona_name_")]
    assert len(names) == SMALL_K and all(element.value for element in names)
    assert [header.value[:2] for header in at.subheader][:SMALL_K] == ["1.", "2.", "3."]


def _export(at: AppTest, lang: str) -> None:
    labels = [button.proto.label for button in at.get("download_button")]
    assert any(str(SMALL_CUSTOMERS) in label for label in labels)
    sizes = [int(label.rsplit("(", 1)[1].rstrip(")")) for label in at.selectbox(key="export_segment").options]
    assert len(sizes) == SMALL_K and sum(sizes) == SMALL_CUSTOMERS


def _score(at: AppTest, lang: str) -> None:
    assert at.radio(key="model_source").value == "session"  # the session's segments, until a model file is chosen
    assert at.info[-1].value == translate("score.waiting", lang)


def _compare(at: AppTest, lang: str) -> None:
    assert at.radio(key="model_source").value == "session"
    assert at.info[-1].value == translate("compare.waiting", lang)


def _present(at: AppTest, lang: str) -> None:
    heading = translate("present.step_of", lang, number=1, total=5) + " · " + translate("present.step_data", lang)
    assert [header.value for header in at.subheader] == [heading]  # the step is the page's one heading
    assert at.metric[0].value == str(SMALL_CUSTOMERS)
    assert translate("present.next", lang) in [button.label for button in at.button]


def _value(at: AppTest, lang: str) -> None:
    assert at.toggle(key="value_orders").value  # the prepared customers have ids: the sample's order lines join on them
    titles = _chart_titles(at)
    for key in ("value.risk_title", "value.alive_title"):
        assert any(title.startswith(translate(key, lang)) for title in titles), key
    assert [button.key for button in at.get("download_button")] == ["value_risk_download", "value_download"]


PAGES: dict[str, tuple[str | None, Callable[[AppTest, str], None]]] = {
    "data": ("data.title", _data),
    "quality": ("quality.title", _quality),
    "criteria": ("criteria.title", _criteria),
    "segments": ("segments.title", _segments),
    "rfm": ("rfm.title", _rfm),
    "rules": ("rules.title", _rules),
    "personas": ("personas.title", _personas),
    "export": ("export.title", _export),
    "score": ("score.title", _score),
    "compare": ("compare.title", _compare),
    "value": ("value.title", _value),
    "present": (None, _present),  # no title: the projector's first screen goes to the step and its chart
}


def test_every_page_of_the_app_is_smoke_tested() -> None:
    assert set(PAGES) == {path.stem for path in (ROOT / "pages").glob("*.py")}


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("page", list(PAGES))
def test_page_runs_on_prepared_data(page: str, lang: str, small_dataset: Dataset) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[state.LANG] = lang
    at.session_state[state.DATASET] = small_dataset
    at.session_state[state.SOURCE] = small_dataset
    at.session_state[state.K] = SMALL_K
    at.run()
    if page != "data":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [exception.value for exception in at.exception]
    assert not at.error, [error.value for error in at.error]
    title, check = PAGES[page]
    assert [element.value for element in at.title] == ([translate(title, lang)] if title else [])
    check(at, lang)
