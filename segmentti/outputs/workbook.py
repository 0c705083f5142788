"""Write the Excel workbook: a summary sheet, a personas sheet and one sheet per segment."""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from segmentti.insight.naming import CATEGORY_PREFIX, CHANNEL_PREFIX
from segmentti.insight.personas import COUNT_KPIS, MONEY_KPIS, SHARE_KPIS
from segmentti.outputs.persona_view import PersonaView, comparison_frame, kpi_columns
from segmentti.outputs.report import ReportContext, run_details
from segmentti.outputs.sheet_rows import BulkRows, add_rows
from segmentti.outputs.tables import cut_at_word, neutralize_formulas
from segmentti.texts import translate

_HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#2F6F8F", "pattern": 1}
_WRAP = {"text_wrap": True, "valign": "top"}
_DATE = "yyyy-mm-dd"
_DATE_TIME = "yyyy-mm-dd hh:mm:ss"
_OPTIONS = {
    "in_memory": True,  # nothing of the customers' data goes to a temporary file
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": True,
}
_WIDTH_SAMPLE = 500
_MAX_WIDTH = 60
_SHEET_NAME_LIMIT = 31
_PERCENT = "0%"
_RATE = "0.0%"
_WHOLE = "#,##0"
_ONE_DECIMAL = "#,##0.0"
_SHARE_PREFIXES = (CATEGORY_PREFIX, CHANNEL_PREFIX)
"""Customer columns holding a share of spend (0–1): shown as percentages on the segment sheets."""


def number_formats(views: Sequence[PersonaView], lang: str) -> dict[str, str]:
    """The Excel number format of each numeric column of the summary and personas sheets, by header.

    Shares as whole percentages, the response rate with one decimal, counts of customers
    and money (in whole units, as the cards show it) with thousands separators and no
    decimals (money with its currency), per-customer counts with one decimal: the spreadsheet shows each figure as
    the cards do, in the reader's own locale, while the cell keeps the number.
    """
    formats = {translate(key, lang): _PERCENT for key in ("report.share", "report.revenue_share")}
    formats[translate("report.size", lang)] = _WHOLE
    formats[translate("report.number", lang)] = "0"
    money = _money_format(views[0].currency if views else "", lang)
    for key, label in kpi_columns(views):
        if key in SHARE_KPIS:
            formats[label] = _RATE
        elif key in COUNT_KPIS:
            formats[label] = _ONE_DECIMAL
        elif key in MONEY_KPIS:
            formats[label] = money
        else:  # days
            formats[label] = _WHOLE
    return formats


def _money_format(currency: str, lang: str) -> str:
    """Whole units with the currency where the cards put it (:func:`segmentti.insight.personas.format_money`)."""
    currency = currency.strip().replace('"', "")
    if not currency:
        return _WHOLE
    if lang == "fi" or len(currency) > 1:
        return f'{_WHOLE}\\ "{currency}"'
    return f'"{currency}"{_WHOLE}'


