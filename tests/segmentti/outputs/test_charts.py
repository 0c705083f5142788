"""The numbers behind the Segments page's size chart, profile heatmap and box chart."""

from __future__ import annotations

import numpy as np
import pandas as pd

from segmentti.insight.inspection import box_stats
from segmentti.insight.profiling import profile_segments
from segmentti.outputs.charts import build_box_chart, build_profile_heatmap, build_size_chart


def _profile(lang: str = "en"):
    frame = pd.DataFrame(
        {
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0, 40.0],
            "channel": ["web", "web", "store", "store", "store", "store", "web"],
        }
    )
    labels = np.array([0, 0, 0, 1, 1, 1, 2])
    return profile_segments(frame, labels, ("age",), ("channel",), lang)


def test_size_chart_has_a_bar_per_segment_numbered_with_names_on_hover_and_local_numbers() -> None:
    profile = _profile("fi")
    bar = build_size_chart(profile, "fi").data[0]
    assert list(bar.y) == ["1", "2", "3"] and list(bar.x) == [3, 3, 1]
    assert list(bar.hovertext) == profile.names
    assert bar.text[2] == "1 (14\u00a0%)"
    assert build_size_chart(profile, "fi").layout.separators == ",\u00a0"


def test_profile_heatmap_has_a_row_per_criterion_and_a_column_per_segment() -> None:
    profile = _profile()
    heat = build_profile_heatmap(profile, "en").data[0]
    assert list(heat.x) == ["1", "2", "3"]
    assert list(heat.y) == ["age", "channel = store", "channel = web"]
    z = np.asarray(heat.z)
    assert z.shape == (3, 3)
    np.testing.assert_allclose(z[0], profile.differences["age"].to_numpy())
    assert heat.text[0][1] == "62.0" and heat.text[1][1] == "100%"
    strongest = profile.differences.abs().max().idxmax()
    assert list(build_profile_heatmap(profile, "en", max_rows=1).data[0].y) == [strongest]


def test_box_chart_puts_each_segment_at_its_own_number() -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0, 10.0, 11.0, 12.0]})
    stats = box_stats(frame, np.array([0, 0, 0, 1, 1, 1]), "x", 2)
    figure = build_box_chart(stats, ["one", "two"], "x", "en")
    assert [tuple(trace.x) for trace in figure.data] == [("1",), ("2",)]
