"""The Excel workbook: the expected sheets, formatted frozen headers with filters, the same rows and numbers, inert formulas."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from openpyxl import load_workbook

from segmentti.insight.personas import apply_edits, build_personas
from segmentti.outputs.persona_view import build_persona_views
from segmentti.outputs.report import ReportContext
from segmentti.outputs.tables import label_with_personas
from segmentti.outputs.workbook import build_workbook

LABELS = np.array([0, 0, 0, 1, 1])


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3", "c4", "c5"],
            "spend": [10.5, 12.25, 9.0, 250.0, 300.5],
            "city": ["Espoo", "=1+2", "@SUM(A1)", "Oulu", "-oops"],
            "joined": pd.to_datetime(["2024-01-02", "2024-02-03", None, "2025-03-04", "2025-04-05"]),
        }
    )


def _book(names: dict[int, str] | None = None):
    frame = _frame()
    values = frame[["spend"]].to_numpy(dtype=float)
    personas = build_personas(frame, LABELS, values, None, ("spend",), "en")
    personas = apply_edits(personas, {n: {"name": name, "notes": "call first"} for n, name in (names or {}).items()})
    labelled = label_with_personas(frame, LABELS, personas, "en")
    context = ReportContext("shop.csv", 5, "kmeans", ("spend",), steps=("removed 2 duplicate rows",))
    data = build_workbook(labelled, LABELS, build_persona_views(personas, "en"), context, "en")
    return load_workbook(io.BytesIO(data)), personas


def test_workbook_has_summary_personas_and_one_sheet_per_segment() -> None:
    book, _ = _book({1: "Small: basket/ [test]*", 2: "Big spenders"})
    assert book.sheetnames == ["Summary", "Personas", "1 Small  basket   test", "2 Big spenders"]
    summary = book["Summary"]
    assert [cell.value for cell in summary[1]][:4] == ["No.", "Name", "Size", "Share of customers"]
    assert [row[1] for row in summary.iter_rows(min_row=2, max_row=3, values_only=True)] == [
        "Small: basket/ [test]*",
        "Big spenders",
    ]
    details = {row[0]: row[1] for row in summary.iter_rows(min_row=5, values_only=True) if row[0]}
    assert (
        details["Data"] == "shop.csv"
        and details["Customers"] == 5
        and details["Data cleaning"] == ("removed 2 duplicate rows")
    )
    people = book["Personas"]
    row = next(people.iter_rows(min_row=2, max_row=2, values_only=True))
    assert row[:5] == (1, "Small: basket/ [test]*", "call first", 3, 0.6)
    assert "Spend: median 10.5" in row[6]
    # shares stay numbers 0–1 and show as percentages
    assert people["E2"].value == 0.6 and people["E2"].number_format == "0%"
    assert summary["D2"].value == 0.6 and summary["D2"].number_format == "0%"
    # customer counts are whole numbers with thousands separators, never "3.0"
    assert summary["C2"].value == 3 and summary["C2"].number_format == "#,##0"
    assert people["D2"].value == 3 and people["D2"].number_format == "#,##0"
    # the run's details below the table keep their own (general) format
    customers = next(row for row in summary.iter_rows(min_row=5) if row[0].value == "Customers")
    assert customers[1].number_format == "General"


def test_kpi_columns_show_as_the_cards_do_money_whole_counts_one_decimal() -> None:
    frame = pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3", "c4"],
            "total_spend": [1000.4, 1200.6, 40.2, 60.9],
            "orders": [3, 4, 1, 2],
            "recency_days": [10, 20, 300, 400],
            "avg_order_value": [333.5, 300.15, 40.2, 30.45],
        }
    )
    labels = np.array([0, 0, 1, 1])
    values = frame[["total_spend", "orders"]].to_numpy(dtype=float)
    personas = build_personas(frame, labels, values, None, ("total_spend", "orders"), "fi", currency="kr")
    views = build_persona_views(personas, "fi")
    labelled = label_with_personas(frame, labels, personas, "fi")
    context = ReportContext("kauppa.csv", 4, "kmeans", ("total_spend", "orders"))
    book = load_workbook(io.BytesIO(build_workbook(labelled, labels, views, context, "fi")))
    summary = book["Yhteenveto"]
    headers = [cell.value for cell in summary[1]]
    value = headers.index("Asiakasarvo (ostot yhteensä)") + 1
    orders = headers.index("Tilauksia / asiakas") + 1
    # money in whole units with the currency, as the cards show it; the cell keeps the number
    assert summary.cell(2, value).value == 1100 and summary.cell(2, value).number_format == '#,##0\\ "kr"'
    assert summary.cell(2, orders).value == 3.5 and summary.cell(2, orders).number_format == "#,##0.0"
    # the personas sheet writes the same KPI in Finnish with the currency chosen
    card = book["Persoonat"].cell(2, 9).value
    assert "1\u00a0100\u00a0kr" in card


def test_every_sheet_has_a_formatted_frozen_header_with_filters_and_fitted_widths() -> None:
    book, _ = _book()
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        assert sheet["A1"].font.bold
        assert all(8 <= sheet.column_dimensions[letter].width <= 60 for letter in ("A", "B"))
    segment = book.worksheets[2]
    assert segment.auto_filter.ref == "A1:F4"
    assert segment.column_dimensions["F"].width == len("segment_name") + 2 or segment.column_dimensions["F"].width > 12


def test_segment_sheets_give_back_the_same_rows_and_numbers_with_formulas_inert() -> None:
    book, personas = _book()
    first = pd.DataFrame(book.worksheets[2].values)
    header, rows = first.iloc[0].tolist(), first.iloc[1:]
    assert header == ["customer_id", "spend", "city", "joined", "segment", "segment_name"]
    assert rows[0].tolist() == ["c1", "c2", "c3"]
    assert rows[1].tolist() == [10.5, 12.25, 9.0]
    assert rows[2].tolist() == ["Espoo", "'=1+2", "'@SUM(A1)"]
    assert (
        rows[3].tolist()[:2] == [pd.Timestamp("2024-01-02"), pd.Timestamp("2024-02-03")] and rows[3].tolist()[2] is None
    )
    assert rows[5].tolist() == [personas[0].name] * 3
    second = book.worksheets[3]
    assert second["C3"].value == "'-oops" and second["C3"].data_type == "s"
    assert all(cell.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for cell in row)


def test_long_sheet_names_are_cut_between_words() -> None:
    book, _ = _book({1: "Lapsed high spenders in Uusimaa region", 2: "Lapsed high spenders in Uusimaa region"})
    assert book.sheetnames[2:] == ["1 Lapsed high spenders in", "2 Lapsed high spenders in"]
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_segment_sheets_show_spend_shares_as_percentages_and_leave_other_columns_plain() -> None:
    frame = pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3", "c4"],
            "category_share_Garden": [0.25, 0.5, 0.0, 1.0],
            "channel_share_web": [1.0, 0.0, 0.5, 0.5],
            "orders": [3, 4, 1, 2],
        }
    )
    labels = np.array([0, 0, 1, 1])
    values = frame[["orders"]].to_numpy(dtype=float)
    personas = build_personas(frame, labels, values, None, ("orders",), "en")
    labelled = label_with_personas(frame, labels, personas, "en")
    context = ReportContext("shop.csv", 4, "kmeans", ("orders",))
    data = build_workbook(labelled, labels, build_persona_views(personas, "en"), context, "en")
    sheet = load_workbook(io.BytesIO(data)).worksheets[2]
    assert [cell.value for cell in sheet[1]][:4] == [
        "customer_id",
        "category_share_Garden",
        "channel_share_web",
        "orders",
    ]
    assert sheet["B2"].value == 0.25 and sheet["B2"].number_format == "0%"
    assert sheet["C2"].value == 1 and sheet["C2"].number_format == "0%"
    assert sheet["D2"].value == 3 and sheet["D2"].number_format == "General"
