"""Code 128 and QR drawn as vector rectangles, sized in whole modules.

Why vectors and fixed modules: a scanner needs at least two printer dots per module (0.25 mm is
2 dots at 203 dpi, 3 at 300) and ten modules of quiet zone each side; ReportLab's own defaults
(0.19 mm, 6.35 mm quiet) decode badly on 203-dpi heads (tech-probe §2).
"""

from __future__ import annotations

from functools import lru_cache

import barcode
import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from counter_app.printing import fonts

CODE128_MODULE_MM = 0.25
QUIET_MODULES = 10
QR_MODULE_MM = 0.5
QR_BORDER_MODULES = 4


@lru_cache(maxsize=256)
def code128_modules(code: str) -> str:
    """'1'/'0' per module (start, data, check, stop), without quiet zones."""
    return barcode.Code128(code).build()[0]


def code128_width(code: str, module_mm: float = CODE128_MODULE_MM) -> float:
    """Width in points including both quiet zones."""
    return (len(code128_modules(code)) + 2 * QUIET_MODULES) * module_mm * mm


@lru_cache(maxsize=256)
def _runs(pattern: str) -> tuple[tuple[int, int], ...]:
    """(start, length) of every run of dark modules."""
    runs = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "1":
            j = i
            while j < len(pattern) and pattern[j] == "1":
                j += 1
            runs.append((i, j - i))
            i = j
        else:
            i += 1
    return tuple(runs)


def draw_code128(
    canvas: Canvas, x: float, y: float, code: str, height: float, module_mm: float = CODE128_MODULE_MM
) -> float:
    """Bars with their lower-left quiet zone corner at (x, y); returns the total width in points."""
    module = module_mm * mm
    x0 = x + QUIET_MODULES * module
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    for start, length in _runs(code128_modules(code)):
        canvas.rect(x0 + start * module, y, length * module, height, stroke=0, fill=1)
    canvas.restoreState()
    return code128_width(code, module_mm)


@lru_cache(maxsize=256)
def qr_rows(data: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Dark runs per row of the QR matrix (error level M, boosted by segno when it costs nothing)."""
    qr = segno.make(data, error="m", micro=False)
    return tuple(_runs("".join("1" if cell else "0" for cell in row)) for row in qr.matrix)


def qr_size(data: str, module_mm: float = QR_MODULE_MM) -> float:
    """Side in points including the 4-module quiet zone."""
    return (len(qr_rows(data)) + 2 * QR_BORDER_MODULES) * module_mm * mm


def draw_qr(canvas: Canvas, x: float, y: float, data: str, module_mm: float = QR_MODULE_MM) -> float:
    """QR with its lower-left quiet-zone corner at (x, y); returns the side in points."""
    module = module_mm * mm
    rows = qr_rows(data)
    n = len(rows)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    for r, runs in enumerate(rows):
        yy = y + (QR_BORDER_MODULES + n - 1 - r) * module
        for start, length in runs:
            canvas.rect(
                x + (QR_BORDER_MODULES + start) * module, yy, length * module, module, stroke=0, fill=1
            )
    canvas.restoreState()
    return qr_size(data, module_mm)


class CodeBlock(Flowable):
    """Code 128 of `bar_code` with its text under it, and a QR of `qr_data`.

    Side by side when both fit the frame, else stacked; if the Code 128 cannot fit at the minimum
    module, only the QR is drawn (a narrower bar would not scan).
    """

    def __init__(
        self,
        bar_code: str,
        qr_data: str,
        bar_height_mm: float = 12.0,
        text_size: float = 9.0,
        centre_bars: bool = True,
        qr_module_mm: float = QR_MODULE_MM,
    ) -> None:
        super().__init__()
        self.bar_code = bar_code
        self.qr_data = qr_data
        self.qr_module_mm = qr_module_mm
        self.bar_height = bar_height_mm * mm
        self.text_size = text_size
        self.centre_bars = centre_bars
        self._layout = "side"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        bars_w = code128_width(self.bar_code)
        qr_w = qr_size(self.qr_data, self.qr_module_mm)
        bars_h = self.bar_height + self.text_size * 1.4
        if bars_w + qr_w <= avail_width:
            self._layout, height = "side", max(bars_h, qr_w)
        elif bars_w <= avail_width:
            self._layout, height = "stacked", bars_h + qr_w
        else:
            self._layout, height = "qr", qr_w
        self.width, self.height = avail_width, height
        return avail_width, height

    def draw(self) -> None:
        c = self.canv
        bars_w = code128_width(self.bar_code)
        qr_w = qr_size(self.qr_data, self.qr_module_mm)
        bars_h = self.bar_height + self.text_size * 1.4
        if self._layout == "side":
            qr_x = self.avail - qr_w
            bars_x = (self.avail - bars_w) / 2 if self.centre_bars else 0.0
            # Keep the bars clear of the QR when centring would make them touch.
            bars_x = min(bars_x, qr_x - bars_w)
            self._draw_bars(bars_x, self.height - bars_h)
            draw_qr(c, qr_x, self.height - qr_w, self.qr_data, self.qr_module_mm)
        elif self._layout == "stacked":
            self._draw_bars((self.avail - bars_w) / 2, self.height - bars_h)
            draw_qr(c, (self.avail - qr_w) / 2, 0, self.qr_data, self.qr_module_mm)
        else:
            draw_qr(c, (self.avail - qr_w) / 2, 0, self.qr_data, self.qr_module_mm)

    def _draw_bars(self, x: float, y: float) -> None:
        c = self.canv
        width = draw_code128(c, x, y + self.text_size * 1.4, self.bar_code, self.bar_height)
        c.setFont(fonts.REGULAR, self.text_size)
        c.drawCentredString(x + width / 2, y + self.text_size * 0.3, self.bar_code)


class CentredBars(Flowable):
    """A Code 128 centred in the frame with its text under it (the 80 mm receipt)."""

    def __init__(self, code: str, bar_height_mm: float = 10.0, text_size: float = 9.0) -> None:
        super().__init__()
        self.code = code
        self.bar_height = bar_height_mm * mm
        self.text_size = text_size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        self.width, self.height = avail_width, self.bar_height + self.text_size * 1.4
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        bars_w = code128_width(self.code)
        x = (self.avail - bars_w) / 2
        draw_code128(c, x, self.text_size * 1.4, self.code, self.bar_height)
        c.setFont(fonts.REGULAR, self.text_size)
        c.drawCentredString(self.avail / 2, self.text_size * 0.3, self.code)


class CentredQr(Flowable):
    def __init__(self, data: str, module_mm: float = QR_MODULE_MM) -> None:
        super().__init__()
        self.data = data
        self.module_mm = module_mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        side = qr_size(self.data, self.module_mm)
        self.width, self.height = avail_width, side
        return self.width, self.height

    def draw(self) -> None:
        side = qr_size(self.data, self.module_mm)
        draw_qr(self.canv, (self.avail - side) / 2, 0, self.data, self.module_mm)
