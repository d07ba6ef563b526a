"""The files a commune sends: the XLSX opens in LibreOffice with the same numbers as the PDF, both
equal to the hand-computed Biểu 06; the Sổ theo dõi lists the right dossiers in both formats."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import update

from counter_app.db.models import Dossier
from counter_app.reports import periods as p
from counter_app.reports.ledger import ledger_pdf
from counter_app.reports.pdf import bieu06_pdf
from counter_app.reports.xlsx import bieu06_xlsx, ledger_xlsx
from counter_app.services.reports import Bieu06Request, bieu06_sheets, ledger
from tests.conftest import vn
from tests.reports.readback import csv_table, pdf_table, pdf_text, xlsx_to_csv_rows
from tests.reports.scenario import EXPECTED_DAY

JULY_15TH = p.month(2026, 7, 15)


def test_bieu06_xlsx_in_libreoffice_and_the_pdf_show_the_hand_computed_numbers(
    example, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheets = bieu06_sheets(example.ctx.db, Bieu06Request(JULY_15TH), generated_at=vn(2026, 7, 15, 9))
    xlsx = tmp_path / "bieu06.xlsx"
    xlsx.write_bytes(bieu06_xlsx(sheets))
    pdf = bieu06_pdf(sheets)
    rows = xlsx_to_csv_rows(xlsx, tmp_path)
    assert csv_table(rows) == EXPECTED_DAY
    assert pdf_table(pdf) == EXPECTED_DAY
    flat = "\n".join(",".join(r) for r in rows)
    printed = " ".join(pdf_text(pdf).split())
    for text in (
        "Biểu số 06/VPCP/KSTT",
        "Đơn vị báo cáo: Trung tâm Phục vụ hành chính công xã Mường Lát",
        "Đơn vị nhận báo cáo: Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa",
        "Kỳ báo cáo: Tháng 7 năm 2026 (Từ ngày 15/06/2026 đến ngày 14/07/2026)",
        "Trực tiếp, dịch vụ bưu chính",
        "Tỉ lệ giải quyết đúng hạn: 63,6%",
        "Mường Lát, ngày 15 tháng 07 năm 2026",
    ):
        assert text in flat, text
        assert text in printed, text


def test_bieu06_xlsx_is_ready_to_print_on_a4_landscape(example) -> None:  # type: ignore[no-untyped-def]
    sheets = bieu06_sheets(example.ctx.db, Bieu06Request(JULY_15TH), generated_at=vn(2026, 7, 15, 9))
    ws = load_workbook(io.BytesIO(bieu06_xlsx(sheets))).active
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$7:$10" and ws.freeze_panes == "C11"
    assert [ws.cell(10, c).value for c in (1, 3, 13)] == ["(1)", "(3)", "(13)"]
    assert ws["C11"].value == 2 and isinstance(ws["C11"].value, int)  # numbers, not text or formulas
    assert ws["C11"].font.name == "Times New Roman" and ws["C11"].border.left.style == "thin"


def test_hub_workbook_has_all_communes_then_one_sheet_each(example, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = "000.21.28.H56"
    with example.ctx.db.write() as session:
        session.execute(
            update(Dossier)
            .where(Dossier.code.in_([example.codes["C"], example.codes["D"]]))
            .values(agency_code=other)
        )
    sheets = bieu06_sheets(
        example.ctx.db, Bieu06Request(JULY_15TH, per_commune=True), generated_at=vn(2026, 7, 15)
    )
    book = load_workbook(io.BytesIO(bieu06_xlsx(sheets)))
    assert book.sheetnames == ["Biểu 06", "000.21.27.H56", other]
    assert sheets[2].header.reporting_unit == other
    assert sheets[2].header.receiving_unit == "Trung tâm Phục vụ hành chính công xã Mường Lát"
    totals = [s.report.total.columns() for s in sheets]
    assert (
        totals[0]
        == tuple(a + b for a, b in zip(totals[1], totals[2], strict=True))
        == EXPECTED_DAY["Tổng cộng"]
    )
    assert len(pdf_table(bieu06_pdf(sheets))) >= 3  # every sheet printed


def test_ledger_lists_the_dossiers_received_in_the_range_in_both_formats(example, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    start, end = date(2026, 6, 15), date(2026, 7, 14)
    lines, header = ledger(example.ctx.db, start, end)
    order = [k for code in (line.code for line in lines) for k, c in example.codes.items() if c == code]
    assert order == ["M", "I", "D", "F", "G", "H", "E", "J"]
    g = lines[order.index("G")]
    assert g.due_at == vn(2026, 6, 25, 9) and g.note == "Hẹn lại: 01/07/2026"  # the printed promise stays
    d = lines[order.index("D")]
    assert d.result_received_at == vn(2026, 6, 18, 15) and d.returned_at == vn(2026, 6, 19, 8)
    assert d.note == "Nộp trực tuyến" and d.handling_agency == "UBND xã Mường Lát"
    assert d.transferred_at == vn(2026, 6, 16, 11) and lines[order.index("E")].transferred_at is None
    assert lines[order.index("H")].note == "Công dân rút hồ sơ"
    xlsx = tmp_path / "so-theo-doi.xlsx"
    xlsx.write_bytes(ledger_xlsx(lines, header, start, end))
    rows = xlsx_to_csv_rows(xlsx, tmp_path)
    codes_in_csv = [r[1] for r in rows if len(r) > 1 and r[1] in example.codes.values()]
    assert codes_in_csv == [line.code for line in lines]
    text = " ".join(pdf_text(ledger_pdf(lines, header, start, end, vn(2026, 7, 15, 9))).split())
    assert all(line.code in text for line in lines)
    assert example.codes["K"] not in text and example.codes["A"] not in text
