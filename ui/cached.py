"""Library calls cached per session, keyed on the data's digest, never on a sampled hash of the data."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from segmentti.data.columns import Role, describe_columns, suggest_criteria
from segmentti.data.loading import LoadOptions, Table, load_table
from segmentti.data.orders import CustomerFeatures, OrderMapping, build_customers
from segmentti.data.quality import QualityReport, assess_quality
from segmentti.data.samples import load_sample
from segmentti.engine.clustering import K_MAX, K_MIN, Segmentation
from segmentti.engine.features import FeatureMatrix, build_features
from segmentti.engine.methods import Fitted
from segmentti.engine.rfm import summarize_orders
from segmentti.engine.scanning import KScan, scan_k
from segmentti.engine.workflow import SegmentationResult, segment_features
from segmentti.insight.inspection import CustomerFit, customer_fit, hover_frame
from segmentti.insight.personas import Persona, personas_from_result
from segmentti.insight.projection import project_to_2d, project_tsne
from segmentti.outputs.charts import build_segment_map
from ui import state

# scope="session": results live only in the session that made them and go when it ends;
# the leading-underscore arguments are not hashed, the digest stands for them.


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_load(digest: str, name: str, sheet: str | None, _data: bytes) -> Table:
    """:func:`segmentti.data.loading.load_table` of an uploaded file."""
    return load_table(_data, name, sheet=sheet)


@st.cache_data(scope="session", max_entries=4, show_spinner=False)
def cached_sample(name: str) -> Table:
    """:func:`segmentti.data.samples.load_sample`."""
    return load_sample(name)


@st.cache_data(scope="session", max_entries=16, show_spinner=False)
def cached_features(
    digest: str, criteria: tuple[str, ...], _table: Table, weights: tuple[tuple[str, float], ...] = ()
) -> FeatureMatrix:
    """:func:`segmentti.engine.features.build_features` of the data ``digest`` (``weights`` as sorted pairs)."""
    return build_features(_table.frame, list(criteria), weights=dict(weights))


@st.cache_data(scope="session", max_entries=16, show_spinner=False)
def cached_scan(
    digest: str,
    criteria: tuple[str, ...],
    seed: int,
    _features: FeatureMatrix,
    weights: tuple[tuple[str, float], ...] = (),
    method: str = "kmeans",
    k_range: tuple[int, int] = (K_MIN, K_MAX),
) -> KScan:
    """:func:`segmentti.engine.scanning.scan_k` of ``method`` over ``k_range``."""
    return scan_k(_features, k_range[0], k_range[1], seed, method=method)


_SCANS = "_engine_scans"
_SCANS_KEPT = 8


def scan_with_progress(key: tuple, seed: int, features: FeatureMatrix, progress: Callable[[float], None]) -> KScan:
    """:func:`segmentti.engine.scanning.scan_k` reporting ``progress``, remembered in this session only.

    ``key`` = ``(digest, criteria, weights, method, (k_min, k_max))``. Kept in session state
    rather than ``st.cache_data``, which cannot replay a progress bar drawn by the call.
    """
    scans: dict = st.session_state.setdefault(_SCANS, {})
    full_key = (*key, seed)
    if full_key not in scans:
        _, _, _, method, (k_min, k_max) = key
        scans[full_key] = scan_k(features, k_min, k_max, seed, method=method, progress=progress)
        while len(scans) > _SCANS_KEPT:
            scans.pop(next(iter(scans)))
    return scans[full_key]


@st.cache_data(scope="session", max_entries=32, show_spinner=False)
def cached_segments(
    digest: str,
    criteria: tuple[str, ...],
    k: int,
    seed: int,
    lang: str,
    _table: Table,
    _features: FeatureMatrix,
    weights: tuple[tuple[str, float], ...] = (),
    method: str = "kmeans",
    silhouette: float | None = None,
    _fitted: Fitted | None = None,
) -> SegmentationResult:
    """:func:`segmentti.engine.workflow.segment_features` with ``method`` (``silhouette``, ``_fitted`` from the scan, if known)."""
    return segment_features(
        _table.frame, _features, k, seed, lang, method=method, silhouette=silhouette, fitted=_fitted
    )


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_projection(
    digest: str,
    criteria: tuple[str, ...],
    weights: tuple[tuple[str, float], ...],
    kind: str,
    seed: int,
    _features: FeatureMatrix,
) -> tuple[np.ndarray, np.ndarray]:
    """Map positions (:func:`segmentti.insight.projection.project_to_2d` or ``project_tsne``): they do not depend on k."""
    if kind == "tsne":
        return project_tsne(_features.values, seed=seed)
    return project_to_2d(_features.values, seed=seed)


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_hover(digest: str, columns: tuple[str, ...], _rows: np.ndarray, _table: Table, kind: str) -> pd.DataFrame:
    """The hover columns of the customers drawn on the map (``kind`` names the projection the rows come from)."""
    return hover_frame(_table.frame, _rows, columns)


@st.cache_data(scope="session", max_entries=32, show_spinner=False)
def cached_fit(key: tuple, seed: int, _segmentation: Segmentation) -> CustomerFit:
    """:func:`segmentti.insight.inspection.customer_fit` of the segmentation identified by ``key``."""
    return customer_fit(_segmentation, seed)


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_order_summary(digest: str, _orders: pd.DataFrame) -> pd.DataFrame:
    """:func:`segmentti.engine.rfm.summarize_orders` of order lines with the sample's column names."""
    return summarize_orders(_orders)


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_suggestion(digest: str, overrides: dict[str, dict[str, str]], _frame: pd.DataFrame) -> list[str]:
    """:func:`segmentti.data.columns.suggest_criteria` of the data ``digest`` with the user's column corrections."""
    return suggest_criteria(_frame, overrides)


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_hover_columns(digest: str, overrides: dict[str, dict[str, str]], _table: Table) -> tuple[str, ...]:
    """Up to three id and name columns of the data ``digest`` to show on the map's hover."""
    roles = (Role.ID, Role.FIRST_NAME, Role.LAST_NAME, Role.NAME)
    return tuple(info.name for info in describe_columns(_table.frame, overrides) if info.role in roles)[:3]


