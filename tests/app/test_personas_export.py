"""The Personas and Export pages through app.py: cards, edits that persist and reach every export, escaping."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import ClassVar

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


class _RecordingMediaFileManager(MediaFileManager):
    """Keeps every manager AppTest makes, so a test can run a download button's deferred callable."""

    made: ClassVar[list[MediaFileManager]] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _RecordingMediaFileManager.made.append(self)


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch):
    """``downloads(at, key)`` → the bytes the download button ``key`` gives (private Streamlit API, see STACK-NOTES)."""
    _RecordingMediaFileManager.made = []
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", _RecordingMediaFileManager)

    def fetch(at: AppTest, key: str) -> bytes:
        button = next(button for button in at.get("download_button") if button.proto.id.endswith(key))
        entry = _RecordingMediaFileManager.made[-1]._deferred_callables[button.proto.deferred_file_id]
        data = entry["callable"]()
        return data.encode("utf-8") if isinstance(data, str) else data

    return fetch


def _app(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    return at.run()


def _goto(at: AppTest, page: str) -> AppTest:
    return at.switch_page(page).run()


def _name_input(at: AppTest, number: int):
    return next(widget for widget in at.text_input if widget.key.endswith(f"_{number}"))


@pytest.mark.parametrize(("lang", "title"), [("en", "Personas"), ("fi", "Persoonat")])
def test_personas_page_shows_a_card_per_segment_and_the_comparison(lang: str, title: str) -> None:
    at = _goto(_goto(_app(lang), "pages/segments.py"), "pages/personas.py")
    assert not at.exception and not at.error
    assert [element.value for element in at.title] == [title]
    assert len(at.text_input) == 4 and len(at.text_area) == 4  # k = 4 recommended on the sample
    comparison = at.dataframe[-1].value  # the reports' table, formatted in the page's language
    assert comparison.iloc[:, 2].str.replace("\u00a0", "").str.replace(",", "").astype(int).sum() == 5000
    assert comparison.iloc[:, 1].tolist() == [widget.value for widget in at.text_input]
    assert len(at.get("plotly_chart")) == 4 + 1  # a trait chart per persona and the share chart


def test_personas_page_before_any_segmentation_points_to_the_segments_page() -> None:
    at = _goto(_app(), "pages/personas.py")
    assert at.info[0].value == "Form the segments on the Segments page first."


def test_an_edited_name_and_notes_persist_and_go_into_every_export(downloads) -> None:
    at = _goto(_goto(_app(), "pages/segments.py"), "pages/personas.py")
    _name_input(at, 2).set_value("Tech students").run()
    next(area for area in at.text_area if area.key.endswith("_2")).set_value("Try TikTok first").run()
    assert "2. Tech students" in [header.value for header in at.subheader]
    _goto(at, "pages/data.py")
    _goto(at, "pages/personas.py")
    assert _name_input(at, 2).value == "Tech students"  # kept across pages
    _goto(at, "pages/export.py")
    assert not at.exception
    at.selectbox(key="export_segment").set_value(2).run()
    assert set(at.dataframe[0].value["Tags"]) == {"Tech students"}

    lists = zipfile.ZipFile(io.BytesIO(downloads(at, "download_zip")))
    second = next(name for name in lists.namelist() if name.startswith("02_"))
    assert second == "02_Tech_students.csv"
    assert set(pd.read_csv(lists.open(second))["Tags"]) == {"Tech students"}
    one = pd.read_csv(io.BytesIO(downloads(at, "download_list")))
    assert set(one["Tags"]) == {"Tech students"}
    customers = pd.read_csv(io.BytesIO(downloads(at, "download_segment")))
    assert set(customers["segment_name"]) == {"Tech students"} and set(customers["segment"]) == {2}
    everyone = pd.read_csv(io.BytesIO(downloads(at, "download_all")))
    assert set(everyone.loc[everyone["segment"] == 2, "segment_name"]) == {"Tech students"}
    finnish = pd.read_csv(io.BytesIO(downloads(at, "download_all_fi")), sep=";", decimal=",", encoding="utf-8-sig")
    assert len(finnish) == 5000 and set(finnish.loc[finnish["segment"] == 2, "segment_name"]) == {"Tech students"}
    book = load_workbook(io.BytesIO(downloads(at, "download_xlsx")), read_only=True)
    assert "2 Tech students" in book.sheetnames
    personas_sheet = list(book["Personas"].values)
    assert personas_sheet[2][1:3] == ("Tech students", "Try TikTok first")
    assert "Tech students" in downloads(at, "download_html").decode("utf-8")
    assert "Try TikTok first" in downloads(at, "download_md").decode("utf-8")


def test_pilot_split_and_consent_choice_change_the_lists(downloads) -> None:
    at = _goto(_goto(_app(), "pages/segments.py"), "pages/export.py")
    consenting = len(pd.read_csv(io.BytesIO(downloads(at, "download_list"))))
    at.checkbox(key="export_only_consenting").uncheck().run()
    everyone = len(pd.read_csv(io.BytesIO(downloads(at, "download_list"))))
    assert everyone > consenting
    at.toggle(key="export_pilot_on").set_value(True).run()
    at.slider(key="export_pilot_percent").set_value(20).run()
    names = zipfile.ZipFile(io.BytesIO(downloads(at, "download_zip"))).namelist()
    assert sum(name.endswith("_control.csv") for name in names) == 4
    sent = len(pd.read_csv(io.BytesIO(downloads(at, "download_list"))))
    assert sent == pytest.approx(everyone * 0.8, abs=2)
    everyone_file = pd.read_csv(io.BytesIO(downloads(at, "download_all")))
    assert everyone_file["pilot_group"].value_counts()["control"] == pytest.approx(1000, abs=2)


def test_html_in_the_data_is_shown_as_text_on_the_personas_page(downloads) -> None:
    rows = ["age,hobby,email"] + [
        f"{20 + i % 5},{'<script>alert(1)</script>' if i < 20 else 'golf'},p{i}@example.fi" for i in range(20)
    ]
    rows += [f"{60 + i % 5},golf,q{i}@example.fi" for i in range(20)]
    at = _app()
    at.radio(key="data_source").set_value("upload").run()
    at.file_uploader(key="upload").set_value(("x.csv", "\n".join(rows).encode(), "text/csv")).run()
    _goto(at, "pages/segments.py")
    at.select_slider(key="k_choice").set_value(2).run()
    _goto(at, "pages/personas.py")
    assert not at.exception
    shown = " ".join(element.value for element in at.markdown) + " ".join(h.value for h in at.subheader)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    _goto(at, "pages/export.py")
    page = downloads(at, "download_html").decode("utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unedited_names_follow_the_language_and_edited_ones_stay() -> None:
    values = [centre + offset for centre in (1, 5, 9) for offset in (-0.1, 0.0, 0.0, 0.1)]
    frame = "x,y\n" + "\n".join(f"{value},{i % 2}" for i, value in enumerate(values))
    at = _app("en")
    at.radio(key="data_source").set_value("upload").run()
    at.file_uploader(key="upload").set_value(("three.csv", frame.encode(), "text/csv")).run()
    _goto(at, "pages/criteria.py")
    at.multiselect(key="criteria_choice").set_value(["x"]).run()
    _goto(at, "pages/segments.py")
    at.select_slider(key="k_choice").set_value(3).run()
    _goto(at, "pages/personas.py")
    names = [widget.value for widget in at.text_input]
    assert sorted(names) == ["X 1", "X 9", "close to average"]  # the column label is capitalised
    average = names.index("close to average") + 1
    edited = 1 if average != 1 else 2
    _name_input(at, edited).set_value("Kept name").run()
    # the language switch as its callback leaves it (after an upload AppTest does not list the sidebar's widgets)
    at.session_state["lang"] = at.session_state["language_choice"] = "fi"
    at.run()
    assert _name_input(at, average).value == "lähellä keskiarvoa"  # unedited: follows the language
    assert _name_input(at, edited).value == "Kept name"


def test_quality_fixes_applied_to_the_data_are_listed_in_the_report_and_workbook(downloads) -> None:
    at = _goto(_app(), "pages/quality.py")
    assert len(at.selectbox[0].options) > 1  # "leave as it is" and at least one fix
    at.selectbox[0].select_index(1).run()
    steps = [step.text("en") for step in at.session_state["dataset"].steps]
    assert len(steps) == 1
    at = _goto(_goto(at, "pages/segments.py"), "pages/export.py")
    assert not at.exception
    from segmentti.outputs.report import escape_markdown

    assert escape_markdown(steps[0]) in downloads(at, "download_md").decode("utf-8")
    workbook = load_workbook(io.BytesIO(downloads(at, "download_xlsx")), read_only=True)
    cells = [str(cell) for row in workbook.worksheets[0].iter_rows(values_only=True) for cell in row if cell]
    assert any(steps[0] in cell for cell in cells)


def test_every_download_of_the_export_page_is_a_file_of_the_one_run_assembler(downloads, monkeypatch) -> None:
    import segmentti.outputs.run as run_module

    assembled = []
    original = run_module.assemble_run

    def recording(*args, **kwargs):
        assembled.append(original(*args, **kwargs))
        return assembled[-1]

    monkeypatch.setattr(run_module, "assemble_run", recording)
    at = _goto(_goto(_app(), "pages/segments.py"), "pages/export.py")
    assert not at.exception and assembled
    run = assembled[-1]
    buttons = {
        "download_all": "segments.csv",
        "download_all_fi": "segments_excel_fi.csv",
        "download_html": "report.html",
        "download_md": "personas.md",
        "download_zip": "lists.zip",
        "download_list": run.list_name(1),
    }
    for key, name in buttons.items():
        assert downloads(at, key) == run[name], key
    assert downloads(at, "download_segment") == run.segment_csv(1)
    book = load_workbook(io.BytesIO(downloads(at, "download_xlsx")), read_only=True)
    assert book.sheetnames == load_workbook(io.BytesIO(run["segments.xlsx"]), read_only=True).sheetnames


def test_column_labels_and_currency_reach_the_cards_and_every_export(downloads, small_dataset) -> None:
    from ui import state

    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[state.LANG] = "fi"
    at.session_state[state.DATASET] = at.session_state[state.SOURCE] = small_dataset
    at.session_state[state.K] = 3
    at.session_state[state.COLUMN_LABELS] = {"age": "Asiakkaan ikä", "total_spend": "Ostot euroina"}
    at.session_state[state.CURRENCY] = "kr"
    at.run()
    _goto(at, "pages/personas.py")
    assert not at.exception
    sentences = " ".join(block.value for block in at.markdown)
    assert "Asiakkaan ikä" in sentences and "Ostot euroina" in sentences
    kpi_tables = [frame.value for frame in at.dataframe if "Mittari" in frame.value.columns]
    money = [value for table in kpi_tables for value in table.iloc[:, 1] if str(value).endswith("kr")]
    assert money and all("\u00a0kr" in value and "." not in value for value in money)
    _goto(at, "pages/export.py")
    html = downloads(at, "download_html").decode("utf-8")
    assert "\u00a0kr" in html and "Asiakkaan ikä" in html
    book = load_workbook(io.BytesIO(downloads(at, "download_xlsx")), read_only=True)
    details = {row[0]: row[1] for row in book["Yhteenveto"].values if row and row[0]}
    assert "Asiakkaan ikä" in details["Kriteerit"]


def test_a_renamed_persona_is_renamed_on_the_rfm_chart_and_through_the_names_accessor() -> None:
    import json

    from ui import state

    at = _goto(_goto(_app(), "pages/segments.py"), "pages/personas.py")
    _name_input(at, 1).set_value("Weekend athletes").run()
    _goto(at, "pages/rfm.py")
    assert not at.exception
    crosstab = next(
        json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
        if "RFM" in json.dumps(json.loads(chart.proto.spec)["layout"].get("title", ""))
        and json.loads(chart.proto.spec)["data"][0]["type"] == "heatmap"
        and "Weekend" in json.dumps(json.loads(chart.proto.spec)["data"][0]["x"])
    )
    assert crosstab["data"][0]["x"][0] == "1: Weekend athletes"
    edits = next(iter(at.session_state[state.PERSONA_EDITS].values()))
    assert edits[1]["name"] == "Weekend athletes"


def test_the_segments_names_in_use_follow_a_rename_for_every_page() -> None:
    """What the Segments page reads (``ui.personas.named``) gives the persona's new name, numbered."""
    from streamlit.testing.v1 import AppTest as Run

    from ui import state

    script = """
import streamlit as st
from ui import state
from ui.engine import current_result
from ui.personas import named, segment_names
result = current_result(state.lang())
st.session_state["seen_names"] = segment_names(result)
st.session_state["seen_profile"] = named(result).profile.names
"""
    at = _goto(_goto(_app(), "pages/segments.py"), "pages/personas.py")
    suggested = [widget.value for widget in at.text_input]
    _name_input(at, 2).set_value("Tech students").run()
    probe = Run.from_string(script, default_timeout=120)
    for key in (state.LANG, state.DATASET, state.SOURCE, state.CRITERIA, state.K, state.METHOD, state.PERSONA_EDITS):
        if key in at.session_state:
            probe.session_state[key] = at.session_state[key]
    probe.run()
    assert not probe.exception
    assert probe.session_state["seen_names"] == [suggested[0], "Tech students", *suggested[2:]]
    assert probe.session_state["seen_profile"][1] == "2: Tech students"


def test_a_new_column_label_renames_unedited_personas_and_keeps_edited_ones(small_dataset) -> None:
    import dataclasses

    import numpy as np

    from ui import state

    frame = small_dataset.table.frame.copy()
    # a column the names know no word for: they call it by its label
    frame["loyalty_points"] = np.array([900, 500, 100])[np.arange(len(frame)) % 3] + np.arange(len(frame)) % 40
    table = dataclasses.replace(small_dataset.table, frame=frame)
    dataset = dataclasses.replace(small_dataset, table=table, digest=small_dataset.digest + "-points")
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[state.LANG] = "en"
    at.session_state[state.DATASET] = at.session_state[state.SOURCE] = dataset
    at.session_state[state.CRITERIA] = ["loyalty_points", "age"]
    at.session_state[state.K] = 3
    at.run()
    _goto(at, "pages/personas.py")
    before = [widget.value for widget in at.text_input]
    _name_input(at, 1).set_value("Our own name").run()
    at.session_state[state.COLUMN_LABELS] = {"loyalty_points": "Points"}
    _goto(at, "pages/personas.py")
    after = [widget.value for widget in at.text_input]
    assert not at.exception
    assert after[0] == "Our own name"
    # unedited names are made afresh (a label shows where a name uses a column's label), never saved as edits
    [edits] = [edits for edits in at.session_state[state.PERSONA_EDITS].values() if edits]
    assert edits[1]["name"] == "Our own name" and not edits[2]["name"] and not edits[3]["name"]
    assert len(after) == len(before) == 3
    changed = [number for number in (1, 2) if "Loyalty points" in before[number]]
    assert changed and all(after[n] == before[n].replace("Loyalty points", "Points") for n in changed)


def test_advice_for_every_persona_is_said_once_on_the_personas_page() -> None:
    from segmentti.texts import translate

    at = _goto(_goto(_app("fi"), "pages/segments.py"), "pages/personas.py")
    pilot = translate("rule.pilot.action", "fi")
    shown = [element.value for element in [*at.info, *at.markdown, *at.caption]]
    assert sum(pilot in text for text in shown) == 1
    assert sum(translate("report.rules_note", "fi") in text for text in shown) == 1
    assert len(at.text_input) == 4  # with four personas on the page
