"""The print preview: shows the builder's bytes, prints them through QtPdf onto a (PDF) QPrinter
that still scans, remembers printer and paper per form, reports only prints the printer accepted,
and asks a reason before a reprint. Dialogs are shown, never exec()'d."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from counter_app.messages import printing as msg
from counter_app.printing import FormId, Paper, PrintRecord, build_form
from counter_app.printing.samples import sample
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.printing_qt import LoadedPdf, render_page_on_white
from tests.printing.pdfcheck import decode

SLIP = sample(FormId.SLIP)


def pdf_printer(path: Path, dpi: int = 300) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_dialog(
    qtbot: QtBot,
    settings: QSettings,
    tmp_path: Path,
    form_id: FormId = FormId.SLIP,
    records: list[PrintRecord] | None = None,
    **kwargs: Any,
) -> PrintPreviewDialog:
    data = sample(form_id)
    kwargs.setdefault("printers", lambda: ["Máy in quầy 1", "Máy in quầy 2"])
    kwargs.setdefault("default_printer", lambda: "Máy in quầy 1")
    kwargs.setdefault("make_printer", lambda name: pdf_printer(tmp_path / "printed.pdf"))
    if records is not None:
        kwargs["on_printed"] = records.append
    dialog = PrintPreviewDialog(
        form_id, lambda paper: build_form(form_id, data, paper), title="Mẫu thử", settings=settings, **kwargs
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preview_shows_exactly_the_builders_pdf(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, settings, tmp_path)
    assert dialog.current_pdf() == build_form(FormId.SLIP, SLIP, Paper.A4)
    assert dialog.preview.page_count() == 1
    assert dialog.preview.page_label.text() == "Trang 1/1"
    assert dialog.preview.view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_choosing_a5_rebuilds_the_pdf_for_a5(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, settings, tmp_path)
    assert [dialog.paper_box.itemText(i) for i in range(dialog.paper_box.count())] == [
        "A4",
        "A5",
        "Giấy cuộn 80 mm (phiếu ngắn)",
    ]
    dialog.set_paper(Paper.A5)
    assert dialog.current_pdf() == build_form(FormId.SLIP, SLIP, Paper.A5)
    size = dialog.preview._loaded.document.pagePointSize(0)  # type: ignore[union-attr]
    assert (round(size.width()), round(size.height())) == (420, 595)


def test_print_reaches_the_printer_scans_and_is_reported_once(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    records: list[PrintRecord] = []
    dialog = make_dialog(qtbot, settings, tmp_path, records=records)
    out = tmp_path / "out.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=5000):
        outcome = dialog.print_to(pdf_printer(out))
    assert outcome is not None and outcome.ok
    assert records == [PrintRecord(FormId.SLIP, 1, None, str(out))]
    printed = out.read_bytes()
    assert len(PdfReader(io.BytesIO(printed)).pages) == 1
    assert decode(printed) == {"Code128": [SLIP.dossier_code], "QRCode": [SLIP.dossier_code]}
    assert dialog.status_label.text() == msg.PRINTED.format(copies=1, printer=str(out))


def test_copies_are_all_printed(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    records: list[PrintRecord] = []
    dialog = make_dialog(qtbot, settings, tmp_path, records=records)
    dialog.copies_box.setValue(2)
    out = tmp_path / "two.pdf"
    dialog.print_to(pdf_printer(out, dpi=150))
    assert records[0].copies == 2
    assert len(PdfReader(str(out)).pages) == 2  # the PDF printer takes no copy count: pages are repeated


def test_a_failed_print_records_nothing_and_says_why(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    records: list[PrintRecord] = []
    dialog = make_dialog(qtbot, settings, tmp_path, records=records)
    with qtbot.waitSignal(dialog.print_failed, timeout=5000) as failed:
        outcome = dialog.print_to(pdf_printer(tmp_path / "no such folder" / "out.pdf"))
    assert outcome is not None and not outcome.ok
    assert records == []
    assert failed.args[0].startswith("In không thành công:")
    assert dialog.status_label.text() == failed.args[0]
    assert settings.value("printing/slip/paper") is None  # a failed print is not a remembered choice


def test_without_any_printer_the_print_button_explains(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    records: list[PrintRecord] = []
    dialog = make_dialog(qtbot, settings, tmp_path, records=records, printers=lambda: [])
    assert not dialog.printer_box.isEnabled()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert records == []
    assert msg.REASON_NO_PRINTER in dialog.status_label.text()


def test_a_reprint_needs_a_reason_which_is_reported(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    records: list[PrintRecord] = []
    dialog = make_dialog(qtbot, settings, tmp_path, records=records, is_reprint=True)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert records == [] and dialog.status_label.text() == msg.REPRINT_REASON_REQUIRED
    assert not (tmp_path / "printed.pdf").exists()
    dialog.reason_edit.setText("Công dân làm mất giấy hẹn")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert records == [PrintRecord(FormId.SLIP, 1, "Công dân làm mất giấy hẹn", "Máy in quầy 1")]


def test_printer_and_paper_are_remembered_per_form(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    first = make_dialog(qtbot, settings, tmp_path, records=[])
    first.printer_box.setCurrentText("Máy in quầy 2")
    first.set_paper(Paper.A5)
    qtbot.mouseClick(first.print_button, Qt.MouseButton.LeftButton)
    again = make_dialog(qtbot, settings, tmp_path)
    assert again.printer_box.currentText() == "Máy in quầy 2"
    assert again.paper() == Paper.A5
    other_form = make_dialog(qtbot, settings, tmp_path, form_id=FormId.REJECTION)
    assert other_form.printer_box.currentText() == "Máy in quầy 1"
    assert other_form.paper() == Paper.A4


def test_save_pdf_writes_the_builders_bytes_unchanged(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, settings, tmp_path)
    target = tmp_path / "giay-hen.pdf"
    assert dialog.save_pdf(target)
    assert target.read_bytes() == build_form(FormId.SLIP, SLIP, Paper.A4)
    assert not dialog.save_pdf(tmp_path / "missing" / "x.pdf")
    assert dialog.status_label.text().startswith("Không lưu được tệp PDF")


def test_a_builder_error_is_shown_and_blocks_printing(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    def broken(paper: Paper) -> bytes:
        raise ValueError("thiếu mã hồ sơ")

    dialog = PrintPreviewDialog(FormId.SLIP, broken, title="x", settings=settings, printers=lambda: ["A"])
    qtbot.addWidget(dialog)
    assert dialog.status_label.text() == msg.BUILD_FAILED.format(error="thiếu mã hồ sơ")
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_a_recording_failure_after_printing_is_not_hidden(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    def record(_: PrintRecord) -> None:
        raise RuntimeError("cơ sở dữ liệu bị khóa")

    dialog = make_dialog(qtbot, settings, tmp_path, on_printed=record)
    outcome = dialog.print_to(pdf_printer(tmp_path / "ok.pdf", dpi=150))
    assert outcome is not None and outcome.ok
    assert "cơ sở dữ liệu bị khóa" in dialog.status_label.text()


def test_many_page_ledger_can_be_paged_through(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, settings, tmp_path, form_id=FormId.LEDGER)
    pages = dialog.preview.page_count()
    assert pages > 1 and not dialog.preview.previous_button.isEnabled()
    qtbot.mouseClick(dialog.preview.next_button, Qt.MouseButton.LeftButton)
    assert dialog.preview.current_page() == 1
    assert dialog.preview.page_label.text() == f"Trang 2/{pages}"


def test_receipt_rendered_for_a_203_dpi_head_on_white_scans() -> None:
    loaded = LoadedPdf(build_form(FormId.SLIP, SLIP, Paper.ROLL_80MM))
    image = render_page_on_white(loaded.document, 0, 203, aliased=True)
    assert image.pixelColor(0, 0).lightness() == 255  # flattened: no transparent (black) background
    found = {r.format.name: r.text for r in zxingcpp.read_barcodes(image)}
    assert found == {"Code128": "H56-261123-0007", "QRCode": SLIP.dossier_code}
