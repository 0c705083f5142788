"""Segment profiles and names, checked against figures worked out by hand and on the clustering's scale."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from segmentti.engine.features import build_features
from segmentti.engine.workflow import segment_table
from segmentti.insight.personas import personas_from_result
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
    age = profile.segments[0].traits[0]
    assert (age.criterion, age.kind, age.low, age.high) == ("age", "age", 21.0, 23.0)


def test_names_are_phrases_in_the_users_language(frame: pd.DataFrame) -> None:
    labels = np.array([0, 0, 0, 1, 1, 1])
    english = profile_segments(frame, labels, ("age",), ("channel",), "en")
    assert english.names == ["1: 20–25-year-olds · web shoppers", "2: 60–65-year-olds · store shoppers"]
    assert [segment.suggested_name for segment in english.segments] == [
        "20–25-year-olds · web shoppers",
        "60–65-year-olds · store shoppers",
    ]
    assert english.suggested_names("fi") == ["20–25-vuotiaat · verkko-ostajat", "60–65-vuotiaat · myymäläostajat"]
    labelled = profile_segments(frame, labels, ("age",), ("channel",), "fi", column_labels={"age": "Vuodet"})
    assert labelled.names[0] == "1: 20–25-vuotiaat · verkko-ostajat"  # kinds keep their words whatever the label


def test_segments_alike_on_everything_are_close_to_average_and_still_apart() -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 1.0, 2.0], "y": [1.0, 2.0, 1.0, 3.0]})
    profile = profile_segments(frame, np.array([0, 0, 1, 1]), ("x",), (), "fi")
    assert profile.names == ["1: lähellä keskiarvoa", "2: lähellä keskiarvoa (2)"]


def _skewed_spend(seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """900 ordinary customers and 100 whose typical order is about twice as big, plus a few huge orders."""
    rng = np.random.default_rng(seed)
    ordinary = rng.lognormal(np.log(290), 0.35, 900)
    bigger = rng.lognormal(np.log(510), 0.35, 100)
    ordinary[:5] = [60_000.0, 80_000.0, 90_000.0, 120_000.0, 150_000.0]  # wholesale orders blow up the raw sd
    frame = pd.DataFrame({"avg_order_value": np.concatenate([ordinary, bigger])})
    return frame, np.repeat([0, 1], [900, 100])


def test_a_skewed_money_column_is_measured_on_the_log_like_scale_the_clustering_used() -> None:
    frame, labels = _skewed_spend()
    raw = frame["avg_order_value"]
    raw_difference = (raw[labels == 1].mean() - raw.mean()) / raw.std(ddof=0)
    assert abs(raw_difference) < 0.1  # on the raw scale the bigger baskets look average
    features = build_features(frame, ["avg_order_value"])
    assert features.logged == ("avg_order_value",)
    profile = profile_segments(frame, labels, ("avg_order_value",), (), "en", features=features)
    scaled = features.values[:, 0]
    assert profile.differences.at[2, "avg_order_value"] == pytest.approx(scaled[labels == 1].mean())
    assert profile.differences.at[2, "avg_order_value"] > 0.5
    assert profile.segments[1].suggested_name == "big baskets"
    without = profile_segments(frame, labels, ("avg_order_value",), (), "en")  # the same scale rebuilt
    assert without.differences.at[2, "avg_order_value"] == pytest.approx(profile.differences.at[2, "avg_order_value"])


def test_a_criterions_weight_does_not_change_how_far_a_segment_lies() -> None:
    frame, labels = _skewed_spend()
    plain = build_features(frame, ["avg_order_value"])
    heavy = build_features(frame, ["avg_order_value"], weights={"avg_order_value": 4.0})
    one = profile_segments(frame, labels, ("avg_order_value",), (), features=plain)
    four = profile_segments(frame, labels, ("avg_order_value",), (), features=heavy)
    assert four.differences.at[2, "avg_order_value"] == pytest.approx(one.differences.at[2, "avg_order_value"])


def test_share_columns_are_traits_and_name_the_favourite_category() -> None:
    frame = pd.DataFrame(
        {
            "category_share_Sport": [0.9, 0.8, 0.7, 0.1, 0.0, 0.2],
            "category_share_Home": [0.1, 0.1, 0.2, 0.5, 0.6, 0.4],
            "category_share_Garden": [0.0, 0.1, 0.1, 0.4, 0.4, 0.4],
        }
    )
    labels = np.array([0, 0, 0, 1, 1, 1])
    profile = profile_segments(frame, labels, tuple(frame.columns), (), "en")
    first, second = profile.names
    assert "buys mostly Sport" in first and "rarely buys Home" in first
    assert "buys mostly Home" in second and "often buys Garden" in second  # Home is 50 %, Garden 40 %
    assert "ostaa eniten tuoteryhmää Sport" in profile.suggested_names("fi")[0]


def test_the_segments_page_and_the_personas_use_the_same_names_in_both_languages() -> None:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame(
        {
            "age": np.concatenate([rng.normal(25, 3, 60), rng.normal(60, 4, 60)]).round(),
            "gender": ["female"] * 50 + ["male"] * 70,
            "total_spend": np.concatenate([rng.lognormal(4, 0.4, 60), rng.lognormal(6, 0.4, 60)]),
        }
    )
    for lang in ("en", "fi"):
        result = segment_table(frame, ["age", "gender", "total_spend"], 2, 0, lang)
        personas = personas_from_result(frame, result, lang)
        assert [persona.name for persona in personas] == [s.suggested_name for s in result.profile.segments]
        assert result.profile.names == [f"{p.number}: {p.name}" for p in personas]
    assert sorted(result.profile.suggested_names("en")) == [
        "20–30-year-olds · low spenders · women",
        "55–65-year-olds · high spenders · men",
    ]


def test_a_large_segment_clearly_below_the_rest_is_named_for_it_not_close_to_average() -> None:
    """Like Online Retail's largest segment: 73 % of the customers, spending far less than the other 27 %."""
    rng = np.random.default_rng(4)
    spend = np.concatenate([rng.lognormal(5.5, 0.6, 730), rng.lognormal(7.0, 0.6, 270)])
    frame = pd.DataFrame({"total_spend": spend})
    labels = np.repeat([0, 1], [730, 270])
    features = build_features(frame, ["total_spend"])
    profile = profile_segments(frame, labels, ("total_spend",), (), "en", features=features)
    assert abs(profile.differences.at[1, "total_spend"]) < 0.5  # against everyone it looks small …
    assert profile.names == ["1: low spenders", "2: high spenders"]  # … against the rest it is not


