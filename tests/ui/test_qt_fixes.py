"""A morning at the counter emits tens of thousands of Qt signals; the binding's emit() leak must not
abort the program (PySide6 6.12.0 takes a reference to True away on every emit)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import counter_app.ui  # noqa: F401 - applies the fix on import, as the application does
from counter_app.ui.qt_fixes import emit_leaks_true


class Pinger(QObject):
    ping = Signal(object)


def test_a_hundred_thousand_emits_do_not_free_true(qtbot) -> None:
    pinger = Pinger()
    seen: list[object] = []
    pinger.ping.connect(seen.append)
    start = sys.getrefcount(True)
    for n in range(100_000):
        pinger.ping.emit(n)
    assert len(seen) == 100_000
    assert sys.getrefcount(True) > 1_000_000  # far from zero: the process lives on
    if emit_leaks_true():
        assert sys.getrefcount(True) < start  # the defect is still there; the reserve absorbs it
