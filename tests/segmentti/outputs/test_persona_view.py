"""The persona view model: one card's content, formatted once, and the same content in every renderer."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from segmentti.insight.personas import apply_edits, build_personas
from segmentti.outputs.persona_view import build_persona_views, comparison_frame, comparison_rows
from segmentti.outputs.report import ReportContext, escape_markdown, render_html, render_markdown
from segmentti.outputs.tables import label_with_personas
from segmentti.outputs.workbook import build_workbook

LABELS = np.array([0, 0, 0, 1, 1, 1])
NBSP = "\u00a0"


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e", "f"],
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0],
            "orders": [1, 1, 1, 5, 6, 7],
            "total_spend": [10.0, 20.0, 30.0, 1000.0, 2000.0, 3000.0],
            "category_share_Fishing": [0.9, 0.8, 0.7, 0.1, 0.0, 0.2],
            "category_share_Home": [0.1, 0.2, 0.3, 0.9, 1.0, 0.8],
        }
    )


def _personas(lang: str):
    frame = _frame()
    personas = build_personas(frame, LABELS, frame[["age"]].to_numpy(), None, ("age",), lang)
    return apply_edits(personas, {2: {"name": "Big spenders", "notes": "  call them  "}})


def test_view_has_the_cards_parts_formatted_in_finnish() -> None:
    first, second = build_persona_views(_personas("fi"), "fi")
    assert second.title == "2. Big spenders" and second.notes == "call them"
    assert second.figures == (
        ("Koko", "3"),
        ("Osuus asiakkaista", f"50{NBSP}%"),
        ("Osuus myynnistä", f"99{NBSP}%"),  # 6,000 of 6,060
    )
    # age: segment mean 22 against 42 overall, population sd 20.07 → −1.0 standard deviations
    age = next(bar for bar in first.bars if bar.label == "20–25-vuotiaat")  # the bars speak the card's language
    assert age.difference == pytest.approx(-20 / np.sqrt(2416 / 6))
    assert age.text == "-1,0"
    assert len(first.traits) == len(first.bars) and any(sentence.startswith("Ikä:") for sentence in first.traits)
    value = next(kpi for kpi in second.kpis if kpi.key == "customer_value")
    assert (value.label, value.segment, value.overall) == (
        "Asiakasarvo (ostot yhteensä)",
        f"2{NBSP}000{NBSP}€",
        f"1{NBSP}010{NBSP}€",
    )
    assert value.segment_value == 2000.0
    assert first.affinities and "Fishing" in first.affinities[0] and not second.affinities[0].startswith("Fishing")
    assert first.actions and all(item.action and item.reason for item in first.actions)
    assert first.typical[0][0] == "Customer id"


def test_large_sizes_get_thousands_separators() -> None:
    frame = pd.DataFrame({"x": np.r_[np.zeros(1500), np.ones(700)]})
    labels = np.r_[np.zeros(1500, dtype=int), np.ones(700, dtype=int)]
    views = build_persona_views(build_personas(frame, labels, frame.to_numpy(), None, ("x",), "fi"), "fi")
    assert views[0].size_text == f"1{NBSP}500" and views[0].size == 1500
    assert (
        build_persona_views(build_personas(frame, labels, frame.to_numpy(), None, ("x",), "en"), "en")[0].size_text
        == "1,500"
    )


def test_every_renderer_shows_the_views_own_strings() -> None:
    views = build_persona_views(_personas("en"), "en")
    context = ReportContext("shop.csv", 6, "kmeans", ("age",))
    markdown = render_markdown(views, context, "en")
    page = render_html(views, context, "en")
    labelled = label_with_personas(_frame(), LABELS, _personas("en"), "en")
    book = load_workbook(io.BytesIO(build_workbook(labelled, LABELS, views, context, "en")))
    rows = list(book["Personas"].iter_rows(min_row=2, values_only=True))
    for view, row in zip(views, rows, strict=True):
        for sentence in view.traits:
            assert escape_markdown(sentence) in markdown and sentence in page.replace("&#x27;", "'")
        for kpi in view.kpis:
            assert f"| {kpi.label} | {kpi.segment} | {kpi.overall} |" in markdown
            assert f"<td class='num'>{kpi.segment}</td>" in page
        for line in view.affinities:
            assert escape_markdown(line) in markdown
        assert row[1] == view.name and row[6] == "\n".join(view.traits)
        assert row[8] == "\n".join(f"{kpi.label}: {kpi.segment} ({kpi.overall})" for kpi in view.kpis)
        assert row[10] == "\n".join(f"{item.action} — {item.reason}" for item in view.actions)
        assert " · ".join(f"{label}: {value}" for label, value in view.figures) in markdown


def test_side_by_side_tables_agree_in_numbers_and_text() -> None:
    views = build_persona_views(_personas("en"), "en")
    headers, rows = comparison_rows(views, "en")
    frame = comparison_frame(views, "en")
    assert headers[:5] == ("No.", "Name", "Size", "Share of customers", "Share of revenue")
    assert rows[1][:5] == ("2", "Big spenders", "3", "50%", "99%")
    assert frame["Share of customers"].tolist() == [0.5, 0.5]
    assert frame["Share of revenue"].tolist() == [round(60 / 6060, 4), round(6000 / 6060, 4)]
    assert frame["Customer value (total spend)"].tolist() == [20.0, 2000.0]
    assert rows[0][headers.index("Customer value (total spend)")] == "€20"
    assert frame["First action"].tolist() == [row[-1] for row in rows]


def test_user_labels_and_currency_reach_every_sentence_bar_and_kpi() -> None:
    frame = _frame()
    personas = build_personas(frame, LABELS, frame[["age"]].to_numpy(), None, ("age",), "fi", currency="kr")
    first, _ = build_persona_views(personas, "fi", {"age": "Asiakkaan ikä", "customer_id": "Asiakasnumero"})
    assert any(sentence.startswith("Asiakkaan ikä: mediaani 22") for sentence in first.traits)
    assert ("Asiakasnumero", "b") in first.typical and ("Asiakkaan ikä", "22") in first.typical
    value = next(kpi for kpi in first.kpis if kpi.key == "customer_value")
    assert (value.segment, value.overall) == (f"20{NBSP}kr", f"1{NBSP}010{NBSP}kr")
    # no currency: plain numbers
    plain = build_personas(frame, LABELS, frame[["age"]].to_numpy(), None, ("age",), "en", currency="")
    value = next(kpi for kpi in build_persona_views(plain, "en")[1].kpis if kpi.key == "customer_value")
    assert (value.segment, value.overall) == ("2,000", "1,010")


def test_typical_numbers_get_finnish_separators_but_years_stay_as_they_are() -> None:
    frame = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d"],
            "income": [12345.5, 12345.5, 80000.25, 80000.25],
            "birth_year": [1985, 1985, 1960, 1960],
        }
    )
    labels = np.array([0, 0, 1, 1])
    values = frame[["income", "birth_year"]].to_numpy(dtype=float)
    personas = build_personas(frame, labels, values, None, ("income", "birth_year"), "fi")
    view = build_persona_views(personas, "fi")[0]
    typical = dict(view.typical)
    born = next(sentence for sentence in view.traits if sentence.startswith("Syntymävuosi"))
    assert "mediaani 1985 (kaikki asiakkaat 1972)" in born and "1\u00a0985" not in born
    assert typical["Tulot"] == f"12{NBSP}346"  # whole from 100 on, thousands spaced
    assert typical["Syntymävuosi"] == "1985"
