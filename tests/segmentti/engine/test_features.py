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
