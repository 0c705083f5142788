"""What a delimited text file is, decided on its head in pure Python: encoding, separator, header row, decimal mark.

The in-memory loader (:mod:`segmentti.data.loading`) and DuckDB's reading of a whole file
(:mod:`segmentti.data.streamed`) both decide here, so they read a file alike; nothing here
imports pandas, so a ``features`` run on DuckDB starts without it.
"""

from __future__ import annotations

import collections
import math
import re
from dataclasses import dataclass

from segmentti.choices import ENCODINGS, SEPARATORS
from segmentti.data.text_layout import WHITESPACE, first_lines, is_data_row, locate_header, sample_records
from segmentti.errors import SegmenttiError

SNIFF_LINES = 60
"""Lines of a text file its separator and header are decided on (plus ``header_row`` when given)."""
HEADER_SEARCH_ROWS = 30
_WHITESPACE_SHARE = 0.8  # share of sample lines that must split into one width for whitespace to be the separator
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, and every password-protected .xlsx
_BINARY_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", OLE_MAGIC, b"BM", b"RIFF", b"\x00\x00\x01\x00")

# Cell patterns as plain strings in the syntax of Arrow's regex engine (RE2), which the loader's
# vectorised cell rules (segmentti.data.cells) run; :func:`decimal_mark` runs them in Python.
DOT_NUMBER = r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"
COMMA_NUMBER = r"[+-]?\d{1,3}([ \x{00a0}\x{202f}.]\d{3})*(,\d+)?|[+-]?\d+(,\d+)?"
LEADING_ZERO = r"[+-]?0\d"
COMPACT_DATE = r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
"""``yyyymmdd`` (``19970101``), as CDNOW and many older systems write dates."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A written text cell starting so is one a spreadsheet would run as a formula: it is made inert (``'`` before it)."""


def inert_text(cell: str) -> str:
    """``cell`` with ``'`` before it when a spreadsheet would run it as a formula; plain numbers (``-12,5``) stay."""
    if not cell.startswith(FORMULA_STARTS):
        return cell
    try:
        float(cell.replace(",", "."))
        return cell
    except ValueError:
        return "'" + cell


def _python_pattern(pattern: str) -> re.Pattern[str]:
    """An RE2 pattern of this module compiled by Python's ``re`` (``\\x{00a0}`` written ``\\u00a0``)."""
    return re.compile(re.sub(r"\\x\{([0-9a-fA-F]{4})\}", r"\\u\1", pattern))


_DOT_NUMBER_RE = _python_pattern(DOT_NUMBER)
_COMMA_NUMBER_RE = _python_pattern(COMMA_NUMBER)
_LEADING_ZERO_RE = _python_pattern(LEADING_ZERO)
_ZERO_FRACTION_RE = re.compile(r"[+-]?0[.,]")


@dataclass(frozen=True)
class LoadOptions:
    """What the user says about a file, overriding what would be detected.

    Every field left ``None`` is detected from the file.

    Attributes
    ----------
    separator : str, optional
        One of :data:`SEPARATORS`.
    encoding : str, optional
        One of :data:`ENCODINGS`.
    decimal : str, optional
        The decimal mark, ``"."`` or ``","``.
    header_row : int, optional
        The line (text) or row (Excel) of the header, counted from 1.
    date_order : str, optional
        ``"dmy"`` or ``"mdy"`` for dates like ``1.2.2025`` whose order the values leave open.
    """

    separator: str | None = None
    encoding: str | None = None
    decimal: str | None = None
    header_row: int | None = None
    date_order: str | None = None


