"""A USB barcode scanner is a keyboard that types very fast: recognise its bursts anywhere in the app.

The filter watches key presses delivered to the focused widget. A run of printable characters typed
faster than any person types, ended by Enter, that parses as a dossier code, is a scan: the filter
emits `scanned(code)`, swallows the Enter (so it does not also press a default button) and removes the
burst from the line edit it landed in. Anything else passes through untouched.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from counter_app.core.dossier_code import parse_dossier_code

# Scanners send a key every 2–20 ms; a fast typist manages ~80 ms between keys, most clerks 150+.
MAX_GAP_S = 0.045
MIN_LENGTH = 8
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanFilter(QObject):
    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._chars: list[str] = []
        self._last = 0.0
        self._target: QWidget | None = None
        self.enabled = True

    def reset(self) -> None:
        self._chars.clear()
        self._target = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.enabled or event.type() != QEvent.Type.KeyPress or not obj.isWidgetType():
            return False
        focus = QApplication.focusWidget()
        # A key event propagates to parents when ignored; count it once, at the widget it was sent to.
        if focus is not None and obj is not focus:
            return False
        assert isinstance(event, QKeyEvent)
        now = self._clock()
        gap = now - self._last
        self._last = now
        if event.key() in _ENTER_KEYS:
            return self._finish(gap)
        text = event.text()
        if (
            len(text) != 1
            or not text.isprintable()
            or event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self.reset()
            return False
        if self._chars and gap > MAX_GAP_S:
            self.reset()  # a pause: whatever came before was a person typing
        if not self._chars:
            self._target = obj if isinstance(obj, QWidget) else None
        self._chars.append(text)
        return False

    def _finish(self, gap: float) -> bool:
        burst = "".join(self._chars)
        target = self._target
        self.reset()
        if len(burst) < MIN_LENGTH or gap > MAX_GAP_S:
            return False
        parts = parse_dossier_code(burst)
        if parts is None:
            return False
        if isinstance(target, QLineEdit) and target.text().endswith(burst):
            target.setText(target.text()[: -len(burst)])  # the scan was not meant as typing into it
        self.scanned.emit(parts.code)
        return True


def install(app: QApplication, parent: QObject | None = None) -> ScanFilter:
    scan = ScanFilter(parent)
    app.installEventFilter(scan)
    return scan
