"""The customer map's projection and the words that name its axes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.decomposition import PCA

from segmentti.engine.features import build_features
from segmentti.insight.projection import AxisLoading, axis_loadings, name_axis, principal_axes, project_to_2d


def _customers(seed: int = 0) -> pd.DataFrame:
    """Spend and orders move together and vary most; age varies less and on its own; channel follows age."""
    rng = np.random.default_rng(seed)
    wealth = rng.normal(0, 3, 600)
    age = rng.normal(0, 1.5, 600)
    return pd.DataFrame(
        {
            "spend": wealth + rng.normal(0, 0.3, 600),
            "orders": wealth + rng.normal(0, 0.3, 600),
            "age": age,
            "channel": np.where(age + rng.normal(0, 0.2, 600) > 0, "store", "web"),
        }
    )


def test_map_coordinates_are_the_principal_components_with_the_strongest_loading_positive() -> None:
    values = np.random.default_rng(1).normal(size=(300, 4)) @ np.diag([3.0, 2.0, 1.0, 0.5])
    mean, components = principal_axes(values)
    assert all(row[np.argmax(np.abs(row))] > 0 for row in components)
    rows, coords = project_to_2d(values)
    reference = PCA(n_components=2).fit_transform(values)
    np.testing.assert_allclose(np.abs(coords), np.abs(reference), atol=1e-8)  # the same axes, signs fixed
    np.testing.assert_allclose(coords, (values - mean) @ components.T)
    rows, coords = project_to_2d(values, max_points=50)
    assert len(rows) == 50 and coords.shape == (50, 2)


def test_axes_are_named_by_the_criteria_that_load_most_on_them() -> None:
    features = build_features(_customers(), ["spend", "orders", "age", "channel"])
    _, components = principal_axes(features.values)
    first, second = axis_loadings(components, features.feature_names, features.numeric, features.categorical)
    assert {loading.criterion for loading in first} == {"spend", "orders"}
    assert all(loading.loading > 0 for loading in first)
    assert second[0].criterion in ("age", "channel")
    assert {loading.criterion for loading in second} == {"age", "channel"}
    channel = next(loading for loading in second if loading.criterion == "channel")
    assert channel.level in ("store", "web")
    age = next(loading for loading in second if loading.criterion == "age")
    # older customers buy in the store: on the same side of the axis, the store level and age share a sign
    assert (channel.loading > 0) == ((age.loading > 0) == (channel.level == "store"))
    assert name_axis(1, first, "en").startswith("Axis 1 → more: ")
    assert "Orders" in name_axis(1, first, "en") and "Principal" not in name_axis(1, first, "en")


def test_axis_titles_in_both_languages_with_the_users_labels() -> None:
    loadings = (AxisLoading("income", None, 0.7), AxisLoading("age", None, -0.5), AxisLoading("city", "Oulu", 0.4))
    assert name_axis(1, loadings, "en") == "Axis 1 → more: Income, City: Oulu · less: Age"
    assert (
        name_axis(2, loadings, "fi", {"income": "Tulot"}) == "Akseli 2 → enemmän: Tulot, Kaupunki: Oulu · vähemmän: Ikä"
    )
    assert name_axis(1, (), "en") == "Axis 1"


def test_a_level_goes_to_the_longest_criterion_it_starts_with() -> None:
    components = np.array([[0.1, 0.9, 0.2]])
    names = ("chan", "channel_web", "channel_store")
    (axis,) = axis_loadings(components, names, ("chan",), ("channel",))
    assert axis[0] == AxisLoading("channel", "web", pytest.approx(0.9))
