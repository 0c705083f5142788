"""Check a customer table for the problems that spoil a segmentation, and apply the fixes the user picks."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from segmentti.data.columns import Measure, Overrides, Role, describe_columns
from segmentti.data.orders import FEATURE_COLUMNS, structurally_missing
from segmentti.errors import SegmenttiError

OUTLIER_FENCE = 3.0
"""Values further than this many interquartile ranges outside the quartiles are outliers (Tukey's far fence)."""
SKEWED = 1.0
"""A non-negative column with a skewness above this has its outliers judged on a log scale."""

_EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}"

ACTIONS: tuple[str, ...] = (
    "drop_duplicate_rows",
    "drop_duplicate_ids",
    "fill_missing",
    "drop_missing",
    "cap_outliers",
    "drop_invalid_emails",
    "drop_column",
    "drop_future_dates",
    "drop_negative",
)
"""Every fix :func:`apply_fixes` knows; the texts are ``fix.<action>``."""


@dataclass(frozen=True)
class Problem:
    """One problem found: what (``kind``), where (``column``, or ``None`` for whole rows) and how often.

    ``fixes`` are the :data:`ACTIONS` that remedy it; ``detail`` holds numbers for the message
    (e.g. the outlier fences).
    """

    kind: str
    column: str | None
    count: int
    fixes: tuple[str, ...]
    detail: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, eq=False)
class QualityReport:
    """What :func:`assess_quality` found in a table.

    Attributes
    ----------
    rows : int
        Rows of the table.
    id_column : str or None
        The customer id column used to find repeated ids.
    missing : tuple of (column, count)
        Missing values of every column (zeros included), in column order, structurally
        empty cells included.
    problems : tuple of Problem
        Each problem found; empty for a clean table. Kinds: ``duplicate_rows``,
        ``duplicate_ids``, ``missing`` (cells empty by construction, such as a one-order
        customer's days between orders, are not counted: see
        :func:`segmentti.data.orders.structurally_missing`), ``empty_column``,
        ``constant_column``, ``invalid_emails``, ``outliers`` (``outliers_low`` /
        ``outliers_high`` when all lie on one side; shares within 0–1 and money are not
        checked, skewed non-negative columns are judged on a log scale), ``future_dates``,
        ``negative_amounts``.
    structural : tuple of (column, count)
        Cells empty by construction per column, reported apart as facts, not problems.
    """

    rows: int
    id_column: str | None
    missing: tuple[tuple[str, int], ...]
    problems: tuple[Problem, ...]
    structural: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Fix:
    """One fix to apply: an action of :data:`ACTIONS`, on ``column`` where it needs one."""

    action: str
    column: str | None = None


@dataclass(frozen=True)
class Step:
    """One applied fix as a translatable line: text ``key`` with ``params`` (``step.<action>``)."""

    key: str
    params: tuple[tuple[str, object], ...] = field(default=())

    def text(self, lang: str) -> str:
        """The step in ``lang``."""
        from segmentti.texts import translate

        return translate(self.key, lang, **dict(self.params))


@dataclass(frozen=True, eq=False)
class FixResult:
    """The fixed copy of a table and the steps applied, in order."""

    frame: pd.DataFrame
    steps: tuple[Step, ...]


