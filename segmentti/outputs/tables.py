"""Write segmented customers out: tables with their segment, CSV bytes, contact lists, ZIP and the run summary."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from segmentti.data.text_format import FORMULA_STARTS as _FORMULA_STARTS
from segmentti.data.text_format import inert_text
from segmentti.errors import SegmenttiError
from segmentti.texts import translate

if TYPE_CHECKING:  # annotations only: writing a CSV (``features``) loads no clustering or personas
    from segmentti.engine.clustering import Segmentation
    from segmentti.insight.personas import Persona
    from segmentti.insight.profiling import Profile

SEGMENT_COLUMN = "segment"
SEGMENT_NAME_COLUMN = "segment_name"


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
    return _with_segments(frame, segmentation.labels, profile.names, segment_column, name_column)


def _with_segments(
    frame: pd.DataFrame, labels: np.ndarray, names: Sequence[str], segment_column: str, name_column: str
) -> pd.DataFrame:
    """A copy of ``frame`` with the 1-based segment number and the segment's name of every row."""
    labelled = frame.copy()
    labelled[segment_column] = labels + 1
    labelled[name_column] = np.asarray(names, dtype=object)[labels]
    return labelled


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Make text cells that a spreadsheet would run as a formula inert by prefixing ``'``.

    Cells (and headers) starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return are
    changed unless they are plain numbers (``-12.5`` and ``-12,5`` stay as they are).
    """
    safe = frame.copy()
    safe.columns = [_inert_cell(name) if isinstance(name, str) else name for name in safe.columns]
    for name in safe.columns:
        column = safe[name]
        if not (pd.api.types.is_string_dtype(column) or column.dtype == object):
            continue
        if column.dtype != object:  # text only: look closer at the few cells that start like a formula
            risky = column.str.startswith(_FORMULA_STARTS).fillna(False).to_numpy(dtype=bool)
            if risky.any():
                cells = column.to_numpy(dtype=object, na_value=None)
                cells[risky] = [_inert_cell(cell) for cell in cells[risky]]
                safe[name] = pd.Series(cells, index=column.index, dtype=column.dtype)
            continue
        safe[name] = column.map(_inert_cell, na_action="ignore")
    return safe


def _inert_cell(cell: Any) -> Any:
    return inert_text(cell) if isinstance(cell, str) else cell


def cut_at_word(text: str, limit: int, separator: str = " ") -> str:
    """``text`` shortened to at most ``limit`` characters, at the last ``separator`` that fits.

    A name cut mid-word reads as a different word (``Uusimaa`` → ``Uusi``), so the cut falls
    between words; only a first word longer than ``limit`` is cut inside.
    """
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rfind(separator)
    return (text[:cut] if cut > 0 else text[:limit]).rstrip(separator + " ")


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Encode ``frame`` as a standard CSV: UTF-8, comma separator, dot decimals, formulas made inert.

    Arrow renders the usual kinds of columns at once (:func:`segmentti.outputs.csv_text.csv_text`,
    the same bytes); pandas writes any other table.
    """
    from segmentti.outputs.csv_text import csv_text

    safe = neutralize_formulas(frame)
    text = csv_text(safe)
    return (safe.to_csv(index=False, lineterminator="\n") if text is None else text).encode("utf-8")