@dataclass(frozen=True)
class TextLayout:
    """Where the records of a text file lie and how its characters are encoded, from its first lines.

    Attributes
    ----------
    text : str
        The decoded text: the whole file, or only its head when ``partial``.
    encoding : str
        ``"utf-8"``, ``"cp1252"`` or ``"latin-1"``.
    partial : bool
        Plain ASCII whose head alone was decoded (the rest decodes alike).
    separator : str
        One of :data:`SEPARATORS`; :data:`WHITESPACE` for runs of spaces and tabs.
    head : list of str
        The first lines (each with its line end) the layout was decided on.
    records : list of list of str
        ``head`` split into records.
    header_at : int
        The header's index among the non-blank records (title lines above it are skipped).
    """

    text: str
    encoding: str
    partial: bool
    separator: str
    head: list[str]
    records: list[list[str]]
    header_at: int


def sniff_layout(data: bytes, source_name: str, options: LoadOptions, ascii_head_bytes: int) -> TextLayout:
    """Encoding, separator and header row of the text file ``data``, with the user's ``options`` first.

    Plain ASCII with enough lines in its first ``ascii_head_bytes`` is decoded only that far.

    Raises
    ------
    SegmenttiError
        For binary bytes, an empty text, a bad option or a single column.
    """
    sniffed_lines = SNIFF_LINES + (options.header_row or 0)
    prefix = data[:ascii_head_bytes]
    partial = options.encoding is None and prefix.count(b"\n") >= sniffed_lines and data.isascii()
    if partial:  # plain ASCII is valid UTF-8: decode the head to sniff (binary refused), the rest only for pandas
        text, encoding = decode_text(prefix, source_name, "utf-8")
    else:
        text, encoding = decode_text(data, source_name, options.encoding)
    if not text or text.isspace():
        raise SegmenttiError("error.empty_file", name=source_name)
    head = first_lines(text, sniffed_lines)
    sample = "".join(head)
    if options.separator is not None:
        if options.separator not in SEPARATORS:
            raise SegmenttiError("error.bad_separator_option", value=options.separator)
        separator = options.separator
    else:
        separator = sniff_separator(sample)
    records = sample_records(sample, separator) or []
    widths = [sum(field.strip() != "" for field in row) for row in records]
    header_at = find_header(widths[:HEADER_SEARCH_ROWS], options.header_row, max(len(records), 1))
    return TextLayout(text, encoding, partial, separator, head, records, header_at)


