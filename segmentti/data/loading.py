"""Read a table from the bytes of a CSV, TSV, gzip/zip-packed CSV or Excel file, and say what was detected."""

from __future__ import annotations

import csv
import datetime
import gzip
import io
import math
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from segmentti.choices import DATE_ORDERS, DECIMAL_MARKS
from segmentti.choices import ENCODINGS as ENCODINGS  # re-exported: the loader's options are named with it
from segmentti.choices import SEPARATORS as SEPARATORS
from segmentti.data.arrow_reading import read_delimited, read_parquet
from segmentti.data.cells import convert_column
from segmentti.data.text_format import (
    HEADER_SEARCH_ROWS,
    OLE_MAGIC,
    clean_header,
    decode_text,
    find_header,
    header_names,
    sniff_layout,
)
from segmentti.data.text_format import (
    LoadOptions as LoadOptions,  # re-exported: the options are read with the table
)
from segmentti.data.text_layout import (
    WHITESPACE,
    byte_offset,
    drop_leading_records,
    first_record,
    is_data_row,
    locate_header,
)
from segmentti.errors import SegmenttiError

MAX_UPLOAD_MB = 200
"""The largest file accepted, in megabytes (the same as the app's ``server.maxUploadSize``)."""
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
"""The largest table a ``.gz`` or ``.zip`` may unpack to (1 GiB), so a packed bomb is refused."""

_ASCII_HEAD_BYTES = 1024 * 1024
"""The head of a plain-ASCII text file decoded to sniff it (the whole file is decoded only for pandas)."""
_EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_GZIP_MAGIC = b"\x1f\x8b"
_PARQUET_MAGIC = b"PAR1"


@dataclass(frozen=True)
class Table:
    """A loaded table and what was detected while reading it.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per line of the file; numbers, decimal-comma numbers and dates converted.
    source_name : str
        The file name the user gave.
    file_format : str
        ``"csv"``, ``"excel"`` or ``"parquet"``.
    separator : str | None
        The field separator found in a text file.
    encoding : str | None
        ``"utf-8"``, ``"cp1252"`` or ``"latin-1"`` for a text file.
    sheet : str | None
        The sheet read from a workbook.
    sheet_names : tuple[str, ...]
        Every sheet of a workbook (empty for text files).
    decimal : str
        The decimal mark the numbers were read with.
    header_row : int
        The line or sheet row of the header, counted from 1 (above it: titles, skipped); ``0`` when
        the first line already holds only numbers and dates, so the file has no header and its
        columns are named ``column_1``, ``column_2`` … (setting ``header_row`` says otherwise).
    date_formats : tuple[tuple[str, str], ...]
        ``(column, format)`` for each column read as dates, e.g. ``("liittyi", "%d.%m.%Y")``.
    ambiguous_dates : tuple[str, ...]
        Date columns whose values fit both day-first and month-first; they were read with
        ``date_order`` and the user should confirm it.
    date_order : str
        The order used for day/month dates: ``"dmy"`` unless the values or the user say otherwise.
    """

    frame: pd.DataFrame
    source_name: str
    file_format: str
    separator: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    sheet_names: tuple[str, ...] = ()
    decimal: str = "."
    header_row: int = 1
    date_formats: tuple[tuple[str, str], ...] = ()
    ambiguous_dates: tuple[str, ...] = ()
    date_order: str = "dmy"


