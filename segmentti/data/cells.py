"""Cells → values: a column of raw text cells turned into numbers or dates when every filled cell is one (Finnish and English conventions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from segmentti.data.text_format import COMMA_NUMBER as _COMMA_NUMBER
from segmentti.data.text_format import COMPACT_DATE as _COMPACT_DATE
from segmentti.data.text_format import DOT_NUMBER as _DOT_NUMBER
from segmentti.data.text_format import LEADING_ZERO as _LEADING_ZERO

if TYPE_CHECKING:  # the options are read, never made, here
    from segmentti.data.text_format import LoadOptions

_PROBE_ROWS = 5000  # rows tried first: a column whose first rows are plain text is text
_CAST_PROBE = 1000  # cells cast first: a text column shows it at once

# Patterns are plain strings so pandas hands them to Arrow's vectorised regex engine.
_THOUSANDS_DOT_NUMBER = r"[+-]?\d{1,3}([ \x{00a0}\x{202f},]\d{3})+(\.\d+)?"
_LEADING_ZERO_START = "^" + _LEADING_ZERO
_COMPACT_LOW, _COMPACT_HIGH = 19000101, 20991231
"""The range of numbers that :data:`_COMPACT_DATE` could read as dates."""
_ISO_LENGTHS = {10, 16, 19}
"""Lengths of ``yyyy-mm-dd``, ``… hh:mm`` and ``… hh:mm:ss``: other ISO forms take the general rules."""
_DAY_MONTH_DATE = r"(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}-\d{1,2}-\d{4})([ T]\d{1,2}:\d{2}(:\d{2})?)?"
_UTC_OFFSET = r"(Z|[+-]\d{2}(:?\d{2})?)"
_ISO_TIME = r"[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}(" + _ISO_TIME + _UTC_OFFSET + r"?)?"
_TIME_OFFSET = "(" + _ISO_TIME + ")" + _UTC_OFFSET + "$"
"""A UTC offset after a time of day (after a bare date, ``-31`` is the day)."""
_SAME_PLACE_OFFSETS = pd.Timedelta(hours=1)
"""UTC offsets at most this far apart are one place's standard and summer time."""


@dataclass(frozen=True)
class Converted:
    values: pd.Series
    comma: bool = False
    date_format: str | None = None
    ambiguous: bool = False


def convert_column(column: pd.Series, options: LoadOptions) -> Converted:
    """Turn a column of raw cells into numbers or dates when every filled cell is one.

    Each distinct value is tested once (Arrow's regex engine), then mapped back, so a
    million lines with a few thousand distinct values cost little.
    """
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
        return Converted(column)
    if column.dtype == object:  # cells from a workbook: numbers, dates and text mixed
        mixed = _convert_cells(column, options)
        if mixed is not None:
            return mixed
        column = column.map(
            lambda cell: cell if isinstance(cell, str) else _cell_text(cell), na_action="ignore"
        ).astype("str")
    typed = _typed_by_arrow(column, options)
    if typed is not None:
        return typed
    text = column.astype("str").str.strip()
    text = text.where(text != "", None)
    probe = pd.Series(text.iloc[:_PROBE_ROWS].dropna().unique(), dtype="str")
    if len(text) > _PROBE_ROWS and not probe.empty and _convert_distinct(probe, options) is None:
        return Converted(text)  # the first rows are already plain text: so is the column
    codes, uniques = pd.factorize(text)
    distinct = pd.Series(uniques, dtype="str")
    if distinct.empty:
        return Converted(text)
    converted = _convert_distinct(distinct, options)
    if converted is None:
        return Converted(text)
    values, comma, date_format, ambiguous = converted
    array = values.to_numpy()
    if pd.api.types.is_datetime64_any_dtype(values):
        filled = np.where(codes >= 0, array[np.maximum(codes, 0)], np.datetime64("NaT"))
        result = pd.Series(filled, index=column.index)
    else:
        filled = np.where(codes >= 0, array[np.maximum(codes, 0)], np.nan)
        result = _tidy_numbers(pd.Series(filled.astype(float), index=column.index))
    return Converted(result, comma, date_format, ambiguous)