def build_workbook(
    labelled: pd.DataFrame,
    labels: np.ndarray,
    views: Sequence[PersonaView],
    context: ReportContext,
    lang: str,
) -> bytes:
    """Build the ``.xlsx`` workbook of a segmentation.

    Parameters
    ----------
    labelled : pandas.DataFrame
        Every customer with the segment columns (from :func:`segmentti.outputs.tables.label_with_personas`),
        in the order of ``labels``.
    labels : numpy.ndarray
        Shape ``(n,)``: segment index 0 … k-1.
    views : sequence of PersonaView
        The personas' cards in segment order (:func:`segmentti.outputs.persona_view.build_persona_views`).
    context : ReportContext
        The run (data, criteria, cleaning steps, pilot) shown on the summary sheet.
    lang : str
        Language of sheet names and headers.

    Returns
    -------
    bytes
        Sheets: summary (the side-by-side table, then the run's details), personas (one row
        each), then one per segment (its customers, every column). Every sheet has a
        formatted, frozen header row with filters and fitted column widths; text that a
        spreadsheet would run as a formula is made inert.
    """
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, _OPTIONS)
    styles = _Styles(book)
    comparison = comparison_frame(views, lang)
    summary_rows = [list(row) for row in comparison.itertuples(index=False, name=None)]
    summary_rows.append([])
    summary_rows += [[label, value] for label, value in run_details(context, len(views), lang)]
    formats = number_formats(views, lang)
    _write_sheet(
        book,
        styles,
        translate("sheet.summary", lang),
        list(comparison.columns),
        summary_rows,
        len(comparison) + 1,
        formats=formats,
    )
    _write_sheet(
        book,
        styles,
        translate("sheet.personas", lang),
        _persona_headers(lang),
        [_persona_row(view) for view in views],
        len(views) + 1,
        wrap=True,
        formats=formats,
    )
    safe = neutralize_formulas(labelled)
    used = {translate("sheet.summary", lang).lower(), translate("sheet.personas", lang).lower()}
    segment_sheets = []
    for index, view in enumerate(views):
        members = safe[labels == index]
        title = _sheet_title(f"{view.number} {view.name}", used)
        segment_sheets.append((len(book.worksheets()) + 1, members, _segment_sheet(book, styles, title, members)))
    book.close()
    bulks = [
        BulkRows(number, members, {position: style.xf_index for position, style in column_styles.items()})
        for number, members, column_styles in segment_sheets
    ]
    return add_rows(buffer.getvalue(), bulks)


def _persona_headers(lang: str) -> list[str]:
    keys = (
        "report.number",
        "report.name",
        "report.notes",
        "report.size",
        "report.share",
        "report.revenue_share",
        "report.traits",
        "report.typical",
        "report.kpis",
        "report.affinity",
        "report.actions",
    )
    return [translate(key, lang) for key in keys]


def _persona_row(view: PersonaView) -> list[object]:
    """One persona's row: numbers stay numbers, each list of the card is one cell of lines."""
    return [
        view.number,
        view.name,
        view.notes,
        view.size,
        round(view.share, 4),
        None if view.revenue_share is None else round(view.revenue_share, 4),
        "\n".join(view.traits),
        "\n".join(f"{column}: {value}" for column, value in view.typical),
        "\n".join(f"{kpi.label}: {kpi.segment} ({kpi.overall})" for kpi in view.kpis),
        "\n".join(view.affinities),
        "\n".join(f"{item.action} — {item.reason}" for item in view.actions),
    ]


