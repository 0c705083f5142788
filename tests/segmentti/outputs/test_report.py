"""The persona report: self-contained printable HTML and Markdown, with the user's data escaped."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from segmentti.insight.personas import apply_edits, build_personas
from segmentti.outputs.persona_view import build_persona_views
from segmentti.outputs.report import ReportContext, escape_markdown, render_html, render_markdown

LABELS = np.array([0, 0, 0, 1, 1, 1])
SCRIPT = "<script>alert('x')</script>"


def _personas():
    frame = pd.DataFrame(
        {
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0],
            "hobby": [SCRIPT, SCRIPT, SCRIPT, "golf", "golf", "golf"],
            "total_spend": [10.0, 20.0, 30.0, 100.0, 200.0, 300.0],
        }
    )
    personas = build_personas(frame, LABELS, frame[["age"]].to_numpy(), None, ("age", "hobby"), "en")
    return apply_edits(personas, {1: {"name": "Young <b>bold</b>", "notes": "Call <img src=x onerror=alert(1)>"}})


CONTEXT = ReportContext(
    "shop <1>.csv", 6, "kmeans", ("age", "hobby"), steps=("removed 1 empty row",), pilot_percent=10, pilot_seed=7
)


def test_html_report_escapes_the_users_data_and_needs_no_internet() -> None:
    page = render_html(build_persona_views(_personas(), "en"), CONTEXT, "en")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Young &lt;b&gt;bold&lt;/b&gt;" in page and "shop &lt;1&gt;.csv" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # nothing loaded from anywhere
    assert "@import" not in page and "url(" not in page
    assert page.count("<svg") == 1 + 2  # sizes chart, one trait chart per persona
    assert "@media print" in page
    assert "removed 1 empty row" in page and "10% of every segment drawn into a control group (seed 7)" in page
    assert "Share of revenue" in page  # total_spend is known: 1/11 and 10/11
    assert "9%" in page and "91%" in page


def test_markdown_report_has_every_persona_with_names_notes_and_escaped_values() -> None:
    text = render_markdown(build_persona_views(_personas(), "fi"), CONTEXT, "fi")
    assert text.startswith("# Asiakaspersoonat")
    assert "## 1. Young &lt;b&gt;bold&lt;/b&gt;" in text and "## 2. " in text
    assert "Call &lt;img src=x onerror=alert\\(1)&gt;" not in text  # parentheses are not escaped
    assert "Call &lt;img src=x onerror=alert(1)&gt;" in text
    assert "<script" not in text and "&lt;script&gt;" in text
    assert "Aim the advertising at social media" in text  # actions are in the personas' language
    assert text.count("Kokeile ensin pienellä pilottikampanjalla") == 1  # the advice for all segments, once
    assert "| Nro | Nimi | Koko | Osuus asiakkaista | Osuus myynnistä |" in text


def test_escape_markdown_neutralises_markup() -> None:
    assert escape_markdown("*bold* _it_ [link](x) :red[x] $x$ a|b <i>") == (
        "\\*bold\\* \\_it\\_ \\[link\\](x) :red\\[x\\] \\$x\\$ a\\|b &lt;i&gt;"
    )


def test_finnish_report_names_columns_by_the_users_labels_and_shows_money_in_the_currency() -> None:
    frame = pd.DataFrame(
        {
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0],
            "total_spend": [1000.0, 2000.0, 3000.0, 10000.0, 20000.0, 30000.0],
        }
    )
    personas = build_personas(frame, LABELS, frame[["age"]].to_numpy(), None, ("age",), "fi", currency="kr")
    views = build_persona_views(personas, "fi", {"age": "Asiakkaan ikä"})
    context = ReportContext("kauppa.csv", 6, "kmeans", ("Asiakkaan ikä",))
    for text in (render_markdown(views, context, "fi"), render_html(views, context, "fi")):
        assert "Asiakkaan ikä: mediaani 22" in text
        assert "20\u00a0000\u00a0kr" in text  # the top segment's customer value, Finnish thousands space
        assert "11\u00a0000\u00a0kr" in text  # over all customers
        assert "20000" not in text and "20,000" not in text
    # the pilot advice once per report, not once per persona
    assert render_markdown(views, context, "fi").count("Kokeile ensin pienellä pilottikampanjalla") == 1
