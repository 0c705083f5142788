"""Building the clustering matrix: scaling, balanced one-hot encoding and criteria checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.engine.features import build_features, resolve_criteria
from segmentti.errors import SegmenttiError


def test_numeric_scaled_and_missing_imputed_with_median() -> None:
    frame = pd.DataFrame({"age": [20.0, 40.0, np.nan, 60.0], "group": ["a", "a", "b", "b"]})
    features = build_features(frame, ["age"])
    column = features.values[:, 0]
    # median of 20, 40, 60 is 40 → values 20, 40, 40, 60; standardised with population sd
    expected = (np.array([20, 40, 40, 60]) - 40) / np.std([20, 40, 40, 60])
    np.testing.assert_allclose(column, expected)
    assert features.numeric == ("age",) and features.categorical == ()


def test_one_categorical_column_weighs_as_much_as_one_numeric_column() -> None:
    frame = pd.DataFrame({"size": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "city": ["A", "A", "A", "B", "B", "C"]})
    features = build_features(frame, ["size", "city"])
    variances = features.values.var(axis=0)
    assert variances[0] == pytest.approx(1.0)
    assert variances[1:].sum() == pytest.approx(1.0)  # the city block has total variance 1
    assert features.feature_names == ("size", "city_A", "city_B", "city_C")


def test_missing_category_becomes_its_own_level_and_transformer_scores_new_rows() -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0], "c": ["a", None, "a"]})
    features = build_features(frame, ["x", "c"])
    assert "c_(missing)" in features.feature_names
    new = features.transformer.transform(pd.DataFrame({"x": [2.0], "c": ["unseen"]}))
    assert new.shape == (1, len(features.feature_names))


def test_empty_criteria_are_dropped_and_all_empty_is_an_error() -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0], "blank": [np.nan] * 3, "blank2": [None] * 3})
    assert build_features(frame, ["x", "blank"]).dropped == ("blank",)
    with pytest.raises(SegmenttiError) as caught:
        build_features(frame, ["blank", "blank2"])
    assert caught.value.key == "error.criteria_all_empty"
    assert "blank" in caught.value.message("fi")


def test_ids_contacts_and_unknown_columns_are_refused_as_criteria() -> None:
    frame = pd.DataFrame({"customer_id": ["a", "b"], "email": ["a@b.fi", "c@d.fi"], "age": [1, 2]})
    with pytest.raises(SegmenttiError) as caught:
        resolve_criteria(frame, ["customer_id", "age"])
    assert caught.value.key == "error.criteria_not_usable"
    with pytest.raises(SegmenttiError) as caught:
        resolve_criteria(frame, ["agee"])
    assert caught.value.key == "error.unknown_criteria"
    assert resolve_criteria(frame, None) == ["age"]


def test_no_usable_column_at_all() -> None:
    with pytest.raises(SegmenttiError) as caught:
        build_features(pd.DataFrame({"id": ["a", "b"], "email": ["a@b.fi", "c@d.fi"]}))
    assert caught.value.key == "error.no_usable_columns"


def _one_and_repeat_buyers() -> pd.DataFrame:
    """Four repeat buyers (gaps 10, 20, 30, 40 days) and two one-order customers, as build_customers makes them."""
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e", "f"],
            "orders": [3, 5, 2, 4, 1, 1],
            "mean_days_between_orders": [10.0, 20.0, 30.0, 40.0, np.nan, np.nan],
            "total_spend": [120.0, 300.0, 80.0, 210.0, 35.0, 60.0],
        }
    )


def test_one_order_customers_get_the_longest_gap_and_an_indicator_not_the_median() -> None:
    frame = _one_and_repeat_buyers()
    features = build_features(frame, ["mean_days_between_orders", "total_spend"], log_skewed=False)
    assert features.absent == ("mean_days_between_orders",)
    assert "missingindicator_mean_days_between_orders" in features.feature_names
    gap = features.values[:, features.feature_names.index("mean_days_between_orders")]
    filled = np.array([10, 20, 30, 40, 40, 40.0])  # as infrequent as the least frequent repeat buyer
    np.testing.assert_allclose(gap, (filled - filled.mean()) / filled.std())
    median_repeat_buyer = (25 - filled.mean()) / filled.std()
    assert gap[4] > median_repeat_buyer and gap[4] == gap[5] == gap.max()
    indicator = features.values[:, features.feature_names.index("missingindicator_mean_days_between_orders")]
    # half a criterion: standardised 0/1 times sqrt(0.5), the one-order customers on the high side
    flags = np.array([0, 0, 0, 0, 1, 1.0])
    np.testing.assert_allclose(indicator, (flags - flags.mean()) / flags.std() * np.sqrt(0.5))
    assert set(features.criteria) == {"mean_days_between_orders", "total_spend"}
    new = features.transformer.transform(frame.iloc[[4, 0]][["mean_days_between_orders", "total_spend"]])
    np.testing.assert_allclose(new, features.values[[4, 0]])  # a new one-order customer scores the same


def test_a_gap_missing_for_another_reason_is_still_imputed_with_the_median() -> None:
    frame = _one_and_repeat_buyers().assign(orders=[3, 5, 2, 4, 2, 3])  # repeat buyers with a gap not recorded
    features = build_features(frame, ["mean_days_between_orders"], log_skewed=False)
    assert features.absent == () and len(features.feature_names) == 1
    gap = features.values[:, 0]
    assert gap[4] == gap[5] and gap[4] == pytest.approx((25 - 25) / np.std([10, 20, 30, 40, 25, 25]))


def test_a_rare_yes_cannot_form_a_segment_of_its_own() -> None:
    from sklearn.metrics import adjusted_rand_score

    from segmentti.engine.clustering import segment_customers

    rng = np.random.default_rng(3)
    sizes, centres = (500, 300, 200), ((0, 0), (4, 0), (0, 4))
    truth = np.repeat([0, 1, 2], sizes)
    points = np.vstack([rng.normal(centre, 1.0, (size, 2)) for centre, size in zip(centres, sizes, strict=True)])
    complained = np.where(rng.random(len(truth)) < 0.015, "yes", "no")
    frame = pd.DataFrame({"x": points[:, 0], "y": points[:, 1], "complained": complained})
    features = build_features(frame, ["x", "y", "complained"])
    assert features.values[:, features.feature_names.index("complained_yes")].max() == pytest.approx(2.0)
    labels = segment_customers(features, 3, 0).labels
    assert adjusted_rand_score(truth, labels) > 0.85
    assert np.bincount(labels).min() > 150  # no segment of the 14 customers who complained


def test_a_common_level_keeps_the_balanced_weight() -> None:
    frame = pd.DataFrame({"x": np.arange(10.0), "c": ["a"] * 7 + ["b"] * 3})
    features = build_features(frame, ["x", "c"])
    block = features.values[:, 1:]
    assert block.var(axis=0).sum() == pytest.approx(1.0)  # 1 / sqrt(1 - 0.49 - 0.09) ≈ 1.54: under the cap


def test_levels_counted_per_distinct_value_match_levels_read_cell_by_cell() -> None:
    from segmentti.engine.features import BalancedOneHotEncoder

    rng = np.random.default_rng(3)
    levels = np.array(["Uusimaa", "Pirkanmaa", "(missing)", "(other)", "Lappi", "Kainuu", "Åland"], dtype=object)
    cells = levels[rng.choice(len(levels), 2_000, p=[0.5, 0.3, 0.05, 0.05, 0.095, 0.004, 0.001])]
    text = pd.Series(cells, dtype="str")
    text[rng.random(2_000) < 0.05] = None
    as_text = pd.DataFrame({"region": text, "other": pd.Series(levels[rng.integers(0, 2, 2_000)], dtype="str")})
    as_objects = as_text.astype(object)  # an object column is read cell by cell, as before
    fast, cellwise = BalancedOneHotEncoder().fit(as_text), BalancedOneHotEncoder().fit(as_objects)
    assert fast.kept_levels_ == cellwise.kept_levels_
    assert "Åland" not in fast.kept_levels_[0] and "(missing)" in fast.kept_levels_[0]
    for learned, expected in zip(fast.encoder_.categories_, cellwise.encoder_.categories_, strict=True):
        assert list(learned) == list(expected)
    np.testing.assert_array_equal(fast.weights_, cellwise.weights_)
    np.testing.assert_array_equal(fast.transform(as_text), cellwise.transform(as_objects))