def build_summary(
    segmentation: Segmentation,
    profile: Profile,
    criteria: Sequence[str],
    *,
    names: Sequence[str] | None = None,
    k_selection: str | None = None,
    dropped: Sequence[str] = (),
    scan: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The machine-readable summary of a run (the CLI's ``summary.json``).

    Parameters
    ----------
    segmentation, profile
        The segments and their description.
    criteria : sequence of str
        The criteria used.
    names : sequence of str, optional
        The segment names in use (the personas' names, as edited); default the profile's.
    k_selection : {"auto", "fixed", "method"}, optional
        How k was chosen: by a scan, given, or by the method itself.
    dropped : sequence of str
        Criteria left out because they were empty.
    scan : mapping, optional
        The k scan behind an ``"auto"`` k, as ``scan --json`` prints it.

    Returns
    -------
    dict
        ``k``, ``k_selection``, ``method``, ``seed``, ``criteria``, ``n_customers``,
        ``segments`` (each with ``id``, ``name``, ``size``, ``share``), ``metrics``
        (``silhouette``, ``inertia``), ``dropped_criteria`` and, when given, ``scan``.
    """
    silhouette = segmentation.silhouette
    names = list(profile.names) if names is None else list(names)
    summary: dict[str, Any] = {
        "k": segmentation.k,
        "k_selection": k_selection,
        "method": segmentation.method,
        "seed": segmentation.seed,
        "criteria": list(criteria),
        "n_customers": len(segmentation.labels),
        "segments": [
            {
                "id": segment.number,
                "name": names[segment.number - 1],
                "size": segment.size,
                "share": round(segment.share, 6),
            }
            for segment in profile.segments
        ],
        "metrics": {
            "silhouette": None if math.isnan(silhouette) else round(silhouette, 6),
            "inertia": round(segmentation.inertia, 6),
        },
        "dropped_criteria": list(dropped),
    }
    if scan is not None:
        summary["scan"] = dict(scan)
    return summary


# --- Finnish Excel CSV -------------------------------------------------------------------------------------------


def to_finnish_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Encode ``frame`` as the CSV that Excel with a Finnish locale opens as it is.

    UTF-8 with a byte-order mark, ``;`` separator, decimal comma, dates as ``31.12.2025``
    (with the time only where a column has one), CRLF line ends, formulas made inert.
    Read it back with ``pandas.read_csv(data, sep=";", decimal=",", encoding="utf-8-sig")``.
    """
    safe = neutralize_formulas(frame)
    for name in safe.columns:
        column = safe[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            has_time = bool((column.dropna() != column.dropna().dt.normalize()).any())
            safe[name] = column.dt.strftime("%d.%m.%Y %H:%M:%S" if has_time else "%d.%m.%Y")
    text = safe.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return text.encode("utf-8-sig")


# --- customers with their persona and pilot group ---------------------------------------------------------------


def label_with_personas(
    frame: pd.DataFrame,
    labels: np.ndarray,
    personas: Sequence[Persona],
    lang: str,
    control: np.ndarray | None = None,
    segment_column: str = SEGMENT_COLUMN,
    name_column: str = SEGMENT_NAME_COLUMN,
) -> pd.DataFrame:
    """Return ``frame`` with the segment number, the persona's name (as edited) and, with a pilot, the group.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, in the order of ``labels``.
    labels : numpy.ndarray
        Shape ``(n,)``: segment index 0 … k-1.
    personas : sequence of Persona
        In segment order; their ``name`` goes into ``name_column``.
    lang : str
        Language of the pilot column's header and values.
    control : numpy.ndarray of bool, optional
        Shape ``(n,)``: the control group (see :func:`draw_control_group`); adds the
        column ``pilot.column`` with ``pilot.test`` / ``pilot.control``.

    Returns
    -------
    pandas.DataFrame
        Every column of ``frame``, then ``segment_column``, ``name_column`` (and the pilot column).
    """
    labelled = _with_segments(frame, labels, [persona.name for persona in personas], segment_column, name_column)
    if control is not None:
        labelled[translate("pilot.column", lang)] = np.where(
            control, translate("pilot.control", lang), translate("pilot.test", lang)
        )
    return labelled


def draw_control_group(labels: np.ndarray, percent: float, seed: int = 0) -> np.ndarray:
    """Draw a random control group of ``percent`` % from every segment (to measure a pilot against before rolling out).

    Parameters
    ----------
    labels : numpy.ndarray
        Shape ``(n,)``: segment index per customer.
    percent : float
        0–90: the share of each segment (rounded to whole customers) put into the control group.
    seed : int, default 0
        The same labels, percent and seed always draw the same customers.

    Returns
    -------
    numpy.ndarray of bool
        Shape ``(n,)``: ``True`` for a customer in the control group.

    Raises
    ------
    SegmenttiError
        When ``percent`` is outside 0–90.
    """
    if not 0 <= percent <= 90:
        raise SegmenttiError("error.bad_pilot_share", percent=percent)
    labels = np.asarray(labels)
    control = np.zeros(len(labels), dtype=bool)
    rng = np.random.default_rng(seed)
    for segment in np.unique(labels):
        members = np.flatnonzero(labels == segment)
        count = round(len(members) * percent / 100)
        if count:
            control[rng.choice(members, size=count, replace=False)] = True
    return control
