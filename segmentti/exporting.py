"""Write segmented customers out: tables with their segment, CSV bytes and the run summary."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from segmentti.clustering import Segmentation
from segmentti.profiling import Profile

SEGMENT_COLUMN = "segment"
SEGMENT_NAME_COLUMN = "segment_name"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def label_customers(
    frame: pd.DataFrame,
    segmentation: Segmentation,
    profile: Profile,
    segment_column: str = SEGMENT_COLUMN,
    name_column: str = SEGMENT_NAME_COLUMN,
) -> pd.DataFrame:
    """Return ``frame`` with two columns added: the segment number (1-based) and its name.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, in the order of ``segmentation.labels``.
    segmentation, profile
        The segments and their description.
    segment_column, name_column : str
        Headers of the added columns (the app passes them in the user's language).

    Returns
    -------
    pandas.DataFrame
        Every column of ``frame`` followed by ``segment_column`` and ``name_column``.
    """
    names = np.asarray(profile.names, dtype=object)
    labelled = frame.copy()
    labelled[segment_column] = segmentation.labels + 1
    labelled[name_column] = names[segmentation.labels]
    return labelled


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Make text cells that a spreadsheet would run as a formula inert by prefixing ``'``.

    Cells starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return are changed
    unless they are plain numbers (``-12.5`` stays as it is).
    """
    safe = frame.copy()
    for name in safe.columns:
        column = safe[name]
        if not (pd.api.types.is_string_dtype(column) or column.dtype == object):
            continue
        safe[name] = column.map(_inert_cell, na_action="ignore")
    return safe


def _inert_cell(cell: Any) -> Any:
    if not isinstance(cell, str) or not cell.startswith(_FORMULA_STARTS):
        return cell
    try:
        float(cell.replace(",", "."))
        return cell
    except ValueError:
        return "'" + cell


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Encode ``frame`` as a standard CSV: UTF-8, comma separator, dot decimals, formulas made inert."""
    return neutralize_formulas(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")


def build_summary(
    segmentation: Segmentation, profile: Profile, criteria: list[str] | tuple[str, ...]
) -> dict[str, Any]:
    """The machine-readable summary of a run (the CLI's ``summary.json``).

    Returns
    -------
    dict
        ``k``, ``method``, ``seed``, ``criteria``, ``n_customers``, ``segments`` (each
        with ``id``, ``name``, ``size``, ``share``) and ``metrics`` (``silhouette``,
        ``inertia``).
    """
    silhouette = segmentation.silhouette
    return {
        "k": segmentation.k,
        "method": segmentation.method,
        "seed": segmentation.seed,
        "criteria": list(criteria),
        "n_customers": len(segmentation.labels),
        "segments": [
            {"id": segment.number, "name": segment.name, "size": segment.size, "share": round(segment.share, 6)}
            for segment in profile.segments
        ],
        "metrics": {
            "silhouette": None if math.isnan(silhouette) else round(silhouette, 6),
            "inertia": round(segmentation.inertia, 6),
        },
    }
