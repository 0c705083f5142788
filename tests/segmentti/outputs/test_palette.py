"""One palette: a segment has the same colour in the plotly charts, the persona charts and the HTML report."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from segmentti.insight.inspection import box_stats
from segmentti.insight.personas import build_personas
from segmentti.insight.profiling import profile_segments
from segmentti.outputs.charts import build_box_chart, build_size_chart
from segmentti.outputs.palette import PALETTE, segment_colour, segment_colours
from segmentti.outputs.persona_charts import build_trait_chart
from segmentti.outputs.persona_view import build_persona_views
from segmentti.outputs.report import ReportContext, render_html

LABELS = np.repeat(np.arange(12), 2)


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"x": np.arange(24, dtype=float) ** 1.5, "y": np.tile([1.0, 3.0], 12)})


def test_segment_colours_follow_the_segment_number_and_repeat_after_the_palette() -> None:
    assert segment_colour(1) == PALETTE[0] and segment_colour(len(PALETTE) + 1) == PALETTE[0]
    assert len(set(PALETTE)) == len(PALETTE) == 10
    assert segment_colours(["a", "b", "c"]) == {"a": PALETTE[0], "b": PALETTE[1], "c": PALETTE[2]}


def test_a_segment_has_one_colour_in_plotly_charts_and_in_the_html_report() -> None:
    frame = _frame()
    personas = build_personas(frame, LABELS, frame.to_numpy(), None, ("x", "y"), "en")
    views = build_persona_views(personas, "en")
    expected = [segment_colour(number) for number in range(1, 13)]
    assert [view.colour for view in views] == expected

    page = render_html(views, ReportContext("x.csv", 24, "kmeans", ("x", "y")), "en")
    assert re.findall(r"border-top-color:(#[0-9a-f]{6})", page) == expected
    size_chart = page[page.index("<svg") : page.index("</svg>")]
    assert re.findall(r"<rect [^>]*fill='(#[0-9a-f]{6})'>", size_chart)[:12] == expected
    for view in views:
        if view.bars:
            assert build_trait_chart(view, "en").data[0].marker.color == view.colour

    profile = profile_segments(frame, LABELS, ("x", "y"), (), "en")
    assert list(build_size_chart(profile, "en").data[0].marker.color) == expected
    boxes = build_box_chart(box_stats(frame, LABELS, "x", 12), profile.names, "x", "en")
    assert [trace.marker.color for trace in boxes.data] == expected
