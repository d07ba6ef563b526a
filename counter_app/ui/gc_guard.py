"""Garbage collection only on the GUI thread.

CPython's cyclic collector runs in whichever thread happens to allocate when a threshold is crossed.
When that is the DB worker, it may free a cycle holding a Qt wrapper (a closed dialog, a widget's
lambda) and destroy a Qt object off its thread: a segmentation fault, seen in CI inside a SQLAlchemy
query on the worker. So automatic collection is switched off while Qt runs, and the GUI thread
collects on a timer, by the same generation thresholds CPython itself would use.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_if_due() -> int:
    """Collect the oldest generation whose threshold is crossed, as CPython would; GUI thread only."""
    if threading.current_thread() is not threading.main_thread():
        return 0
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


class GuiThreadCollector(QObject):
    """Owns the timer; `uninstall()` gives automatic collection back (at exit, and between tests)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()

    def uninstall(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


def freeze_startup_objects() -> None:
    """Once the program has started: what exists now (modules, Qt wrappers, mappers, fonts) lives until
    exit, so take it out of every later collection. A full collection then walks only the objects made
    since, instead of pausing the GUI thread (and, through the GIL, the worker) for tens of ms."""
    gc.collect()
    gc.freeze()


def install(app: QObject) -> GuiThreadCollector:
    """Call once, on the GUI thread, right after the QApplication exists."""
    return GuiThreadCollector(app)
