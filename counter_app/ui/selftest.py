"""`counter-app --self-test`, the Qt part: the slip read back with QtPdf, rendered, and a window painted.

These are the pieces a frozen bundle most often loses (the QtPdf library, a platform plugin, the fonts),
so they are checked inside the bundle, headless when there is no display.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import TextIO

from counter_app.messages import selftest as msg
from counter_app.selftest import ReceivedSlip, SelfTest, StepFailed, header, run_core

RENDER_DPI = 96
PAINT_TIMEOUT_S = 10
# A slip is black text and bars on white: some ink, far from all of it.
MIN_INK, MAX_INK = 0.005, 0.5
_DARK = bytes(range(128))


def choose_platform() -> str:
    """Offscreen when nothing could show a window (CI, an SSH session); Qt's own choice otherwise."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return os.environ.get("QT_QPA_PLATFORM", "")


def ink_fraction(image) -> float:  # type: ignore[no-untyped-def]
    """Share of pixels darker than mid-grey in an 8-bit grey QImage."""
    from PySide6.QtGui import QImage

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())  # type: ignore[call-overload]
    pixels = b"".join(data[y * stride:y * stride + width] for y in range(height))  # rows without padding
    light = pixels.translate(None, _DARK)  # deleting the dark bytes leaves the light ones
    return (len(pixels) - len(light)) / max(1, len(pixels))


def check_slip_text(slip: ReceivedSlip) -> str:
    from counter_app.ui.printing_qt import LoadedPdf

    loaded = LoadedPdf(slip.pdf)
    if not loaded.ok:
        raise StepFailed(msg.PDF_NOT_LOADED.format(error=loaded.error_name))
    text = unicodedata.normalize("NFC", loaded.document.getAllText(0).text())
    for expected in (slip.dossier_code, slip.applicant_name, msg.SLIP_TITLE):
        if expected not in text:
            raise StepFailed(msg.TEXT_MISSING.format(text=expected))
    return slip.dossier_code


def check_slip_render(slip: ReceivedSlip) -> str:
    from counter_app.ui.printing_qt import LoadedPdf, render_page_on_white

    loaded = LoadedPdf(slip.pdf)
    image = render_page_on_white(loaded.document, 0, RENDER_DPI)
    ink = ink_fraction(image)
    if ink < MIN_INK:
        raise StepFailed(msg.PAGE_BLANK.format(percent=ink * 100))
    if ink > MAX_INK:
        raise StepFailed(msg.PAGE_TOO_DARK.format(percent=ink * 100))
    return msg.DETAIL_PAGE.format(width=image.width(), height=image.height(), percent=ink * 100)


def check_window() -> str:
    """A window with Vietnamese text in the bundled font reaches the screen (or the offscreen surface)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    class PaintWatch(QObject):
        painted_at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and self.painted_at is None:
                self.painted_at = time.perf_counter()
            return False

    window = QMainWindow()
    label = QLabel(msg.SELFTEST_WINDOW_TEXT)
    window.setCentralWidget(label)
    window.resize(640, 120)
    watch = PaintWatch()
    label.installEventFilter(watch)
    started = time.perf_counter()
    window.show()
    while watch.painted_at is None and time.perf_counter() - started < PAINT_TIMEOUT_S:
        QApplication.processEvents()
    try:
        if watch.painted_at is None:
            raise StepFailed(msg.WINDOW_NOT_PAINTED.format(seconds=PAINT_TIMEOUT_S))
        shot = window.grab().toImage()
        if ink_fraction(shot) <= 0.0005:
            raise StepFailed(msg.WINDOW_BLANK)
        return f"{label.font().family()}, {(watch.painted_at - started) * 1000:.0f} ms"
    finally:
        window.close()


def import_every_module() -> str:
    """Import each module of the program: one a bundle left out (or one whose import fails) is named."""
    import importlib
    import pkgutil

    import counter_app

    names = sorted(info.name for info in pkgutil.walk_packages(counter_app.__path__, "counter_app.")
                   if not info.name.endswith("__main__"))  # __main__ would start the program again
    failures = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # every broken module, not only the first
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
    if failures:
        raise StepFailed("\n".join(failures))
    return msg.DETAIL_MODULES.format(n=len(names))


def _start_qt():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from counter_app.ui.app import load_fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_fonts(app)  # type: ignore[arg-type]
    return app


def run_qt(test: SelfTest, slip: ReceivedSlip | None) -> None:
    choose_platform()
    app = test.run(msg.STEP_QT, _start_qt, lambda a: a.platformName())
    if app is None or slip is None:
        return
    test.run(msg.STEP_SLIP_TEXT, lambda: check_slip_text(slip))
    test.run(msg.STEP_SLIP_RENDER.format(dpi=RENDER_DPI), lambda: check_slip_render(slip))
    test.run(msg.STEP_WINDOW, check_window)
    test.run(msg.STEP_MODULES, import_every_module)


def _output() -> TextIO:
    """Standard output that takes Vietnamese; a log file when a windowed Windows build has no console."""
    stream = sys.stdout
    if stream is None:
        from counter_app.paths import data_dir

        return open(data_dir() / "self-test.txt", "w", encoding="utf-8")  # noqa: SIM115 - lives until exit
    encoding = (getattr(stream, "encoding", "") or "").lower()
    if encoding.replace("-", "") != "utf8" and isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="replace")  # e.g. cp1252 when piped on Windows
    return stream


def run_self_test() -> int:
    """Run every step, print each with its time, and return the exit status (0: all passed)."""
    out = _output()
    print(header(), file=out, flush=True)
    test = SelfTest(out=out)
    with tempfile.TemporaryDirectory(prefix="counter_app-selftest-", ignore_cleanup_errors=True) as tmp:
        try:
            slip = run_core(test, Path(tmp))
            run_qt(test, slip if not test.failed else None)
        except Exception as exc:  # never a bare traceback: the summary line must still be printed
            test.crashed(exc)
    print(test.summary(), file=out, flush=True)
    return 0 if test.ok else 1
