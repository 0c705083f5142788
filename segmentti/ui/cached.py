"""Library calls cached per session, keyed on the data's digest, never on a sampled hash of the data."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import streamlit as st

from segmentti.clustering import KScan, scan_k
from segmentti.features import FeatureMatrix, build_features
from segmentti.loading import LoadOptions, Table, load_table
from segmentti.orders import CustomerFeatures, OrderMapping, build_customers
from segmentti.personas import Persona, personas_from_result
from segmentti.quality import QualityReport, assess_quality
from segmentti.samples import load_sample
from segmentti.workflow import SegmentationResult, segment_features

# scope="session": results live only in the session that made them and go when it ends;
# the leading-underscore arguments are not hashed, the digest stands for them.


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_load(digest: str, name: str, sheet: str | None, _data: bytes) -> Table:
    """:func:`segmentti.loading.load_table` of an uploaded file."""
    return load_table(_data, name, sheet=sheet)


@st.cache_data(scope="session", max_entries=4, show_spinner=False)
def cached_sample(name: str) -> Table:
    """:func:`segmentti.samples.load_sample`."""
    return load_sample(name)


@st.cache_data(scope="session", max_entries=16, show_spinner=False)
def cached_features(digest: str, criteria: tuple[str, ...], _table: Table) -> FeatureMatrix:
    """:func:`segmentti.features.build_features` of the data ``digest``."""
    return build_features(_table.frame, list(criteria))


@st.cache_data(scope="session", max_entries=16, show_spinner=False)
def cached_scan(digest: str, criteria: tuple[str, ...], seed: int, _features: FeatureMatrix) -> KScan:
    """:func:`segmentti.clustering.scan_k` over the default range."""
    return scan_k(_features, seed=seed)


@st.cache_data(scope="session", max_entries=32, show_spinner=False)
def cached_segments(
    digest: str, criteria: tuple[str, ...], k: int, seed: int, lang: str, _table: Table, _features: FeatureMatrix
) -> SegmentationResult:
    """:func:`segmentti.workflow.segment_features`."""
    return segment_features(_table.frame, _features, k, seed, lang)


@st.cache_data(scope="session", max_entries=16, show_spinner=False)
def cached_personas(
    digest: str, segmentation: str, lang: str, _table: Table, _result: SegmentationResult
) -> tuple[Persona, ...]:
    """:func:`segmentti.personas.personas_from_result` without the user's edits (apply them with ``apply_edits``).

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
    """:func:`segmentti.loading.load_table` of a file with the user's load options."""
    return load_table(_data, name, sheet=sheet, options=options)


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_customers(digest: str, mapping: OrderMapping, as_of: str | None, _frame: pd.DataFrame) -> CustomerFeatures:
    """:func:`segmentti.orders.build_customers` of the order lines ``digest``."""
    return build_customers(_frame, mapping, as_of)


@st.cache_data(scope="session", max_entries=8, show_spinner=False)
def cached_quality(digest: str, overrides: dict[str, dict[str, str]], _frame: pd.DataFrame) -> QualityReport:
    """:func:`segmentti.quality.assess_quality` of the data ``digest`` with the user's column roles."""
    return assess_quality(_frame, overrides)
