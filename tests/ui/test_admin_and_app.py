"""The admin tab, and the real program started as a clerk would start it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from counter_app.services.users import get_actor
from counter_app.ui.env import UiEnv
from counter_app.ui.tabs.admin_tab import AdminTab
from tests.ui.helpers import type_text, wait_idle


def test_an_admin_sees_the_unit_and_adds_a_clerk(qtbot, qtmodeltester, env) -> None:
    admin_env = UiEnv(env.ctx, get_actor(env.ctx.db, "admin"), env.worker, env.settings)
    tab = AdminTab(admin_env)
    qtbot.addWidget(tab)
    wait_idle(qtbot, env.worker)
    assert tab.unit_labels[0].text() == "Trung tâm Phục vụ hành chính công xã Mường Lát"
    assert tab.users.rowCount() == 3
    qtmodeltester.check(tab.users)
    type_text(tab.username, "canbo7")
    type_text(tab.full_name, "Đinh Thị Bảy")
    type_text(tab.password, "TamThoi#2026")
    tab.add_button.click()
    wait_idle(qtbot, env.worker)
    wait_idle(qtbot, env.worker)
    assert "canbo7" in tab.users_message.text()
    names = [tab.users.index(r, 1).data() for r in range(tab.users.rowCount())]
    assert "Đinh Thị Bảy" in names
    assert tab.users.index(names.index("Đinh Thị Bảy"), 3).data() == "Chờ đổi mật khẩu"


def test_a_clerk_does_not_manage_accounts(qtbot, env) -> None:
    tab = AdminTab(env)
    qtbot.addWidget(tab)
    wait_idle(qtbot, env.worker)
    assert not tab.users_box.isVisibleTo(tab) and tab.not_admin.isVisibleTo(tab)


def test_the_program_starts_shows_its_sign_in_and_quits_cleanly(db_path: Path, tmp_path: Path) -> None:
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        COUNTER_APP_EXIT_AFTER_SHOW="1500",
        XDG_DATA_HOME=str(tmp_path),
        HOME=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, "-m", "counter_app", "--db", str(db_path)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_signing_out_closes_the_window_and_asks_for_a_sign_in_again(qtbot, ctx, worker, ui_settings) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from counter_app.ui.app import CounterSession
    from counter_app.ui.login import LoginDialog
    from tests.conftest import CLERK_PASSWORD

    logins: list[LoginDialog] = []

    def answer_login(password: str | None) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(50, lambda: answer_login(password))
            return
        logins.append(dialog)
        if password is None:
            dialog.reject()  # the next clerk walks away: nobody signs in
            return
        dialog.username.setText("canbo1")
        dialog.password.setText(password)
        dialog.submit()

    session = CounterSession(QApplication.instance(), ctx, worker, ui_settings)
    QTimer.singleShot(50, lambda: answer_login(CLERK_PASSWORD))
    assert session.sign_in()
    first = session.window
    assert first is not None and first.isVisible()
    quit_calls: list[bool] = []
    session.app = type("App", (), {"quit": lambda self: quit_calls.append(True)})()  # observe, do not quit
    QTimer.singleShot(50, lambda: answer_login(None))
    first.logout()
    assert len(logins) == 2 and session.window is None and quit_calls == [True]
