"""The procedure catalogue: what a commune counter can receive, with its time limit, fee and documents.

Procedures, fees and documents change by decree, so they are data (a CSV/XLSX table an admin can edit)
rather than code. This module holds the plain records and turns table rows into validated records;
`catalog_io` reads and writes the files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from counter_app.core.time_limits import ClockMode, TimeLimit, TimeUnit
from counter_app.messages import catalog as msg


class DocumentForm(StrEnum):
    """The form in which a document must be handed in (values are the words used in the file)."""

    ORIGINAL = "bản chính"
    COPY = "bản sao"
    PHOTOCOPY = "bản chụp"
    CERTIFIED_COPY = "bản sao có chứng thực"


class HandlingLevel(StrEnum):
    COMMUNE = "commune"  # decided at the commune
    UPWARD = "upward"  # forwarded to the upper level or to other agencies (liên thông)


@dataclass(frozen=True, slots=True)
class RequiredDocument:
    name: str
    form: DocumentForm
    count: int = 1
    mandatory: bool = True  # False for items written "(nếu có)" in the file


@dataclass(frozen=True, slots=True)
class ProcedureSpec:
    code: str
    name: str
    field: str
    time_limit: TimeLimit
    fee: int  # integer đồng; 0 when free
    fee_note: str
    handling_level: HandlingLevel
    clock_mode: ClockMode
    effective_from: date
    effective_to: date | None  # inclusive; None while in force
    legal_basis: str
    note: str
    documents: tuple[RequiredDocument, ...]

    def is_effective_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # as a spreadsheet shows it: the header is row 1; 0 means the file as a whole
    column: str  # canonical column key ("" for file-level errors)
    message: str  # Vietnamese

    def describe(self) -> str:
        if self.row == 0:
            return msg.FILE_ERROR.format(message=self.message)
        return msg.ROW_ERROR.format(row=self.row, column=self.column, message=self.message)


@dataclass(frozen=True, slots=True)
class CatalogParseResult:
    specs: tuple[ProcedureSpec, ...]
    errors: tuple[RowError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


# Column keys in file order; exports write them in this order.
CATALOG_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "field",
    "time_value",
    "time_unit",
    "mountain_extra_days",
    "fee",
    "fee_note",
    "handling_level",
    "clock_mode",
    "effective_from",
    "effective_to",
    "legal_basis",
    "documents",
    "note",
)
# Columns an admin may leave out of the file entirely; they take an empty / default value.
OPTIONAL_COLUMNS = frozenset(
    {"mountain_extra_days", "fee_note", "clock_mode", "effective_to", "legal_basis", "note"}
)
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c for c in CATALOG_COLUMNS if c not in OPTIONAL_COLUMNS)

DOCUMENT_SEPARATOR = " | "
OPTIONAL_MARKER = "(nếu có)"  # the usual wording of TTHC dossier lists for a non-mandatory item

_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_PLAIN_INT_RE = re.compile(r"^[+-]?\d+$")
# Vietnamese thousands are grouped with "." (also "," or a space when typed by hand).
_GROUPED_INT_RE = re.compile(r"^[+-]?\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$")
_CURRENCY_SUFFIX_RE = re.compile(r"\s*(?:đồng|đ|vnđ|vnd)\.?$", re.IGNORECASE)
_DOCUMENT_RE = re.compile(
    r"^(?P<name>.+?)\s*\[(?P<form>[^\[\]]+)\]\s*(?:[x×]\s*(?P<count>\d+))?\s*(?P<optional>\(n[^)]*\))?$",
    re.IGNORECASE,
)


def clean_text(value: object) -> str:
    """NFC, with runs of whitespace (including line breaks and no-break spaces) collapsed to one space."""
    if value is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _fold(text: str) -> str:
    """Accent-free, case-free key used to accept "Ngày làm việc" as well as "working_days"."""
    decomposed = unicodedata.normalize("NFD", clean_text(text).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().replace("-", "_").replace(" ", "_")


def _aliases(mapping: dict[str, Iterable[str]]) -> dict[str, str]:
    return {_fold(alias): key for key, names in mapping.items() for alias in (key, *names)}


_TIME_UNIT_ALIASES = _aliases(
    {
        TimeUnit.WORKING_DAYS: ("ngày làm việc", "NLV"),
        TimeUnit.CALENDAR_DAYS: ("ngày", "ngày lịch"),
        TimeUnit.SAME_DAY: ("trong ngày", "ngay trong ngày"),
    }
)
_HANDLING_ALIASES = _aliases(
    {HandlingLevel.COMMUNE: ("xã", "cấp xã"), HandlingLevel.UPWARD: ("cấp trên", "liên thông")}
)
_CLOCK_ALIASES = _aliases({ClockMode.PAUSE: ("tạm dừng",), ClockMode.RESTART: ("tính lại",)})
_FORM_ALIASES = _aliases({form: () for form in DocumentForm})
_HEADER_ALIASES = _aliases({key: (msg.COLUMN_LABELS[key],) for key in CATALOG_COLUMNS})


_T = TypeVar("_T")


class _CellError(ValueError):
    """A cell that cannot be read; the message is the Vietnamese text shown to the admin."""


# --- cell readers -------------------------------------------------------------------------------


def parse_int(text: str, *, grouped: bool = False) -> int:
    """A whole number ≥ 0; with `grouped`, "2.000", "2,000" and "2 000" are read as 2000."""
    value = clean_text(text)
    if grouped:
        value = _CURRENCY_SUFFIX_RE.sub("", value)
    if _PLAIN_INT_RE.match(value):
        number = int(value)
    elif grouped and _GROUPED_INT_RE.match(value):
        number = int(re.sub(r"[.,\s]", "", value))
    else:
        raise _CellError((msg.ERR_FEE if grouped else msg.ERR_NOT_INTEGER).format(value=value))
    if number < 0:
        raise _CellError(msg.ERR_NEGATIVE.format(value=value))
    return number


def parse_date(text: str) -> date:
    """ISO 2025-07-01 (what exports write) or the Vietnamese 01/07/2025."""
    value = clean_text(text)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise _CellError(msg.ERR_DATE.format(value=value))


def _lookup(text: str, aliases: dict[str, str], error: str) -> str:
    key = aliases.get(_fold(text))
    if key is None:
        raise _CellError(error.format(value=clean_text(text)))
    return key


def parse_documents(text: str) -> tuple[RequiredDocument, ...]:
    """Read "Tờ khai [bản chính] | Giấy tờ tùy thân [bản chính] x2 | Ủy quyền [bản sao] (nếu có)"."""
    items = [clean_text(part) for part in clean_text(text).split("|")]
    if not any(items):
        raise _CellError(msg.ERR_DOCUMENTS_EMPTY)
    documents = []
    for index, item in enumerate(items, start=1):
        match = _DOCUMENT_RE.match(item)
        optional = match and match["optional"]
        if not match or (optional and _fold(optional) != _fold(OPTIONAL_MARKER)):
            raise _CellError(msg.ERR_DOCUMENT_SYNTAX.format(index=index, item=item))
        form = _FORM_ALIASES.get(_fold(match["form"]))
        if form is None:
            raise _CellError(msg.ERR_DOCUMENT_FORM.format(index=index, form=clean_text(match["form"])))
        count = int(match["count"]) if match["count"] else 1
        if count < 1:
            raise _CellError(msg.ERR_DOCUMENT_COUNT.format(index=index))
        documents.append(RequiredDocument(match["name"], DocumentForm(form), count, not optional))
    return tuple(documents)


def format_documents(documents: Iterable[RequiredDocument]) -> str:
    """The inverse of `parse_documents`."""
    parts = []
    for doc in documents:
        text = f"{doc.name} [{doc.form.value}]"
        if doc.count != 1:
            text += f" x{doc.count}"
        if not doc.mandatory:
            text += f" {OPTIONAL_MARKER}"
        parts.append(text)
    return DOCUMENT_SEPARATOR.join(parts)


# --- table → specs ------------------------------------------------------------------------------


def _map_header(header: Sequence[object]) -> tuple[dict[str, int], list[RowError]]:
    positions: dict[str, int] = {}
    errors: list[RowError] = []
    for index, raw in enumerate(header):
        title = clean_text(raw)
        if not title:
            continue
        key = _HEADER_ALIASES.get(_fold(title))
        if key is None:
            errors.append(RowError(1, title, msg.ERR_UNKNOWN_COLUMN.format(header=title)))
        elif key in positions:
            errors.append(RowError(1, key, msg.ERR_DUPLICATE_COLUMN.format(column=key)))
        else:
            positions[key] = index
    for key in REQUIRED_COLUMNS:
        if key not in positions:
            label = msg.COLUMN_LABELS[key]
            errors.append(RowError(1, key, msg.ERR_MISSING_COLUMN.format(column=key, label=label)))
    return positions, errors


class _RowReader:
    """Reads the cells of one row, collecting one error per bad cell."""

    def __init__(self, row_number: int, cells: Sequence[object], positions: dict[str, int]) -> None:
        self.row_number = row_number
        self.cells = cells
        self.positions = positions
        self.errors: list[RowError] = []

    def text(self, column: str) -> str:
        index = self.positions.get(column)
        if index is None or index >= len(self.cells):
            return ""
        return clean_text(self.cells[index])

    def required_text(self, column: str) -> str | None:
        value = self.text(column)
        if not value:
            self.fail(column, msg.ERR_REQUIRED)
            return None
        return value

    def read(
        self, column: str, reader: Callable[[str], _T], *, default: _T | None = None, required: bool = True
    ) -> _T | None:
        value = self.text(column)
        if not value:
            if required:
                self.fail(column, msg.ERR_REQUIRED)
            return default
        try:
            return reader(value)
        except _CellError as error:
            self.fail(column, str(error))
            return None

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row_number, column, message))


def _read_code(value: str) -> str:
    if not _CODE_RE.match(value):
        raise _CellError(msg.ERR_CODE_CHARS.format(value=value))
    return value


def _spec_from_row(reader: _RowReader) -> ProcedureSpec | None:
    code = reader.read("code", _read_code)
    name = reader.required_text("name")
    field = reader.required_text("field")
    unit = reader.read("time_unit", lambda v: _lookup(v, _TIME_UNIT_ALIASES, msg.ERR_TIME_UNIT))
    # A same-day procedure may leave its value blank: there is nothing to count.
    value = reader.read("time_value", parse_int, default=0, required=unit != TimeUnit.SAME_DAY)
    if unit == TimeUnit.SAME_DAY and value:
        reader.fail("time_value", msg.ERR_SAME_DAY_VALUE.format(value=value))
    extra = reader.read("mountain_extra_days", parse_int, default=0, required=False)
    fee = reader.read("fee", lambda v: parse_int(v, grouped=True))
    handling = reader.read("handling_level", lambda v: _lookup(v, _HANDLING_ALIASES, msg.ERR_HANDLING_LEVEL))
    clock = reader.read(
        "clock_mode",
        lambda v: _lookup(v, _CLOCK_ALIASES, msg.ERR_CLOCK_MODE),
        default=ClockMode.PAUSE,
        required=False,
    )
    start = reader.read("effective_from", parse_date)
    end = reader.read("effective_to", parse_date, required=False)
    if start and end and end < start:
        reader.fail("effective_to", msg.ERR_DATE_ORDER.format(end=end.isoformat(), start=start.isoformat()))
    documents = reader.read("documents", parse_documents)
    if reader.errors:
        return None
    return ProcedureSpec(
        code=code,
        name=name,
        field=field,
        time_limit=TimeLimit(value, TimeUnit(unit), extra),
        fee=fee,
        fee_note=reader.text("fee_note"),
        handling_level=HandlingLevel(handling),
        clock_mode=ClockMode(clock),
        effective_from=start,
        effective_to=end,
        legal_basis=reader.text("legal_basis"),
        note=reader.text("note"),
        documents=documents,
    )


def specs_from_rows(rows: Iterable[Sequence[object]]) -> CatalogParseResult:
    """Validate a table whose first row is the header; rows are numbered as a spreadsheet numbers them.

    Bad rows are left out of `specs` and reported in `errors`; a caller that applies the catalogue
    must apply nothing when `errors` is not empty.
    """
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None or not any(clean_text(cell) for cell in header):
        return CatalogParseResult((), (RowError(0, "", msg.ERR_NO_HEADER),))
    positions, errors = _map_header(header)
    if errors:
        return CatalogParseResult((), tuple(errors))
    specs: list[ProcedureSpec] = []
    first_row_of_code: dict[str, int] = {}
    for row_number, cells in enumerate(iterator, start=2):
        if not any(clean_text(cell) for cell in cells):
            continue  # spreadsheets keep blank rows; they carry no procedure
        reader = _RowReader(row_number, cells, positions)
        spec = _spec_from_row(reader)
        code = reader.text("code")
        if code in first_row_of_code:
            first = first_row_of_code[code]
            reader.fail("code", msg.ERR_CODE_DUPLICATE.format(code=code, first_row=first))
        elif code:
            first_row_of_code[code] = row_number
        errors.extend(reader.errors)
        if spec is not None and not reader.errors:
            specs.append(spec)
    if not specs and not errors:
        errors.append(RowError(0, "", msg.ERR_NO_ROWS))
    return CatalogParseResult(tuple(specs), tuple(errors))


# --- specs → table ------------------------------------------------------------------------------


def spec_to_record(spec: ProcedureSpec) -> dict[str, str | int]:
    """One row of an export, keyed by column; numbers stay numbers so a spreadsheet can sum them."""
    return {
        "code": spec.code,
        "name": spec.name,
        "field": spec.field,
        "time_value": spec.time_limit.value,
        "time_unit": spec.time_limit.unit.value,
        "mountain_extra_days": spec.time_limit.mountain_extra_days,
        "fee": spec.fee,
        "fee_note": spec.fee_note,
        "handling_level": spec.handling_level.value,
        "clock_mode": spec.clock_mode.value,
        "effective_from": spec.effective_from.isoformat(),
        "effective_to": spec.effective_to.isoformat() if spec.effective_to else "",
        "legal_basis": spec.legal_basis,
        "documents": format_documents(spec.documents),
        "note": spec.note,
    }
