"""The main window: Vietnamese tabs and menus with their shortcuts, the busy sign, the font size."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from counter_app.ui.main_window import MainWindow
from tests.ui.helpers import wait_idle


@pytest.fixture
def window(qtbot, env):
    win = MainWindow(env, install_scanner=False)
    qtbot.addWidget(win)
    win.show()
    wait_idle(qtbot, env.worker)
    yield win
    win.close()


def test_tabs_are_in_vietnamese_and_hold_the_real_screens(window) -> None:
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert labels == ["Tiếp nhận (F2)", "Hồ sơ (F3)", "Trả kết quả (F4)", "Báo cáo", "Đồng bộ", "Quản trị"]
    assert window.findChild(QLabel, "placeholderText") is None  # no tab is a "coming soon" placeholder
    assert "Mường Lát" in window.windowTitle() and "Hà Thị Thu Hương" in window.windowTitle()
    assert "Hà Thị Thu Hương" in window.user_label.text()


def test_every_menu_action_shows_its_shortcut(window) -> None:
    actions = [a for menu in window.menuBar().actions() for a in menu.menu().actions() if not a.isSeparator()]
    assert actions and all(not a.shortcut().isEmpty() for a in actions)
    texts = {a.text(): a.shortcut().toString() for a in actions}
    assert (
        texts["Tiếp nhận hồ sơ mới"] == "F2"
        and texts["Trả kết quả"] == "F4"
        and texts["Tìm hồ sơ…"] == "Ctrl+F"
    )


def test_f_keys_move_between_screens(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    from PySide6.QtCore import Qt

    qtbot.keyClick(window.intake.picker, Qt.Key.Key_F4)
    assert window.tabs.currentWidget() is window.returns
    qtbot.keyClick(window.returns.code, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.dossiers
    qtbot.keyClick(window.dossiers.table, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.intake


def test_the_busy_sign_appears_only_for_slow_work(qtbot, window, env) -> None:
    env.worker.submit(lambda: time.sleep(0.05))
    wait_idle(qtbot, env.worker)
    assert not window.busy_label.isVisibleTo(window)
    env.worker.submit(lambda: time.sleep(0.8))
    qtbot.waitUntil(lambda: window.busy_label.isVisibleTo(window), timeout=2000)
    wait_idle(qtbot, env.worker)
    assert not window.busy_label.isVisibleTo(window)


def test_the_font_size_setting_is_applied_and_kept(window, env) -> None:
    before = env.settings.font_size
    window.change_font(+2)
    assert env.settings.font_size == before + 2
    assert QApplication.font().pointSize() == before + 2
    window.change_font(0)
    assert env.settings.font_size == 11 and QApplication.font().pointSize() == 11


def test_an_unknown_code_gives_a_message_not_a_window(qtbot, window, env) -> None:
    window.open_dossier("000.21.27.H56-260302-0999")
    wait_idle(qtbot, env.worker)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = QApplication.activeModalWidget()
    assert "Không tìm thấy hồ sơ có mã «000.21.27.H56-260302-0999»" in box.text()
    assert window.detail is None
    box.close()
