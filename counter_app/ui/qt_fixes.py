"""Work-arounds for defects of the Qt binding we ship, each detected at run time rather than assumed.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without taking a reference, so every `emit()` whose
result is discarded takes one reference away from `True`. After a few thousand emits (a morning at the
counter) CPython frees `True` and aborts ("bool_dealloc: deallocating True or False"). On CPython < 3.12
(where `True` is not yet immortal) we give it a huge reserve of references once, which makes it
effectively immortal, as CPython 3.12 does itself. Nothing happens when the binding does not leak.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_RESERVE = 1 << 40  # ~10^12 emits; 32-bit-saturated immortal counts (3.12+) are never touched
_done = False


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true(samples: int = 16) -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(samples):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= samples


def protect_singletons() -> bool:
    """Apply the fix once if this binding needs it; True when it was applied."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not emit_leaks_true():
        return False
    for singleton in (True, False, None):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _done = True
    return True
