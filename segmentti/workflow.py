"""Run the whole segmentation of a table in one call: features, segments and their profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from segmentti.clustering import Segmentation, segment_customers
from segmentti.features import FeatureMatrix, build_features
from segmentti.profiling import Profile, profile_segments


@dataclass(frozen=True, eq=False)
class SegmentationResult:
    """Everything one segmentation run produced."""

    features: FeatureMatrix
    segmentation: Segmentation
    profile: Profile


def segment_table(
    frame: pd.DataFrame, criteria: Sequence[str] | None, k: int, seed: int = 0, lang: str = "en"
) -> SegmentationResult:
    """Segment the customers of ``frame`` on ``criteria`` into ``k`` segments and describe them.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    criteria : sequence of str or None
        Columns to segment on; ``None`` means the suggested default.
    k : int
        Number of segments.
    seed : int, default 0
        Random seed.
    lang : str, default "en"
        Language of the suggested segment names.

    Raises
    ------
    SegmenttiError
        For unusable criteria or too little data for ``k``.
    """
    features = build_features(frame, criteria)
    return segment_features(frame, features, k, seed, lang)


def segment_features(
    frame: pd.DataFrame, features: FeatureMatrix, k: int, seed: int = 0, lang: str = "en"
) -> SegmentationResult:
    """Like :func:`segment_table` for features already built from ``frame``."""
    segmentation = segment_customers(features, k, seed)
    profile = profile_segments(frame, segmentation.labels, features.numeric, features.categorical, lang)
    return SegmentationResult(features, segmentation, profile)
