"""Save a fitted segment model as a JSON file of its fitted numbers, and load it back without running any code.

The file holds numbers, names and lists only (``json`` can build nothing else): the feature
pipeline's medians, scales, levels and weights, and the clusterer's centres (or mixture, or
HDBSCAN's sampled points). Loading rebuilds our own pipeline from them; a Python pickle, a
file of another kind or a hand-changed file is refused with a message saying which.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

import segmentti
from segmentti.data.orders import OrderMapping
from segmentti.engine.features import (
    BalancedOneHotEncoder,
    ColumnWeights,
    FeatureMatrix,
    LogScaler,
    encoder_parts,
)
from segmentti.engine.methods import CentreFit, Fitted, MixtureFit, NeighbourFit, get_method
from segmentti.engine.model import SegmentModel
from segmentti.errors import SegmenttiError

MODEL_FORMAT = "segmentti-model"
"""The ``format`` field every model file starts with."""

MODEL_VERSION = 1
"""The version of the model file's layout this segmentti writes and reads."""

MODEL_FILE = "model.json"
"""The model's file name in a run's folder (``segment --out DIR`` writes ``DIR/model.json``)."""

MAX_MODEL_BYTES = 200 * 1024 * 1024
"""A model file larger than this is refused before it is parsed (the upload limit)."""

_PICKLE_STARTS = (b"\x80", b"(dp", b"(lp", b"cbuiltins", b"c__builtin__", b"ccopy_reg")


@dataclass(frozen=True)
class SavedModel:
    """A segment model with what the user decided about its segments and data.

    Attributes
    ----------
    model : SegmentModel
        Fitted; ``predict`` labels new customers. A loaded model keeps no training customers:
        its ``labels_`` and ``features_.values`` are empty.
    names : tuple of str
        The segments' names, in segment order (the user's names where renamed).
    notes : tuple of str
        The user's notes per segment ("" for none).
    overrides : dict
        The user's column corrections ``{column: {"role": ..., "family": ...}}`` at fitting time.
    column_labels : dict of str to str
        The user's readable column labels.
    currency : str
        The currency money was shown in.
    orders : OrderMapping or None
        When the model was fitted on customers built from order lines: how those lines were read.
    sizes : tuple of int
        Customers per segment at fitting time.
    source : str
        The name of the data the model was fitted on.
    created : str
        When the model was saved (ISO 8601, UTC).
    """

    model: SegmentModel
    names: tuple[str, ...]
    notes: tuple[str, ...] = ()
    overrides: dict[str, dict[str, str]] = field(default_factory=dict)
    column_labels: dict[str, str] = field(default_factory=dict)
    currency: str = ""
    orders: OrderMapping | None = None
    sizes: tuple[int, ...] = ()
    source: str = ""
    created: str = ""

    @property
    def criteria(self) -> tuple[str, ...]:
        """The columns new customers must have."""
        return tuple(self.model.features_.criteria)