def read_file(path: str | Path, sheet: str | None = None, options: LoadOptions | None = None) -> Table:
    """Load the table in the file at ``path`` (see :func:`load_table`)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            raise SegmenttiError(
                "error.too_large", name=path.name, size_mb=math.ceil(size / 2**20), limit_mb=MAX_UPLOAD_MB
            )
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise SegmenttiError("error.file_not_found", path=str(path)) from None
    except OSError as exc:
        raise SegmenttiError("error.file_unreadable", path=str(path), reason=exc.strerror) from None
    return load_table(data, path.name, sheet=sheet, options=options)


def load_table(
    data: bytes,
    source_name: str,
    sheet: str | None = None,
    options: LoadOptions | None = None,
    *,
    limit_bytes: int = MAX_UPLOAD_BYTES,
) -> Table:
    """Read a table from the raw bytes of an uploaded or opened file.

    Parameters
    ----------
    data : bytes
        The whole file: CSV/TSV/TXT (any of ``, ; tab |`` as separator, UTF-8 with or
        without BOM or Windows-1252, title lines above the header allowed), the same packed
        as ``.gz`` or as a ``.zip`` holding one such file, or an Excel ``.xlsx`` workbook
        (title rows above the header allowed, numbers stored as text converted), or a Parquet
        file (typed columns kept; dates and zoned times as naive datetimes, zones on UTC).
    source_name : str
        The file's name; its ending tells Excel from text when the bytes leave it open.
    sheet : str, optional
        The workbook sheet to read; default the first.
    options : LoadOptions, optional
        The user's corrections of what is detected (separator, encoding, decimal mark,
        header row, day/month order).
    limit_bytes : int, default MAX_UPLOAD_BYTES
        Larger files are refused.

    Returns
    -------
    Table
        ``frame`` has one row per data line, text columns as strings, numeric-looking
        columns (also with decimal comma and space/dot thousands) as numbers and
        date columns (``31.12.2025``, ``31-12-2025``, ``2025-12-31``, ``2025-12-31 08:26:00``,
        ``12/31/2025``, ISO times with UTC offsets such as ``2025-10-26T03:30:00+02:00``: see
        :func:`parse_iso_times`) as datetimes without a time zone; the other fields say what was
        detected.

    Raises
    ------
    SegmenttiError
        For an empty or too large file, bytes that are not a table, a corrupt,
        password-protected or empty workbook, a zip without exactly one table, a header
        with no rows, a single column or repeated column names.
    """
    options = options or LoadOptions()
    if len(data) > limit_bytes:
        raise SegmenttiError(
            "error.too_large",
            name=source_name,
            size_mb=math.ceil(len(data) / 2**20),
            limit_mb=math.ceil(limit_bytes / 2**20),
        )
    if not data or data.isspace():  # isspace stops at the first other byte; strip would copy the file
        raise SegmenttiError("error.empty_file", name=source_name)
    lower = source_name.lower()
    if data.startswith(_GZIP_MAGIC):
        inner = source_name.removesuffix(".gz").removesuffix(".GZ")
        return load_table(_gunzip(data, source_name), inner, sheet, options, limit_bytes=MAX_UNPACKED_BYTES)
    if data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        if lower.endswith(_EXCEL_SUFFIXES) or _looks_like_workbook(data):
            return _read_excel(data, source_name, sheet, options)
        inner_data, inner_name = _unpack_zip(data, source_name)
        return load_table(inner_data, inner_name, sheet, options, limit_bytes=MAX_UNPACKED_BYTES)
    if data.startswith(_PARQUET_MAGIC) or lower.endswith(".parquet"):
        return _read_parquet(data, source_name, options)
    if lower.endswith(_EXCEL_SUFFIXES) or lower.endswith(".xls"):
        if data.startswith(OLE_MAGIC):
            raise SegmenttiError("error.excel_protected", name=source_name)
        raise SegmenttiError("error.bad_excel", name=source_name)
    return _read_text(data, source_name, options)


def _gunzip(data: bytes, source_name: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            unpacked = packed.read(MAX_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise SegmenttiError("error.not_a_table", name=source_name) from exc
    if len(unpacked) > MAX_UNPACKED_BYTES:
        raise SegmenttiError(
            "error.too_large",
            name=source_name,
            size_mb=MAX_UNPACKED_BYTES // 2**20,
            limit_mb=MAX_UNPACKED_BYTES // 2**20,
        )
    return unpacked


def _looks_like_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _unpack_zip(data: bytes, source_name: str) -> tuple[bytes, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and not info.filename.startswith("__MACOSX/")
                and info.filename.lower().endswith((*_TEXT_SUFFIXES, *_EXCEL_SUFFIXES, ".gz", ".parquet"))
            ]
            if len(members) != 1:
                raise SegmenttiError("error.zip_members", name=source_name, count=len(members))
            if members[0].file_size > MAX_UNPACKED_BYTES:
                raise SegmenttiError(
                    "error.too_large",
                    name=source_name,
                    size_mb=math.ceil(members[0].file_size / 2**20),
                    limit_mb=MAX_UNPACKED_BYTES // 2**20,
                )
            return archive.read(members[0]), members[0].filename.rsplit("/", 1)[-1]
    except SegmenttiError:
        raise
    except Exception as exc:  # zipfile raises many kinds: bad archive, encrypted or unsupported member, zlib
        raise SegmenttiError("error.not_a_table", name=source_name) from exc


def _read_excel(data: bytes, source_name: str, sheet: str | None, options: LoadOptions) -> Table:
    names, chosen, rows = _workbook_rows(data, source_name, sheet)
    numbered = [
        (number, row)
        for number, row in enumerate(rows, start=1)
        if any(cell is not None and str(cell).strip() != "" for cell in row)
    ]
    if not numbered:
        raise SegmenttiError("error.no_rows", name=source_name)
    if options.header_row is not None:
        header_at = next((i for i, (number, _) in enumerate(numbered) if number >= options.header_row), None)
        if header_at is None:
            raise SegmenttiError("error.bad_header_row", row=options.header_row, rows=numbered[-1][0])
    else:
        widths = [sum(cell is not None and str(cell).strip() != "" for cell in row) for _, row in numbered]
        header_at = find_header(widths[:HEADER_SEARCH_ROWS], None, len(widths))
    header_number, header_cells = numbered[header_at]
    rows = [row for _, row in numbered[header_at + 1 :]]
    width = max([len(header_cells), *(len(row) for row in rows)])
    header_cells = list(header_cells) + [None] * (width - len(header_cells))
    filled_width = max(
        [i + 1 for i, cell in enumerate(header_cells) if cell is not None and str(cell).strip() != ""]
        + [i + 1 for row in rows for i, cell in enumerate(row) if cell is not None and str(cell).strip() != ""]
        + [0]
    )
    header = clean_header([_header_text(cell) for cell in header_cells[:filled_width]])
    body = [list(row[:filled_width]) + [None] * (filled_width - len(row)) for row in rows]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    frame, details = _finish_frame(frame, source_name, options)
    return Table(frame, source_name, "excel", sheet=chosen, sheet_names=names, header_row=header_number, **details)


def _workbook_rows(data: bytes, source_name: str, sheet: str | None) -> tuple[tuple[str, ...], str, list[list]]:
    """Every sheet name, the sheet chosen and its rows from A1 on (empty cells ``None``), read by calamine.

    calamine (Rust) reads a large workbook many times faster than openpyxl, with the same values:
    numbers, dates, booleans and text; formulas give their saved results.
    """
    from python_calamine import CalamineWorkbook  # imported here: only Excel users pay for it

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several kinds for a broken or encrypted file
        raise SegmenttiError("error.bad_excel", name=source_name) from exc
    try:
        names = tuple(workbook.sheet_names)
        if not names:
            raise SegmenttiError("error.no_rows", name=source_name)
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise SegmenttiError("error.no_such_sheet", sheet=chosen, sheets=", ".join(names))
        try:
            cells = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
        except Exception as exc:  # a damaged sheet inside a readable workbook
            raise SegmenttiError("error.bad_excel", name=source_name) from exc
    finally:
        workbook.close()
    return names, chosen, [[_cell_value(cell) for cell in row] for row in cells]


def _cell_value(cell: object) -> object:
    """A calamine cell as openpyxl gives it: empty as ``None``, a date as a datetime at midnight."""
    if cell == "":
        return None
    if type(cell) is datetime.date:
        return datetime.datetime(cell.year, cell.month, cell.day)
    return cell


def _header_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a year as a column name: 2024, not 2024.0
    return str(cell)


def _read_parquet(data: bytes, source_name: str, options: LoadOptions) -> Table:
    """A Parquet file (what data teams export): typed columns kept, text columns converted like CSV cells."""
    try:
        frame = read_parquet(data)
    except Exception as exc:  # pyarrow raises many kinds for a truncated, encrypted or foreign file
        raise SegmenttiError("error.not_a_table", name=source_name) from exc
    frame.columns = clean_header([str(name) for name in frame.columns])
    frame, details = _finish_frame(frame, source_name, options)
    return Table(frame, source_name, "parquet", **details)


def _read_text(data: bytes, source_name: str, options: LoadOptions) -> Table:
    layout = sniff_layout(data, source_name, options, _ASCII_HEAD_BYTES)
    text, encoding, partial, separator = layout.text, layout.encoding, layout.partial, layout.separator
    head, header_at = layout.head, layout.header_at
    frame = None
    located = None if separator == WHITESPACE else locate_header(head, separator, header_at)
    if located is not None:
        first, lines_before, lines_through = located
        headerless = options.header_row is None and is_data_row(first)
        header = header_names(first, headerless)
        start = byte_offset(data, head[: lines_before if headerless else lines_through], encoding)
        if start is not None:
            frame = read_delimited(data, start, encoding, separator, header)
    if frame is None:  # whitespace, a header beyond the sample, or lines Arrow will not split: pandas says why
        if partial:
            text, encoding = decode_text(data, source_name, None)
        if header_at:
            text = drop_leading_records(text, separator, header_at)
        first = first_record(text, separator, source_name)
        headerless = options.header_row is None and is_data_row(first)
        header = header_names(first, headerless)
        if not headerless:  # the whole header record, also when a quoted name spans lines
            text = drop_leading_records(text, separator, 1)
        frame = _pandas_read(text, separator, header, source_name)
    frame, details = _finish_frame(frame, source_name, options)
    header_row = 0 if headerless else header_at + 1
    return Table(frame, source_name, "csv", separator=separator, encoding=encoding, header_row=header_row, **details)


def _pandas_read(text: str, separator: str, header: list[str], source_name: str) -> pd.DataFrame:
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=r"\s+" if separator == WHITESPACE else separator,
            dtype=str,
            header=None,
            names=header,
            skip_blank_lines=True,
            on_bad_lines="error",
            keep_default_na=False,
            na_values=[""],
            engine="c",
        )
    except (pd.errors.ParserError, ValueError, csv.Error, OverflowError) as exc:
        raise SegmenttiError("error.not_a_table", name=source_name) from exc
    except pd.errors.EmptyDataError as exc:
        raise SegmenttiError("error.no_rows", name=source_name) from exc


def _finish_frame(frame: pd.DataFrame, source_name: str, options: LoadOptions) -> tuple[pd.DataFrame, dict]:
    frame = frame.dropna(how="all").reset_index(drop=True)
    if frame.empty:
        raise SegmenttiError("error.no_rows", name=source_name)
    if options.decimal is not None and options.decimal not in DECIMAL_MARKS:
        raise SegmenttiError("error.bad_decimal_option", value=options.decimal)
    if options.date_order is not None and options.date_order not in DATE_ORDERS:
        raise SegmenttiError("error.bad_date_order_option", value=options.date_order)
    columns: dict[str, pd.Series] = {}
    date_formats: list[tuple[str, str]] = []
    ambiguous: list[str] = []
    used_comma = False
    for name in frame.columns:
        converted = convert_column(frame[name], options)
        columns[name] = converted.values
        used_comma |= converted.comma
        if converted.date_format is not None:
            date_formats.append((name, converted.date_format))
        if converted.ambiguous:
            ambiguous.append(name)
    details = {
        "decimal": options.decimal or ("," if used_comma else "."),
        "date_formats": tuple(date_formats),
        "ambiguous_dates": tuple(ambiguous),
        "date_order": options.date_order or "dmy",
    }
    return pd.DataFrame(columns), details
