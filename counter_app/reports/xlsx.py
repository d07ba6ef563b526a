"""XLSX files ready to send: Biểu 06 (one sheet per report) and the Sổ theo dõi hồ sơ.

Values, not formulas: every reader (LibreOffice, Excel, a province's import script, pandas) sees the same
numbers without recalculating. Times New Roman as NĐ 30/2020 asks, A4 landscape fitted to the page
width, header rows repeated on every printed page, panes frozen below the header.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from counter_app.messages import reports as msg
from counter_app.reports.bieu06 import Bieu06Report
from counter_app.reports.document import Bieu06Sheet, generated_note, percent
from counter_app.reports.header import ReportHeader
from counter_app.reports.ledger import LedgerLine

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
NUMBER = Alignment(horizontal="right", vertical="center")
NUMBER_FORMAT = "#,##0"
LAST_COL = 13  # Biểu 06 has 13 columns
HEADER_FIRST_ROW = 7


def _named(name: str, size: float, align: Alignment, bold: bool = False, number: bool = False) -> NamedStyle:
    style = NamedStyle(name=name, font=Font(name=FONT, size=size, bold=bold), alignment=align, border=BOX)
    if number:
        style.number_format = NUMBER_FORMAT
    return style


# Body cells take one named style each: assigning font, alignment and border one by one costs ~5× more
# on a ledger of thousands of rows.
CELL_STYLES = (
    _named("counter_text", 11, TOP_LEFT),
    _named("counter_centre", 11, CENTRE),
    _named("counter_label", 12, LEFT),
    _named("counter_label_bold", 12, LEFT, bold=True),
    _named("counter_number", 12, NUMBER, number=True),
    _named("counter_number_bold", 12, NUMBER, bold=True, number=True),
)


def _workbook() -> Workbook:
    workbook = Workbook()
    for style in CELL_STYLES:
        workbook.add_named_style(style)
    return workbook


def _styled(ws: Worksheet, row: int, column: int, value: object, style: str) -> None:
    ws.cell(row=row, column=column, value=value).style = style


def _font(size: float = 12, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _put(
    ws: Worksheet,
    cell: str,
    value: object,
    font: Font | None = None,
    align: Alignment | None = None,
    merge_to: str | None = None,
) -> None:
    ws[cell] = value
    ws[cell].font = font or _font()
    ws[cell].alignment = align or LEFT
    if merge_to:
        ws.merge_cells(f"{cell}:{merge_to}")


def _boxed(ws: Worksheet, first_row: int, last_row: int, first_col: int, last_col: int) -> None:
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, min_col=first_col, max_col=last_col):
        for cell in row:
            cell.border = BOX


def _sheet_title(text: str, used: set[str]) -> str:
    clean = re.sub(r"[\[\]:*?/\\]", "-", text)[:31] or msg.SHEET_BIEU06
    title, n = clean, 2
    while title in used:
        suffix = f" ({n})"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    used.add(title)
    return title


def _bieu06_header_rows(ws: Worksheet, report: Bieu06Report) -> None:
    r = HEADER_FIRST_ROW
    head = _font(11, bold=True)
    label = msg.COL_COMMUNE if report.group_by == "agency" else msg.COL_FIELD
    _put(ws, f"A{r}", msg.COL_NO, head, CENTRE, f"A{r + 2}")
    _put(ws, f"B{r}", label, head, CENTRE, f"B{r + 2}")
    _put(ws, f"C{r}", msg.GROUP_RECEIVED, head, CENTRE, f"F{r}")
    _put(ws, f"G{r}", msg.GROUP_RESOLVED, head, CENTRE, f"J{r}")
    _put(ws, f"K{r}", msg.GROUP_OPEN, head, CENTRE, f"M{r}")
    _put(ws, f"C{r + 1}", msg.COL_TOTAL, head, CENTRE, f"C{r + 2}")
    _put(ws, f"D{r + 1}", msg.COL_OF_WHICH, head, CENTRE, f"F{r + 1}")
    for col, text in (
        ("G", msg.COL_TOTAL),
        ("H", msg.COL_EARLY),
        ("I", msg.COL_ON_TIME),
        ("J", msg.COL_LATE),
        ("K", msg.COL_TOTAL),
        ("L", msg.COL_WITHIN),
        ("M", msg.COL_OVERDUE),
    ):
        _put(ws, f"{col}{r + 1}", text, head, CENTRE, f"{col}{r + 2}")
    for col, text in (("D", msg.COL_ONLINE), ("E", msg.COL_DIRECT), ("F", msg.COL_CARRIED)):
        _put(ws, f"{col}{r + 2}", text, head, CENTRE)
    for i in range(1, LAST_COL + 1):
        _put(ws, f"{get_column_letter(i)}{r + 3}", f"({i})", _font(10, italic=True), CENTRE)
    ws.row_dimensions[r].height = 30
    ws.row_dimensions[r + 2].height = 45
    _boxed(ws, r, r + 3, 1, LAST_COL)


def _write_bieu06(ws: Worksheet, sheet: Bieu06Sheet) -> None:
    report, header = sheet.report, sheet.header
    for col, width in zip("ABCDEFGHIJKLM", (6, 34, 11, 11, 13, 11, 11, 11, 11, 11, 11, 11, 11), strict=True):
        ws.column_dimensions[col].width = width
    _put(ws, "A1", msg.BIEU06_FORM, _font(12, bold=True), LEFT, "E1")
    _put(ws, "A2", msg.BIEU06_BASIS, _font(11, italic=True), LEFT, "E2")
    _put(ws, "H1", msg.BIEU06_REPORTING_UNIT.format(name=header.reporting_unit), _font(12), LEFT, "M1")
    _put(ws, "H2", msg.BIEU06_RECEIVING_UNIT.format(name=header.receiving_unit), _font(12), LEFT, "M2")
    _put(ws, "A4", msg.BIEU06_TITLE, _font(13, bold=True), CENTRE, "M4")
    ws.row_dimensions[4].height = 36
    _put(ws, "A5", msg.BIEU06_PERIOD.format(period=report.period.title), _font(12, italic=True), CENTRE, "M5")
    _put(ws, "J6", msg.BIEU06_UNIT_OF_COUNT, _font(11, italic=True), Alignment(horizontal="right"), "M6")
    _bieu06_header_rows(ws, report)
    row = HEADER_FIRST_ROW + 4
    for index, line in enumerate((*report.rows, report.total), start=1):
        total = line is report.total
        _styled(ws, row, 1, "" if total else index, "counter_centre")
        _styled(ws, row, 2, line.label, "counter_label_bold" if total else "counter_label")
        for offset, value in enumerate(line.columns()):
            _styled(ws, row, 3 + offset, value, "counter_number_bold" if total else "counter_number")
        row += 1
    row += 1
    rate = report.total.on_time_rate
    text = msg.ON_TIME_RATE_NONE if rate is None else msg.ON_TIME_RATE.format(rate=percent(rate))
    _put(ws, f"B{row}", text, _font(italic=True), LEFT, f"F{row}")
    row += 1
    _put(ws, f"B{row}", generated_note(sheet), _font(10, italic=True), LEFT, f"M{row}")
    row += 2
    _put(ws, f"J{row}", header.date_line(sheet.generated_at.date()), _font(italic=True), CENTRE, f"M{row}")
    row += 1
    _put(ws, f"B{row}", msg.SIGN_PREPARER, _font(bold=True), CENTRE)
    _put(ws, f"J{row}", msg.SIGN_HEAD, _font(bold=True), CENTRE, f"M{row}")
    row += 1
    _put(ws, f"B{row}", msg.SIGN_HINT, _font(italic=True), CENTRE)
    _put(ws, f"J{row}", msg.SIGN_HEAD_HINT, _font(italic=True), CENTRE, f"M{row}")
    _page_setup(ws, f"{HEADER_FIRST_ROW}:{HEADER_FIRST_ROW + 3}")
    ws.freeze_panes = f"C{HEADER_FIRST_ROW + 4}"


def _page_setup(ws: Worksheet, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True


def bieu06_xlsx(sheets: Sequence[Bieu06Sheet]) -> bytes:
    """One workbook, one sheet per report (at the hub: all communes first, then one per commune)."""
    workbook = _workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for sheet in sheets:
        ws = workbook.create_sheet(_sheet_title(sheet.title or msg.SHEET_BIEU06, used))
        _write_bieu06(ws, sheet)
    return _save(workbook)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _when(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment:%d/%m/%Y %H:%M}"


def ledger_xlsx(lines: Sequence[LedgerLine], header: ReportHeader, date_from: date, date_to: date) -> bytes:
    """Sổ theo dõi hồ sơ (Mẫu 07 columns) for a date range, one row per dossier."""
    workbook = _workbook()
    ws = workbook.active
    ws.title = msg.LEDGER_SHEET
    widths = (6, 24, 36, 9, 24, 30, 24, 15, 15, 15, 15, 15, 10, 22)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    last = get_column_letter(len(widths))
    _put(ws, "A1", header.parent_body.upper(), _font(12), CENTRE, "D1")
    _put(ws, "A2", header.reporting_unit.upper(), _font(12, bold=True), CENTRE, "D2")
    _put(ws, "A4", msg.LEDGER_TITLE, _font(14, bold=True), CENTRE, f"{last}4")
    period = msg.PERIOD_RANGE.format(start=f"{date_from:%d/%m/%Y}", end=f"{date_to:%d/%m/%Y}")
    _put(ws, "A5", period, _font(12, italic=True), CENTRE, f"{last}5")
    head = _font(11, bold=True)
    r = 7
    for i, text in enumerate(msg.LEDGER_COLUMNS, start=1):
        col = get_column_letter(i)
        if 8 <= i <= 12:
            _put(ws, f"{col}{r + 1}", text, head, CENTRE)
        else:
            _put(ws, f"{col}{r}", text, head, CENTRE, f"{col}{r + 1}")
    _put(ws, f"H{r}", msg.LEDGER_DATES_GROUP, head, CENTRE, f"L{r}")
    for i in range(1, len(widths) + 1):
        _put(ws, f"{get_column_letter(i)}{r + 2}", f"({i})", _font(10, italic=True), CENTRE)
    ws.row_dimensions[r + 1].height = 45
    row = r + 3
    for line in lines:
        values = (
            line.ordinal,
            line.code,
            line.procedure_name,
            line.sets_count,
            line.applicant_name,
            line.address_phone,
            line.handling_agency,
            _when(line.received_at),
            _when(line.due_at),
            _when(line.transferred_at),
            _when(line.result_received_at),
            _when(line.returned_at),
            "",
            line.note,
        )
        for i, value in enumerate(values, start=1):
            _styled(ws, row, i, value, "counter_centre" if i in (1, 4) or 8 <= i <= 12 else "counter_text")
        row += 1
    _boxed(ws, r, r + 2, 1, len(widths))
    _put(
        ws,
        f"B{row + 1}",
        msg.LEDGER_TOTAL.format(count=len(lines)),
        _font(12, italic=True),
        LEFT,
        f"E{row + 1}",
    )
    _page_setup(ws, f"{r}:{r + 2}")
    ws.freeze_panes = f"C{r + 3}"
    return _save(workbook)
