"""A project of several joined files in the app: every file recorded, the join rebuilt on opening, missing files named."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from segmentti.project.project_file import Project, project_from_bytes, project_to_bytes
from segmentti.texts import translate
from ui import state
from ui.project_files import loaded_files

ROOT = Path(__file__).resolve().parents[2]

# The sidebar's project box and the data page in one script: AppTest reruns only the page of an
# st.navigation app, never app.py's sidebar. The data page's link to the next page needs that
# navigation, so this frame leaves it out while the page runs.
FRAME = f"""
import runpy

import ui.widgets
from ui.project import project_sidebar

ui.widgets.ensure_default_data()
project_sidebar()
link = ui.widgets.next_step
ui.widgets.next_step = lambda page, label_key: None
try:
    runpy.run_path({str(ROOT / "pages" / "data.py")!r}, run_name="__main__")
finally:
    ui.widgets.next_step = link
"""

SAVED = """
import streamlit as st

from segmentti.project.project_file import project_to_bytes
from ui.project import current_project

st.code(project_to_bytes(current_project()).decode())
"""


def _files() -> list[tuple[str, bytes]]:
    rng = np.random.default_rng(4)
    ids = [f"A{number:03d}" for number in range(50)]
    crm = pd.DataFrame(
        {"asiakasnro": ids, "ika": rng.integers(20, 80, 50), "kunta": rng.choice(["Hämeenlinna", "Espoo"], 50)}
    )
    lines = pd.DataFrame(
        {
            "tilaus": [f"T{n:04d}" for n in range(300)],
            "asiakas": rng.choice(ids, 300),
            "pvm": (pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 300, 300), unit="D")).strftime(
                "%d.%m.%Y"
            ),
            "summa": rng.lognormal(3, 0.5, 300).round(2),
        }
    )
    return [
        ("crm.csv", crm.to_csv(sep=";", index=False).encode("cp1252")),
        ("tilaukset.csv", lines.to_csv(index=False).encode()),
    ]


AS_OF = datetime.date(2025, 9, 30)


def _session(lang: str = "en") -> AppTest:
    at = AppTest.from_string(FRAME, default_timeout=120)
    at.session_state[state.LANG] = lang
    return at.run()


def _upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    at.radio(key=state.DATA_SOURCE).set_value("upload").run()
    return at.file_uploader(key=state.UPLOAD).set_value([(name, data, "text/csv") for name, data in files]).run()


def _ok(at: AppTest) -> None:
    assert not at.exception, [exception.value for exception in at.exception]
    assert not at.error, [error.value for error in at.error]


def _joined_the_projects_way() -> tuple[AppTest, Project]:
    """A session that loaded both files with the order lines cut at :data:`AS_OF`, and its project."""
    files = _files()
    at = _upload(_session(), files)
    orders_key = state.file_key(files[1][1], 1)
    at.date_input(key=state.file_widget_key(orders_key, "as_of")).set_value(AS_OF).run()
    _ok(at)
    parts = at.session_state[state.DATASET].parts
    assert [part.kind for part in parts] == ["customers", "orders"] and parts[1].as_of == AS_OF.isoformat()
    saved = AppTest.from_string(SAVED, default_timeout=120)
    saved.session_state[state.DATASET] = at.session_state[state.DATASET]
    saved.session_state[state.SOURCE] = at.session_state[state.SOURCE]
    saved.session_state[state.CRITERIA] = ["ika", "orders"]
    saved.session_state[state.K] = 3
    saved.run()
    _ok(saved)
    document = json.loads(saved.code[0].value)
    recorded = document["data"]["files"]
    assert [(entry["name"], entry["kind"]) for entry in recorded] == [
        ("crm.csv", "customers"),
        ("tilaukset.csv", "orders"),
    ]
    assert recorded[0]["id_column"] == "asiakasnro" and recorded[0]["separator"] == ";"
    assert recorded[1]["orders"]["customer"] == "asiakas" and recorded[1]["as_of"] == "2025-09-30"
    return at, project_from_bytes(saved.code[0].value.encode())


def test_opening_the_project_on_the_same_files_rebuilds_the_join() -> None:
    first, project = _joined_the_projects_way()
    at = _upload(_session(), _files())  # loaded again with what is detected: the order lines are not cut
    assert at.session_state[state.DATASET].digest != first.session_state[state.DATASET].digest
    at.file_uploader(key=state.PROJECT_UPLOAD).set_value(("p.json", project_to_bytes(project), "application/json"))
    at.run()
    _ok(at)
    assert translate("project.files_rejoined", "en", name="p.json", names="crm.csv, tilaukset.csv") in [
        success.value for success in at.success
    ]
    working, before = at.session_state[state.DATASET], first.session_state[state.DATASET]
    assert loaded_files(working) == loaded_files(before) == project.files  # read and joined as the project says
    pd.testing.assert_frame_equal(working.table.frame, before.table.frame)
    assert at.session_state[state.K] == 3 and at.session_state[state.CRITERIA] == ["ika", "orders"]


def test_opening_a_project_whose_files_are_not_loaded_names_them_then_applies_it() -> None:
    first, project = _joined_the_projects_way()
    at = _session("fi")
    sample = at.session_state[state.DATASET]
    at.file_uploader(key=state.PROJECT_UPLOAD).set_value(("p.json", project_to_bytes(project), "application/json"))
    at.run()
    _ok(at)
    expected = translate("project.load_files", "fi", names="crm.csv, tilaukset.csv", missing="crm.csv, tilaukset.csv")
    assert [warning.value for warning in at.warning] == [expected]
    assert at.session_state[state.DATASET] is sample and state.K not in at.session_state
    _upload(at, _files())
    _ok(at)
    assert loaded_files(at.session_state[state.DATASET]) == project.files
    pd.testing.assert_frame_equal(
        at.session_state[state.DATASET].table.frame, first.session_state[state.DATASET].table.frame
    )
    assert at.session_state[state.K] == 3


SIDEBAR = """
from ui.project import project_sidebar

project_sidebar()
"""


def test_files_loaded_before_are_joined_again_from_another_page() -> None:
    first, project = _joined_the_projects_way()
    loaded = _upload(_session(), _files()).session_state[state.DATASET]  # what is detected: not cut at the day
    at = AppTest.from_string(SIDEBAR, default_timeout=120)  # another page: the uploads are gone, the data stays
    at.session_state[state.LANG] = "en"
    at.session_state[state.DATASET] = loaded
    at.session_state[state.SOURCE] = loaded
    at.run()
    at.file_uploader(key=state.PROJECT_UPLOAD).set_value(("p.json", project_to_bytes(project), "application/json"))
    at.run()
    _ok(at)
    assert len(at.success) == 1 and not at.warning
    working = at.session_state[state.DATASET]
    assert [part.as_of for part in working.parts] == [None, "2025-09-30"]
    pd.testing.assert_frame_equal(working.table.frame, first.session_state[state.DATASET].table.frame)
    assert at.session_state[state.K] == 3