_MAPS = "_engine_maps"
_MAPS_KEPT = 16


def cached_segment_map(
    key: tuple, projection: str, lang: str, result: SegmentationResult, table: Table, features: FeatureMatrix
) -> go.Figure:
    """The customer map of the segmentation identified by ``key`` (digest, criteria, weights, method, k).

    Positions and hover texts come from :func:`cached_projection` and :func:`cached_hover`.
    Kept in session state, not ``st.cache_data``: a figure copied out of the cache serialises
    its layout keys in another order, which gives the chart a new widget id and drops the
    user's selection.
    """
    maps: dict = st.session_state.setdefault(_MAPS, {})
    full_key = (*key, projection, lang)
    if full_key not in maps:
        digest, criteria, weights = key[0], key[1], key[2]
        rows, coords = cached_projection(digest, criteria, weights, projection, 0, features)
        hover = cached_hover(
            digest, cached_hover_columns(digest, state.column_overrides(), table), rows, table, projection
        )
        names = np.asarray(result.profile.names, dtype=object)[result.segmentation.labels[rows]]
        maps[full_key] = build_segment_map(
            coords, names, hover, result.profile.names, lang, projection=projection, rows=rows
        )
        while len(maps) > _MAPS_KEPT:
            maps.pop(next(iter(maps)))
    return maps[full_key]


@st.cache_data(scope="session", max_entries=16, show_spinner=False)
def cached_personas(
    digest: str, segmentation: str, lang: str, _table: Table, _result: SegmentationResult
) -> tuple[Persona, ...]:
    """:func:`segmentti.insight.personas.personas_from_result` without the user's edits (apply them with ``apply_edits``).

    ``segmentation`` is :func:`segmentation_digest` of ``_result``: whatever method, weights or
    rules made the segments, the personas are cached for exactly those segments.
    """
    return personas_from_result(_table.frame, _result, lang)


def segmentation_digest(result: SegmentationResult) -> str:
    """SHA-256 of a segmentation's labels, centres and criteria: the cache key of everything derived from it."""
    segmentation = result.segmentation
    hasher = hashlib.sha256(np.ascontiguousarray(segmentation.labels).tobytes())
    centers = getattr(segmentation, "centers", None)
    if centers is not None:
        hasher.update(np.ascontiguousarray(centers).tobytes())
    hasher.update("\x00".join([str(segmentation.method), *result.features.criteria]).encode("utf-8"))
    return hasher.hexdigest()


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_table(digest: str, name: str, sheet: str | None, options: LoadOptions, _data: bytes) -> Table:
    """:func:`segmentti.data.loading.load_table` of a file with the user's load options."""
    return load_table(_data, name, sheet=sheet, options=options)


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_customers(digest: str, mapping: OrderMapping, as_of: str | None, _frame: pd.DataFrame) -> CustomerFeatures:
    """:func:`segmentti.data.orders.build_customers` of the order lines ``digest``."""
    return build_customers(_frame, mapping, as_of)


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_quality(digest: str, overrides: dict[str, dict[str, str]], _frame: pd.DataFrame) -> QualityReport:
    """:func:`segmentti.data.quality.assess_quality` of the data ``digest`` with the user's column roles."""
    return assess_quality(_frame, overrides)
