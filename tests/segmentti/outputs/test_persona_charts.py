"""Persona charts: the numbers behind the bars, not pixels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.insight.personas import build_personas
from segmentti.outputs.persona_charts import build_share_chart, build_trait_chart
from segmentti.outputs.persona_view import build_persona_views


def _personas():
    frame = pd.DataFrame(
        {
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0, 40.0, 41.0],
            "gender": ["f", "f", "m", "m", "m", "m", "f", "m"],
            "total_spend": [10.0, 10.0, 10.0, 50.0, 50.0, 50.0, 5.0, 15.0],
        }
    )
    labels = np.array([0, 0, 0, 1, 1, 1, 2, 2])
    return build_personas(frame, labels, frame[["age"]].to_numpy(), None, ("age", "gender"), "en")


def _views():
    return build_persona_views(_personas(), "en")


def test_trait_chart_shows_the_listed_traits_strongest_on_top() -> None:
    first = _personas()[0]
    figure = build_trait_chart(_views()[0], "en")
    bars = figure.data[0]
    listed = first.listed_traits
    assert list(bars.x) == pytest.approx([trait.difference for trait in reversed(listed)])
    assert bars.y[-1] == "20–25-year-olds"  # the strongest trait in the words of the names
    # the axis reaches past the longest bar on both sides, so its printed value is not cut off
    low, high = figure.layout.xaxis.range
    longest = max(abs(value) for value in bars.x)
    assert low == -high and high >= 1.3 * longest


def test_share_chart_has_customer_and_revenue_shares_per_persona() -> None:
    figure = build_share_chart(build_persona_views(_personas(), "fi"), "fi")
    customers, revenue = figure.data
    assert list(customers.x) == pytest.approx([2 / 8, 3 / 8, 3 / 8])  # last persona first: bars read top-down
    assert list(revenue.x) == pytest.approx([20 / 200, 150 / 200, 30 / 200])
    assert customers.y[-1].startswith("1. ") and figure.layout.separators == ",\u00a0"
