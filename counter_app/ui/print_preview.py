"""Print preview of a form: the builder's own PDF shown with QtPdf, printed at the printer's dpi,
saved byte for byte, with the printer and paper remembered per form.

The dialog never records anything itself: after a print the printer accepted, it calls
`on_printed(PrintRecord(...))` (the caller records the dossier event); a failed print calls nothing
and says why in Vietnamese. A reprint needs a reason before it prints.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QSettings, Qt, Signal
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.messages import printing as msg
from counter_app.printing.data import FormId, Paper, PrintRecord
from counter_app.ui.printing_qt import LoadedPdf, PrintOutcome, print_pdf

__all__ = ["PdfPreview", "PrintPreviewDialog", "PrintRecord", "system_printer", "system_printer_names"]


def system_printer_names() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def system_printer(name: str) -> QPrinter:
    """A high-resolution QPrinter for the named system printer (the printer's own dpi)."""
    info = QPrinterInfo.printerInfo(name)
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


class PdfPreview(QWidget):
    """One page at a time, fitted in view, with previous/next buttons.

    Scroll bars are off: FitInView with as-needed scroll bars can loop forever in layout
    (tech-probe §3.2, problem 3).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: LoadedPdf | None = None
        self.view = QPdfView(self)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.previous_button = QPushButton(msg.PREVIOUS_PAGE, self)
        self.next_button = QPushButton(msg.NEXT_PAGE, self)
        self.page_label = QLabel(self)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_nav())
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.page_label, 1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(nav)

    def set_pdf(self, pdf: bytes) -> bool:
        """Show `pdf` from its first page; False if QtPdf cannot read it."""
        previous = self._loaded
        self._loaded = LoadedPdf(pdf, self)
        self.view.setDocument(self._loaded.document)
        if previous is not None:
            previous.document.deleteLater()
            previous.buffer.deleteLater()
        self.go_to(0)
        return self._loaded.ok

    def page_count(self) -> int:
        return self._loaded.document.pageCount() if self._loaded else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if self.page_count():
            page = max(0, min(page, self.page_count() - 1))
            self.view.pageNavigator().jump(page, QPointF(), 0)
        self._update_nav()

    def _update_nav(self) -> None:
        pages, page = self.page_count(), self.current_page()
        self.page_label.setText(msg.PAGE_OF.format(page=page + 1 if pages else 0, pages=pages))
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < pages)


class PrintPreviewDialog(QDialog):
    """Preview, print and save one form. `build(paper)` returns the PDF bytes for that paper."""

    printed = Signal(object)  # PrintRecord, after the printer accepted the job
    print_failed = Signal(str)  # the Vietnamese reason

    def __init__(
        self,
        form_id: FormId | str,
        build: Callable[[Paper], bytes],
        *,
        title: str,
        file_stem: str = "",
        is_reprint: bool = False,
        default_copies: int = 1,
        on_printed: Callable[[PrintRecord], None] | None = None,
        settings: QSettings | None = None,
        printers: Callable[[], Sequence[str]] = system_printer_names,
        default_printer: Callable[[], str] = QPrinterInfo.defaultPrinterName,
        make_printer: Callable[[str], QPrinter] = system_printer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form_id = FormId(form_id)
        self._build = build
        self._on_printed = on_printed
        self._settings = settings if settings is not None else QSettings()
        self._make_printer = make_printer
        self.is_reprint = is_reprint
        self.file_stem = file_stem or str(self.form_id)
        self._pdf = b""
        self.setWindowTitle(msg.PREVIEW_TITLE.format(title=title))

        self.preview = PdfPreview(self)
        self.printer_box = QComboBox(self)
        names = list(printers())
        self.printer_box.addItems(names)
        if not names:
            self.printer_box.addItem(msg.NO_PRINTER)
            self.printer_box.setEnabled(False)
        self.paper_box = QComboBox(self)
        from counter_app.printing.builder import supported_papers  # ReportLab: not before the first print

        for paper in supported_papers(self.form_id):
            self.paper_box.addItem(msg.PAPER_NAMES[paper], str(paper))
        self.copies_box = QSpinBox(self)
        self.copies_box.setRange(1, 20)
        self.copies_box.setValue(default_copies)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(msg.REPRINT_REASON_PLACEHOLDER)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.print_button = QPushButton(msg.PRINT_BUTTON, self)
        self.print_button.setDefault(True)
        self.save_button = QPushButton(msg.SAVE_PDF_BUTTON, self)
        self.close_button = QPushButton(msg.CLOSE_BUTTON, self)

        form = QFormLayout()
        form.addRow(msg.PRINTER_LABEL, self.printer_box)
        form.addRow(msg.PAPER_LABEL, self.paper_box)
        form.addRow(msg.COPIES_LABEL, self.copies_box)
        if is_reprint:
            form.addRow(msg.REPRINT_REASON_LABEL, self.reason_edit)
        else:
            self.reason_edit.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.status_label)
        side.addStretch(1)
        side.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.preview, 3)
        layout.addLayout(side, 2)
        self.resize(1000, 720)

        self._restore_choices(names, default_printer())
        self.paper_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.print_button.clicked.connect(self.print_clicked)
        self.save_button.clicked.connect(self.save_clicked)
        self.close_button.clicked.connect(self.reject)
        self.refresh()

    # -- state -------------------------------------------------------------------------------------

    def _key(self, what: str) -> str:
        return f"printing/{self.form_id}/{what}"

    def _restore_choices(self, names: list[str], default_printer: str) -> None:
        remembered = str(self._settings.value(self._key("printer"), "") or "")
        for candidate in (remembered, default_printer):
            if candidate in names:
                self.printer_box.setCurrentIndex(names.index(candidate))
                break
        paper = str(self._settings.value(self._key("paper"), "") or "")
        index = self.paper_box.findData(paper) if paper else -1
        self.paper_box.setCurrentIndex(max(index, 0))

    def paper(self) -> Paper:
        return Paper(self.paper_box.currentData())

    def set_paper(self, paper: Paper) -> None:
        self.paper_box.setCurrentIndex(self.paper_box.findData(str(Paper(paper))))

    def printer_name(self) -> str:
        return self.printer_box.currentText() if self.printer_box.isEnabled() else ""

    def current_pdf(self) -> bytes:
        """Exactly the bytes the builder returned for the chosen paper."""
        return self._pdf

    def refresh(self) -> None:
        """Rebuild the PDF for the chosen paper and show it."""
        try:
            self._pdf = self._build(self.paper())
        except Exception as exc:  # a builder error must reach the clerk, not kill the dialog
            self._pdf = b""
            self._say(msg.BUILD_FAILED.format(error=exc), error=True)
            self.print_button.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        self.preview.set_pdf(self._pdf)
        self._say("")
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;" if error else "")

    # -- printing ----------------------------------------------------------------------------------

    def print_clicked(self) -> None:
        name = self.printer_name()
        if not name:
            self._fail(msg.REASON_NO_PRINTER)
            return
        if self._reason_missing():
            return
        self.print_to(self._make_printer(name), name)

    def _reason_missing(self) -> bool:
        if self.is_reprint and not self.reason_edit.text().strip():
            self._say(msg.REPRINT_REASON_REQUIRED, error=True)
            self.reason_edit.setFocus()
            return True
        return False

    def print_to(self, printer: QPrinter, chosen_name: str = "") -> PrintOutcome | None:
        """Print the current PDF on `printer` (made for the printer the clerk chose, `chosen_name`);
        report and remember only what the printer accepted.

        Returns None when nothing was attempted (a reprint without a reason).
        """
        if self._reason_missing():
            return None
        copies = self.copies_box.value()
        outcome = print_pdf(self._pdf, printer, copies)
        if not outcome.ok:
            self._fail(outcome.reason)
            return outcome
        used = chosen_name or printer.printerName()
        self._settings.setValue(self._key("paper"), str(self.paper()))
        if used:
            self._settings.setValue(self._key("printer"), used)
        self._settings.sync()
        reason = self.reason_edit.text().strip() if self.is_reprint else None
        record = PrintRecord(self.form_id, copies, reason, used or outcome.printer_name)
        text = msg.PRINTED.format(copies=copies, printer=record.printer_name)
        if self._on_printed is not None:
            try:
                self._on_printed(record)
            except Exception as exc:  # printed on paper, but the dossier does not know yet: say so
                self._say(msg.PRINTED_NOT_RECORDED.format(copies=copies, error=exc), error=True)
                self.printed.emit(record)
                return outcome
        self._say(text)
        self.printed.emit(record)
        return outcome

    def _fail(self, reason: str) -> None:
        text = msg.PRINT_FAILED.format(reason=reason)
        self._say(text, error=True)
        self.print_failed.emit(text)

    # -- saving ------------------------------------------------------------------------------------

    def save_clicked(self) -> None:
        start = str(Path.home() / f"{self.file_stem}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, msg.SAVE_DIALOG_TITLE, start, msg.SAVE_DIALOG_FILTER)
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> bool:
        """Write the builder's bytes unchanged, atomically (a half-written PDF never replaces a good one)."""
        path = Path(path)
        try:
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pdf")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(self._pdf)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(temp, path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            self._say(msg.SAVE_FAILED.format(error=exc), error=True)
            return False
        self._say(msg.SAVED.format(path=path))
        return True
