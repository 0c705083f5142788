"""Place new customers into a saved model's segments, step by step: customers, features, segments, outputs.

Each step is a function of its own so another engine can replace one (e.g. the features of
order lines computed elsewhere) and the others stay as they are:

1. :func:`customers_to_score` — a loaded table → one row per customer (order lines are
   turned into customers the way they were at fitting time);
2. :func:`check_columns` — the criteria the model needs are there (else a message naming them);
3. :func:`predict_segments` — the segment of every customer, in chunks (bounded memory);
4. :func:`scored_result` and :func:`score_outputs` — the same files ``segment`` writes.
"""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from segmentti.data.orders import build_customers
from segmentti.engine.clustering import Segmentation
from segmentti.engine.features import FeatureMatrix
from segmentti.engine.methods import single_threaded
from segmentti.engine.metrics import inertia
from segmentti.engine.sampled import with_segments
from segmentti.engine.workflow import SegmentationResult, describe
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import Persona, personas_from_result
from segmentti.outputs.contacts import ContactColumns
from segmentti.outputs.run import Pilot, RunFiles, assemble_run
from segmentti.project.saved_model import SavedModel

CHUNK = 100_000
"""Customers transformed and labelled at a time: the memory of a scoring step does not grow with the data."""

K_SELECTION = "model"
"""``summary.json``'s ``k_selection`` of a scored run: the saved model's segments."""


def customers_to_score(
    frame: pd.DataFrame, saved: SavedModel, as_of: str | datetime.date | None = None
) -> pd.DataFrame:
    """One row per customer: ``frame`` itself, or its order lines turned into customers as at fitting time.

    Parameters
    ----------
    frame : pandas.DataFrame
        The new data: a customer table, or order lines when the model was fitted on order lines.
    saved : SavedModel
        The model; its ``orders`` mapping (if any) names the order lines' columns.
    as_of : str or date, optional
        The day of the analysis for order lines (default the day after the last line).

    Raises
    ------
    SegmenttiError
        When order-line columns the model needs are missing.
    """
    if saved.orders is None:
        return frame
    check_order_columns(frame, saved)
    return build_customers(frame, saved.orders, as_of).frame


def check_order_columns(frame: pd.DataFrame, saved: SavedModel) -> None:
    """Raise :class:`SegmenttiError` naming the order-line columns of the model's mapping that ``frame`` lacks."""
    mapping = saved.orders
    if mapping is None:
        return
    wanted = [
        name for name in (mapping.customer, mapping.date, mapping.amount, mapping.quantity, mapping.price) if name
    ]
    missing = [name for name in wanted if name not in frame.columns]
    if missing:
        raise SegmenttiError(
            "error.score_missing_order_columns",
            columns=", ".join(missing),
            available=", ".join(map(str, frame.columns)),
        )


def check_columns(frame: pd.DataFrame, saved: SavedModel) -> None:
    """Raise :class:`SegmenttiError` naming every criterion of the model that ``frame`` lacks."""
    missing = [name for name in saved.criteria if name not in frame.columns]
    if missing:
        raise SegmenttiError(
            "error.score_missing_columns", columns=", ".join(missing), available=", ".join(map(str, frame.columns))
        )
    if frame.empty:
        raise SegmenttiError("error.score_no_customers")


def criteria_table(frame: pd.DataFrame, saved: SavedModel) -> pd.DataFrame:
    """The model's criteria columns of ``frame``, numeric ones as numbers (a text cell that is no number is empty).

    Unseen levels of a categorical criterion need nothing here: the pipeline places them in
    the ``(other)`` level (or in no level when training had none).
    """
    features = saved.model.features_
    table = frame[list(features.criteria)].copy()
    for name in features.numeric:
        if not pd.api.types.is_numeric_dtype(table[name]) or pd.api.types.is_bool_dtype(table[name]):
            table[name] = pd.to_numeric(table[name], errors="coerce")
    return table


@single_threaded
def transform_customers(frame: pd.DataFrame, saved: SavedModel, chunk: int = CHUNK) -> np.ndarray:
    """The model's feature values of every customer of ``frame``, shape ``(n, d)``, computed ``chunk`` rows at a time."""
    table = criteria_table(frame, saved)
    pipeline = saved.model.pipeline_
    width = len(saved.model.features_.feature_names)
    values = np.empty((len(table), width), dtype=np.float64)
    for start in range(0, len(table), chunk):
        values[start : start + chunk] = pipeline.transform(table.iloc[start : start + chunk])
    return values


@single_threaded
def predict_segments(saved: SavedModel, values: np.ndarray, chunk: int = CHUNK) -> np.ndarray:
    """The segment (0 … k-1, in the saved numbering) of every row of ``values`` (from :func:`transform_customers`)."""
    model = saved.model
    labels = np.empty(len(values), dtype=np.int64)
    claimed_all = model.unassigned_ is None
    for start in range(0, len(values), chunk):
        raw = model.clusterer_.predict(values[start : start + chunk])
        segments = np.full(len(raw), -1 if claimed_all else model.unassigned_, dtype=np.int64)
        claimed = raw >= 0
        segments[claimed] = model.segment_of_[raw[claimed]]
        labels[start : start + chunk] = segments
    return labels


