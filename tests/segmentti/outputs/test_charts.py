"""The numbers and words behind the Segments page's charts: map, sizes, profile heatmap, box and fit charts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.insight.inspection import box_stats
from segmentti.insight.profiling import profile_segments
from segmentti.outputs.charts import (
    build_box_chart,
    build_fit_chart,
    build_profile_heatmap,
    build_segment_map,
    build_size_chart,
    short_name,
)


def _profile(lang: str = "en"):
    frame = pd.DataFrame(
        {
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0, 40.0],
            "channel": ["web", "web", "store", "store", "store", "store", "web"],
        }
    )
    labels = np.array([0, 0, 0, 1, 1, 1, 2])
    return profile_segments(frame, labels, ("age",), ("channel",), lang)


def test_size_chart_names_each_segment_on_its_bar_with_local_numbers() -> None:
    profile = _profile("fi")
    bar = build_size_chart(profile, "fi").data[0]
    assert list(bar.y) == [short_name(name) for name in profile.names]
    assert all(label.startswith(f"{number}: ") for number, label in zip((1, 2, 3), bar.y, strict=True))
    assert list(bar.x) == [3, 3, 1]
    assert list(bar.hovertext) == profile.names
    assert bar.text[2] == "1 (14\u00a0%)"
    assert build_size_chart(profile, "fi").layout.separators == ",\u00a0"
    assert build_size_chart(profile, "fi").layout.xaxis.separatethousands  # 1 600 customers, not 1600


def test_short_names_keep_whole_phrases_or_words_and_stay_unique() -> None:
    name = "2: into technology · Occupation: student · 20–30-year-olds"
    assert short_name(name, 36) == "2: into technology…"
    assert short_name(name, 60) == name
    assert (
        short_name("1: a long phrase without any separators between the words", 30) == "1: a long phrase without any…"
    )
    assert short_name("3: " + "x" * 50, 20) == "3: " + "x" * 16 + "…"  # a word longer than the room is cut
    names = [f"{number}: lapsed buyers · high spend · Uusimaa · web shoppers" for number in range(1, 11)]
    shortened = [short_name(name, 30) for name in names]
    assert len(set(shortened)) == 10 and all(len(text) <= 30 for text in shortened)


def test_profile_heatmap_colour_and_printed_number_are_the_same_difference() -> None:
    profile = _profile()
    heat = build_profile_heatmap(profile, "en").data[0]
    assert list(heat.x) == profile.names  # the segments by name
    assert list(heat.y) == ["Age", "Channel: store", "Channel: web"]  # readable labels, a category with its level
    z = np.asarray(heat.z)
    assert z.shape == (3, 3)
    np.testing.assert_allclose(z[0], profile.differences["age"].to_numpy())
    for row in range(3):
        for col in range(3):  # the printed number is the colour's number, rounded
            printed = float(heat.text[row][col].replace("\u2212", "-"))
            assert printed == pytest.approx(round(z[row][col], 1), abs=1e-9)
    assert heat.text[0][0].startswith("\u2212") and heat.text[0][1].startswith("+")  # young below, old above
    # the segment's own value and everyone's are on hover
    assert heat.customdata[0][1] == [profile.names[1], "In the segment 62.0 · all customers 41.7"]
    assert heat.customdata[1][1][1] == "In the segment 100% · all customers 57%"
    assert "standard deviations" in heat.colorbar.title.text
    assert profile.differences.abs().max().idxmax() == "channel = web"
    assert list(build_profile_heatmap(profile, "en", max_rows=1).data[0].y) == ["Channel: web"]


def test_profile_heatmap_in_finnish_uses_decimal_commas_and_writes_years_as_years() -> None:
    frame = pd.DataFrame({"birth_year": [1960.0, 1962.0, 1990.0, 1992.0], "spend": [1500.0, 2500.0, 100.0, 300.0]})
    profile = profile_segments(frame, np.array([0, 0, 1, 1]), ("birth_year", "spend"), (), "fi")
    heat = build_profile_heatmap(profile, "fi", years={"birth_year"}).data[0]
    assert heat.customdata[0][0][1] == "Segmentissä 1961 · kaikilla asiakkailla 1976"
    assert heat.customdata[1][0][1] == "Segmentissä 2\u00a0000 · kaikilla asiakkailla 1\u00a0100"
    assert all("." not in text for row in heat.text for text in row)
    assert build_profile_heatmap(profile, "fi").layout.separators == ",\u00a0"


def test_segment_map_names_its_axes_and_segments() -> None:
    coords = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0]])
    long_name = "2: lapsed buyers · high spend · Uusimaa · web shoppers · women"
    names = ["1: recent buyers", long_name, long_name]
    hover = pd.DataFrame({"id": ["a", "b", "c"]})
    figure = build_segment_map(
        coords, names, hover, ["1: recent buyers", long_name], "en", axis_titles=("Axis 1 → more: Income", "Axis 2")
    )
    assert figure.layout.xaxis.title.text == "Axis 1 → more: Income"
    assert [trace.name for trace in figure.data] == ["1: recent buyers", short_name(long_name)]
    assert long_name in figure.data[1].hovertemplate  # the full name on hover
    plain = build_segment_map(coords, names, hover, ["1: recent buyers", long_name], "fi")
    assert (plain.layout.xaxis.title.text, plain.layout.yaxis.title.text) == ("Akseli 1", "Akseli 2")
    assert plain.layout.title.text == "Asiakaskartta (PCA, 3 asiakasta)"


def test_box_and_fit_charts_show_segment_names() -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0, 10.0, 11.0, 12.0]})
    stats = box_stats(frame, np.array([0, 0, 0, 1, 1, 1]), "x", 2)
    figure = build_box_chart(stats, ["1: one", "2: two"], "Spend", "en")
    assert [tuple(trace.x) for trace in figure.data] == [("1: one",), ("2: two",)]
    assert figure.layout.title.text == "Spend by segment"
    assert figure.layout.yaxis.separatethousands  # 1 500 in Finnish
    born = build_box_chart(stats, ["1: one", "2: two"], "Birth year", "fi", years=True)
    assert not born.layout.yaxis.separatethousands and born.layout.yaxis.hoverformat == "d"  # 1975, not 1 975
    fit = build_fit_chart(np.array([0.5, 0.2, 0.7]), np.array([0, 1, 1]), ["1: one", "2: two"], "en")
    assert [trace.name for trace in fit.data] == ["1: one", "2: two"]


def test_profile_heatmap_leaves_out_rows_where_no_segment_differs() -> None:
    # a country almost nobody lives in differs by nothing in any segment: a row of zeros is noise
    frame = pd.DataFrame(
        {
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0] * 50,
            "country": (["UK"] * 299) + ["Malta"],
        }
    )
    labels = np.array([0, 0, 0, 1, 1, 1] * 50)
    profile = profile_segments(frame, labels, ("age",), ("country",), "en")
    assert profile.differences.abs().max()["country = Malta"] < 0.1
    rows = list(build_profile_heatmap(profile, "en").data[0].y)
    assert rows == ["Age"]