def assess_quality(
    frame: pd.DataFrame, overrides: Overrides | None = None, as_of: pd.Timestamp | str | None = None
) -> QualityReport:
    """Find the data-quality problems of a customer table.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    overrides : dict, optional
        The user's column roles (see :func:`segmentti.data.columns.describe_columns`).
    as_of : Timestamp or str, optional
        Dates after this day are future dates; default today.

    Returns
    -------
    QualityReport
    """
    infos = describe_columns(frame, overrides)
    as_of_ts = pd.Timestamp(as_of).normalize() if as_of is not None else pd.Timestamp.now().normalize()
    problems: list[Problem] = []
    rows = len(frame)
    duplicate_rows = int(frame.duplicated().sum())
    if duplicate_rows:
        problems.append(Problem("duplicate_rows", None, duplicate_rows, ("drop_duplicate_rows",)))
    id_column = next((info.name for info in infos if info.role is Role.ID), None)
    if id_column is not None:
        ids = frame[id_column].dropna()
        repeated = int(ids.duplicated().sum())
        if repeated:
            problems.append(Problem("duplicate_ids", id_column, repeated, ("drop_duplicate_ids",)))
    missing_counts = frame.isna().sum()
    structural = {name: int(mask.sum()) for name, mask in structurally_missing(frame).items()}
    for info in infos:
        column = frame[info.name]
        missing = int(missing_counts[info.name]) - structural.get(info.name, 0)
        if info.role is Role.EMPTY:
            problems.append(Problem("empty_column", info.name, rows, ("drop_column",)))
            continue
        if info.role is Role.CONSTANT:
            problems.append(Problem("constant_column", info.name, rows, ("drop_column",)))
        if missing:
            fixes = (
                ("fill_missing", "drop_missing") if info.role in (Role.NUMERIC, Role.CATEGORICAL) else ("drop_missing",)
            )
            problems.append(Problem("missing", info.name, missing, fixes))
        if info.role is Role.EMAIL:
            text = column.dropna().astype("str").str.strip()
            invalid = int((~text.str.fullmatch(_EMAIL)).sum())
            if invalid:
                problems.append(Problem("invalid_emails", info.name, invalid, ("drop_invalid_emails",)))
        if info.role is Role.NUMERIC:
            # the biggest customers' money and the extremes of features computed from order lines are
            # real behaviour, not typing errors: never offered for capping
            judged = info.measure is not Measure.MONEY and info.name not in FEATURE_COLUMNS
            low, high = _fences(column) if judged else (None, None)
            if low is not None and not _is_share(column):
                below, above = int((column < low).sum()), int((column > high).sum())
                if below or above:
                    kind = "outliers" if below and above else ("outliers_low" if below else "outliers_high")
                    problems.append(
                        Problem(kind, info.name, below + above, ("cap_outliers",), (("low", low), ("high", high)))
                    )
            if info.measure is Measure.MONEY:
                negative = int((column < 0).sum())
                if negative:
                    problems.append(Problem("negative_amounts", info.name, negative, ("drop_negative",)))
        if pd.api.types.is_datetime64_any_dtype(column):
            future = int((column > as_of_ts + pd.Timedelta(days=1)).sum())
            if future:
                problems.append(Problem("future_dates", info.name, future, ("drop_future_dates",)))
    return QualityReport(
        rows=rows,
        id_column=id_column,
        missing=tuple((str(name), int(count)) for name, count in missing_counts.items()),
        problems=tuple(problems),
        structural=tuple(structural.items()),
    )


def _is_share(column: pd.Series) -> bool:
    """A share or probability (every value within 0–1): skewed by nature, never an outlier problem."""
    values = column.dropna()
    return bool(len(values)) and bool(values.min() >= 0) and bool(values.max() <= 1)


def _fences(column: pd.Series) -> tuple[float, float] | tuple[None, None]:
    """Tukey's far fences; on a log scale (``log1p``) for a skewed column of non-negative values.

    Counts and sizes pile up near zero with a long tail: on their own scale every large value
    would be an "outlier", on a log scale only the truly detached ones are (and only above: the
    low fence is then the smallest value).
    """
    values = column.dropna().to_numpy(dtype=float)
    if len(values) < 4:
        return None, None
    logged = bool(values.min() >= 0) and float(pd.Series(values).skew()) > SKEWED
    scaled = np.log1p(values) if logged else values
    q1, q3 = np.percentile(scaled, [25, 75])
    spread = q3 - q1
    if spread <= 0:
        return None, None
    low, high = q1 - OUTLIER_FENCE * spread, q3 + OUTLIER_FENCE * spread
    if logged:  # only the long tail can be detached: small values (zeros) are the crowd
        return float(values.min()), float(np.expm1(high))
    return float(low), float(high)


