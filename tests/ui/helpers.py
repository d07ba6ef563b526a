"""Helpers for driving real widgets as a clerk would."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.services.catalog import procedures_in_force
from counter_app.services.context import Actor, CounterContext
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from counter_app.services.views import DossierView


def type_text(widget: QWidget, text: str) -> None:
    """Unicode-safe typing (qtbot.keyClicks aborts the process on non-ASCII, tech-probe §4)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def ime_commit(widget: QWidget, text: str) -> None:
    """What Unikey, ibus and Windows IMEs deliver."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(widget, key, modifiers)


def scan(widget: QWidget, code: str) -> None:
    """A USB scanner: the code's characters in a burst, then Enter, into whatever has focus."""
    type_text(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def wait_idle(qtbot, worker, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=timeout)


def receive(ctx: CounterContext, actor: Actor, name: str, code: str, at: datetime, **kwargs) -> DossierView:
    request = IntakeRequest(code, ApplicantInput(name, **kwargs))
    return receive_dossier(ctx, actor, request, at=at).dossier


def procedure_codes(ctx: CounterContext) -> set[str]:
    return {p.code for p in procedures_in_force(ctx.db, ctx.now().date())}
