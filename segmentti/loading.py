"""Read a customer table from the bytes of a CSV, TSV, gzip/zip-packed CSV or Excel file."""

from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from segmentti.errors import SegmenttiError

SEPARATORS: tuple[str, ...] = (",", ";", "\t", "|")
_SNIFF_LINES = 50
_EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
_ZIP_MAGIC = b"PK\x03\x04"
_GZIP_MAGIC = b"\x1f\x8b"
_BINARY_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"\xd0\xcf\x11\xe0", b"BM")

_DOT_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_COMMA_NUMBER = re.compile(r"^[+-]?\d{1,3}([ \u00a0\u202f.]\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$")
_THOUSANDS_DOT_NUMBER = re.compile(r"^[+-]?\d{1,3}([ \u00a0\u202f,]\d{3})+(\.\d+)?$")
_LEADING_ZERO = re.compile(r"^[+-]?0\d")
_FI_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")


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
        ``"csv"`` or ``"excel"``.
    separator : str | None
        The field separator found in a text file.
    encoding : str | None
        ``"utf-8"`` or ``"cp1252"`` for a text file.
    sheet : str | None
        The sheet read from a workbook.
    sheet_names : tuple[str, ...]
        Every sheet of a workbook (empty for text files).
    """

    frame: pd.DataFrame
    source_name: str
    file_format: str
    separator: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    sheet_names: tuple[str, ...] = ()


def read_file(path: str | Path, sheet: str | None = None) -> Table:
    """Load the table in the file at ``path`` (see :func:`load_table`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SegmenttiError("error.file_not_found", path=str(path)) from None
    except IsADirectoryError:
        raise SegmenttiError("error.file_not_found", path=str(path)) from None
    except OSError as exc:
        raise SegmenttiError("error.file_unreadable", path=str(path), reason=exc.strerror) from None
    return load_table(data, path.name, sheet=sheet)


def load_table(data: bytes, source_name: str, sheet: str | None = None) -> Table:
    """Read a table from the raw bytes of an uploaded or opened file.

    Parameters
    ----------
    data : bytes
        The whole file: CSV/TSV/TXT (any of ``, ; tab |`` as separator, UTF-8 with or
        without BOM or Windows-1252), the same packed as ``.gz`` or as a ``.zip`` holding
        one such file, or an Excel ``.xlsx`` workbook.
    source_name : str
        The file's name; its ending tells Excel from text when the bytes leave it open.
    sheet : str, optional
        The workbook sheet to read; default the first.

    Returns
    -------
    Table
        ``frame`` has one row per data line, text columns as strings, numeric-looking
        columns (also with decimal comma and space/dot thousands) as numbers and
        ``31.12.2025`` / ``2025-12-31`` columns as datetimes.

    Raises
    ------
    SegmenttiError
        For an empty file, bytes that are not a table, a corrupt workbook, a header
        with no rows, a single column or repeated column names.
    """
    if not data or not data.strip():
        raise SegmenttiError("error.empty_file", name=source_name)
    lower = source_name.lower()
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise SegmenttiError("error.not_a_table", name=source_name) from exc
        return load_table(data, source_name.removesuffix(".gz").removesuffix(".GZ"), sheet)
    if data.startswith(_ZIP_MAGIC):
        if lower.endswith(_EXCEL_SUFFIXES) or _looks_like_workbook(data):
            return _read_excel(data, source_name, sheet)
        return load_table(*_unpack_zip(data, source_name), sheet)
    if lower.endswith(_EXCEL_SUFFIXES):
        raise SegmenttiError("error.bad_excel", name=source_name)
    return _read_text(data, source_name)


def _looks_like_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _unpack_zip(data: bytes, source_name: str) -> tuple[bytes, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and not info.filename.startswith("__MACOSX/")
                and info.filename.lower().endswith(_TEXT_SUFFIXES + _EXCEL_SUFFIXES)
            ]
            if len(members) != 1:
                raise SegmenttiError("error.zip_members", name=source_name, count=len(members))
            return archive.read(members[0]), members[0].filename.rsplit("/", 1)[-1]
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
        # RuntimeError: encrypted member; NotImplementedError: unknown compression
        raise SegmenttiError("error.not_a_table", name=source_name) from exc


def _read_excel(data: bytes, source_name: str, sheet: str | None) -> Table:
    import openpyxl  # imported here: only Excel users pay for it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or encrypted file
        raise SegmenttiError("error.bad_excel", name=source_name) from exc
    try:
        names = tuple(workbook.sheetnames)
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise SegmenttiError("error.no_such_sheet", sheet=chosen, sheets=", ".join(names))
        rows = [
            row
            for row in workbook[chosen].iter_rows(values_only=True)
            if any(cell is not None and str(cell).strip() != "" for cell in row)
        ]
    finally:
        workbook.close()
    if not rows:
        raise SegmenttiError("error.no_rows", name=source_name)
    header = _clean_header([("" if cell is None else str(cell)) for cell in rows[0]])
    width = len(header)
    body = [list(row[:width]) + [None] * (width - len(row)) for row in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    frame = _finish_frame(frame, source_name)
    return Table(frame, source_name, "excel", sheet=chosen, sheet_names=names)


def _decode(data: bytes, source_name: str) -> tuple[str, str]:
    head = data[:8192]
    if b"\x00" in head or head.startswith(_BINARY_MAGICS):
        raise SegmenttiError("error.not_a_table", name=source_name)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(10, len(text) // 1000):
        raise SegmenttiError("error.not_a_table", name=source_name)
    return text, "cp1252"


def _sniff_separator(text: str) -> str:
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])
    best, best_score = ",", (0.0, 0)
    for separator in SEPARATORS:
        try:
            rows = [row for row in csv.reader(io.StringIO(sample), delimiter=separator) if row]
        except csv.Error:
            continue
        if len(rows) < 1 or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        agreement = sum(len(row) == width for row in rows) / len(rows)
        score = (agreement, width)
        if score > best_score:
            best, best_score = separator, score
    if best_score[1] < 2:
        raise SegmenttiError("error.single_column")
    return best


def _read_text(data: bytes, source_name: str) -> Table:
    text, encoding = _decode(data, source_name)
    if not text.strip():
        raise SegmenttiError("error.empty_file", name=source_name)
    separator = _sniff_separator(text)
    header_line = next(csv.reader(io.StringIO(text), delimiter=separator))
    header = _clean_header(header_line)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            dtype=str,
            header=None,
            skiprows=1,
            names=header,
            skip_blank_lines=True,
            on_bad_lines="error",
            engine="c",
        )
    except (pd.errors.ParserError, ValueError, csv.Error) as exc:
        raise SegmenttiError("error.not_a_table", name=source_name) from exc
    frame = _finish_frame(frame, source_name)
    return Table(frame, source_name, "csv", separator=separator, encoding=encoding)