def _typed_by_arrow(column: pd.Series, options: LoadOptions) -> Converted | None:
    """A clean column of plain numbers or ISO dates cast in one vectorised pass, or ``None`` for the general rules.

    Arrow's casts read the whole column in native code, without a regular expression per
    distinct value. They accept a little more than the rules of :func:`_convert_distinct`
    (``nan``, ``inf``, zero-padded codes, ``yyyymmdd`` read as a number, an ISO time with the hour
    alone, spaces never): every such column, and every cell a cast refuses, is left to those
    rules, so each column is read exactly as before, only faster.
    """
    if not pd.api.types.is_string_dtype(column) or column.empty:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.array(column.array)
    if cells.null_count == len(cells):
        return None
    if options.decimal != ",":
        numbers = _cast(cells, pa.float64())
        if numbers is not None:
            if pc.any(pc.or_(pc.is_nan(numbers), pc.is_inf(numbers))).as_py():
                return None  # "nan" and "inf" are text by our rules
            if pc.any(pc.match_substring_regex(cells, _LEADING_ZERO_START)).as_py():
                return None  # zero-padded codes stay text unless the rules say otherwise
            extremes = pc.min_max(numbers)
            if extremes["min"].as_py() >= _COMPACT_LOW and extremes["max"].as_py() <= _COMPACT_HIGH and _whole(numbers):
                return None  # could be yyyymmdd dates
            values = numbers.to_numpy(zero_copy_only=False)
            return Converted(_tidy_numbers(pd.Series(values, index=column.index)))
    times = _cast(cells, pa.timestamp("us"))
    if times is None:
        return None
    lengths = pc.unique(pc.drop_null(pc.utf8_length(cells))).to_pylist()
    if not set(lengths) <= _ISO_LENGTHS:
        return None
    longest = max(lengths)
    date_format = "%Y-%m-%d" if longest <= 10 else ("%Y-%m-%d %H:%M" if longest <= 16 else "%Y-%m-%d %H:%M:%S")
    values = pd.Series(times.to_numpy(zero_copy_only=False), index=column.index)
    return Converted(values, date_format=date_format)