def decode_text(data: bytes, source_name: str, encoding: str | None) -> tuple[str, str]:
    """``data`` decoded, and the encoding used: ``encoding``, else UTF-8 (BOM or not), else Windows-1252."""
    head = data[:8192]
    if b"\x00" in head or head.startswith(_BINARY_MAGICS):
        raise SegmenttiError("error.not_a_table", name=source_name)
    if encoding is not None:
        if encoding not in ENCODINGS:
            raise SegmenttiError("error.bad_encoding_option", value=encoding, choices=", ".join(ENCODINGS))
        codec = "utf-8-sig" if encoding == "utf-8" else encoding
        return data.decode(codec, errors="replace"), encoding
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(10, len(text) // 1000):
        raise SegmenttiError("error.not_a_table", name=source_name)
    return text, "cp1252"


def sniff_separator(sample: str) -> str:
    """The separator that splits the sample's lines into the most lines of one width >= 2.

    Runs of whitespace count only when no other separator splits the lines, and then only when
    most lines split into the same number of fields (a one-column file of sentences stays one column).
    """
    best, best_score = ",", (0.0, 0)
    for separator in SEPARATORS:
        if separator == WHITESPACE:
            continue
        rows = sample_records(sample, separator)
        if not rows:
            continue
        widths = collections.Counter(len(row) for row in rows if len(row) >= 2)
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
        score = (count / len(rows), width)
        if score > best_score:
            best, best_score = separator, score
    if best_score[1] < 2:
        widths = collections.Counter(len(row) for row in sample_records(sample, WHITESPACE) or [])
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        if width >= 2 and count >= _WHITESPACE_SHARE * sum(widths.values()):
            return WHITESPACE
        raise SegmenttiError("error.single_column")
    return best


def find_header(widths: list[int], header_row: int | None, available: int) -> int:
    """Index of the header among the first rows, from how many cells each row fills.

    Title rows above a table fill one or two cells; the header is the first row that fills
    about as many cells as the widest of the first rows. ``header_row`` (from 1) is the user's.
    """
    if header_row is not None:
        if not 1 <= header_row <= available:
            raise SegmenttiError("error.bad_header_row", row=header_row, rows=available)
        return header_row - 1
    if not widths:
        return 0
    target = max(widths)
    needed = max(2, math.ceil(0.6 * target))
    for index, width in enumerate(widths):
        if width >= needed:
            return index
    return 0


@dataclass(frozen=True)
class CsvFormat:
    """What DuckDB is told to read a whole text file alike: the layout decided on its head.

    Attributes
    ----------
    separator, encoding : str
        As in :class:`TextLayout` (never :data:`WHITESPACE`: DuckDB splits at one character).
    decimal : str
        ``","`` when a column of the head reads as decimal-comma numbers, else ``"."``.
    skip_lines : int
        Lines above the header record (or above the first data record of a file without a header).
    has_header : bool
        Whether the file has a header record (else its columns are ``column_1``, ``column_2`` …).
    names : list of str
        The column names as the loader gives them (:func:`clean_header`).
    """

    separator: str
    encoding: str
    decimal: str
    skip_lines: int
    has_header: bool
    names: list[str]


def csv_format(head: bytes, source_name: str, options: LoadOptions) -> CsvFormat | None:
    """How the loader would read the text file whose first bytes are ``head`` (cut at a line end).

    ``None`` when DuckDB cannot read it alike: whitespace-separated, or a header the head does not hold.
    """
    layout = sniff_layout(head, source_name, options, len(head))
    if layout.separator == WHITESPACE:
        return None
    located = locate_header(layout.head, layout.separator, layout.header_at)
    if located is None:
        return None
    first, lines_before, _ = located
    headerless = options.header_row is None and is_data_row(first)
    records = layout.records[layout.header_at + (0 if headerless else 1) :]
    decimal = options.decimal or decimal_mark(records)
    return CsvFormat(
        layout.separator, layout.encoding, decimal, lines_before, not headerless, header_names(first, headerless)
    )


def header_names(first: list[str], headerless: bool) -> list[str]:
    """The column names of a text file whose first record is ``first`` (data itself when ``headerless``)."""
    return clean_header([f"column_{position + 1}" for position in range(len(first))] if headerless else first)


def clean_header(names: list[str]) -> list[str]:
    """Column names stripped, empty ones numbered (``column_3``).

    Raises
    ------
    SegmenttiError
        For repeated names or fewer than two columns.
    """
    cleaned = [name.strip() or f"column_{position + 1}" for position, name in enumerate(names)]
    seen: set[str] = set()
    repeated = [name for name in cleaned if name in seen or seen.add(name)]
    if repeated:
        raise SegmenttiError("error.duplicate_columns", columns=", ".join(dict.fromkeys(repeated)))
    if len(cleaned) < 2:
        raise SegmenttiError("error.single_column")
    return cleaned


def decimal_mark(records: list[list[str]]) -> str:
    """``","`` when some column of the data ``records`` reads only as decimal-comma numbers (with a comma), else ``"."``.

    The rules of the loader's cells (:func:`segmentti.data.cells.convert_column`): zero-padded codes
    stay text; a column of plain dot numbers is read with dots; commas make a number only when the
    whole column reads so.
    """
    width = max((len(row) for row in records), default=0)
    for position in range(width):
        cells = {row[position].strip() for row in records if position < len(row)} - {""}
        if not cells or not any("," in cell for cell in cells):
            continue
        if any(_LEADING_ZERO_RE.match(cell) for cell in cells) and not all(
            _ZERO_FRACTION_RE.match(cell) for cell in cells
        ):
            continue
        if all(_DOT_NUMBER_RE.fullmatch(cell) for cell in cells):
            continue
        if all(_COMMA_NUMBER_RE.fullmatch(cell) for cell in cells):
            return ","
    return "."