def apply_fixes(
    frame: pd.DataFrame,
    fixes: list[Fix] | tuple[Fix, ...],
    overrides: Overrides | None = None,
    as_of: pd.Timestamp | str | None = None,
) -> FixResult:
    """Apply ``fixes`` in order to a copy of ``frame``; the original is never changed.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    fixes : sequence of Fix
        ``drop_duplicate_rows``; ``drop_duplicate_ids`` (keeps each id's first row);
        ``fill_missing`` (median of a numeric column, most common value of another);
        ``drop_missing`` (rows without a value in ``column``); ``cap_outliers`` (values
        beyond the far fences set to the fence); ``drop_invalid_emails`` (rows whose email
        is filled but not an address); ``drop_column``; ``drop_future_dates``; ``drop_negative``.
    overrides : dict, optional
        The user's column roles (which column is the id).
    as_of : Timestamp or str, optional
        For ``drop_future_dates``; default today.

    Returns
    -------
    FixResult
        The fixed table (index renumbered) and one :class:`Step` per fix, with counts.

    Raises
    ------
    SegmenttiError
        For an unknown action or column.
    """
    fixed = frame.copy()
    steps: list[Step] = []
    as_of_ts = pd.Timestamp(as_of).normalize() if as_of is not None else pd.Timestamp.now().normalize()
    for fix in fixes:
        if fix.action not in ACTIONS:
            raise SegmenttiError("error.unknown_fix", action=fix.action)
        if fix.action not in ("drop_duplicate_rows", "drop_duplicate_ids") and fix.column not in fixed.columns:
            raise SegmenttiError("error.unknown_fix_column", column=str(fix.column))
        before = len(fixed)
        params: dict[str, object] = {"column": fix.column or ""}
        if fix.action == "drop_duplicate_rows":
            fixed = fixed.drop_duplicates()
        elif fix.action == "drop_duplicate_ids":
            id_column = fix.column or next(
                (info.name for info in describe_columns(fixed, overrides) if info.role is Role.ID), None
            )
            if id_column is None:
                raise SegmenttiError("error.unknown_fix_column", column="id")
            params["column"] = id_column
            fixed = fixed[~(fixed[id_column].duplicated() & fixed[id_column].notna())]
        elif fix.action == "fill_missing":
            column = fixed[fix.column]
            if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
                value: object = float(column.median())
            else:
                modes = column.mode()
                value = modes.iloc[0] if not modes.empty else ""
            params["rows"] = int(column.isna().sum())
            params["value"] = value if not isinstance(value, float) else round(value, 4)
            fixed[fix.column] = column.fillna(value)
        elif fix.action == "drop_missing":
            fixed = fixed[fixed[fix.column].notna()]
        elif fix.action == "cap_outliers":
            low, high = _fences(fixed[fix.column])
            if low is not None:
                column = fixed[fix.column]
                params["rows"] = int(((column < low) | (column > high)).sum())
                fixed[fix.column] = column.astype(float).clip(low, high)
                params["low"], params["high"] = round(low, 4), round(high, 4)
            else:
                params["rows"], params["low"], params["high"] = 0, "", ""
        elif fix.action == "drop_invalid_emails":
            text = fixed[fix.column].astype("str").str.strip()
            invalid = fixed[fix.column].notna() & ~text.str.fullmatch(_EMAIL).fillna(False)
            fixed = fixed[~invalid]
        elif fix.action == "drop_column":
            fixed = fixed.drop(columns=[fix.column])
        elif fix.action == "drop_future_dates":
            fixed = fixed[~(fixed[fix.column] > as_of_ts + pd.Timedelta(days=1))]
        elif fix.action == "drop_negative":
            fixed = fixed[~(fixed[fix.column] < 0)]
        params.setdefault("rows", before - len(fixed))
        steps.append(Step(f"step.{fix.action}", tuple(sorted(params.items()))))
    return FixResult(fixed.reset_index(drop=True), tuple(steps))