def _cast(cells, kind):
    """``cells`` cast to ``kind``, or ``None`` when a cell does not read as one (tried on the first cells first)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        if len(cells) > _CAST_PROBE:  # a text column fails on its first cells, before the whole column is cast
            pc.cast(cells.slice(0, _CAST_PROBE), kind)
        return pc.cast(cells, kind)
    except pa.ArrowException:  # invalid cells or a cast Arrow cannot make: the cell-by-cell rules decide
        return None


def _whole(numbers) -> bool:
    import pyarrow.compute as pc

    filled = pc.drop_null(numbers)
    return bool(pc.all(pc.equal(pc.floor(filled), filled)).as_py())


def _is_number(cell: object) -> bool:
    return isinstance(cell, (int, float, np.integer, np.floating)) and not isinstance(cell, bool)


def _is_date(cell: object) -> bool:
    return hasattr(cell, "year") and hasattr(cell, "month")


def _convert_cells(column: pd.Series, options: LoadOptions) -> Converted | None:
    """Workbook cells: numbers and dates as they are, text cells (numbers stored as text) converted alike."""
    filled = column.dropna()
    if filled.empty:
        return Converted(pd.Series(pd.NA, index=column.index, dtype="str"))
    numbers = filled.map(_is_number)
    dates = filled.map(_is_date)
    texts = filled[~numbers & ~dates]
    if numbers.any() and dates.any():
        return None
    if texts.empty:
        if numbers.all():
            return Converted(_tidy_numbers(pd.to_numeric(column, errors="coerce")))
        return Converted(pd.to_datetime(column, errors="coerce"), date_format="excel")
    if not (numbers.any() or dates.any()):
        return None
    converted = convert_column(texts.astype("str"), options)
    values = converted.values
    if numbers.any() and pd.api.types.is_numeric_dtype(values):
        combined = pd.to_numeric(column.where(~column.index.isin(texts.index)), errors="coerce")
        combined.loc[texts.index] = values.astype(float)
        return Converted(_tidy_numbers(combined), converted.comma)
    if dates.any() and pd.api.types.is_datetime64_any_dtype(values):
        combined = pd.to_datetime(column.where(~column.index.isin(texts.index)), errors="coerce")
        combined.loc[texts.index] = values
        return Converted(combined, date_format=converted.date_format, ambiguous=converted.ambiguous)
    return None


def _cell_text(cell: object) -> str:
    if hasattr(cell, "year") and hasattr(cell, "month") and hasattr(cell, "hour"):
        return cell.isoformat(sep=" ")  # type: ignore[attr-defined]
    if hasattr(cell, "year") and hasattr(cell, "month"):
        return cell.isoformat()  # type: ignore[attr-defined]
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _tidy_numbers(values: pd.Series) -> pd.Series:
    """Whole numbers without gaps as integers, the rest as floats."""
    array = values.to_numpy(dtype=float, na_value=np.nan)
    if len(array) and not np.isnan(array).any() and np.all(np.mod(array, 1) == 0) and np.abs(array).max() < 2**53:
        return pd.Series(array.astype(np.int64), index=values.index)
    return pd.Series(array, index=values.index)


def parse_iso_times(text: pd.Series) -> pd.Series | None:
    """Read ISO 8601 dates and times, with or without UTC offsets, onto one timeline of naive datetimes.

    Offsets that lie at most an hour apart (``+02:00`` and ``+03:00``: a Finnish export across a
    daylight-saving change) are one place's standard and summer time: the local clock time as
    written is kept, so every purchase stays on the calendar day the customer saw and the day
    boundaries are the shop's own. Offsets further apart (files from several places) are
    converted to UTC, the only timeline they share.

    Parameters
    ----------
    text : pandas.Series
        Text cells such as ``2025-12-31``, ``2025-12-31 08:26``, ``2025-10-26T03:30:00+03:00`` or
        ``…Z``; missing cells stay missing.

    Returns
    -------
    pandas.Series or None
        ``datetime64`` values without a time zone, index kept; ``None`` when a filled cell is not
        an ISO date or time.
    """
    filled = text.dropna().astype("str").str.strip()
    if not filled.str.fullmatch(_ISO_DATE).all():
        return None
    offsets = filled.str.extract(_TIME_OFFSET, expand=True)[3].dropna().unique()
    if len(offsets):
        spans = pd.to_timedelta([_offset_delta(offset) for offset in offsets])
        if spans.max() - spans.min() > _SAME_PLACE_OFFSETS:
            values = pd.to_datetime(filled, format="ISO8601", utc=True, errors="coerce").dt.tz_localize(None)
        else:
            local = filled.str.replace(_TIME_OFFSET, r"\1", regex=True)
            values = pd.to_datetime(local, format="ISO8601", errors="coerce")
    else:
        values = pd.to_datetime(filled, format="ISO8601", errors="coerce")
    if values.isna().any():
        return None
    return values.reindex(text.index)


def _offset_delta(offset: str) -> str:
    """``+03:00`` / ``+0300`` / ``+03`` / ``Z`` as a timedelta text."""
    if offset == "Z":
        return "0h"
    digits = offset[1:].replace(":", "")
    return f"{offset[0]}{int(digits[:2]) * 60 + int(digits[2:] or 0)}min"


def _convert_distinct(distinct: pd.Series, options: LoadOptions) -> tuple[pd.Series, bool, str | None, bool] | None:
    """Convert the distinct cell texts of one column, or ``None`` when they are plain text."""
    if distinct.str.fullmatch(_ISO_DATE).all():
        values = parse_iso_times(distinct)
        return None if values is None else (values, False, _iso_format(distinct), False)
    if distinct.str.fullmatch(_DAY_MONTH_DATE).all():
        return _day_month_dates(distinct, options)
    if distinct.str.fullmatch(_COMPACT_DATE).all():
        values = pd.to_datetime(distinct, format="%Y%m%d", errors="coerce")
        if not values.isna().any():
            return values, False, "%Y%m%d", False
    if distinct.str.match(_LEADING_ZERO).any() and not distinct.str.match(r"[+-]?0[.,]").all():
        return None  # zero-padded codes (customer numbers, postal codes) stay text
    decimal = options.decimal
    if decimal != "," and distinct.str.fullmatch(_DOT_NUMBER).all():
        return pd.to_numeric(distinct, errors="coerce"), False, None, False
    if decimal != "." and distinct.str.fullmatch(_COMMA_NUMBER).all():
        plain = distinct.str.replace(r"[ \x{00a0}\x{202f}.]", "", regex=True).str.replace(",", ".", regex=False)
        return pd.to_numeric(plain, errors="coerce"), True, None, False
    if decimal != "," and distinct.str.fullmatch(_THOUSANDS_DOT_NUMBER).all():
        plain = distinct.str.replace(r"[ \x{00a0}\x{202f},]", "", regex=True)
        return pd.to_numeric(plain, errors="coerce"), False, None, False
    return None


def _iso_format(distinct: pd.Series) -> str:
    offset = "%z" if distinct.str.extract(_TIME_OFFSET, expand=True)[3].notna().any() else ""
    longest = int(distinct.str.replace(_TIME_OFFSET, r"\1", regex=True).str.len().max())
    plain = "%Y-%m-%d" if longest <= 10 else ("%Y-%m-%d %H:%M" if longest <= 16 else "%Y-%m-%d %H:%M:%S")
    return plain + offset


def _day_month_dates(distinct: pd.Series, options: LoadOptions) -> tuple[pd.Series, bool, str | None, bool] | None:
    first = pd.to_numeric(distinct.str.extract(r"^(\d{1,2})", expand=False))
    second = pd.to_numeric(distinct.str.extract(r"^\d{1,2}[./-](\d{1,2})", expand=False))
    day_first_possible = bool((second <= 12).all() and (first <= 31).all())
    month_first_possible = bool((first <= 12).all() and (second <= 31).all())
    if not day_first_possible and not month_first_possible:
        return None
    ambiguous = day_first_possible and month_first_possible
    if options.date_order is not None and (
        (options.date_order == "dmy" and day_first_possible) or (options.date_order == "mdy" and month_first_possible)
    ):
        order = options.date_order
    else:
        order = "dmy" if day_first_possible else "mdy"
    mark = next(mark for mark in "./-" if distinct.str.contains(mark, regex=False).all())
    base = f"%d{mark}%m{mark}%Y" if order == "dmy" else f"%m{mark}%d{mark}%Y"
    longest = distinct.str.len().max()
    has_time = bool(distinct.str.contains(":", regex=False).any())
    values = pd.to_datetime(distinct, format="mixed", dayfirst=order == "dmy", errors="coerce")
    if values.isna().any():
        return None
    fmt = base + (" %H:%M" if has_time and longest <= 16 else (" %H:%M:%S" if has_time else ""))
    return values, False, fmt, ambiguous
