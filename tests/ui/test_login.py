"""Signing in per clerk, the forced password change, and the first-run screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from counter_app.db.bootstrap import open_sqlite
from counter_app.services.unit import is_set_up
from counter_app.services.users import NewUser, create_user, get_actor
from counter_app.ui.first_run import FirstRunWizard
from counter_app.ui.login import ChangePasswordDialog, LoginDialog
from tests.conftest import CLERK_PASSWORD
from tests.ui.helpers import type_text, wait_idle


def test_a_wrong_password_is_refused_with_a_vietnamese_message(qtbot, ctx, worker, ui_settings) -> None:
    dialog = LoginDialog(ctx.db, worker, ui_settings, "Xã Mường Lát")
    qtbot.addWidget(dialog)
    type_text(dialog.username, "canbo1")
    type_text(dialog.password, "sai-mat-khau")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_idle(qtbot, worker)
    assert "không đúng" in dialog.error.text().lower()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.password.text() == ""
    dialog.submit()  # empty password
    assert dialog.error.text() == "Vui lòng nhập tên đăng nhập và mật khẩu."


def test_the_right_password_signs_the_clerk_in_and_is_remembered(qtbot, ctx, worker, ui_settings) -> None:
    dialog = LoginDialog(ctx.db, worker, ui_settings)
    qtbot.addWidget(dialog)
    type_text(dialog.username, "CanBo1 ")
    type_text(dialog.password, CLERK_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.full_name == "Hà Thị Thu Hương"
    assert ui_settings.last_username == "canbo1"


def test_an_account_made_by_the_admin_must_change_its_password(qtbot, ctx, worker, ui_settings) -> None:
    admin = get_actor(ctx.db, "admin")
    create_user(ctx.db, NewUser("canbo9", "Đinh Thị Mới", "clerk", "TamThoi#2026"), actor=admin)
    login = LoginDialog(ctx.db, worker, ui_settings)
    qtbot.addWidget(login)
    type_text(login.username, "canbo9")
    type_text(login.password, "TamThoi#2026")
    with qtbot.waitSignal(login.accepted, timeout=10_000):
        login.submit()
    assert login.result_ is not None and login.result_.must_change_password
    change = ChangePasswordDialog(ctx.db, worker, login.result_.actor)
    qtbot.addWidget(change)
    type_text(change.old, "TamThoi#2026")
    type_text(change.new, "MatKhau#Moi9")
    type_text(change.repeat, "MatKhau#Moi8")
    change.submit()
    assert change.error.text() == "Hai lần nhập mật khẩu mới không giống nhau."
    change.repeat.clear()
    type_text(change.repeat, "MatKhau#Moi9")
    with qtbot.waitSignal(change.accepted, timeout=10_000):
        change.submit()


def test_first_run_sets_up_the_unit_and_its_first_admin(qtbot, tmp_path: Path, worker) -> None:
    database = open_sqlite(tmp_path / "new.sqlite3").database
    wizard = FirstRunWizard(database, worker)
    qtbot.addWidget(wizard)
    wizard.show()
    e = wizard.unit_page.edits
    type_text(e["agency_code"], "xa huong son")
    type_text(e["name"], "Trung tâm Phục vụ hành chính công xã Hương Sơn")
    type_text(e["parent_body"], "UBND xã Hương Sơn")
    type_text(e["province"], "Hà Tĩnh")
    type_text(e["upper_office_name"], "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh")
    wizard.next()
    type_text(wizard.admin_page.full_name, "Trần Văn Bình")
    type_text(wizard.admin_page.password, "BaoMat#2026")
    type_text(wizard.admin_page.repeat, "BaoMat#2026")
    wizard.accept()
    wait_idle(qtbot, worker)
    assert (
        "Mã định danh cơ quan" in wizard.admin_page.error.text()
    )  # every problem on the page, in Vietnamese
    assert wizard.isVisible() and not worker.run_sync(lambda: is_set_up(database))
    e["agency_code"].clear()
    type_text(e["agency_code"], "000.12.34.H38")
    with qtbot.waitSignal(wizard.accepted, timeout=20_000):
        wizard.accept()
    assert worker.run_sync(lambda: is_set_up(database))
    assert get_actor(database, "admin").full_name == "Trần Văn Bình"
    database.dispose()


def test_demo_database_shows_its_public_accounts_and_a_warning(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services.demo import create_demo
    from counter_app.ui.login import LoginDialog
    from counter_app.ui.ops import DbWorker
    from counter_app.ui.settings import UiSettings

    database = open_sqlite(tmp_path / "demo.sqlite3").database
    create_demo(database, dossiers=5)
    worker = DbWorker()
    try:
        dialog = LoginDialog(database, worker, UiSettings(tmp_path / "ui.ini"), "Mường Lát")
        qtbot.addWidget(dialog)
        assert "DỮ LIỆU MẪU" in dialog.demo_hint.text() and "canbo1 / TiepNhan@2026" in dialog.demo_hint.text()
    finally:
        worker.shutdown()
        database.dispose()
