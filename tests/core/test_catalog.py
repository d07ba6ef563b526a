"""The procedure catalogue: the shipped file, validation with row/column errors, and CSV/XLSX round trips."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from counter_app.core.catalog import (
    CATALOG_COLUMNS,
    DocumentForm,
    HandlingLevel,
    RequiredDocument,
    format_documents,
    parse_documents,
)
from counter_app.core.catalog_io import (
    load_default_catalog,
    parse_catalog,
    write_catalog_csv,
    write_catalog_xlsx,
)
from counter_app.core.time_limits import ClockMode, TimeUnit
from counter_app.paths import resource

SHIPPED = resource("catalog", "procedures.csv")

GOOD_ROW = {
    "code": "XA.HT.05",
    "name": "Đăng ký lại khai tử",
    "field": "Hộ tịch",
    "time_value": "5",
    "time_unit": "working_days",
    "mountain_extra_days": "0",
    "fee": "5.000",
    "fee_note": "Theo Nghị quyết HĐND tỉnh",
    "handling_level": "commune",
    "clock_mode": "pause",
    "effective_from": "2025-07-01",
    "effective_to": "",
    "legal_basis": "Luật Hộ tịch 2014",
    "documents": "Tờ khai [bản chính] | Giấy tờ tùy thân [bản chính] x2 | Ủy quyền [bản sao] (nếu có)",
    "note": "",
}


def write_csv(
    path: Path,
    rows: list[dict[str, str]],
    columns: tuple[str, ...] = CATALOG_COLUMNS,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def row(**changes: str) -> dict[str, str]:
    return {**GOOD_ROW, **changes}


# --- the shipped catalogue ----------------------------------------------------------------------


def test_shipped_catalogue_has_at_least_30_procedures_and_no_errors() -> None:
    result = parse_catalog(SHIPPED)

    assert result.errors == ()
    assert len(result.specs) >= 30
    assert load_default_catalog() == result.specs


def test_shipped_catalogue_covers_every_time_unit_and_handling_level() -> None:
    specs = load_default_catalog()

    assert {spec.time_limit.unit for spec in specs} == set(TimeUnit)
    assert {spec.handling_level for spec in specs} == set(HandlingLevel)
    assert {spec.clock_mode for spec in specs} == set(ClockMode)


def test_shipped_catalogue_holds_the_known_national_codes_with_their_rules() -> None:
    by_code = {spec.code: spec for spec in load_default_catalog()}

    extract = by_code["2.000635"]  # trích lục hộ tịch: same day, 8.000 đ
    assert extract.time_limit.unit is TimeUnit.SAME_DAY and extract.fee == 8000
    assert by_code["2.000908"].fee == 0  # bản sao từ sổ gốc: no fee
    assert by_code["1.011537"].handling_level is HandlingLevel.UPWARD  # liên thông khai tử
    certified_copy = by_code["2.000815"]
    assert certified_copy.fee == 2000 and "200.000" in certified_copy.fee_note
    assert DocumentForm.PHOTOCOPY in {doc.form for doc in certified_copy.documents}


def test_shipped_land_procedures_grant_mountain_communes_extra_days() -> None:
    land = [spec for spec in load_default_catalog() if spec.field == "Đất đai"]

    assert land
    assert any(spec.time_limit.mountain_extra_days == 10 for spec in land)
    assert any(spec.time_limit.unit is TimeUnit.CALENDAR_DAYS for spec in land)  # hòa giải: 30 ngày


def test_shipped_catalogue_is_clean_nfc_text_with_documents_for_every_procedure() -> None:
    for spec in load_default_catalog():
        for text in (spec.code, spec.name, spec.field, spec.fee_note, spec.legal_basis, spec.note):
            assert text == unicodedata.normalize("NFC", text)
            assert text == " ".join(text.split())
        assert any(doc.mandatory for doc in spec.documents), spec.code
        assert spec.is_effective_on(date(2026, 1, 15)), spec.code


# --- one bad row --------------------------------------------------------------------------------


def test_one_bad_row_is_reported_with_its_spreadsheet_row_and_column(tmp_path: Path) -> None:
    rows = [row(code=f"XA.T.{n:02d}") for n in range(1, 6)]
    rows[2]["fee"] = "hai nghìn"  # the 3rd procedure sits on spreadsheet row 4 (header = row 1)
    result = parse_catalog(write_csv(tmp_path / "c.csv", rows))

    assert [(e.row, e.column) for e in result.errors] == [(4, "fee")]
    assert "hai nghìn" in result.errors[0].message
    assert result.errors[0].describe().startswith("Dòng 4, cột fee:")
    assert "XA.T.03" not in {spec.code for spec in result.specs}


def test_a_bad_row_in_the_shipped_catalogue_is_reported_at_that_row_only(tmp_path: Path) -> None:
    lines = SHIPPED.read_text(encoding="utf-8-sig").splitlines()
    bad = lines[9].replace(",working_days,", ",tuần,", 1)
    assert bad != lines[9]
    lines[9] = bad
    (tmp_path / "edited.csv").write_text("\n".join(lines), encoding="utf-8")

    result = parse_catalog(tmp_path / "edited.csv")

    assert [(e.row, e.column) for e in result.errors] == [(10, "time_unit")]


@pytest.mark.parametrize(
    ("changes", "column"),
    [
        ({"code": ""}, "code"),
        ({"code": "XA HT 05"}, "code"),
        ({"name": "   "}, "name"),
        ({"time_value": "-1"}, "time_value"),
        ({"time_value": "3,5"}, "time_value"),
        ({"time_unit": "tuần"}, "time_unit"),
        ({"time_unit": "same_day", "time_value": "3"}, "time_value"),
        ({"mountain_extra_days": "mười"}, "mountain_extra_days"),
        ({"fee": "2.5"}, "fee"),
        ({"fee": "-2.000"}, "fee"),
        ({"fee": ""}, "fee"),
        ({"handling_level": "huyện"}, "handling_level"),
        ({"clock_mode": "stop"}, "clock_mode"),
        ({"effective_from": "31/02/2026"}, "effective_from"),
        ({"effective_to": "2025-06-30"}, "effective_to"),
        ({"documents": ""}, "documents"),
        ({"documents": "Tờ khai [bản gốc]"}, "documents"),
        ({"documents": "Tờ khai"}, "documents"),
        ({"documents": "Tờ khai [bản chính] x0"}, "documents"),
    ],
)
def test_each_invalid_cell_is_reported_at_its_column(
    tmp_path: Path, changes: dict[str, str], column: str
) -> None:
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row(code="XA.A"), row(**changes)]))

    assert [(e.row, e.column) for e in result.errors] == [(3, column)]
    assert [spec.code for spec in result.specs] == ["XA.A"]


def test_a_duplicate_code_names_the_row_it_repeats(tmp_path: Path) -> None:
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row(), row(name="Khác"), row()]))

    assert [(e.row, e.column) for e in result.errors] == [(3, "code"), (4, "code")]
    assert "dòng 2" in result.errors[0].message


def test_a_missing_column_is_one_error_on_the_header(tmp_path: Path) -> None:
    columns = tuple(c for c in CATALOG_COLUMNS if c != "fee")
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row(), row(code="XA.B")], columns))

    assert [(e.row, e.column) for e in result.errors] == [(1, "fee")]
    assert result.specs == ()


def test_an_unknown_column_is_reported_rather_than_silently_ignored(tmp_path: Path) -> None:
    columns = (*CATALOG_COLUMNS, "efective_to")
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row()], columns))

    assert [(e.row, e.column) for e in result.errors] == [(1, "efective_to")]


def test_optional_columns_may_be_left_out(tmp_path: Path) -> None:
    columns = tuple(c for c in CATALOG_COLUMNS if c not in {"clock_mode", "note", "mountain_extra_days"})
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row()], columns))

    assert result.errors == ()
    (spec,) = result.specs
    assert spec.clock_mode is ClockMode.PAUSE
    assert spec.time_limit.mountain_extra_days == 0
    assert spec.note == ""


# --- values an admin types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "fee"),
    [
        ("2.000", 2000),
        ("2,000", 2000),
        ("1.000.000", 1_000_000),
        ("200000", 200000),
        ("8.000 đ", 8000),
        ("0", 0),
    ],
)
def test_fees_accept_vietnamese_thousand_separators(tmp_path: Path, typed: str, fee: int) -> None:
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row(fee=typed)]))

    assert result.errors == ()
    assert result.specs[0].fee == fee


def test_a_full_row_becomes_a_procedure_spec(tmp_path: Path) -> None:
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row(effective_to="31/12/2026")]))

    (spec,) = result.specs
    assert spec.time_limit.value == 5 and spec.time_limit.unit is TimeUnit.WORKING_DAYS
    assert spec.fee == 5000
    assert spec.effective_from == date(2025, 7, 1) and spec.effective_to == date(2026, 12, 31)
    assert not spec.is_effective_on(date(2027, 1, 1))
    assert spec.documents == (
        RequiredDocument("Tờ khai", DocumentForm.ORIGINAL),
        RequiredDocument("Giấy tờ tùy thân", DocumentForm.ORIGINAL, count=2),
        RequiredDocument("Ủy quyền", DocumentForm.COPY, mandatory=False),
    )


def test_vietnamese_words_are_accepted_for_units_levels_and_headers(tmp_path: Path) -> None:
    from counter_app.messages.catalog import COLUMN_LABELS

    labelled = tuple(COLUMN_LABELS[c] for c in CATALOG_COLUMNS)
    values = row(time_unit="Ngày làm việc", handling_level="cấp xã", clock_mode="tính lại")
    path = write_csv(
        tmp_path / "c.csv", [dict(zip(labelled, (values[c] for c in CATALOG_COLUMNS), strict=True))], labelled
    )

    (spec,) = parse_catalog(path).specs
    assert spec.time_limit.unit is TimeUnit.WORKING_DAYS
    assert spec.handling_level is HandlingLevel.COMMUNE
    assert spec.clock_mode is ClockMode.RESTART


def test_same_day_procedures_may_leave_the_value_blank(tmp_path: Path) -> None:
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row(time_unit="trong ngày", time_value="")]))

    assert result.specs[0].time_limit.unit is TimeUnit.SAME_DAY
    assert result.specs[0].time_limit.value == 0


def test_nfd_input_comes_back_as_nfc_with_whitespace_collapsed(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Đăng ký   lại\u00a0khai tử")
    docs = unicodedata.normalize("NFD", "Tờ  khai [bản chính]|Giấy tờ tùy thân [bản sao có chứng thực]")
    result = parse_catalog(write_csv(tmp_path / "c.csv", [row(name=nfd, documents=docs, field="Hộ\ttịch")]))

    (spec,) = result.specs
    assert spec.name == "Đăng ký lại khai tử" == unicodedata.normalize("NFC", spec.name)
    assert spec.field == "Hộ tịch"
    assert [(d.name, d.form) for d in spec.documents] == [
        ("Tờ khai", DocumentForm.ORIGINAL),
        ("Giấy tờ tùy thân", DocumentForm.CERTIFIED_COPY),
    ]


def test_semicolon_csv_with_bom_from_vietnamese_excel_is_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [row(), row(code="XA.B")], delimiter=";", encoding="utf-8-sig")

    result = parse_catalog(path)

    assert result.errors == ()
    assert [spec.code for spec in result.specs] == ["XA.HT.05", "XA.B"]


def test_blank_spreadsheet_rows_are_skipped_but_row_numbers_stay_true(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [row(code="XA.A"), {}, row(code="XA.C", fee="x")])

    result = parse_catalog(path)

    assert [(e.row, e.column) for e in result.errors] == [(4, "fee")]


@pytest.mark.parametrize(
    ("name", "content"),
    [("c.csv", "tên,phí\n".encode("cp1258")), ("c.txt", b"code\n"), ("c.xlsx", b"not a zip"), ("c.csv", b"")],
)
def test_unreadable_files_are_reported_not_raised(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    result = parse_catalog(path)

    assert result.specs == ()
    assert len(result.errors) == 1 and result.errors[0].row == 0
    assert result.errors[0].describe().startswith("Tệp danh mục:")


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    result = parse_catalog(tmp_path / "none.xlsx")

    assert result.errors[0].row == 0 and "none.xlsx" in result.errors[0].message


# --- export, edit, re-import --------------------------------------------------------------------


def test_xlsx_round_trip_gives_back_the_same_catalogue(tmp_path: Path) -> None:
    specs = load_default_catalog()
    write_catalog_xlsx(specs, tmp_path / "catalog.xlsx")

    result = parse_catalog(tmp_path / "catalog.xlsx")

    assert result.errors == ()
    assert result.specs == specs


def test_csv_round_trip_gives_back_the_same_catalogue(tmp_path: Path) -> None:
    specs = load_default_catalog()
    write_catalog_csv(specs, tmp_path / "catalog.csv")

    assert (tmp_path / "catalog.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM
    assert parse_catalog(tmp_path / "catalog.csv").specs == specs


def test_an_exported_workbook_edited_in_a_spreadsheet_is_read_back(tmp_path: Path) -> None:
    specs = load_default_catalog()
    write_catalog_xlsx(specs, tmp_path / "catalog.xlsx")
    workbook = load_workbook(tmp_path / "catalog.xlsx")
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    fee_col, from_col = header.index("fee") + 1, header.index("effective_from") + 1
    sheet.cell(row=2, column=fee_col).value = 12000.0  # spreadsheets store numbers as floats
    sheet.cell(row=2, column=from_col).value = datetime(2026, 1, 1)  # a typed date becomes a date cell
    sheet.cell(row=5, column=fee_col).value = "abc"
    workbook.save(tmp_path / "edited.xlsx")

    result = parse_catalog(tmp_path / "edited.xlsx")

    assert [(e.row, e.column) for e in result.errors] == [(5, "fee")]
    first = next(spec for spec in result.specs if spec.code == specs[0].code)
    assert first.fee == 12000 and first.effective_from == date(2026, 1, 1)


def test_exported_workbook_keeps_codes_as_text_and_explains_the_columns(tmp_path: Path) -> None:
    write_catalog_xlsx(load_default_catalog(), tmp_path / "catalog.xlsx")
    workbook = load_workbook(tmp_path / "catalog.xlsx")

    codes = [row[0] for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert "2.000635" in codes  # not the float 2.000635
    help_keys = [row[0] for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert help_keys == list(CATALOG_COLUMNS)


@pytest.mark.parametrize(
    "documents",
    [
        (RequiredDocument("Tờ khai (Mẫu 01)", DocumentForm.ORIGINAL),),
        (
            RequiredDocument("Giấy tờ tùy thân", DocumentForm.CERTIFIED_COPY, count=3),
            RequiredDocument("Bản sao cần chứng thực", DocumentForm.PHOTOCOPY, mandatory=False),
            RequiredDocument("Văn bản ủy quyền", DocumentForm.COPY, count=2, mandatory=False),
        ),
    ],
)
def test_document_lists_survive_formatting_and_parsing(documents: tuple[RequiredDocument, ...]) -> None:
    assert parse_documents(format_documents(documents)) == documents