def model_to_bytes(saved: SavedModel) -> bytes:
    """The model file: UTF-8 JSON ``{"format", "version", "checksum", "model": {...}}``.

    ``checksum`` is the SHA-256 of the canonical JSON of ``model``; a file changed by hand or
    damaged on the way no longer matches it and is refused by :func:`model_from_bytes`.
    """
    body = _model_body(saved)
    document = {
        "format": MODEL_FORMAT,
        "version": MODEL_VERSION,
        "segmentti_version": segmentti.__version__,
        "checksum": _checksum(body),
        "model": body,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")


def model_from_bytes(data: bytes, name: str = "model.json") -> SavedModel:
    """Read a model file written by :func:`model_to_bytes`; nothing in it is ever executed.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    name : str
        The file's name for messages.

    Raises
    ------
    SegmenttiError
        For a pickle or any other file that is not a segmentti model, a model file of another
        version, one whose checksum does not match (changed after saving), or one whose
        contents do not fit together.
    """
    if len(data) > MAX_MODEL_BYTES:
        raise SegmenttiError("error.model_too_large", name=name, limit=MAX_MODEL_BYTES // (1024 * 1024))
    if data.lstrip()[:12].startswith(_PICKLE_STARTS):
        raise SegmenttiError("error.model_is_pickle", name=name)
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError):
        raise SegmenttiError("error.model_not_a_model", name=name) from None
    if not isinstance(document, dict) or document.get("format") != MODEL_FORMAT:
        raise SegmenttiError("error.model_not_a_model", name=name)
    if document.get("version") != MODEL_VERSION:
        raise SegmenttiError(
            "error.model_version", name=name, version=str(document.get("version")), supported=MODEL_VERSION
        )
    body = document.get("model")
    if not isinstance(body, dict) or document.get("checksum") != _checksum(body):
        raise SegmenttiError("error.model_tampered", name=name)
    try:
        return _read_body(body)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
        raise SegmenttiError("error.model_damaged", name=name, reason=_reason(error)) from None


def save_model(
    model: SegmentModel,
    names: Sequence[str],
    *,
    notes: Sequence[str] = (),
    overrides: Mapping[str, Mapping[str, str]] | None = None,
    column_labels: Mapping[str, str] | None = None,
    currency: str = "",
    orders: OrderMapping | None = None,
    source: str = "",
) -> SavedModel:
    """Bundle a fitted ``model`` with its segments' ``names`` (one per segment) and the user's decisions.

    Raises
    ------
    ValueError
        When ``names`` does not give one name per segment.
    """
    if len(names) != model.k_:
        raise ValueError(f"one name per segment is needed: {len(names)} names for {model.k_} segments")
    sizes = tuple(int(size) for size in np.bincount(model.labels_, minlength=model.k_))
    return SavedModel(
        model=model,
        names=tuple(str(name) for name in names),
        notes=tuple(str(note) for note in notes) or ("",) * model.k_,
        overrides={str(column): dict(entry) for column, entry in (overrides or {}).items()},
        column_labels={str(column): str(label) for column, label in (column_labels or {}).items()},
        currency=str(currency),
        orders=orders,
        sizes=sizes,
        source=str(source),
        created=datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
    )


# --- writing -----------------------------------------------------------------------------------


def _model_body(saved: SavedModel) -> dict[str, Any]:
    model = saved.model
    features: FeatureMatrix = model.features_
    encoder: ColumnTransformer = model.pipeline_.named_steps["encode"]
    weighting: ColumnWeights = model.pipeline_.named_steps["weight"]
    return {
        "method": model.method,
        "k": int(model.k),
        "seed": int(model.seed),
        "segments": model.k_,
        "names": list(saved.names),
        "notes": list(saved.notes),
        "sizes": list(saved.sizes),
        "source": saved.source,
        "created": saved.created,
        "overrides": saved.overrides,
        "column_labels": saved.column_labels,
        "currency": saved.currency,
        "orders": None if saved.orders is None else asdict(saved.orders),
        "features": {
            "numeric": list(features.numeric),
            "categorical": list(features.categorical),
            "logged": list(features.logged),
            "absent": list(features.absent),
            "dropped": list(features.dropped),
            "weights": dict(features.weights),
            "feature_names": list(features.feature_names),
            "parts": [
                _part_numbers(name, part) for name, part, columns in encoder.transformers_ if name != "remainder"
            ],
            "column_weights": [float(weight) for weight in weighting.weights],
        },
        "clusterer": _clusterer_numbers(model.clusterer_),
        "segment_of": model.segment_of_.tolist(),
        "unassigned": model.unassigned_,
        "centers": model.centers_.tolist(),
        "inertia": _finite(model.inertia_),
        "silhouette": _finite(model.silhouette_),
    }


def _part_numbers(name: str, part: Pipeline | BalancedOneHotEncoder) -> dict[str, Any]:
    if isinstance(part, BalancedOneHotEncoder):
        return {
            "name": name,
            "levels": [[str(level) for level in levels] for levels in part.encoder_.categories_],
            "kept_levels": [sorted(map(str, kept)) for kept in part.kept_levels_],
            "block_weights": part.weights_.tolist(),
        }
    steps = dict(part.steps)
    imputer: SimpleImputer = steps["simpleimputer"]
    scaler: StandardScaler = steps["standardscaler"]
    log: LogScaler | None = steps.get("logscaler")
    return {
        "name": name,
        "fill": imputer.statistics_.tolist(),
        "indicator": imputer.indicator_ is not None and len(imputer.indicator_.features_) > 0,
        "log_scale": None if log is None else log.scale_.tolist(),
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "var": scaler.var_.tolist(),
    }


def _clusterer_numbers(fitted: Fitted) -> dict[str, Any]:
    if isinstance(fitted, CentreFit):
        return {"kind": "centres", "centers": fitted.center_values.tolist()}
    if isinstance(fitted, MixtureFit):
        mixture = fitted.mixture
        return {
            "kind": "mixture",
            "covariance_type": mixture.covariance_type,
            "weights": mixture.weights_.tolist(),
            "means": mixture.means_.tolist(),
            "covariances": mixture.covariances_.tolist(),
            "bic": _finite(fitted.bic),
        }
    if isinstance(fitted, NeighbourFit):
        return {
            "kind": "neighbours",
            "points": np.asarray(fitted.index._fit_X).tolist(),
            "point_labels": fitted.point_labels.tolist(),
        }
    raise TypeError(f"no file layout for {type(fitted).__name__}")


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def _checksum(body: Mapping[str, Any]) -> str:
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- reading -----------------------------------------------------------------------------------


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a model file holds")


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error).split("\n")[0][:200]


