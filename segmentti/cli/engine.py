"""The segmentation engine as the commands drive it: criteria, kinds and weights from options, then segments."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from segmentti.cli.options import criteria_names
from segmentti.data.columns import Family, Kind, Overrides, describe_columns
from segmentti.data.criteria import preset_criteria
from segmentti.engine.features import FeatureMatrix, build_features, combine_weights, resolve_criteria
from segmentti.engine.rfm import FREQUENCY, MONETARY, RECENCY, has_rfm_columns, summarize_orders
from segmentti.errors import SegmenttiError

if TYPE_CHECKING:
    from segmentti.engine.methods import Fitted
    from segmentti.engine.workflow import SegmentationResult


def parse_weights(
    value: str | None, frame: pd.DataFrame, criteria: list[str], overrides: Overrides | None = None
) -> dict[str, float]:
    """``FAMILY=W,COLUMN=W`` → one weight per criterion (family weight × column weight)."""
    if not value:
        return {}
    family_weights: dict[str, float] = {}
    column_weights: dict[str, float] = {}
    families = {family.value for family in Family}
    for part in (piece.strip() for piece in value.split(",") if piece.strip()):
        name, equals, number = part.rpartition("=")
        try:
            weight = float(number.replace(",", "."))
        except ValueError:
            raise SegmenttiError("error.bad_weights_option", value=value) from None
        name = name.strip()
        if not equals or not name:
            raise SegmenttiError("error.bad_weights_option", value=value)
        if name in families:
            family_weights[name] = weight
        elif name in frame.columns:
            column_weights[name] = weight
        else:
            raise SegmenttiError("error.unknown_weight_name", name=name, families=", ".join(sorted(families)))
    family_of = {info.name: info.family.value for info in describe_columns(frame[criteria], overrides)}
    return combine_weights(family_of, family_weights, column_weights)


def kind_overrides(value: str | None, frame: pd.DataFrame) -> Overrides:
    """``--kinds COLUMN=numeric|categorical,...`` → the column corrections the library takes."""
    if not value:
        return {}
    kinds = {kind.value for kind in Kind}
    overrides: Overrides = {}
    for part in (piece.strip() for piece in value.split(",") if piece.strip()):
        name, equals, kind = (text.strip() for text in part.rpartition("="))
        if not equals or not name or kind not in kinds:
            raise SegmenttiError("error.bad_kinds_option", value=value, kinds=", ".join(sorted(kinds)))
        if name not in frame.columns:
            raise SegmenttiError("error.unknown_criteria", columns=name, available=", ".join(map(str, frame.columns)))
        overrides[name] = {"role": kind}
    return overrides


def engine_features(args: argparse.Namespace, frame: pd.DataFrame) -> tuple[pd.DataFrame, FeatureMatrix]:
    """The frame to segment (RFM from order lines replaces it by one row per customer) and its features.

    The criteria are ``--criteria``, the ``--preset``'s or the suggested default; ``--kinds``
    sets how a column enters the clustering (else the detected kind: codes are categories).
    """
    criteria = criteria_names(args.criteria)
    if getattr(args, "method", "kmeans") == "rfm" and not has_rfm_columns(frame):
        if not {"customer_id", "order_date", "amount_eur"} <= set(frame.columns):
            raise SegmenttiError(
                "error.rfm_missing_columns",
                columns=f"{RECENCY}, {FREQUENCY}, {MONETARY} (customer_id, order_date, amount_eur)",
                missing=", ".join(name for name in (RECENCY, FREQUENCY, MONETARY) if name not in frame.columns),
            )
        frame = summarize_orders(frame).reset_index()
    overrides = kind_overrides(getattr(args, "kinds", None), frame)
    if criteria is None and getattr(args, "preset", None):
        criteria = preset_criteria(frame, args.preset, overrides)
    if getattr(args, "method", "kmeans") == "rfm":
        criteria = criteria or [RECENCY, FREQUENCY, MONETARY]
    chosen = resolve_criteria(frame, criteria, overrides)
    weights = parse_weights(getattr(args, "weights", None), frame, chosen, overrides)
    return frame, build_features(frame, chosen, weights=weights, overrides=overrides)


def engine_segment(
    args: argparse.Namespace,
    frame: pd.DataFrame,
    features: FeatureMatrix,
    k: int,
    seed: int,
    lang: str,
    fitted: Fitted | None = None,
) -> SegmentationResult:
    """Segment with the method of ``--method``; ``fitted``: the scan's fit for ``k`` (the segments it scored)."""
    # imported here: profiling and naming segments is not for scan, which only reads the features above
    from segmentti.engine.rfm import score_rfm
    from segmentti.engine.rules import rules_from_json
    from segmentti.engine.workflow import segment_by_rfm, segment_by_rules, segment_features

    if args.method == "rfm":
        return segment_by_rfm(frame, score_rfm(frame), features, lang)
    if args.method == "rules":
        if not args.rules:
            raise SegmenttiError("error.rules_none")
        try:
            text = Path(args.rules).read_bytes()
        except OSError as exc:
            raise SegmenttiError("error.file_unreadable", path=args.rules, reason=exc.strerror or str(exc)) from None
        return segment_by_rules(frame, rules_from_json(text), features, lang)
    return segment_features(frame, features, k, seed, lang, method=args.method, fitted=fitted)
