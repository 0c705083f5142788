"""View links: settings in, the same settings out; whatever cannot be had is named, never a failure."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import plotly.graph_objects as go

from segmentti.outputs.projector import PROJECTOR_INK, for_projector
from segmentti.outputs.share_link import (
    LinkChoices,
    ViewSettings,
    qr_svg,
    read_view_link,
    unknown_criteria,
    view_query,
    view_url,
)

CHOICES = LinkChoices(
    samples=("b2c_customers", "b2b_companies"),
    methods=("kmeans", "gmm"),
    pages=("data", "segments", "personas"),
    steps=("data", "k", "map"),
    languages=("fi", "en"),
    k_min=2,
    k_max=15,
    seed=0,
)


def _read(url: str):
    return read_view_link(parse_qs(urlsplit(url).query), CHOICES)


def test_a_view_comes_back_from_its_link_unchanged() -> None:
    view = ViewSettings(
        sample="b2b_companies",
        criteria=("employees", "industry", "ikä, vuotta", "100% share"),
        weights=(("employees", 2.0), ("ikä, vuotta", 0.5)),
        method="gmm",
        k=7,
        seed=0,
        lang="fi",
        page="segments",
        present=True,
        step="map",
    )
    url = view_url("http://10.0.0.5:8501/segments?old=1#top", view)
    assert url.startswith("http://10.0.0.5:8501/segments?sample=b2b_companies&criteria=")
    assert "old=1" not in url and "#top" not in url
    settings, problems = _read(url)
    assert problems == ()
    assert settings == view


def test_only_the_parts_set_are_written() -> None:
    assert view_query(ViewSettings()) == ""
    assert view_query(ViewSettings(k=4, lang="en", step="map")) == "k=4&lang=en"  # a step only with present
    assert view_url("http://h/", ViewSettings()) == "http://h/"


def test_what_cannot_be_had_is_left_out_and_named() -> None:
    settings, problems = _read(
        "http://h/?sample=gone&criteria=age,,age,spend&weights=age:2,spend:x,:3,age:99"
        "&method=magic&k=40&seed=7&lang=sv&page=nowhere&present=yes&step=end"
    )
    assert settings == ViewSettings(criteria=("age", "spend"), weights=(("age", 2.0),), present=True)
    assert [problem.key for problem in problems] == [
        "link.unknown_sample",
        "link.bad_weight",
        "link.bad_weight",
        "link.bad_weight",
        "link.unknown_method",
        "link.k_range",
        "link.seed",
        "link.unknown_lang",
        "link.unknown_page",
        "link.unknown_step",
    ]
    assert problems[0].params == {"value": "gone"}
    assert problems[5].params == {"value": "40", "low": "2", "high": "15"}
    assert unknown_criteria(("age", "spend", "Ikä"), ["age", "ikä"]) == ("spend", "Ikä")


def test_words_where_numbers_belong_are_named_too() -> None:
    settings, problems = _read("http://h/?k=four&seed=x&weights=age:1.5")
    assert settings.k is None and settings.seed is None and settings.weights == (("age", 1.5),)
    assert [(problem.key, problem.params["value"]) for problem in problems] == [
        ("link.bad_k", "four"),
        ("link.bad_seed", "x"),
    ]


def test_the_qr_code_is_an_svg_drawn_here() -> None:
    drawing = qr_svg("http://192.168.1.20:8501/?sample=b2c_customers&k=4&lang=fi")
    assert drawing.startswith("<svg") and drawing.rstrip().endswith("</svg>")
    assert "http" not in drawing.split(">", 1)[0].replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    assert qr_svg("http://h/?k=4") != qr_svg("http://h/?k=5")


def test_a_chart_for_the_projector_has_large_dark_text_and_leaves_the_original_alone() -> None:
    original = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], mode="markers", marker=dict(size=6)))
    original.update_layout(font=dict(size=12), xaxis=dict(tickfont=dict(size=10)))
    shown = for_projector(original, height=460)
    assert shown.layout.height == 460
    assert shown.layout.font.size >= 16 and shown.layout.font.color == PROJECTOR_INK
    assert shown.layout.xaxis.tickfont.size >= 16 and shown.layout.yaxis.tickfont.size >= 16
    assert shown.layout.legend.font.size >= 16
    assert shown.data[0].marker.size == 8
    assert original.layout.font.size == 12 and original.layout.xaxis.tickfont.size == 10  # unchanged
    assert original.data[0].marker.size == 6
