"""Print the builders' PDF bytes through QtPdf onto a QPrinter, at the printer's own resolution.

Why raster at the printer's dpi and flattened on white: QPdfDocument.render() returns ARGB with a
transparent background, which printer drivers (and barcode scanners reading the result) turn into
black or garbage; drawn at exactly one image pixel per printer dot, the bars keep whole-dot widths.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from counter_app.messages import printing as msg

# An A4 page at 1200 dpi is a 139-megapixel raster; 600 dpi keeps 0.25 mm bars at ~6 whole dots and
# fits the 4 GB counter PCs. Lower printer resolutions (300, 203 dpi) are used as they are.
MAX_DPI = 600


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    printer_name: str
    pages_sent: int = 0
    reason: str = ""  # Vietnamese, for the clerk, when not ok


class LoadedPdf:
    """A QPdfDocument reading from an in-memory buffer that lives as long as the document."""

    def __init__(self, pdf: bytes, parent: QObject | None = None) -> None:
        self.bytes = pdf
        self.buffer = QBuffer(parent)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent)
        self.document.load(self.buffer)

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0

    @property
    def error_name(self) -> str:
        return self.document.error().name


def render_page_on_white(document: QPdfDocument, page: int, dpi: float, aliased: bool = False) -> QImage:
    """The page at `dpi` as an 8-bit grey image on a white background."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    options = QPdfDocumentRenderOptions()
    if aliased:  # crisp edges for 203-dpi thermal heads
        options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.PathAliased)
    rendered = document.render(page, size, options)
    flat = QImage(rendered.size(), QImage.Format.Format_Grayscale8)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return flat


def printer_display_name(printer: QPrinter) -> str:
    return printer.printerName() or printer.outputFileName()


def _match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Ask the printer for the PDF's own paper (A4, A5 or the 80 mm roll) and orientation."""
    points = document.pagePointSize(0)
    width, height = points.width(), points.height()
    landscape = width > height
    portrait_size = QSizeF(min(width, height), max(width, height))
    printer.setPageSize(
        QPageSize(portrait_size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)


def print_pdf(pdf: bytes, printer: QPrinter, copies: int = 1) -> PrintOutcome:
    """Send every page `copies` times; success only when the printer took every page and the job."""
    name = printer_display_name(printer)
    loaded = LoadedPdf(pdf)
    if not loaded.ok:
        return PrintOutcome(False, name, reason=msg.REASON_BAD_DOCUMENT.format(error=loaded.error_name))
    document = loaded.document
    _match_paper(printer, document)
    if printer.resolution() > MAX_DPI:
        printer.setResolution(MAX_DPI)
    manual_copies = copies
    if printer.supportsMultipleCopies():
        printer.setCopyCount(copies)
        manual_copies = 1
    painter = QPainter()
    if not painter.begin(printer):
        return PrintOutcome(False, name, reason=msg.REASON_PRINTER_NOT_READY.format(printer=name))
    sent = 0
    try:
        dpi = printer.resolution()
        for _copy in range(manual_copies):
            for page in range(document.pageCount()):
                if sent and not printer.newPage():
                    return PrintOutcome(
                        False, name, sent, msg.REASON_PAGE_FAILED.format(printer=name, page=page + 1)
                    )
                points = document.pagePointSize(page)
                target = QRectF(0, 0, points.width() * dpi / 72, points.height() * dpi / 72)
                painter.drawImage(target, render_page_on_white(document, page, dpi))
                sent += 1
    finally:
        finished = painter.end()
    if not finished or printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        return PrintOutcome(False, name, sent, msg.REASON_FINISH_FAILED.format(printer=name))
    return PrintOutcome(True, name, sent)
