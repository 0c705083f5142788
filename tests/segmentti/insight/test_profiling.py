"""Segment profiles and suggested names, checked against figures worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.insight.profiling import profile_segments


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0],
            "channel": ["web", "web", "store", "store", "store", "store"],
        }
    )


def test_sizes_shares_and_standardised_differences(frame: pd.DataFrame) -> None:
    labels = np.array([0, 0, 0, 1, 1, 1])
    profile = profile_segments(frame, labels, ("age",), ("channel",), "en")
    assert [(s.number, s.size, s.share) for s in profile.segments] == [(1, 3, 0.5), (2, 3, 0.5)]
    # overall mean 42, population sd = sqrt(mean((x-42)^2)) = sqrt((484+400+324+324+400+484)/6)
    sd = np.sqrt((484 + 400 + 324 + 324 + 400 + 484) / 6)
    assert profile.differences.at[1, "age"] == pytest.approx((22 - 42) / sd)
    assert profile.segment_values.at[2, "age"] == pytest.approx(62.0)
    # web share: overall 2/6, segment 1 has 2/3; indicator sd = sqrt(p(1-p))
    p = 2 / 6
    assert profile.differences.at[1, "channel = web"] == pytest.approx((2 / 3 - p) / np.sqrt(p * (1 - p)))
    assert profile.overall_values["channel = store"] == pytest.approx(4 / 6)


def test_names_list_strongest_traits_in_the_users_language(frame: pd.DataFrame) -> None:
    labels = np.array([0, 0, 0, 1, 1, 1])
    english = profile_segments(frame, labels, ("age",), ("channel",), "en")
    assert english.names == ["1: age ↓, channel web", "2: age ↑, channel store"]
    assert english.segments[0].traits[0].criterion == "age"


def test_a_segment_like_everyone_is_named_close_to_average() -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 1.0, 2.0]})
    profile = profile_segments(frame, np.array([0, 0, 1, 1]), ("x",), (), "fi")
    assert profile.names == ["1: lähellä keskiarvoa", "2: lähellä keskiarvoa"]