def score_frame(frame: pd.DataFrame, saved: SavedModel, chunk: int = CHUNK) -> tuple[np.ndarray, np.ndarray]:
    """Check, transform and label the customers of ``frame``: ``(values, labels)``.

    Raises
    ------
    SegmenttiError
        When a criterion column is missing or there are no customers.
    """
    check_columns(frame, saved)
    values = transform_customers(frame, saved, chunk)
    return values, predict_segments(saved, values, chunk)


def score_chunk(saved: SavedModel, chunk: pd.DataFrame) -> pd.DataFrame:
    """``chunk`` (customers with the model's criteria) with the saved segment's number (1-based) and name each.

    The labeller of the runs past memory (DuckDB's chunks, Spark's partitions): the same
    transformation and labels as :func:`score_frame`, in the layout of
    :func:`segmentti.engine.sampled.with_segments`.
    """
    labels = np.empty(0, dtype=np.int64)
    if len(chunk):
        labels = predict_segments(saved, transform_customers(chunk, saved, len(chunk)), len(chunk))
    return with_segments(chunk, labels, saved.names)


def scored_result(
    frame: pd.DataFrame, saved: SavedModel, values: np.ndarray, labels: np.ndarray, lang: str = "en"
) -> SegmentationResult:
    """The new customers' segments described as a fitted run's are (profile and names), named as saved."""
    model = saved.model
    saved_features = model.features_
    features = FeatureMatrix(
        values=values,
        feature_names=saved_features.feature_names,
        numeric=saved_features.numeric,
        categorical=saved_features.categorical,
        transformer=saved_features.transformer,
        dropped=saved_features.dropped,
        logged=saved_features.logged,
        weights=dict(saved_features.weights),
        absent=saved_features.absent,
    )
    unassigned = model.unassigned_
    membership = None
    if model.method == "gmm":
        probabilities = model.clusterer_.probabilities(values)
        membership = probabilities[np.arange(len(values)), probabilities.argmax(axis=1)]
    segmentation = Segmentation(
        labels=labels,
        k=model.k_,
        method=model.method,
        seed=model.seed,
        centers=model.centers_,
        inertia=inertia(values, labels, model.centers_),
        silhouette=float("nan"),  # not measured again: new customers are placed, not clustered
        features=features,
        membership=membership,
        unassigned=unassigned,
        names=saved.names,
        model=model,
    )
    return describe(frame, segmentation, lang)


def scored_personas(
    frame: pd.DataFrame, saved: SavedModel, result: SegmentationResult, lang: str
) -> tuple[Persona, ...]:
    """The personas of the scored customers, with the saved names and notes."""
    edits = {
        number: {"name": name, "notes": note}
        for number, (name, note) in enumerate(zip(saved.names, saved.notes, strict=True), start=1)
    }
    return personas_from_result(
        frame, result, lang, edits, column_labels=saved.column_labels, currency=saved.currency or "€"
    )


def score_outputs(
    frame: pd.DataFrame,
    saved: SavedModel,
    lang: str = "en",
    *,
    source: str = "",
    pilot: Pilot | None = None,
    contact_columns: ContactColumns | None = None,
    segment_column: str | None = None,
    name_column: str | None = None,
    chunk: int = CHUNK,
) -> RunFiles:
    """Score the customers of ``frame`` and assemble the same files a segmentation run has.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer (see :func:`customers_to_score`).
    saved : SavedModel
        The model.
    lang : str
        Language of names, headings and texts.
    source : str
        The data's name for the report.
    pilot, contact_columns, segment_column, name_column
        As for :func:`segmentti.outputs.run.assemble_run`.

    Raises
    ------
    SegmenttiError
        When a criterion column is missing or there are no customers.
    """
    values, labels = score_frame(frame, saved, chunk)
    return scored_files(
        frame,
        saved,
        values,
        labels,
        lang,
        source=source,
        pilot=pilot,
        contact_columns=contact_columns,
        segment_column=segment_column,
        name_column=name_column,
    )


def scored_files(
    frame: pd.DataFrame,
    saved: SavedModel,
    values: np.ndarray,
    labels: np.ndarray,
    lang: str = "en",
    *,
    source: str = "",
    pilot: Pilot | None = None,
    contact_columns: ContactColumns | None = None,
    segment_column: str | None = None,
    name_column: str | None = None,
) -> RunFiles:
    """The files of customers already scored (``values`` and ``labels`` of :func:`score_frame`): profile, personas, run."""
    result = scored_result(frame, saved, values, labels, lang)
    personas = scored_personas(frame, saved, result, lang)
    extra: dict[str, str] = {}
    if segment_column is not None:
        extra["segment_column"] = segment_column
    if name_column is not None:
        extra["name_column"] = name_column
    return assemble_run(
        frame,
        result,
        personas,
        lang,
        source=source,
        pilot=pilot,
        contact_columns=contact_columns,
        k_selection=K_SELECTION,
        column_labels=saved.column_labels,
        **extra,
    )
