"""Where the records of a delimited text file lie: its first lines, title lines, the header record and the byte the data starts at."""

from __future__ import annotations

import codecs
import csv
import io
import re

from segmentti.errors import SegmenttiError

WHITESPACE = " "
"""The separator that stands for runs of spaces and tabs."""
_VALUE_CELL = re.compile(r"[-+]?\d[-+\d \t.,:/\u00a0\u202f]*|\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-][\d:]+)?")
"""A cell that is a number or a date, never a column name."""


def sample_records(sample: str, separator: str) -> list[list[str]] | None:
    """The non-blank records of ``sample`` split at ``separator``; ``None`` when the csv reader refuses it."""
    if separator == WHITESPACE:
        return [line.split() for line in sample.splitlines() if line.strip()]
    try:
        return [row for row in csv.reader(io.StringIO(sample), delimiter=separator) if row]
    except csv.Error:
        return None


def first_lines(text: str, count: int) -> list[str]:
    """The first ``count`` lines of ``text``, each with its ``\\n`` (as a text stream reads them, without copying the text)."""
    lines: list[str] = []
    position = 0
    while len(lines) < count and position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end + 1
        lines.append(text[position:end])
        position = end
    return lines


def locate_header(head: list[str], separator: str, header_at: int) -> tuple[list[str], int, int] | None:
    """The header record of the sample lines ``head`` and the lines before and through it.

    ``None`` when the sample ends before the header record does (Arrow is then not told where to start).
    """
    reader = csv.reader(iter(head), delimiter=separator)
    seen = 0
    try:
        for row in reader:
            if not row:
                continue
            if seen == header_at:
                if reader.line_num >= len(head) and not head[-1].endswith(("\n", "\r")):
                    return None  # the record may go on beyond the sample
                return row, _lines_before(head, reader.line_num, row), reader.line_num
            seen += 1
    except csv.Error:
        return None
    return None


def _lines_before(head: list[str], line_num: int, row: list[str]) -> int:
    """Lines before a record that ended on line ``line_num`` (a quoted field may span lines)."""
    spanned = sum(field.count("\n") for field in row)
    return line_num - 1 - spanned


def byte_offset(data: bytes, lines: list[str], encoding: str) -> int | None:
    """Where the bytes after ``lines`` begin in ``data``; ``None`` when replaced characters hide it."""
    prefix = "".join(lines)
    if "\ufffd" in prefix:
        return None
    bom = len(codecs.BOM_UTF8) if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8) else 0
    return bom + len(prefix.encode("utf-8" if encoding == "utf-8" else encoding))


def first_record(text: str, separator: str, source_name: str) -> list[str]:
    if separator == WHITESPACE:
        return next((line.split() for line in io.StringIO(text) if line.strip()), [])
    try:  # blank lines before it are skipped, as the reader of the sample skips them (locate_header)
        return next(row for row in csv.reader(io.StringIO(text), delimiter=separator) if row)
    except (StopIteration, csv.Error) as exc:
        raise SegmenttiError("error.not_a_table", name=source_name) from exc


def is_data_row(fields: list[str]) -> bool:
    """Whether a would-be header holds only numbers and dates: then the file has no header row."""
    filled = [field.strip() for field in fields if field.strip()]
    return len(filled) >= 2 and all(_VALUE_CELL.fullmatch(field) for field in filled)


def drop_leading_records(text: str, separator: str, count: int) -> str:
    """``text`` without its first ``count`` records (title lines above the header)."""
    stream = io.StringIO(text)
    reader = csv.reader(stream, delimiter=separator)
    skipped = 0
    try:
        for row in reader:
            if row:
                skipped += 1
            if skipped == count:
                break
    except csv.Error:  # a stray NUL or similar: the whole text goes to the parser, which refuses it
        return text
    rest = "".join(list(io.StringIO(text))[reader.line_num :])  # the lines the reader counted (\n only)
    return re.sub(r"^(\s*\n)+", "", rest)
