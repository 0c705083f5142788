"""The project box, the Score and Compare pages and the rules from a tree, run through app.py like a user."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
from conftest import build_small_customers
from streamlit.testing.v1 import AppTest

from segmentti.engine.model import SegmentModel
from segmentti.outputs.tables import to_csv_bytes
from segmentti.project.project_file import Project, project_to_bytes
from segmentti.project.saved_model import model_to_bytes, save_model
from segmentti.texts import translate
from ui import state
from ui.state import Dataset

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
CRITERIA = ["age", "recency_days", "orders", "total_spend"]


def _app(small_dataset: Dataset, lang: str = "en", k: int | None = 3) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[state.LANG] = lang
    at.session_state[state.DATASET] = small_dataset
    at.session_state[state.SOURCE] = small_dataset
    if k is not None:
        at.session_state[state.K] = k
    at.run()
    return at


def _model_bytes() -> bytes:
    frame = build_small_customers()
    model = SegmentModel(criteria=CRITERIA, k=3, seed=0).fit(frame)
    return model_to_bytes(save_model(model, ["Nuoret", "Keski-ikäiset", "Seniorit"], source="tammikuu.csv"))


def _errors(at: AppTest) -> list[str]:
    assert not at.exception, [exception.value for exception in at.exception]
    return [error.value for error in at.error]


def test_scoring_new_customers_with_a_model_file(small_dataset: Dataset) -> None:
    at = _app(small_dataset, "fi")
    at.switch_page("pages/score.py").run()
    at.radio(key="model_source").set_value("file").run()
    at.file_uploader(key=state.MODEL_UPLOAD).set_value(("model.json", _model_bytes(), "application/json")).run()
    new = build_small_customers(rows=90, seed=21)
    at.file_uploader(key=state.SCORE_UPLOAD).set_value(("helmikuu.csv", to_csv_bytes(new), "text/csv")).run()
    assert _errors(at) == []
    assert at.success[-1].value == translate("score.done", "fi", count="90", k=3)
    sizes = at.dataframe[0].value
    assert list(sizes.iloc[:, 0]) == ["1. Nuoret", "2. Keski-ikäiset", "3. Seniorit"]
    keys = {button.key for button in at.get("download_button")}
    assert {"score_download_segments.csv", "score_download_segments.xlsx", "score_download_lists.zip"} <= keys


def test_a_pickle_as_model_is_refused_on_the_page(small_dataset: Dataset, tmp_path: Path) -> None:
    marker = tmp_path / "ran.txt"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    at = _app(small_dataset)
    at.switch_page("pages/score.py").run()
    at.radio(key="model_source").set_value("file").run()
    at.file_uploader(key=state.MODEL_UPLOAD).set_value(
        ("model.json", pickle.dumps(Payload()), "application/json")
    ).run()
    assert _errors(at) == [translate("error.model_is_pickle", "en", name="model.json")]
    assert not marker.exists() and at.session_state[state.DATASET] is small_dataset


def test_comparing_two_snapshots_with_the_session_segments(small_dataset: Dataset) -> None:
    at = _app(small_dataset)
    at.switch_page("pages/compare.py").run()
    frame = small_dataset.table.frame
    later = frame.iloc[40:].copy()
    later.loc[later.index[:5], ["age", "recency_days", "orders", "total_spend"]] = [70, 400, 1, 90.0]
    at.file_uploader(key=state.COMPARE_OLD).set_value(("tammikuu.csv", to_csv_bytes(frame), "text/csv"))
    at.file_uploader(key=state.COMPARE_NEW).set_value(("helmikuu.csv", to_csv_bytes(later), "text/csv")).run()
    assert _errors(at) == []
    figures = {metric.label: metric.value for metric in at.metric}
    assert figures[translate("compare.metric_gone", "en")] == "40"
    assert figures[translate("compare.metric_then", "en")] == "240"
    [sankey] = at.get("plotly_chart")
    assert json.loads(sankey.proto.spec)["data"][0]["type"] == "sankey"
    keys = {button.key for button in at.get("download_button")}
    assert {"compare_download_movers.csv", "compare_download_migration.csv"} <= keys


SIDEBAR = """
from ui.project import project_sidebar