class _Styles:
    """The workbook's formats, one per combination used (XlsxWriter numbers them when it saves)."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.header = book.add_format(_HEADER)
        self._made: dict[tuple[str | None, bool], Format] = {}

    def get(self, number_format: str | None, wrap: bool = False) -> Format | None:
        if number_format is None and not wrap:
            return None
        key = (number_format, wrap)
        if key not in self._made:
            properties = {**(_WRAP if wrap else {}), **({"num_format": number_format} if number_format else {})}
            self._made[key] = self.book.add_format(properties)
        return self._made[key]


def _start_sheet(
    book: xlsxwriter.Workbook, styles: _Styles, title: str, headers: Sequence[str], widths: Sequence[int], last_row: int
) -> Worksheet:
    """A sheet with its formatted header, fitted widths, frozen header row and filters down to ``last_row``."""
    sheet = book.add_worksheet(title)
    safe_headers = [str(name) for name in neutralize_formulas(pd.DataFrame(columns=[str(h) for h in headers])).columns]
    for position, name in enumerate(safe_headers):
        sheet.write_string(0, position, name, styles.header)
    for position, width in enumerate(widths):
        sheet.set_column(position, position, min(max(width + 2, 8), _MAX_WIDTH))
    sheet.freeze_panes(1, 0)
    if headers:
        sheet.autofilter(0, 0, max(last_row, 1) - 1, len(headers) - 1)
    return sheet


def _write_sheet(
    book: xlsxwriter.Workbook,
    styles: _Styles,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    last_row: int,
    wrap: bool = False,
    formats: Mapping[str, str] | None = None,
) -> None:
    """A small sheet cell by cell: formatted, frozen header with filters, fitted widths; numbers of the columns in ``formats`` formatted.

    ``formats`` maps a header to an Excel number format; only the table's own rows (up to
    ``last_row``) get it, so the run's details below the summary table keep theirs.
    """
    formats = formats or {}
    formatted = {position: formats[name] for position, name in enumerate(headers) if name in formats}
    rows = list(rows)
    widths = [len(str(name)) for name in headers]
    for row in rows[:_WIDTH_SAMPLE]:
        for position, value in enumerate(row[: len(widths)]):
            text = "" if value is None else str(value)
            widths[position] = max(widths[position], max((len(line) for line in text.split("\n")), default=0))
    sheet = _start_sheet(book, styles, title, headers, widths, last_row)
    for row_index, row in enumerate(rows, start=1):
        in_table = row_index + 1 <= last_row
        for position, value in enumerate(row):
            number = in_table and position in formatted and _is_number(value)
            style = styles.get(formatted[position] if number else None, wrap)
            _write_cell(sheet, styles, (row_index, position), value, style)


def _segment_sheet(book: xlsxwriter.Workbook, styles: _Styles, title: str, members: pd.DataFrame) -> dict[int, Format]:
    """A segment's sheet with its header, widths, panes and filters; its rows are added in bulk after saving.

    Returns the format of each column whose numbers or dates need one: spend shares as
    percentages, dates as dates (with the time when any has one).
    """
    headers = [str(name) for name in members.columns]
    sample = members.head(_WIDTH_SAMPLE)
    widths = []
    for position, name in enumerate(members.columns):
        lengths = sample[name].map(_text_width, na_action="ignore")
        widths.append(max([len(headers[position]), *lengths.dropna().astype(int).tolist()]))
    _start_sheet(book, styles, title, headers, widths, len(members) + 1)
    column_styles: dict[int, Format] = {}
    for position, name in enumerate(members.columns):
        column = members[name]
        if headers[position].startswith(_SHARE_PREFIXES) and pd.api.types.is_numeric_dtype(column):
            column_styles[position] = styles.get(_PERCENT)
        elif pd.api.types.is_datetime64_any_dtype(column):
            column_styles[position] = styles.get(_DATE if _whole_days(column) else _DATE_TIME)
    sheet = book.worksheets()[-1]
    for position, style in column_styles.items():  # XlsxWriter numbers formats that a column uses when it saves
        sheet.set_column(position, position, min(max(widths[position] + 2, 8), _MAX_WIDTH), style)
    return column_styles


def _text_width(value: object) -> int:
    return max((len(line) for line in str(value).split("\n")), default=0)


def _whole_days(column: pd.Series) -> bool:
    moments = column.dropna()
    if isinstance(moments.dtype, pd.DatetimeTZDtype):
        moments = moments.dt.tz_localize(None)
    return bool((moments == moments.dt.normalize()).all())


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _write_cell(sheet: Worksheet, styles: _Styles, place: tuple[int, int], value: object, style: Format | None) -> None:
    """One cell by its type; text is always text (a formula-looking cell stays inert), dates show as dates."""
    row, column = place
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        if style is not None:
            sheet.write_blank(row, column, None, style)
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value, style)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, column, value, style)
    elif isinstance(value, (datetime.datetime, datetime.date)):
        timed = isinstance(value, datetime.datetime) and value.time() != datetime.time()
        sheet.write_datetime(row, column, value, style or styles.get(_DATE_TIME if timed else _DATE))
    else:
        sheet.write_string(row, column, _inert(str(value)), style)


def _inert(value: str) -> str:
    if value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return neutralize_formulas(pd.DataFrame({"v": [value]}))["v"].iloc[0]
    return value


def _sheet_title(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", name).strip() or "Segment"
    base = cut_at_word(base, _SHEET_NAME_LIMIT)
    title, counter = base, 2
    while title.lower() in used:
        suffix = f" ({counter})"
        title = cut_at_word(base, _SHEET_NAME_LIMIT - len(suffix)) + suffix
        counter += 1
    used.add(title.lower())
    return title
