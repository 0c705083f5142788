"""Segment sheets written a column at a time: every kind of value reads back as it was, text stays text."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from segmentti.insight.personas import build_personas
from segmentti.outputs.persona_view import build_persona_views
from segmentti.outputs.report import ReportContext
from segmentti.outputs.sheet_rows import column_letter
from segmentti.outputs.tables import label_with_personas
from segmentti.outputs.workbook import build_workbook


def _workbook(frame: pd.DataFrame) -> bytes:
    labels = np.zeros(len(frame), dtype=int)
    values = frame[["spend"]].to_numpy(dtype=float)
    personas = build_personas(frame, labels, values, None, ("spend",), "en")
    labelled = label_with_personas(frame, labels, personas, "en")
    context = ReportContext("shop.csv", len(frame), "kmeans", ("spend",))
    return build_workbook(labelled, labels, build_persona_views(personas, "en"), context, "en")


def test_every_kind_of_value_reads_back_from_the_segment_sheet() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a&b", "<tag>", "bell\x07ring", "  spaced  ", "x" * 40_000],
            "spend": [1.5, 0.1 + 0.2, 1e-7, 123456789.125, 7.0],
            "visits": pd.array([1, None, 3, 4, 5], dtype="Int64"),
            "vip": [True, False, True, False, True],
            "ratio": [np.inf, np.nan, 0.5, -2.0, 0.0],
            "seen": pd.to_datetime(
                ["2025-01-02 08:30", None, "2025-03-04 00:00", "2025-05-06 00:00", "2025-07-08 00:00"]
            ).tz_localize("UTC"),
            "tier": pd.Categorical(["gold", "silver", "gold", None, "bronze"]),
            "formula": ["=1+2", "+358401234567", "-5", "@x", "plain"],
        }
    )
    data = _workbook(frame)
    sheet = load_workbook(io.BytesIO(data)).worksheets[2]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    columns = {name: [row[position] for row in body] for position, name in enumerate(header)}
    assert columns["id"][:4] == ["a&b", "<tag>", "bellring", "  spaced  "] and len(columns["id"][4]) == 32_767
    assert columns["spend"] == [1.5, 0.1 + 0.2, 1e-7, 123456789.125, 7]
    assert columns["visits"] == [1, None, 3, 4, 5]
    assert columns["vip"] == [True, False, True, False, True]
    assert columns["ratio"] == [None, None, 0.5, -2, 0]
    assert columns["seen"][0] == pd.Timestamp("2025-01-02 08:30") and columns["seen"][1] is None
    assert sheet["F2"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert columns["tier"] == ["gold", "silver", "gold", None, "bronze"]
    assert columns["formula"] == ["'=1+2", "+358401234567", "-5", "'@x", "plain"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet.max_row == 6 and sheet.auto_filter.ref == f"A1:{column_letter(len(header) - 1)}6"
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(2).to_python()
    assert calamine[1][0] == "a&b" and calamine[3][1] == 1e-7


def test_column_letters_past_z() -> None:
    assert [column_letter(position) for position in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]
