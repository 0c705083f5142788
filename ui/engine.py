"""The segmentation the user has set up (criteria, weights, method, k), computed once per session.

Results are remembered in the session's own state rather than ``st.cache_data``: the cache
stores pickled copies, and at 100,000 customers unpickling the feature matrix (20 MB) and the
segments on every rerun cost more than the 0.5 s a k change may take. Session state holds
the objects themselves, for this session only, and forgets the oldest beyond a few entries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from segmentti.data.columns import describe_columns
from segmentti.engine.features import FeatureMatrix, build_features, combine_weights, resolve_criteria
from segmentti.engine.methods import Fitted
from segmentti.engine.workflow import SegmentationResult, segment_features
from ui import state
from ui.cached import cached_suggestion

SEED = 0
_FEATURES, _SEGMENTS = "_engine_features", "_engine_segments"


def remember(bucket: str, key: tuple, compute: Callable[[], Any], kept: int) -> Any:
    """``compute()`` once per ``key`` in this session (``bucket`` of session state keeps ``kept`` entries)."""
    store: dict = st.session_state.setdefault(bucket, {})
    if key not in store:
        store[key] = compute()
        while len(store) > kept:
            store.pop(next(iter(store)))
    return store[key]


def weight_pairs(frame: pd.DataFrame, chosen: list[str] | None) -> tuple[tuple[str, float], ...]:
    """The user's family and column weights as one sorted ``(criterion, weight)`` tuple (only weights ≠ 1).

    A hashable key part; empty when nothing is weighted.
    """
    if not state.family_weights() and not state.column_weights():
        return ()
    criteria = resolve_criteria(frame, chosen)
    families = {info.name: info.family.value for info in describe_columns(frame[criteria], state.column_overrides())}
    combined = combine_weights(families, state.family_weights(), state.column_weights())
    return tuple(sorted((name, weight) for name, weight in combined.items() if weight != 1.0))


def current_features() -> tuple[FeatureMatrix, tuple[tuple[str, float], ...]]:
    """The feature matrix of the loaded data for the chosen criteria and weights (raises SegmenttiError)."""
    current = state.dataset()
    chosen = state.criteria()
    if chosen is None:  # before the user has chosen: the suggestion, with the user's column corrections
        chosen = cached_suggestion(current.digest, state.column_overrides(), current.table.frame)
    weights = weight_pairs(current.table.frame, chosen)
    key = (current.digest, tuple(chosen or ()), weights)
    features = remember(
        _FEATURES, key, lambda: build_features(current.table.frame, list(chosen or ()), weights=dict(weights)), 4
    )
    return features, weights


def segments(
    k: int,
    lang: str,
    method: str,
    silhouette: float | None = None,
    fitted: Fitted | None = None,
) -> SegmentationResult:
    """The segments of the current data, criteria and weights with ``method`` and ``k``.

    ``silhouette`` and ``fitted`` come from the scan when it already fitted this k.
    """
    current = state.dataset()
    features, weights = current_features()
    key = (current.digest, features.criteria, weights, method, k, SEED, lang)
    return remember(
        _SEGMENTS,
        key,
        lambda: segment_features(
            current.table.frame, features, k, SEED, lang, method=method, silhouette=silhouette, fitted=fitted
        ),
        16,
    )


def current_result(lang: str) -> SegmentationResult | None:
    """The segments as set on the segments page (method, k, weights), or ``None`` before a k was chosen.

    Raises :class:`segmentti.errors.SegmenttiError` for unusable choices.
    """
    k = st.session_state.get(state.K)
    if k is None:
        return None
    return segments(k, lang, state.method())
