"""A barcode scanner types a code and Enter very fast; a person types slowly. Only the scanner opens a
dossier."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.ui.scanner import ScanFilter

CODE = "000.21.27.H56-260302-0007"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.step = 0.005

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def form(qtbot):
    widget = QWidget()
    widget.edit = QLineEdit(widget)  # type: ignore[attr-defined]
    widget.button = QPushButton("OK", widget)  # type: ignore[attr-defined]
    widget.button.setDefault(True)  # type: ignore[attr-defined]
    layout = QVBoxLayout(widget)
    layout.addWidget(widget.edit)  # type: ignore[attr-defined]
    layout.addWidget(widget.button)  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    widget.edit.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.edit)  # type: ignore[attr-defined]
    return widget


@pytest.fixture
def scanner(qtbot):
    clock = Clock()
    scan = ScanFilter(clock=clock)
    scan.clock = clock  # type: ignore[attr-defined]
    QApplication.instance().installEventFilter(scan)
    yield scan
    QApplication.instance().removeEventFilter(scan)


def type_keys(widget: QWidget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_a_scan_into_a_text_box_opens_the_dossier_and_leaves_the_box_as_it_was(form, scanner) -> None:
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    form.edit.setText("Nguyễn ")
    form.edit.end(False)
    type_keys(form.edit, CODE.lower())
    QTest.keyClick(form.edit, Qt.Key.Key_Return)
    assert seen == [CODE]
    assert form.edit.text() == "Nguyễn "


def test_a_person_typing_the_same_characters_is_left_alone(form, scanner) -> None:
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    scanner.clock.step = 0.2  # 200 ms between keys
    type_keys(form.edit, CODE)
    QTest.keyClick(form.edit, Qt.Key.Key_Return)
    assert seen == []
    assert form.edit.text() == CODE


def test_a_fast_burst_that_is_not_a_code_passes_through(form, scanner) -> None:
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    pressed: list[bool] = []
    form.edit.returnPressed.connect(lambda: pressed.append(True))
    type_keys(form.edit, "8934567890123")  # a product EAN, not a dossier
    QTest.keyClick(form.edit, Qt.Key.Key_Return)
    assert seen == [] and pressed == [True]
    assert form.edit.text() == "8934567890123"


def test_the_enter_of_a_scan_does_not_press_the_default_button(form, scanner) -> None:
    clicked: list[bool] = []
    form.button.clicked.connect(lambda: clicked.append(True))
    form.button.setFocus()
    type_keys(form.button, CODE)
    QTest.keyClick(form.button, Qt.Key.Key_Return)
    assert clicked == []