project_sidebar()
"""


def test_opening_a_project_sets_every_choice_and_a_bad_one_changes_nothing(small_dataset: Dataset) -> None:
    # the sidebar's project box on its own: after the first run AppTest reruns only the page, never app.py's frame
    at = AppTest.from_string(SIDEBAR, default_timeout=120)
    at.session_state[state.LANG] = "fi"
    at.session_state[state.DATASET] = small_dataset
    at.session_state[state.SOURCE] = small_dataset
    at.run()
    project = Project(
        criteria=("age", "total_spend"),
        family_weights={"demographic": 2.0},
        method="ward",
        k=4,
        personas=({"number": 1, "name": "Kanta-asiakkaat", "notes": "soita"},),
        pilot_percent=20.0,
    )
    at.file_uploader(key=state.PROJECT_UPLOAD).set_value(("p.json", project_to_bytes(project), "application/json"))
    at.run()
    assert _errors(at) == [] and len(at.success) == 1
    assert at.session_state[state.CRITERIA] == ["age", "total_spend"] and at.session_state[state.K] == 4
    assert at.session_state[state.METHOD] == "ward" and at.session_state[state.PILOT_PERCENT] == 20
    assert at.session_state[state.FAMILY_WEIGHTS] == {"demographic": 2.0}
    [edits] = at.session_state[state.PERSONA_EDITS].values()
    assert edits[1] == {"name": "Kanta-asiakkaat", "notes": "soita"}

    broken = Project(criteria=("age", "shoe_size"), k=2)
    at.file_uploader(key=state.PROJECT_UPLOAD).set_value(("rikki.json", project_to_bytes(broken), "application/json"))
    at.run()
    [message] = _errors(at)
    assert "shoe_size" in message and message == translate(
        "error.project_columns_missing",
        "fi",
        columns="shoe_size",
        data="small_customers.csv",
        available=", ".join(small_dataset.table.frame.columns),
    )
    assert at.session_state[state.CRITERIA] == ["age", "total_spend"] and at.session_state[state.K] == 4
    assert at.session_state[state.DATASET] is small_dataset


SAVED = """
import streamlit as st

from segmentti.project.project_file import project_to_bytes
from ui.project import current_project

st.code(project_to_bytes(current_project()).decode())
"""


def test_the_saved_project_holds_the_session_choices(small_dataset: Dataset) -> None:
    at = AppTest.from_string(SAVED, default_timeout=120)
    at.session_state[state.DATASET] = small_dataset
    at.session_state[state.SOURCE] = small_dataset
    at.session_state[state.CRITERIA] = ["age", "orders"]
    at.session_state[state.COLUMN_WEIGHTS] = {"age": 2.0, "orders": 1.0}
    at.session_state[state.K] = 3
    at.session_state[state.METHOD] = "gmm"
    at.session_state[state.PILOT_ON] = True
    at.session_state[state.PILOT_PERCENT] = 15
    at.run()
    assert _errors(at) == []
    document = json.loads(at.code[0].value)
    assert document["criteria"] == ["age", "orders"] and document["k"] == 3 and document["method"] == "gmm"
    assert document["column_weights"] == {"age": 2.0} and document["pilot"] == {"percent": 15.0, "seed": 0}
    assert document["data"]["files"][0]["name"] == "small_customers.csv"
    assert "customer0@example.fi" not in at.code[0].value  # decisions only, never a customer


def test_rules_from_the_tree_go_to_the_rules_page_with_one_click(small_dataset: Dataset) -> None:
    at = _app(small_dataset)
    at.switch_page("pages/personas.py").run()
    assert _errors(at) == []
    at.button(key="tree_rules_copy").click().run()
    assert _errors(at) == []
    assert [title.value for title in at.title] == [translate("rules.title", "en")]
    rules = at.session_state[state.RULES]
    assert len(rules) == 3 and all(1 <= len(rule.conditions) <= 3 for rule in rules)
    names = np.unique(at.dataframe[0].value["rule"]).tolist()
    assert len(names) == 3
