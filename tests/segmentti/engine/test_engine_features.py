"""Weights, log-transform of skewed columns, rare levels and the one pipeline that scores new customers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.engine.features import RARE_LEVEL, LogScaler, build_features, combine_weights, is_skewed
from segmentti.errors import SegmenttiError


def _frame() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "age": rng.integers(20, 70, 200),
            "spend": np.exp(rng.normal(5, 1.2, 200)),
            "channel": rng.choice(["web", "store"], 200),
        }
    )


def test_weight_two_counts_like_the_criterion_twice_and_zero_leaves_it_out() -> None:
    frame = _frame()
    plain = build_features(frame, ["age", "channel"])
    weighted = build_features(frame, ["age", "channel"], weights={"age": 2.0})
    age = plain.feature_names.index("age")
    np.testing.assert_allclose(weighted.values[:, age] ** 2, 2 * plain.values[:, age] ** 2)
    others = [i for i in range(len(plain.feature_names)) if i != age]
    np.testing.assert_allclose(weighted.values[:, others], plain.values[:, others])
    assert weighted.weights == {"age": 2.0, "channel": 1.0}
    dropped = build_features(frame, ["age", "channel"], weights={"channel": 0})
    assert dropped.criteria == ("age",) and dropped.dropped == ("channel",)
    with pytest.raises(SegmenttiError) as caught:
        build_features(frame, ["age"], weights={"age": -1})
    assert caught.value.key == "error.bad_weight"


def test_family_and_column_weights_multiply() -> None:
    families = {"age": "demographic", "spend": "behavioural", "orders": "behavioural"}
    combined = combine_weights(families, {"behavioural": 2}, {"orders": 1.5, "age": 0.5})
    assert combined == {"age": 0.5, "spend": 2.0, "orders": 3.0}
    with pytest.raises(SegmenttiError) as caught:
        combine_weights(families, {"hobbies": 2})
    assert caught.value.key == "error.unknown_family"


def test_skewed_money_column_is_log_transformed_and_shown() -> None:
    frame = _frame()
    assert is_skewed(frame["spend"]) and not is_skewed(frame["age"])
    features = build_features(frame, ["age", "spend"])
    assert features.logged == ("spend",)
    spend = features.values[:, features.feature_names.index("spend")]
    assert abs(pd.Series(spend).skew()) < pd.Series(frame["spend"]).skew() / 3
    assert build_features(frame, ["age", "spend"], log_skewed=False).logged == ()


def test_a_mostly_negative_or_bimodal_column_is_not_logged() -> None:
    values = pd.Series(np.r_[np.random.default_rng(1).normal(0, 0.5, 80), np.full(20, 10.0)])
    assert not is_skewed(values)  # 40 % negative: not money-like


def test_log_scaler_is_linear_near_zero_and_keeps_the_sign() -> None:
    scaler = LogScaler().fit(np.array([[-100.0], [10.0], [100.0], [1000.0]]))
    assert scaler.scale_[0] == pytest.approx(100.0)
    out = scaler.transform(np.array([[-1.0], [1.0], [1e6]]))[:, 0]
    assert out[0] == pytest.approx(-out[1]) and out[1] == pytest.approx(0.01, rel=1e-3)
    assert out[2] == pytest.approx(np.arcsinh(1e4))


def test_rare_levels_are_grouped_and_the_pipeline_scores_new_customers() -> None:
    frame = pd.DataFrame({"x": np.arange(300.0), "c": ["a"] * 150 + ["b"] * 147 + ["r1", "r2", "r3"]})
    features = build_features(frame, ["x", "c"])
    assert "c_" + RARE_LEVEL in features.feature_names
    assert not any(name in features.feature_names for name in ("c_r1", "c_r2", "c_r3"))
    new = features.transformer.transform(pd.DataFrame({"x": [10.0, 20.0], "c": ["r2", "a"]}))
    np.testing.assert_allclose(new[1], features.values[20])  # the same customer scores the same
    rare_column = features.feature_names.index("c_" + RARE_LEVEL)
    np.testing.assert_allclose(new[0, rare_column], features.values[298, rare_column])


def test_log_scaler_keeps_empty_cells_empty_and_learns_from_the_rest() -> None:
    scaler = LogScaler().fit(np.array([[np.nan], [10.0], [100.0], [1000.0]]))
    assert scaler.scale_[0] == pytest.approx(100.0)
    out = scaler.transform(np.array([[np.nan], [100.0]]))[:, 0]
    assert np.isnan(out[0]) and out[1] == pytest.approx(np.arcsinh(1.0))
    with pytest.raises(ValueError):
        scaler.transform(np.array([[np.inf]]))
