"""The segmentation the user has set up (criteria, weights, method, k), computed once per session.

Results are remembered in the session's own state (:func:`ui.state.remember`) rather than
Streamlit's data cache: it stores pickled copies, and at 100,000 customers unpickling the
feature matrix (20 MB) and the segments on every rerun cost more than a k change may take.

The segmentation is keyed on the data and the settings only; its description (profile and
segment names) is a rendering in the user's language, made from the same segmentation
object for each language, so a language switch never re-clusters.
"""

from __future__ import annotations

import pandas as pd

from segmentti.data.columns import describe_columns
from segmentti.engine.clustering import Segmentation, segment_customers
from segmentti.engine.features import FeatureMatrix, build_features, combine_weights, resolve_criteria
from segmentti.engine.methods import Fitted
from segmentti.engine.workflow import SegmentationResult, describe, describe_in
from ui import state
from ui.cached import cached_suggestion

SEED = 0


def weight_pairs(frame: pd.DataFrame, chosen: list[str] | None) -> tuple[tuple[str, float], ...]:
    """The user's family and column weights as one sorted ``(criterion, weight)`` tuple (only weights ≠ 1).

    A hashable key part; empty when nothing is weighted.
    """
    if not state.family_weights() and not state.column_weights():
        return ()
    overrides = state.column_overrides()
    criteria = resolve_criteria(frame, chosen, overrides)
    families = {info.name: info.family.value for info in describe_columns(frame[criteria], overrides)}
    combined = combine_weights(families, state.family_weights(), state.column_weights())
    return tuple(sorted((name, weight) for name, weight in combined.items() if weight != 1.0))


def current_features() -> tuple[FeatureMatrix, tuple[tuple[str, object], ...]]:
    """The feature matrix of the loaded data for the chosen criteria, weights and column kinds (raises SegmenttiError).

    The user's column corrections go in: the kind set on the data page (a coded channel made
    numeric, a number made a category) decides how each criterion enters the clustering.

    Returns
    -------
    tuple
        The features, and the settings part of every key computed from them: the
        ``(criterion, weight)`` pairs of :func:`weight_pairs`, then ``(criterion, role)`` for
        each chosen criterion whose role the user set, so a changed kind is never served an
        old result.
    """
    current = state.dataset()
    overrides = state.column_overrides()
    chosen = state.criteria()
    if chosen is None:  # before the user has chosen: the suggestion, with the user's column corrections
        chosen = cached_suggestion(current.digest, overrides, current.table.frame)
    weights = weight_pairs(current.table.frame, chosen)
    roles = tuple((name, str(overrides[name]["role"])) for name in chosen or () if "role" in overrides.get(name, {}))
    settings = weights + roles
    key = (current.digest, tuple(chosen or ()), settings)
    features = state.remember(
        "features",
        key,
        lambda: build_features(
            current.table.frame, list(chosen or ()), weights=dict(weights), overrides=dict(overrides)
        ),
        4,
    )
    return features, settings


def segmentation(
    k: int, method: str, silhouette: float | None = None, fitted: Fitted | None = None
) -> tuple[tuple, Segmentation]:
    """The key and the segments of the current data, criteria and weights with ``method`` and ``k``.

    The key names the data, criteria, weights, method, k and seed, never the language.
    ``silhouette`` and ``fitted`` come from the scan when it already fitted this k.
    """
    current = state.dataset()
    features, settings = current_features()
    key = (current.digest, features.criteria, settings, method, k, SEED)
    found = state.remember(
        "segmentation",
        key,
        lambda: segment_customers(features, k, SEED, method=method, silhouette=silhouette, fitted=fitted),
        16,
    )
    return key, found


def segments(
    k: int,
    lang: str,
    method: str,
    silhouette: float | None = None,
    fitted: Fitted | None = None,
) -> SegmentationResult:
    """The segments of :func:`segmentation` described in ``lang`` (profile and names).

    The profile's figures are measured once per segmentation; only the names are made per
    language, and the segmentation inside is the very same object in every language.
    """
    key, segmented = segmentation(k, method, silhouette, fitted)
    frame = state.dataset().table.frame
    measured = state.remember("profile", key, lambda: describe(frame, segmented, lang), 16)
    return state.remember("described", (*key, lang), lambda: describe_in(measured, lang), 16)


def current_result(lang: str) -> SegmentationResult | None:
    """The segments as set on the segments page (method, k, weights), or ``None`` before a k was chosen.

    Raises :class:`segmentti.errors.SegmenttiError` for unusable choices.
    """
    k = state.k()
    if k is None:
        return None
    return segments(k, lang, state.method())
