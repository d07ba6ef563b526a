"""Reading and writing catalogue files (CSV in UTF-8, or the first sheet of an XLSX workbook).

An admin exports the catalogue, edits it in a spreadsheet and imports it again; the same columns go
both ways, and every problem is reported with the row and column the admin sees.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from counter_app.core.catalog import (
    CATALOG_COLUMNS,
    CatalogParseResult,
    ProcedureSpec,
    RowError,
    spec_to_record,
    specs_from_rows,
)
from counter_app.messages import catalog as msg
from counter_app.paths import resource

DEFAULT_CATALOG_PARTS = ("catalog", "procedures.csv")
_CSV_DELIMITERS = (",", ";", "\t")  # Excel in a Vietnamese locale saves CSV with ";"


class InvalidCatalogError(ValueError):
    """The shipped catalogue does not parse: a packaging bug, not something a clerk can fix."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = tuple(errors)
        first = errors[0].describe() if errors else ""
        super().__init__(msg.DEFAULT_CATALOG_INVALID.format(count=len(errors), first=first))


def parse_catalog(path: Path) -> CatalogParseResult:
    """Read and validate a .csv or .xlsx catalogue; problems come back as errors, never as exceptions."""
    path = Path(path)
    if not path.is_file():
        return _file_error(msg.ERR_FILE_NOT_FOUND.format(path=path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            return _file_error(msg.ERR_NOT_UTF8)
        return specs_from_rows(_csv_rows(text))
    if suffix == ".xlsx":
        try:
            rows = _xlsx_rows(path)
        except Exception as error:  # openpyxl raises many types for a damaged or foreign file
            return _file_error(msg.ERR_BAD_XLSX.format(detail=error))
        return specs_from_rows(rows)
    return _file_error(msg.ERR_UNSUPPORTED_TYPE.format(name=path.name))


def load_default_catalog() -> tuple[ProcedureSpec, ...]:
    """The catalogue shipped in resources/catalog/procedures.csv."""
    result = parse_catalog(resource(*DEFAULT_CATALOG_PARTS))
    if result.errors:
        raise InvalidCatalogError(result.errors)
    return result.specs


def write_catalog_csv(specs: Iterable[ProcedureSpec], path: Path) -> None:
    """UTF-8 with a byte-order mark, so that Excel opens the Vietnamese text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CATALOG_COLUMNS)
    for spec in specs:
        record = spec_to_record(spec)
        writer.writerow([record[key] for key in CATALOG_COLUMNS])
    Path(path).write_bytes(buffer.getvalue().encode("utf-8-sig"))


def write_catalog_xlsx(specs: Iterable[ProcedureSpec], path: Path) -> None:
    """First sheet: the catalogue (what `parse_catalog` reads back); second sheet: how to fill it in."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = msg.SHEET_TITLE
    sheet.append(list(CATALOG_COLUMNS))
    for spec in specs:
        record = spec_to_record(spec)
        sheet.append([record[key] for key in CATALOG_COLUMNS])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "C2"
    widths = {"code": 14, "name": 60, "field": 16, "fee_note": 40, "legal_basis": 40, "documents": 90}
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, key in enumerate(CATALOG_COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(key, 14)
        if key in widths:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = wrap
    # Codes such as 2.000635 must stay text, or a spreadsheet turns them into the number 2.000635.
    for (cell,) in sheet.iter_rows(min_row=2, min_col=1, max_col=1):
        cell.number_format = "@"

    help_sheet = workbook.create_sheet(msg.HELP_SHEET_TITLE)
    help_sheet.append(list(msg.HELP_HEADER))
    for key in CATALOG_COLUMNS:
        help_sheet.append([key, msg.COLUMN_LABELS[key], msg.COLUMN_HELP[key]])
    for cell in help_sheet[1]:
        cell.font = bold
    for letter, width in (("A", 22), ("B", 36), ("C", 110)):
        help_sheet.column_dimensions[letter].width = width
    workbook.save(Path(path))


# --- helpers ------------------------------------------------------------------------------------


def _file_error(message: str) -> CatalogParseResult:
    return CatalogParseResult((), (RowError(0, "", message),))


def _csv_rows(text: str) -> list[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max(_CSV_DELIMITERS, key=first_line.count)
    # One record per spreadsheet row, even when a quoted cell holds a line break.
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(min_row=1, values_only=True)]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """Spreadsheet cells arrive typed; the validator reads text, so turn them back into what was typed."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