def _texts(value: object, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{what} must be a list of texts")
    return list(value)


def _numbers(value: object, what: str, shape: tuple[int, ...] | None = None) -> np.ndarray:
    array = np.asarray(value, dtype=np.float64)  # a text or a ragged list raises ValueError
    if shape is not None and array.shape != shape:
        raise ValueError(f"{what} has shape {array.shape}, not {shape}")
    if not np.isfinite(array).all():
        raise ValueError(f"{what} holds a value that is not a finite number")
    return array


def _read_body(body: dict[str, Any]) -> SavedModel:
    method = get_method(str(body["method"]))
    segments = int(body["segments"])
    features_part = body["features"]
    numeric = _texts(features_part["numeric"], "numeric")
    categorical = _texts(features_part["categorical"], "categorical")
    logged = _texts(features_part["logged"], "logged")
    absent = _texts(features_part["absent"], "absent")
    feature_names = _texts(features_part["feature_names"], "feature_names")
    weights = {str(name): float(weight) for name, weight in dict(features_part["weights"]).items()}
    pipeline = _rebuild_pipeline(numeric, categorical, logged, absent, features_part)
    rebuilt_names = [str(name) for name in pipeline.named_steps["encode"].get_feature_names_out()]
    if rebuilt_names != feature_names:
        raise ValueError("the pipeline's columns do not match feature_names")
    width = len(feature_names)
    features = FeatureMatrix(
        values=np.empty((0, width)),
        feature_names=tuple(feature_names),
        numeric=tuple(numeric),
        categorical=tuple(categorical),
        transformer=pipeline,
        dropped=tuple(_texts(features_part["dropped"], "dropped")),
        logged=tuple(logged),
        weights=weights,
        absent=tuple(absent),
    )
    fitted = _rebuild_clusterer(body["clusterer"], width)
    segment_of = np.asarray(_numbers(body["segment_of"], "segment_of", (fitted.groups,)), dtype=np.int64)
    unassigned = body["unassigned"]
    if unassigned is not None:
        unassigned = int(unassigned)
    if segments != fitted.groups + (unassigned is not None) or sorted(segment_of.tolist()) != list(
        range(fitted.groups)
    ):
        raise ValueError("the segments do not match the clusterer's groups")
    names = _texts(body["names"], "names")
    notes = _texts(body["notes"], "notes")
    if len(names) != segments or len(notes) != segments:
        raise ValueError("one name and one note per segment are needed")
    model = SegmentModel(
        criteria=list(numeric + categorical), k=int(body["k"]), method=method.name, seed=int(body["seed"])
    )
    model.features_ = features
    model.pipeline_ = pipeline
    model.method_ = method
    model.clusterer_ = fitted
    model.segment_of_ = segment_of
    model.labels_ = np.empty(0, dtype=np.int64)
    model.k_ = segments
    model.centers_ = _numbers(body["centers"], "centers", (segments, width))
    model.inertia_ = float("nan") if body["inertia"] is None else float(body["inertia"])
    model.silhouette_ = float("nan") if body["silhouette"] is None else float(body["silhouette"])
    model.membership_ = None
    model.unassigned_ = unassigned
    model.names_ = ()
    model.feature_names_in_ = np.asarray(numeric + categorical, dtype=object)
    model.n_features_in_ = len(numeric) + len(categorical)
    orders = body.get("orders")
    sizes = [int(size) for size in body.get("sizes", [])]
    return SavedModel(
        model=model,
        names=tuple(names),
        notes=tuple(notes),
        overrides={
            str(column): {str(k): str(v) for k, v in dict(entry).items()}
            for column, entry in dict(body.get("overrides") or {}).items()
        },
        column_labels={str(column): str(label) for column, label in dict(body.get("column_labels") or {}).items()},
        currency=str(body.get("currency", "")),
        orders=None
        if orders is None
        else OrderMapping(**{str(k): (None if v is None else str(v)) for k, v in dict(orders).items()}),
        sizes=tuple(sizes),
        source=str(body.get("source", "")),
        created=str(body.get("created", "")),
    )


def _rebuild_pipeline(
    numeric: list[str], categorical: list[str], logged: list[str], absent: list[str], numbers: Mapping[str, Any]
) -> Pipeline:
    """Our feature pipeline with the saved numbers: built from :func:`encoder_parts`, fitted on a stand-in, then set."""
    parts_numbers = {str(part["name"]): part for part in numbers["parts"]}
    fills = {name: float(_numbers(parts_numbers[f"absent_{name}"]["fill"], f"fill of {name}")[0]) for name in absent}
    plain = [name for name in numeric if name not in logged and name not in absent]
    parts = encoder_parts(plain, logged, fills, categorical)
    if {name for name, _, _ in parts} != set(parts_numbers):
        raise ValueError("the pipeline's parts do not match the criteria")
    stand_in = _stand_in(numeric, categorical, absent, parts_numbers)
    encoder = ColumnTransformer(parts, verbose_feature_names_out=False)
    column_weights = _numbers(numbers["column_weights"], "column_weights")
    if (column_weights < 0).any():
        raise ValueError("a column weight is negative")
    for _, part, _ in parts:
        if isinstance(part, BalancedOneHotEncoder):
            part.set_params(rare_share=0.0)  # the stand-in holds each level once: keep them all
    encoded = encoder.fit_transform(stand_in)
    for name, part, _ in encoder.transformers_:
        if name != "remainder":
            _set_part_numbers(part, parts_numbers[name])
    weighting = ColumnWeights(weights=column_weights.tolist()).fit(encoded)
    return Pipeline([("encode", encoder), ("weight", weighting)])


def _stand_in(
    numeric: list[str], categorical: list[str], absent: list[str], parts: Mapping[str, Mapping[str, Any]]
) -> pd.DataFrame:
    """A small table with every saved level of every categorical criterion and an empty cell where an indicator was."""
    levels = {name: [] for name in categorical}
    if categorical:
        saved = parts["categorical"]["levels"]
        if len(saved) != len(categorical):
            raise ValueError("one list of levels per categorical criterion is needed")
        levels = {name: _texts(values, f"levels of {name}") for name, values in zip(categorical, saved, strict=True)}
        if any(not values for values in levels.values()):
            raise ValueError("a categorical criterion has no levels")
    rows = max([3, *(len(values) for values in levels.values())])
    table: dict[str, Any] = {}
    for name in numeric:
        column = np.arange(rows, dtype=np.float64)
        if name in absent and parts[f"absent_{name}"]["indicator"]:
            column[0] = np.nan
        table[name] = column
    for name, values in levels.items():
        table[name] = pd.Series([values[row % len(values)] for row in range(rows)], dtype=object)
    return pd.DataFrame(table)


def _set_part_numbers(part: Pipeline | BalancedOneHotEncoder, numbers: Mapping[str, Any]) -> None:
    if isinstance(part, BalancedOneHotEncoder):
        part.set_params(rare_share=BalancedOneHotEncoder().rare_share)
        levels = [_texts(values, "levels") for values in numbers["levels"]]
        kept = [set(_texts(values, "kept_levels")) for values in numbers["kept_levels"]]
        widths = [len(values) for values in part.encoder_.categories_]
        if [len(values) for values in levels] != widths or len(kept) != len(levels):
            raise ValueError("the categorical levels do not fit together")
        part.kept_levels_ = kept
        part.encoder_ = _encoder_with(levels, part.encoder_)
        part.weights_ = _numbers(numbers["block_weights"], "block_weights", (sum(widths),))
        return
    steps = dict(part.steps)
    width = len(steps["simpleimputer"].statistics_)
    steps["simpleimputer"].statistics_ = _numbers(numbers["fill"], "fill", (width,))
    if "logscaler" in steps:  # after an imputer with an indicator it scales the indicator column too
        log_width = len(steps["logscaler"].scale_)
        steps["logscaler"].scale_ = _numbers(numbers["log_scale"], "log_scale", (log_width,))
    scaler = steps["standardscaler"]
    out = len(scaler.mean_)
    scaler.mean_ = _numbers(numbers["mean"], "mean", (out,))
    scaler.scale_ = _numbers(numbers["scale"], "scale", (out,))
    scaler.var_ = _numbers(numbers["var"], "var", (out,))
    if (scaler.scale_ <= 0).any():
        raise ValueError("a scale is not positive")


def _encoder_with(levels: list[list[str]], fitted: OneHotEncoder) -> OneHotEncoder:
    """A one-hot encoder that knows exactly ``levels`` (each column's, in the saved order)."""
    frame = pd.DataFrame(
        {
            column: pd.Series([values[row % len(values)] for row in range(max(map(len, levels)))], dtype=object)
            for column, values in zip(fitted.feature_names_in_, levels, strict=True)
        }
    )
    encoder = OneHotEncoder(
        categories=[list(values) for values in levels], handle_unknown="ignore", sparse_output=False, dtype=np.float64
    )
    return encoder.fit(frame)


def _rebuild_clusterer(numbers: Mapping[str, Any], width: int) -> Fitted:
    kind = numbers["kind"]
    if kind == "centres":
        centers = _numbers(numbers["centers"], "centers")
        if centers.ndim != 2 or centers.shape[1] != width or len(centers) < 1:
            raise ValueError(f"centers must have {width} columns")
        return CentreFit(np.empty(0, dtype=np.int64), centers)
    if kind == "mixture":
        if numbers["covariance_type"] != "diag":
            raise ValueError("only diagonal mixtures are saved")
        means = _numbers(numbers["means"], "means")
        if means.ndim != 2 or means.shape[1] != width:
            raise ValueError(f"means must have {width} columns")
        groups = len(means)
        covariances = _numbers(numbers["covariances"], "covariances", (groups, width))
        if (covariances <= 0).any():
            raise ValueError("a variance is not positive")
        mixture = GaussianMixture(n_components=groups, covariance_type="diag")
        mixture.weights_ = _numbers(numbers["weights"], "weights", (groups,))
        mixture.means_ = means
        mixture.covariances_ = covariances
        mixture.precisions_cholesky_ = 1.0 / np.sqrt(covariances)
        mixture.precisions_ = 1.0 / covariances
        mixture.converged_ = True
        mixture.n_iter_ = 0
        mixture.lower_bound_ = float("nan")
        mixture.n_features_in_ = width
        bic = numbers.get("bic")
        return MixtureFit(np.empty(0, dtype=np.int64), mixture, float("nan") if bic is None else float(bic))
    if kind == "neighbours":
        points = _numbers(numbers["points"], "points")
        if points.ndim != 2 or points.shape[1] != width:
            raise ValueError(f"points must have {width} columns")
        point_labels = np.asarray(_numbers(numbers["point_labels"], "point_labels", (len(points),)), dtype=np.int64)
        if point_labels.max() < 0:
            raise ValueError("no sampled customer has a group")
        return NeighbourFit(np.empty(0, dtype=np.int64), point_labels, NearestNeighbors(n_neighbors=1).fit(points))
    raise ValueError(f"unknown clusterer {kind!r}")
