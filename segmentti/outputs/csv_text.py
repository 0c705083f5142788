"""A table as the CSV text pandas writes, each column rendered at once by Arrow instead of cell by cell.

``DataFrame.to_csv`` formats every float with Python's ``repr`` and writes each row through
Python's ``csv`` module: for 34,000 customers × 27 columns that is most of a ``features`` run
after the reading. Arrow's compute functions turn a whole column into text in native code; the
few cells where Arrow writes a number differently from ``repr`` (whole numbers without ``.0``,
exponents) are put right, and cells are quoted by the same rule as ``csv.QUOTE_MINIMAL``. The
result is byte for byte what :meth:`pandas.DataFrame.to_csv` gives (``index=False``,
``lineterminator="\\n"``); a column of any other kind returns ``None`` so the caller lets pandas
write the table.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def _quote_marks() -> str:
    """The characters that make Python's ``csv`` module (as pandas calls it) quote a cell.

    The separator, the quote and the line end always; a lone carriage return only on the
    Python versions that quote it (3.12 and later do, 3.11 does not): asked of the module itself.
    """
    written = io.StringIO()
    csv.writer(written, lineterminator="\n").writerow(["a\rb", "c"])
    return ',"\n\r' if written.getvalue().startswith('"') else ',"\n'


_QUOTE_MARKS = _quote_marks()
_NEEDS_QUOTES = "[" + _QUOTE_MARKS.replace("\n", "\\n").replace("\r", "\\r") + "]"
_POSITIONAL = (1e-4, 1e16)
"""``repr`` writes a float without an exponent when its size lies in this range (or it is 0)."""
_SECONDS_A_DAY = 86_400
_PER_SECOND = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}


def csv_text(frame: pd.DataFrame) -> str | None:
    """``frame.to_csv(index=False, lineterminator="\\n")``, or ``None`` for a table it does not cover.

    Covered: two or more columns with text names, each column of text (``str`` or ``object``
    holding only text), whole numbers (also nullable), floats, booleans without gaps, or
    datetimes without a time zone and without fractions of a second.
    """
    if len(frame.columns) < 2 or not all(isinstance(name, str) for name in frame.columns):
        return None
    rendered = []
    for position in range(len(frame.columns)):  # by position: two columns may share a name
        column = _column_text(frame.iloc[:, position])
        if column is None:
            return None
        rendered.append(column)
    header = ",".join(_quoted_name(name) for name in frame.columns) + "\n"
    if frame.empty:
        return header
    lines = pc.binary_join_element_wise(*rendered, ",")
    return header + "\n".join(lines.to_pylist()) + "\n"


def _quoted_name(name: str) -> str:
    if any(mark in name for mark in _QUOTE_MARKS):
        return '"' + name.replace('"', '""') + '"'
    return name


def _column_text(column: pd.Series) -> pa.Array | pa.ChunkedArray | None:
    """Every cell of ``column`` as pandas writes it (missing cells empty), or ``None`` for another kind."""
    dtype = column.dtype
    if pd.api.types.is_bool_dtype(dtype):
        if column.isna().any() or dtype != np.bool_:
            return None
        return pa.array(np.where(column.to_numpy(), "True", "False"))
    if pd.api.types.is_integer_dtype(dtype):
        return _filled(pc.cast(pa.array(column.array), pa.string()))
    if pd.api.types.is_float_dtype(dtype) and dtype == np.float64:
        return _float_text(column.to_numpy())
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return _datetime_text(column)
    if pd.api.types.is_string_dtype(dtype):
        if dtype.kind == "O" and pd.api.types.infer_dtype(column, skipna=True) not in ("string", "empty"):
            return None
        cells = pa.array(column.to_numpy(dtype=object, na_value=None), type=pa.string())
        return _filled(_quoted(cells))
    return None


def _filled(cells: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    return pc.fill_null(cells, "")


def _quoted(cells: pa.Array) -> pa.Array:
    """Cells holding the separator, a quote or a line break in quotes, their quotes doubled (``csv.QUOTE_MINIMAL``)."""
    needs = pc.fill_null(pc.match_substring_regex(cells, _NEEDS_QUOTES), False)
    if not pc.any(needs).as_py():
        return cells
    doubled = pc.replace_substring(cells, '"', '""')
    wrapped = pc.binary_join_element_wise('"', doubled, '"', "")
    return pc.if_else(needs, wrapped, cells)


def _float_text(values: np.ndarray) -> pa.Array:
    """Floats as ``repr`` writes them (``100.0``, ``0.1``, ``1e-05``), gaps empty."""
    cells = pc.cast(pa.array(values, from_pandas=True), pa.string())
    cells = pc.if_else(
        pc.match_substring_regex(cells, "^-?[0-9]+$"), pc.binary_join_element_wise(cells, ".0", ""), cells
    )
    size = np.abs(values)
    with np.errstate(invalid="ignore"):
        outside = ((size < _POSITIONAL[0]) & (size != 0)) | (size >= _POSITIONAL[1])
    outside |= pc.fill_null(pc.match_substring(cells, "e"), False).to_numpy(zero_copy_only=False)
    outside &= ~np.isnan(values)
    if outside.any():  # exponents and huge or tiny numbers: the few cells repr writes in its own way
        positions = np.flatnonzero(outside)
        fixed = [repr(float(values[position])) for position in positions]
        patched = cells.to_numpy(zero_copy_only=False).astype(object)
        patched[positions] = fixed
        cells = pa.array(patched, type=pa.string())
    return _filled(cells)


def _datetime_text(column: pd.Series) -> pa.Array | None:
    """Datetimes as pandas writes them: the date alone when every value is at midnight, else to the second."""
    if getattr(column.dt, "tz", None) is not None:
        return None
    values = column.to_numpy()
    unit = np.datetime_data(values.dtype)[0]
    if unit not in _PER_SECOND:
        return None
    ticks = values.view(np.int64)[~column.isna().to_numpy()]
    if (ticks % _PER_SECOND[unit]).any():
        return None  # fractions of a second: pandas decides how many digits
    times = pa.array(values.astype("datetime64[s]"), from_pandas=True)
    kind = pa.date32() if not (ticks % (_PER_SECOND[unit] * _SECONDS_A_DAY)).any() else pa.string()
    cells = pc.cast(times, kind)
    if kind == pa.date32():
        cells = pc.cast(cells, pa.string())
    return _filled(cells)
