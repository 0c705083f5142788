"""Whole files parsed by Apache Arrow's multi-threaded readers once the loader has detected how they are written.

The loader sniffs a sample (separator, encoding, header row) the way people's files need; Arrow
then splits the whole file into text columns in native code, many times faster than Python or
pandas' parser. Cells stay text here: :mod:`segmentti.data.cells` turns them into numbers and dates
by the same rules for every engine, so a file reads the same whichever engine split it.
"""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

_ARROW_ENCODINGS = {"utf-8": "utf8", "cp1252": "cp1252", "latin-1": "latin-1"}
_BLOCK_BYTES = 4 * 1024 * 1024
"""Bytes per parse block: large enough that a block boundary rarely splits work, small enough for two cores."""


def read_delimited(data: bytes, start: int, encoding: str, separator: str, header: list[str]) -> pd.DataFrame | None:
    """The data lines of a delimited text file as text columns, or ``None`` when Arrow cannot split them.

    Parameters
    ----------
    data : bytes
        The whole file.
    start : int
        Byte offset of the first data line (after any byte-order mark, title lines and header).
    encoding : str
        ``"utf-8"``, ``"cp1252"`` or ``"latin-1"`` (the detected or chosen encoding).
    separator : str
        A one-character field separator.
    header : list[str]
        The column names, one per field.

    Returns
    -------
    pandas.DataFrame or None
        One ``str`` column per header name, empty cells missing; ``None`` when a line has another
        number of fields than the header, a quote is left open (an odd number of quotes) or the bytes do not decode: the
        caller then reads the file with pandas, which says precisely what is wrong or pads short
        lines the way it always has.
    """
    if data.find(b'"', start) >= 0 and data.count(b'"', start) % 2:
        return None  # a quote left open: Arrow would read the rest of the file as one cell
    read_options = pa_csv.ReadOptions(column_names=header, encoding=_ARROW_ENCODINGS[encoding], block_size=_BLOCK_BYTES)
    parse_options = pa_csv.ParseOptions(
        delimiter=separator, quote_char='"', double_quote=True, newlines_in_values=True, ignore_empty_lines=True
    )
    convert_options = pa_csv.ConvertOptions(
        column_types={name: pa.string() for name in header},
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )
    source = pa.BufferReader(pa.py_buffer(memoryview(data)[start:]))
    try:
        table = pa_csv.read_csv(
            source, read_options=read_options, parse_options=parse_options, convert_options=convert_options
        )
    except (pa.ArrowException, UnicodeError, LookupError):
        return None
    return table.to_pandas()


def read_parquet(data: bytes) -> pd.DataFrame:
    """A Parquet file as a table of plain columns: numbers, naive datetimes, booleans and text.

    Dates become datetimes, datetimes with a time zone are put on UTC (the one timeline every
    zone shares) and stripped of it, decimals become floats and dictionary-encoded text plain
    text, so the rest of the library meets the same kinds of columns as from a CSV file.

    Raises
    ------
    pyarrow.ArrowException, OSError
        When the bytes are not a readable Parquet file (the loader turns this into its own error).
    """
    import pyarrow.parquet as pa_parquet  # imported here: only Parquet users pay for it

    table = pa_parquet.read_table(io.BytesIO(data))
    columns = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        columns[str(name)] = _plain_column(column)
    return pa.table(columns).to_pandas() if columns else pd.DataFrame()


def _plain_column(column: pa.ChunkedArray) -> pa.ChunkedArray:
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if pa.types.is_timestamp(kind) and kind.tz is not None:
        return column.cast(pa.timestamp(kind.unit, tz="UTC")).cast(pa.timestamp(kind.unit))
    if pa.types.is_date(kind):
        return column.cast(pa.timestamp("s")).cast(pa.timestamp("us"))
    if pa.types.is_decimal(kind):
        return column.cast(pa.float64())
    if pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
        return column.cast(pa.string())
    if pa.types.is_nested(kind) or pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        return pa.chunked_array([pa.array([None if value is None else str(value) for value in column.to_pylist()])])
    return column