def _clean_header(names: list[str]) -> list[str]:
    cleaned = [name.strip() or f"column_{position + 1}" for position, name in enumerate(names)]
    seen: set[str] = set()
    repeated = [name for name in cleaned if name in seen or seen.add(name)]
    if repeated:
        raise SegmenttiError("error.duplicate_columns", columns=", ".join(dict.fromkeys(repeated)))
    if len(cleaned) < 2:
        raise SegmenttiError("error.single_column")
    return cleaned


def _finish_frame(frame: pd.DataFrame, source_name: str) -> pd.DataFrame:
    frame = frame.dropna(how="all").reset_index(drop=True)
    if frame.empty:
        raise SegmenttiError("error.no_rows", name=source_name)
    return pd.DataFrame({name: _convert_column(frame[name]) for name in frame.columns})


def _convert_column(column: pd.Series) -> pd.Series:
    """Turn a column of raw cells into numbers or dates when every filled cell is one."""
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
        return column
    filled = column.dropna()
    if filled.empty:
        return column
    if filled.map(lambda cell: isinstance(cell, (int, float)) and not isinstance(cell, bool)).all():
        return pd.to_numeric(column, errors="coerce")
    if filled.map(lambda cell: hasattr(cell, "year") and hasattr(cell, "month")).all():
        return pd.to_datetime(column, errors="coerce")
    text = column.map(lambda cell: cell if cell is None or isinstance(cell, str) else str(cell), na_action="ignore")
    text = text.astype("str").str.strip().replace("", pd.NA)
    filled = text.dropna()
    if filled.empty:
        return text
    if filled.str.fullmatch(_FI_DATE).all():
        return pd.to_datetime(text, format="%d.%m.%Y", errors="coerce")
    if filled.str.fullmatch(_ISO_DATE).all():
        return pd.to_datetime(text, format="ISO8601", errors="coerce")
    if filled.str.match(_LEADING_ZERO).any():
        return text  # zero-padded codes (customer numbers, postal codes) stay text
    if filled.str.fullmatch(_DOT_NUMBER).all():
        return pd.to_numeric(text, errors="coerce")
    if filled.str.fullmatch(_COMMA_NUMBER).all():
        plain = text.str.replace(r"[ \u00a0\u202f.]", "", regex=True).str.replace(",", ".", regex=False)
        return pd.to_numeric(plain, errors="coerce")
    if filled.str.fullmatch(_THOUSANDS_DOT_NUMBER).all():
        return pd.to_numeric(text.str.replace(r"[ \u00a0\u202f,]", "", regex=True), errors="coerce")
    return text
