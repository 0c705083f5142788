"""Write the Excel workbook: a summary sheet, a personas sheet and one sheet per segment."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from segmentti.insight.naming import CATEGORY_PREFIX, CHANNEL_PREFIX
from segmentti.insight.personas import COUNT_KPIS, MONEY_KPIS, SHARE_KPIS
from segmentti.outputs.persona_view import PersonaView, comparison_frame, kpi_columns
from segmentti.outputs.report import ReportContext, run_details
from segmentti.outputs.tables import cut_at_word, neutralize_formulas
from segmentti.texts import translate

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="2F6F8F")
_WRAP = Alignment(wrap_text=True, vertical="top")
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
    book = Workbook(write_only=True)
    comparison = comparison_frame(views, lang)
    summary_rows = [list(row) for row in comparison.itertuples(index=False, name=None)]
    summary_rows.append([])
    summary_rows += [[label, value] for label, value in run_details(context, len(views), lang)]
    formats = number_formats(views, lang)
    _write_sheet(
        book,
        translate("sheet.summary", lang),
        list(comparison.columns),
        summary_rows,
        len(comparison) + 1,
        formats=formats,
    )
    _write_sheet(
        book,
        translate("sheet.personas", lang),
        _persona_headers(lang),
        [_persona_row(view) for view in views],
        len(views) + 1,
        wrap=True,
        formats=formats,
    )
    safe = neutralize_formulas(labelled)
    used = {translate("sheet.summary", lang).lower(), translate("sheet.personas", lang).lower()}
    for index, view in enumerate(views):
        members = safe[labels == index]
        title = _sheet_title(f"{view.number} {view.name}", used)
        shares = {str(name): _PERCENT for name in members.columns if str(name).startswith(_SHARE_PREFIXES)}
        _write_sheet(book, title, list(members.columns), _frame_rows(members), len(members) + 1, formats=shares)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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


def _frame_rows(frame: pd.DataFrame) -> Iterable[list[object]]:
    columns = []
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            column = column.dt.tz_localize(None)
        values = column.astype(object).to_numpy(copy=True)
        missing = column.isna().to_numpy()
        values[missing] = None
        columns.append(values)
    for row in zip(*columns, strict=True) if columns else ():
        yield [_plain(value) for value in row]


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, pd.Timedelta):
        return str(value)
    return value


def _write_sheet(
    book: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    last_row: int,
    wrap: bool = False,
    formats: Mapping[str, str] | None = None,
) -> None:
    """One sheet: a formatted, frozen header with filters, fitted widths; numbers of the columns in ``formats`` formatted.

    ``formats`` maps a header to an Excel number format; only the table's own rows (up to
    ``last_row``) get it, so the run's details below the summary table keep theirs.
    """
    sheet = book.create_sheet(title)
    formats = formats or {}
    formatted = {position: formats[name] for position, name in enumerate(headers) if name in formats}
    rows = list(rows)
    safe_headers = [str(name) for name in neutralize_formulas(pd.DataFrame(columns=[str(h) for h in headers])).columns]
    widths = [len(name) for name in safe_headers]
    for row in rows[:_WIDTH_SAMPLE]:
        for position, value in enumerate(row[: len(widths)]):
            text = "" if value is None else str(value)
            longest = max((len(line) for line in text.split("\n")), default=0)
            widths[position] = max(widths[position], longest)
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = min(max(width + 2, 8), _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(last_row, 1)}"
    header_cells = []
    for name in safe_headers:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        header_cells.append(cell)
    sheet.append(header_cells)
    for row_number, row in enumerate(rows, start=2):
        cells = [_inert(value) for value in row]
        in_table = row_number <= last_row
        if not wrap and not (formatted and in_table):
            sheet.append(cells)
            continue
        styled: list[object] = []
        for position, value in enumerate(cells):
            number = (
                in_table and position in formatted and isinstance(value, (int, float)) and not isinstance(value, bool)
            )
            if not (wrap or number):  # a plain value: styling every cell of a large sheet is slow
                styled.append(value)
                continue
            cell = WriteOnlyCell(sheet, value=value)
            if wrap:
                cell.alignment = _WRAP
            if number:
                cell.number_format = formatted[position]
            styled.append(cell)
        sheet.append(styled)


def _inert(value: object) -> object:
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
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
