"""Library calls remembered per session (:func:`ui.state.remember`), keyed on the data's digest and the settings.

Never on a sampled hash of the data and never on the UI language, except for results that
are renderings of texts (charts, names), which are cheap and follow the language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from segmentti.data.columns import Role, describe_columns
from segmentti.data.criteria import suggest_criteria
from segmentti.data.loading import LoadOptions, Table, load_table
from segmentti.data.orders import CustomerFeatures, OrderMapping, build_customers
from segmentti.data.quality import QualityReport, assess_quality
from segmentti.data.samples import load_sample
from segmentti.engine.clustering import Segmentation
from segmentti.engine.features import FeatureMatrix
from segmentti.engine.rfm import summarize_orders
from segmentti.engine.scanning import KScan, scan_k
from segmentti.engine.workflow import SegmentationResult
from segmentti.insight.inspection import CustomerFit, customer_fit, hover_frame
from segmentti.insight.personas import DEFAULT_CURRENCY, Persona, personas_from_result
from segmentti.insight.projection import axis_loadings, name_axis, principal_axes, project_to_2d, project_tsne
from segmentti.outputs.charts import build_segment_map
from segmentti.texts import translate
from ui import state


def _overrides_key(overrides: Mapping[str, Mapping[str, str]]) -> tuple:
    return tuple(sorted((name, tuple(sorted(entry.items()))) for name, entry in overrides.items()))


def cached_table(digest: str, name: str, sheet: str | None, options: LoadOptions, data: bytes) -> Table:
    """:func:`segmentti.data.loading.load_table` of the file ``digest`` (its bytes, sheet and load options)."""
    return state.remember("table", digest, lambda: load_table(data, name, sheet=sheet, options=options), 8)


def cached_sample(name: str) -> Table:
    """:func:`segmentti.data.samples.load_sample`."""
    return state.remember("sample", name, lambda: load_sample(name), 4, public=True)


def cached_customers(digest: str, mapping: OrderMapping, as_of: str | None, frame: pd.DataFrame) -> CustomerFeatures:
    """:func:`segmentti.data.orders.build_customers` of the order lines ``digest``."""
    return state.remember(
        "customers", (digest, repr(mapping), as_of), lambda: build_customers(frame, mapping, as_of), 8
    )


def cached_quality(digest: str, overrides: Mapping[str, Mapping[str, str]], frame: pd.DataFrame) -> QualityReport:
    """:func:`segmentti.data.quality.assess_quality` of the data ``digest`` with the user's column roles."""
    return state.remember(
        "quality", (digest, _overrides_key(overrides)), lambda: assess_quality(frame, dict(overrides)), 4
    )


def cached_suggestion(digest: str, overrides: Mapping[str, Mapping[str, str]], frame: pd.DataFrame) -> list[str]:
    """:func:`segmentti.data.criteria.suggest_criteria` of the data ``digest`` with the user's column corrections."""
    suggested = state.remember(
        "suggestion", (digest, _overrides_key(overrides)), lambda: suggest_criteria(frame, dict(overrides)), 4
    )
    return list(suggested)


def cached_hover_columns(digest: str, overrides: Mapping[str, Mapping[str, str]], table: Table) -> tuple[str, ...]:
    """Up to three id and name columns of the data ``digest`` to show on the map's hover."""
    roles = (Role.ID, Role.FIRST_NAME, Role.LAST_NAME, Role.NAME)

    def compute() -> tuple[str, ...]:
        infos = describe_columns(table.frame, dict(overrides))
        return tuple(info.name for info in infos if info.role in roles)[:3]

    return state.remember("hover_columns", (digest, _overrides_key(overrides)), compute, 4)


def scan_with_progress(key: tuple, seed: int, features: FeatureMatrix, progress: Callable[[float], None]) -> KScan:
    """:func:`segmentti.engine.scanning.scan_k` reporting ``progress`` (only when it really computes).

    ``key`` = ``(digest, criteria, weights, method, (k_min, k_max))``.
    """
    _, _, _, method, (k_min, k_max) = key
    return state.remember(
        "scan", (*key, seed), lambda: scan_k(features, k_min, k_max, seed, method=method, progress=progress), 8
    )


def cached_projection(
    digest: str,
    criteria: tuple[str, ...],
    weights: tuple[tuple[str, float], ...],
    kind: str,
    seed: int,
    features: FeatureMatrix,
) -> tuple[np.ndarray, np.ndarray]:
    """Map positions (:func:`segmentti.insight.projection.project_to_2d` or ``project_tsne``): they do not depend on k."""

    def compute() -> tuple[np.ndarray, np.ndarray]:
        if kind == "tsne":
            return project_tsne(features.values, seed=seed)
        return project_to_2d(features.values, seed=seed)

    return state.remember("projection", (digest, criteria, weights, kind, seed), compute, 8)


