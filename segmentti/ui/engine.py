"""The segmentation the user has set up (criteria, weights, method, k), computed through the per-session caches."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from segmentti.columns import describe_columns
from segmentti.features import FeatureMatrix, combine_weights, resolve_criteria
from segmentti.ui import state
from segmentti.ui.cached import cached_features, cached_segments
from segmentti.workflow import SegmentationResult

SEED = 0


def weight_pairs(frame: pd.DataFrame, chosen: list[str] | None) -> tuple[tuple[str, float], ...]:
    """The user's family and column weights as one sorted ``(criterion, weight)`` tuple (only weights ≠ 1).

    A hashable cache key part; empty when nothing is weighted.
    """
    if not state.family_weights() and not state.column_weights():
        return ()
    criteria = resolve_criteria(frame, chosen)
    families = {info.name: info.family.value for info in describe_columns(frame[criteria])}
    combined = combine_weights(families, state.family_weights(), state.column_weights())
    return tuple(sorted((name, weight) for name, weight in combined.items() if weight != 1.0))


def current_features() -> tuple[FeatureMatrix, tuple[tuple[str, float], ...]]:
    """The feature matrix of the loaded data for the chosen criteria and weights (raises SegmenttiError)."""
    current = state.dataset()
    chosen = state.criteria()
    weights = weight_pairs(current.table.frame, chosen)
    return cached_features(current.digest, tuple(chosen or ()), current.table, weights), weights


def current_result(lang: str) -> SegmentationResult | None:
    """The segments as set on the segments page (method, k, weights), or ``None`` before a k was chosen.

    Raises :class:`segmentti.errors.SegmenttiError` for unusable choices.
    """
    k = st.session_state.get(state.K)
    if k is None:
        return None
    current = state.dataset()
    features, weights = current_features()
    return cached_segments(
        current.digest, features.criteria, k, SEED, lang, current.table, features, weights, state.method()
    )
