"""SegmentModel: scikit-learn's shape, predict reproduces the fitted labels for every method, new customers labelled."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import adjusted_rand_score

from segmentti import SegmentModel
from segmentti.engine import methods
from segmentti.engine.clustering import segment_customers
from segmentti.engine.features import build_features
from segmentti.engine.metrics import nearest_centers
from segmentti.engine.scanning import scan_k
from segmentti.engine.workflow import segment_table
from segmentti.errors import SegmenttiError

CENTRES = np.array([(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)])


def _groups(sizes: tuple[int, ...], noise: int = 0, seed: int = 5) -> pd.DataFrame:
    """Round groups around :data:`CENTRES` (spread 1) in the order of ``sizes``, then uniform noise."""
    rng = np.random.default_rng(seed)
    truth = np.repeat(np.arange(len(sizes)), sizes)
    points = CENTRES[truth] + rng.normal(0, 1.0, (len(truth), 2))
    if noise:
        points = np.vstack([points, rng.uniform(-25, 35, (noise, 2))])
        truth = np.r_[truth, np.full(noise, -1)]
    frame = pd.DataFrame(points, columns=["x", "y"])
    frame["region"] = np.where(points[:, 0] > 5, "east", "west")
    frame["truth"] = truth
    return frame


def test_init_only_stores_keyword_parameters_and_clones() -> None:
    model = SegmentModel(criteria=["x", "y"], k=3, method="ward", seed=2, weights={"x": 2.0})
    assert model.get_params() == {"criteria": ["x", "y"], "k": 3, "method": "ward", "seed": 2, "weights": {"x": 2.0}}
    assert clone(model).get_params() == model.get_params()
    with pytest.raises(TypeError):
        SegmentModel(["x"])  # type: ignore[misc]
    with pytest.raises(NotFittedError):
        model.predict(_groups((10, 10, 10)))


def test_fit_sets_the_fitted_attributes_and_numbers_segments_largest_first() -> None:
    frame = _groups((60, 40, 30))
    model = SegmentModel(criteria=["x", "y", "region"], k=3, seed=1).fit(frame)
    assert model.k_ == 3 and model.labels_.shape == (130,)
    assert np.bincount(model.labels_).tolist() == [60, 40, 30]
    assert adjusted_rand_score(frame["truth"], model.labels_) == 1.0
    assert model.features_.criteria == ("x", "y", "region")
    assert model.pipeline_ is model.features_.transformer
    assert model.centers_.shape == (3, len(model.features_.feature_names))
    np.testing.assert_array_equal(nearest_centers(model.features_.values, model.centers_), model.labels_)
    assert model.membership_ is None and model.unassigned_ is None and model.names_ == ()
    assert model.silhouette_ > 0.8
    assert model.fit_predict(frame).tolist() == model.labels_.tolist()


def test_new_customers_get_the_fitted_numbering() -> None:
    frame = _groups((60, 40, 30))
    model = SegmentModel(criteria=["x", "y"], k=3).fit(frame)
    new = pd.DataFrame({"x": [0.2, 9.7, -0.3, 10.4], "y": [10.1, 0.3, -0.2, -0.1], "other": ["a", "b", "c", "d"]})
    # new columns are ignored; near the third, second, first and second group's centre
    assert model.predict(new).tolist() == [2, 1, 0, 1]
    shuffled = np.random.default_rng(0).permutation(len(frame))
    np.testing.assert_array_equal(model.predict(frame.iloc[shuffled]), model.labels_[shuffled])
    with pytest.raises(SegmenttiError) as caught:
        model.predict(frame[["x"]])
    assert caught.value.key == "error.unknown_criteria" and "y" in caught.value.message("en")


@pytest.mark.parametrize("method", ["kmeans", "gmm", "ward", "hdbscan"])
def test_predict_on_the_training_table_reproduces_the_labels_on_the_sampled_path(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # small fitting samples put 1,500 customers on the path that large data takes
    monkeypatch.setattr(methods, "FIT_SAMPLE", 400)
    monkeypatch.setattr(methods, "WARD_SAMPLE", 300)
    frame = _groups((700, 450, 300), noise=50)
    model = SegmentModel(criteria=["x", "y"], k=3, method=method, seed=3).fit(frame)
    np.testing.assert_array_equal(model.predict(frame), model.labels_)
    claimed = model.labels_ != model.unassigned_ if model.unassigned_ is not None else np.ones(len(frame), bool)
    truth = frame["truth"].to_numpy()
    assert adjusted_rand_score(truth[claimed & (truth >= 0)], model.labels_[claimed & (truth >= 0)]) > 0.95
    assert np.bincount(model.labels_[:1450])[:3].tolist() == sorted(np.bincount(model.labels_[:1450])[:3], reverse=True)


def test_ward_labels_every_customer_by_the_nearest_centre(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(methods, "WARD_SAMPLE", 200)
    frame = _groups((500, 300, 200))
    model = SegmentModel(criteria=["x", "y"], k=3, method="ward").fit(frame)
    np.testing.assert_array_equal(nearest_centers(model.features_.values, model.centers_), model.labels_)


def test_mixture_membership_and_probabilities_follow_the_segments() -> None:
    frame = _groups((60, 40, 30))
    model = SegmentModel(criteria=["x", "y"], k=3, method="gmm").fit(frame)
    probabilities = model.predict_proba(frame)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    np.testing.assert_array_equal(probabilities.argmax(axis=1), model.labels_)
    np.testing.assert_allclose(probabilities.max(axis=1), model.membership_)
    with pytest.raises(ValueError):
        SegmentModel(criteria=["x", "y"], k=3).fit(frame).predict_proba(frame)


def test_hdbscan_sampled_customers_keep_their_group_and_noise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(methods, "FIT_SAMPLE", 400)
    frame = _groups((700, 450, 300), noise=80)
    model = SegmentModel(criteria=["x", "y"], k=2, method="hdbscan", seed=1).fit(frame)
    fit = model.clusterer_
    assert model.unassigned_ == model.k_ - 1 and (fit.point_labels == -1).any()
    sample = methods.fixed_sample(len(frame), 400, 1)
    expected = np.where(fit.point_labels < 0, model.unassigned_, model.segment_of_[np.maximum(fit.point_labels, 0)])
    np.testing.assert_array_equal(model.labels_[sample], expected)
    # a new customer identical to a sampled one gets that one's segment, the unassigned included
    copies = frame.iloc[sample].reset_index(drop=True)
    np.testing.assert_array_equal(model.predict(copies), expected)


def test_large_data_keeps_a_small_well_separated_group() -> None:
    frame = _groups((40_000, 15_000, 350), seed=0)
    assert len(frame) >= methods.LARGE_DATA_FROM
    model = SegmentModel(criteria=["x", "y"], k=3).fit(frame)
    assert np.bincount(model.labels_).tolist() == [40_000, 15_000, 350]
    assert adjusted_rand_score(frame["truth"], model.labels_) >= 0.99
    np.testing.assert_array_equal(nearest_centers(model.features_.values, model.centers_), model.labels_)
    np.testing.assert_array_equal(model.predict(frame), model.labels_)


def test_segment_table_goes_through_the_model() -> None:
    frame = _groups((60, 40, 30))
    result = segment_table(frame, ["x", "y", "region"], 3, seed=2)
    assert isinstance(result.model, SegmentModel)
    np.testing.assert_array_equal(result.model.predict(frame), result.segmentation.labels)
    assert result.segmentation.model is result.model


def test_a_method_registered_once_serves_the_model_the_scan_and_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    class FirstRows(methods.Method):
        """A deliberately simple method: the first k distinct rows are the centres."""

        name = "first_rows"

        def _fit_one(self, values: np.ndarray, k: int, seed: int, resample: bool) -> methods.Fitted:
            return methods.CentreFit.assign(values, np.unique(values, axis=0)[:k])

    monkeypatch.setitem(methods.METHOD_REGISTRY, "first_rows", FirstRows())
    frame = _groups((60, 40, 30))
    features = build_features(frame, ["x", "y"])
    assert scan_k(features, 2, 4, method="first_rows").method == "first_rows"
    assert segment_customers(features, 3, method="first_rows").k == 3
    model = SegmentModel(criteria=["x", "y"], k=3, method="first_rows").fit(frame)
    np.testing.assert_array_equal(model.predict(frame), model.labels_)


def test_the_scans_fit_is_reused_not_fitted_again(monkeypatch: pytest.MonkeyPatch) -> None:
    features = build_features(_groups((60, 40, 30)), ["x", "y"])
    scan = scan_k(features, 2, 4)
    calls: list[int] = []
    original = methods.KMeansMethod._fit_one

    def counted(self: methods.Method, values: np.ndarray, k: int, seed: int, resample: bool) -> methods.Fitted:
        calls.append(k)
        return original(self, values, k, seed, resample)

    monkeypatch.setattr(methods.KMeansMethod, "_fit_one", counted)
    reused = segment_customers(features, 3, fitted=scan.fits[3], silhouette=scan.score(3).silhouette)
    assert calls == []
    np.testing.assert_array_equal(reused.labels, segment_customers(features, 3).labels)
    assert calls == [3]


def test_unknown_method_and_bad_input_are_user_errors() -> None:
    frame = _groups((20, 20, 20))
    with pytest.raises(SegmenttiError) as caught:
        SegmentModel(criteria=["x"], method="spectral").fit(frame)
    assert caught.value.key == "error.unknown_method"
    with pytest.raises(SegmenttiError) as caught:
        SegmentModel(criteria=["nope"]).fit(frame)
    assert caught.value.key == "error.unknown_criteria"
    with pytest.raises(SegmenttiError) as caught:
        SegmentModel(criteria=["x"], k=1).fit(frame)
    assert caught.value.key == "error.bad_k"


@pytest.mark.parametrize("method", ["kmeans", "gmm", "ward", "hdbscan"])
def test_a_saved_and_reloaded_model_labels_customers_the_same(method: str) -> None:
    frame = _groups((120, 90, 60), noise=20)
    model = SegmentModel(criteria=["x", "y", "region"], k=3, method=method).fit(frame)
    reloaded = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(reloaded.predict(frame), model.labels_)
