"""scikit-learn's own estimator checks on the custom transformers of the feature pipeline."""

from __future__ import annotations

from sklearn.utils.estimator_checks import parametrize_with_checks

from segmentti.engine.features import BalancedOneHotEncoder, ColumnWeights, LogScaler


@parametrize_with_checks([BalancedOneHotEncoder(), LogScaler(), ColumnWeights()])
def test_transformers_pass_scikit_learns_checks(estimator, check) -> None:
    check(estimator)
