"""Run the whole segmentation of a table in one call: features, segments (any method) and their profile."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.engine.clustering import Segmentation, segment_customers
from segmentti.engine.features import FeatureMatrix
from segmentti.engine.methods import Fitted
from segmentti.engine.metrics import inertia, sampled_silhouette, segment_centers
from segmentti.engine.model import SegmentModel
from segmentti.engine.rfm import SEGMENTS, RfmScores
from segmentti.engine.rules import Rule, assign_rules, check_rules
from segmentti.insight.profiling import Profile, profile_segments
from segmentti.texts import translate


@dataclass(frozen=True, eq=False)
class SegmentationResult:
    """Everything one segmentation run produced."""

    features: FeatureMatrix
    segmentation: Segmentation
    profile: Profile

    @property
    def model(self) -> SegmentModel | None:
        """The fitted model behind the segments (``None`` for RFM and rule segments): it labels new customers."""
        return self.segmentation.model


def segment_table(
    frame: pd.DataFrame,
    criteria: Sequence[str] | None,
    k: int,
    seed: int = 0,
    lang: str = "en",
    *,
    method: str = "kmeans",
    weights: Mapping[str, float] | None = None,
) -> SegmentationResult:
    """Segment the customers of ``frame`` on ``criteria`` into ``k`` segments and describe them.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    criteria : sequence of str or None
        Columns to segment on; ``None`` means the suggested default.
    k : int
        Number of segments (HDBSCAN finds its own).
    seed : int, default 0
        Random seed.
    lang : str, default "en"
        Language of the suggested segment names.
    method : str, default "kmeans"
        See :func:`segmentti.engine.clustering.segment_customers`.
    weights : mapping of str to float, optional
        Weight per criterion (see :func:`segmentti.engine.features.build_features`).

    Raises
    ------
    SegmenttiError
        For unusable criteria or too little data for ``k``.
    """
    model = SegmentModel(criteria=criteria, k=k, method=method, seed=seed, weights=weights).fit(frame)
    return describe(frame, Segmentation.from_model(model), lang)


def segment_features(
    frame: pd.DataFrame,
    features: FeatureMatrix,
    k: int,
    seed: int = 0,
    lang: str = "en",
    *,
    method: str = "kmeans",
    silhouette: float | None = None,
    fitted: Fitted | None = None,
) -> SegmentationResult:
    """Like :func:`segment_table` for features already built from ``frame``.

    ``silhouette`` and ``fitted``: the segments' mean silhouette and the method's fit when a
    scan already computed them (see :func:`segmentti.engine.clustering.segment_customers`).
    """
    segmentation = segment_customers(features, k, seed, method=method, silhouette=silhouette, fitted=fitted)
    return describe(frame, segmentation, lang)


def describe(frame: pd.DataFrame, segmentation: Segmentation, lang: str = "en") -> SegmentationResult:
    """Profile ``segmentation`` of ``frame``; segments with a name of their own (unassigned, RFM, rules) keep it."""
    features = segmentation.features
    profile = profile_segments(
        frame, segmentation.labels, features.numeric, features.categorical, lang, features=features, k=segmentation.k
    )
    return SegmentationResult(features, segmentation, _own_names(profile, segmentation, lang))


def describe_in(result: SegmentationResult, lang: str) -> SegmentationResult:
    """``result`` with its segment names in ``lang``, from the traits already measured (no data is read again).

    What :func:`describe` in ``lang`` would give, at the cost of naming the segments only:
    the profile's figures do not depend on the language. Names a segmentation carries
    itself (rules, RFM) stay as they are.
    """
    names = result.profile.suggested_names(lang)
    segments = tuple(
        dataclasses.replace(summary, name=f"{summary.number}: {name}", suggested_name=name)
        for summary, name in zip(result.profile.segments, names, strict=True)
    )
    profile = dataclasses.replace(result.profile, segments=segments)
    return SegmentationResult(result.features, result.segmentation, _own_names(profile, result.segmentation, lang))


def _own_names(profile: Profile, segmentation: Segmentation, lang: str) -> Profile:
    own = list(segmentation.names) or [""] * segmentation.k
    if segmentation.unassigned is not None and not own[segmentation.unassigned]:
        own[segmentation.unassigned] = translate("engine.unassigned", lang)
    if any(own):
        segments = tuple(
            dataclasses.replace(summary, name=f"{summary.number}: {name}") if name else summary
            for summary, name in zip(profile.segments, own, strict=True)
        )
        profile = dataclasses.replace(profile, segments=segments)
    return profile


def segment_by_rules(
    frame: pd.DataFrame, rules: Sequence[Rule], features: FeatureMatrix, lang: str = "en"
) -> SegmentationResult:
    """Segments from hand-written rules, in the rules' order (first match wins); "Others" last.

    Rules no customer meets are left out of the segments (the rules page shows their size 0).

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    rules : sequence of Rule
        At least one.
    features : FeatureMatrix
        Criteria built from ``frame``, used to profile the segments and draw them.

    Raises
    ------
    SegmenttiError
        For no rules or a rule that does not fit the data.
    """
    check_rules(rules)
    assigned = assign_rules(frame, rules)
    present = [index for index in range(len(rules) + 1) if (assigned == index).any()]
    new_index = {old: new for new, old in enumerate(present)}
    lookup = np.full(len(rules) + 1, -1, dtype=np.int64)
    lookup[present] = np.arange(len(present))
    labels = lookup[assigned]
    names = tuple(rules[old].name if old < len(rules) else translate("engine.others", lang) for old in present)
    others = new_index.get(len(rules))
    return describe(frame, _fixed_segmentation(labels, features, "rules", names, others), lang)


def segment_by_rfm(
    frame: pd.DataFrame, scores: RfmScores, features: FeatureMatrix, lang: str = "en"
) -> SegmentationResult:
    """Segments from RFM scores: the named RFM segments present, best first (Champions … Lost).

    ``scores.table`` has one row per row of ``frame``, in the same order.
    """
    keys = scores.table["segment"].to_numpy()
    present = [key for key in SEGMENTS if (keys == key).any()]
    position = {key: index for index, key in enumerate(present)}
    labels = np.asarray([position[key] for key in keys], dtype=np.int64)
    names = tuple(translate(f"rfm.{key}", lang) for key in present)
    return describe(frame, _fixed_segmentation(labels, features, "rfm", names, None), lang)


def _fixed_segmentation(
    labels: np.ndarray, features: FeatureMatrix, method: str, names: tuple[str, ...], unassigned: int | None
) -> Segmentation:
    k = len(names)
    values = features.values
    centers = segment_centers(values, labels, k)
    scored = labels if unassigned is None else np.where(labels == unassigned, -1, labels)
    silhouette = sampled_silhouette(values, scored, 0) if k > 1 else float("nan")
    spread = inertia(values, labels, centers)
    return Segmentation(labels, k, method, 0, centers, spread, silhouette, features, None, unassigned, names)
