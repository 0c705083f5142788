"""Segment more customers than fit in memory: fit the ordinary model on a sample, label every customer in chunks.

The engine-neutral half of the larger-than-memory paths: the sample's SQL, the fit, the
labelling of one chunk and the summary's SQL are the same for DuckDB
(:mod:`segmentti.engine.streamed_segments`) and Spark (:mod:`segmentti.engine.spark_segments`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from segmentti.data.customer_sql import quote
from segmentti.engine.clustering import K_MAX, K_METHODS, K_MIN, Segmentation
from segmentti.engine.features import build_features
from segmentti.engine.model import SegmentModel
from segmentti.engine.scanning import KScan, scan_k
from segmentti.engine.workflow import SegmentationResult, describe
from segmentti.insight.personas import Persona, personas_from_result
from segmentti.outputs.tables import SEGMENT_COLUMN, SEGMENT_NAME_COLUMN

SAMPLE_LIMIT = 200_000
"""At most this many customers are fitted on; every customer is labelled by the fitted model."""

CHUNK_ROWS = 250_000
"""Customers labelled at a time."""

SUMMARY_JSON = "summary.json"
CUSTOMERS_FOLDER = "customers"
"""Labelled customers as Parquet, one ``segment=<n>`` folder per segment (Spark's and Hive's layout)."""
LISTS_FOLDER = "lists"


@dataclass(frozen=True, eq=False)
class SampleFit:
    """The model fitted on a sample of the customers, and the names its segments go by.

    Attributes
    ----------
    model : SegmentModel
        Labels any customer table with the criteria columns.
    result : SegmentationResult
        The sample's segmentation and profile.
    personas : tuple of Persona
        Built from the sample; their names are the segment names of every output.
    customers : int
        All customers (the sample is drawn from them).
    sample_size : int
        Customers fitted on: all of them up to :data:`SAMPLE_LIMIT`.
    scan : KScan or None
        The k scan on the sample when k was chosen automatically.
    """

    model: SegmentModel
    result: SegmentationResult
    personas: tuple[Persona, ...]
    customers: int
    sample_size: int
    scan: KScan | None

    @property
    def names(self) -> tuple[str, ...]:
        """Segment names in segment order."""
        return tuple(persona.name for persona in self.personas)

    @property
    def criteria(self) -> tuple[str, ...]:
        """The columns the model reads."""
        return tuple(self.result.features.criteria)


def sample_sql(source: str, id_column: str, customers: int, limit: int, seed: int) -> str:
    """The query of the customers to fit on, in id order (DuckDB's dialect; sqlglot gives Spark's).

    Up to ``limit`` customers: all of them. Past it, the ``limit`` customers with the smallest
    hash of id and seed, a draw that does not depend on the order of the rows.
    """
    identifier = quote(id_column)
    if customers <= limit:
        return f"SELECT * FROM {source} ORDER BY {identifier}"
    drawn = f"SELECT * FROM {source} ORDER BY hash({identifier}, {int(seed)}), {identifier} LIMIT {int(limit)}"
    return f"SELECT * FROM ({drawn}) AS drawn ORDER BY {identifier}"


def fit_sample(
    sample: pd.DataFrame,
    customers: int,
    criteria: Sequence[str] | None,
    k: int | None,
    seed: int = 0,
    lang: str = "en",
    *,
    method: str = "kmeans",
    weights: Mapping[str, float] | None = None,
) -> SampleFit:
    """Fit :class:`SegmentModel` on ``sample`` (one row per customer) and name its segments.

    Parameters
    ----------
    sample : pandas.DataFrame
        The customers drawn by :func:`sample_sql`.
    customers : int
        How many customers there are in all.
    criteria : sequence of str or None
        ``None``: the suggested default.
    k : int or None
        ``None``: the k the scan recommends on the sample (methods that take a k).

    Raises
    ------
    SegmenttiError
        For unusable criteria or too few customers for ``k``.
    """
    features = build_features(sample, criteria, weights=weights)
    scan = None
    if k is None:
        if method in K_METHODS:
            scan = scan_k(features, K_MIN, K_MAX, seed, method=method)
            k = scan.recommended_k
        else:
            k = K_MIN
    fitted = None if scan is None else scan.fits.get(k)
    model = SegmentModel(criteria=features.criteria, k=k, method=method, seed=seed, weights=weights)
    model.fit_features(features, fitted=fitted)
    result = describe(sample, Segmentation.from_model(model), lang)
    personas = personas_from_result(sample, result, lang)
    return SampleFit(model, result, personas, customers, len(sample), scan)


def label_chunk(model: SegmentModel, names: Sequence[str], chunk: pd.DataFrame) -> pd.DataFrame:
    """``chunk`` with the segment number (1-based, as in ``segments.csv``) and name of every customer."""
    labels = model.predict(chunk) if len(chunk) else np.empty(0, dtype=np.int64)
    return with_segments(chunk, labels, names)


def with_segments(chunk: pd.DataFrame, labels: np.ndarray, names: Sequence[str]) -> pd.DataFrame:
    """``chunk`` with :data:`SEGMENT_COLUMN` (``labels`` + 1, 32-bit) and :data:`SEGMENT_NAME_COLUMN` (``names[label]``).

    The one layout of labelled customers on every engine: the Spark schema of the labelled
    customers (see :mod:`segmentti.engine.spark_segments`) expects exactly these two columns last.
    """
    labelled = chunk.copy()
    labelled[SEGMENT_COLUMN] = (np.asarray(labels, dtype=np.int64) + 1).astype(np.int32)
    labelled[SEGMENT_NAME_COLUMN] = pd.array(np.asarray(names, dtype=object)[labels], dtype="str")
    return labelled


def summary_sql(source: str, measured: Sequence[str]) -> str:
    """Per segment: customers and the mean of each ``measured`` column (DuckDB's dialect; sqlglot gives Spark's)."""
    means = "".join(f", AVG(CAST({quote(name)} AS DOUBLE))" for name in measured)
    return f"SELECT {SEGMENT_COLUMN}, COUNT(*){means} FROM {source} GROUP BY {SEGMENT_COLUMN} ORDER BY {SEGMENT_COLUMN}"


def numeric_columns(sample: pd.DataFrame, criteria: Sequence[str]) -> list[str]:
    """The criteria, then ``total_spend``, that are numbers: the columns the summary averages per segment."""
    wanted = list(dict.fromkeys([*criteria, "total_spend"]))
    return [
        name
        for name in wanted
        if name in sample.columns
        and pd.api.types.is_numeric_dtype(sample[name])
        and not pd.api.types.is_bool_dtype(sample[name])
    ]


def build_summary(
    fit: SampleFit, rows: Sequence[tuple], measured: Sequence[str], *, engine: str, k_selection: str
) -> dict[str, Any]:
    """The run's ``summary.json``: how many customers, the sample fitted on, and every segment's size and means.

    ``rows`` are the results of :func:`summary_sql` over all labelled customers.
    """
    return {
        "engine": engine,
        "customers": sum(int(row[1]) for row in rows),
        "fitted_on_sample": fit.sample_size < fit.customers,
        "sample_size": fit.sample_size,
        "sample_limit": SAMPLE_LIMIT,
        "method": fit.model.method,
        "k": fit.model.k_,
        "k_selection": k_selection,
        "criteria": list(fit.criteria),
        "segments": segment_entries(fit.names, rows, measured),
    }


def segment_entries(names: Sequence[str], rows: Sequence[tuple], measured: Sequence[str]) -> list[dict[str, Any]]:
    """``summary.json``'s ``segments``: per name (segment 1, 2, …) its ``customers``, ``share`` and ``means``.

    ``rows`` are the results of :func:`summary_sql`; a segment without customers gets 0 and no means.
    """
    total = sum(int(row[1]) for row in rows) or 1
    by_number = {int(row[0]): row for row in rows}
    segments = []
    for number, name in enumerate(names, start=1):
        row = by_number.get(number, (number, 0, *([None] * len(measured))))
        means = {
            column: None if value is None or value != value else round(float(value), 6)
            for column, value in zip(measured, row[2:], strict=True)
        }
        segments.append(
            {"segment": number, "name": name, "customers": int(row[1]), "share": round(int(row[1]) / total, 6)}
            | {"means": means}
        )
    return segments


def summary_bytes(summary: Mapping[str, Any]) -> bytes:
    """``summary.json`` as UTF-8 bytes."""
    return (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