MALL = Path(__file__).resolve().parents[4] / "shared" / "realdata" / "Mall_Customers.csv"


@pytest.mark.skipif(not MALL.exists(), reason="the shared real data (Mall_Customers.csv) is not beside the repository")
def test_mall_customers_get_names_with_words_not_headers() -> None:
    from segmentti.data.loading import read_file

    frame = read_file(MALL).frame
    result = segment_table(frame, ["Age", "Annual Income (k$)", "Spending Score (1-100)", "Genre"], 5, 0, "fi")
    names = [segment.suggested_name for segment in result.profile.segments]
    assert len(set(names)) == 5
    assert any("naiset" in name for name in names) and any("miehet" in name for name in names)
    assert any("-vuotiaat" in name for name in names)
    assert not any("Genre" in name or name.count("·") > 3 for name in names)


def test_campaign_export_columns_get_marketing_words() -> None:
    """0/1 flags and a birth year, as a marketing-campaign export holds them."""
    frame = pd.DataFrame(
        {
            "Year_Birth": [1950, 1952, 1955, 1951, 1990, 1992, 1988, 1991],
            "Complain": [1, 1, 1, 0, 0, 0, 0, 0],
            "AcceptedCmp3": [0, 0, 0, 0, 1, 1, 1, 0],
            "Education": ["PhD", "PhD", "PhD", "Master", "Basic", "Basic", "Master", "Basic"],
        }
    )
    labels = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    profile = profile_segments(frame, labels, ("Year_Birth", "Complain", "AcceptedCmp3"), ("Education",), "en")
    assert profile.suggested_names("en") == [
        "born 1950–1955 · has complained · did not answer a campaign",
        "born 1990–1995 · has not complained · answered a campaign",
    ]
    assert profile.suggested_names("fi")[1] == "syntyneet 1990–1995 · ei ole reklamoinut · vastasi kampanjaan"


def test_intervals_are_compared_among_the_repeat_buyers_and_one_order_segments_keep_their_meaning() -> None:
    # the clustering counts a one-order customer's missing interval as the longest one seen
    rng = np.random.default_rng(3)
    slow = rng.normal(80, 5, 300)  # repeat buyers with longer intervals than the other repeat buyers
    quick = rng.normal(30, 5, 300)
    frame = pd.DataFrame(
        {
            "orders": np.concatenate([np.full(300, 4), np.full(300, 9), np.ones(600)]),
            "mean_days_between_orders": np.concatenate([slow, quick, np.full(600, np.nan)]),
            "total_spend": rng.normal(100, 10, 1200),
        }
    )
    labels = np.repeat([0, 1, 2], [300, 300, 600])
    features = build_features(frame, ["mean_days_between_orders", "total_spend"])
    assert "mean_days_between_orders" in features.absent
    profile = profile_segments(frame, labels, features.numeric, features.categorical, features=features)
    gaps = profile.differences["mean_days_between_orders"].to_numpy()
    assert gaps[0] > 0.5 and gaps[1] < -0.5  # as their medians say: 80 against 55 of the repeat buyers, and 30
    assert gaps[2] > 0.5  # the one-order customers: as long as an interval gets
    assert "short gaps" not in profile.segments[0].suggested_name