def map_axis_titles(
    key: tuple, seed: int, features: FeatureMatrix, lang: str, labels: Mapping[str, str]
) -> tuple[str, str]:
    """The PCA map's two axis titles in ``lang``: the criteria that load most on each axis.

    ``key`` = ``(digest, criteria, weights)`` of ``features``; the axes are computed once for them.
    """
    _, components = state.remember("axes", (*key, seed), lambda: principal_axes(features.values, seed), 4)
    loadings = axis_loadings(components, features.feature_names, features.numeric, features.categorical)
    titles = [name_axis(number, axis, lang, labels) for number, axis in enumerate(loadings, start=1)]
    titles += [translate("chart.axis_plain", lang, number=number) for number in range(len(titles) + 1, 3)]
    return titles[0], titles[1]


def cached_fit(key: tuple, seed: int, segmentation: Segmentation) -> CustomerFit:
    """:func:`segmentti.insight.inspection.customer_fit` of the segmentation identified by ``key``."""
    return state.remember("fit", (*key, seed), lambda: customer_fit(segmentation, seed), 8)


def cached_order_summary(digest: str, orders: pd.DataFrame) -> pd.DataFrame:
    """:func:`segmentti.engine.rfm.summarize_orders` of order lines with the sample's column names."""
    return state.remember("order_summary", digest, lambda: summarize_orders(orders), 4)


def cached_segment_map(
    key: tuple,
    projection: str,
    lang: str,
    result: SegmentationResult,
    table: Table,
    features: FeatureMatrix,
    axis_titles: tuple[str, str] | None = None,
) -> go.Figure:
    """The customer map of the segmentation identified by ``key`` (digest, criteria, weights, method, k) in ``lang``.

    Positions and hover columns come from :func:`cached_projection` and :func:`cached_hover_columns`
    (computed once whatever the language); the figure itself is a rendering of the segment
    names, so it is kept per language. The very same figure object is shown on every rerun:
    a figure built anew may serialise its layout keys in another order, which gives the chart
    a new widget id and drops the user's selection. ``key`` must name whatever else the figure
    shows (segment names as the user edited them, ``axis_titles``).
    """

    def compute() -> go.Figure:
        digest, criteria, weights = key[0], key[1], key[2]
        rows, coords = cached_projection(digest, criteria, weights, projection, 0, features)
        columns = cached_hover_columns(digest, state.column_overrides(), table)
        hover = state.remember(
            "hover",
            (digest, criteria, weights, projection, columns),
            lambda: hover_frame(table.frame, rows, columns),
            8,
        )
        names = np.asarray(result.profile.names, dtype=object)[result.segmentation.labels[rows]]
        return build_segment_map(
            coords, names, hover, result.profile.names, lang, projection=projection, rows=rows, axis_titles=axis_titles
        )

    return state.remember("map", (*key, projection, lang), compute, 8)


def segmentation_digest(result: SegmentationResult) -> str:
    """SHA-256 of a segmentation's labels, centres and criteria: the cache key of everything derived from it."""
    segmentation = result.segmentation
    hasher = hashlib.sha256(np.ascontiguousarray(segmentation.labels).tobytes())
    centers = getattr(segmentation, "centers", None)
    if centers is not None:
        hasher.update(np.ascontiguousarray(centers).tobytes())
    hasher.update("\x00".join([str(segmentation.method), *result.features.criteria]).encode("utf-8"))
    return hasher.hexdigest()


def cached_personas(
    digest: str,
    segmentation: str,
    lang: str,
    table: Table,
    result: SegmentationResult,
    labels: Mapping[str, str] | None = None,
    currency: str = DEFAULT_CURRENCY,
) -> tuple[Persona, ...]:
    """:func:`segmentti.insight.personas.personas_from_result` without the user's edits (apply them with ``apply_edits``).

    ``segmentation`` is :func:`segmentation_digest` of ``result``: whatever method, weights or
    rules made the segments, the personas are kept for exactly those segments. Personas are
    translated texts, so they are kept per language, column labels and currency; the
    segments they describe are not recomputed for any of these.
    """
    shown = tuple(sorted((labels or {}).items()))
    return state.remember(
        "personas",
        (digest, segmentation, lang, shown, currency),
        lambda: tuple(personas_from_result(table.frame, result, lang, column_labels=dict(shown), currency=currency)),
        8,
    )
