"""Screenshots of the counter screens from the real widgets on a real X server (Xvfb), at 1366×768.

    counter-app --db /tmp/x.sqlite3 demo
    Xvfb :77 -screen 0 1366x768x24 -nolisten tcp &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_screenshots.py /tmp/x.sqlite3

Each picture is the whole screen (QScreen.grabWindow(0)), so a dialog appears over the window as the clerk
sees it. Settings go to a temporary INI file; the database gets one more dossier (the slip preview).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import counter_app.ui  # noqa: F401 - the binding fixes
from counter_app.core.states import DossierState
from counter_app.db.bootstrap import open_sqlite
from counter_app.services.context import CounterContext
from counter_app.services.dossier_list import QuickFilter
from counter_app.services.unit import default_node_id
from counter_app.services.users import login
from counter_app.ui.app import load_fonts
from counter_app.ui.env import UiEnv
from counter_app.ui.first_run import FirstRunWizard
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.ops import DbWorker
from counter_app.ui.settings import UiSettings

OUT = Path(__file__).resolve().parent
SCREEN_W, SCREEN_H, TASKBAR = 1366, 768, 40


def settle(app: QApplication, worker: DbWorker, ms: int = 400) -> None:
    loop = QEventLoop()
    for _ in range(200):
        if worker.pending == 0:
            break
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def shoot(app: QApplication, name: str) -> None:
    pixmap = app.primaryScreen().grabWindow(0)
    pixmap.save(str(OUT / name))
    print("saved", OUT / name, pixmap.width(), "x", pixmap.height())


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def pick_dossier(ctx: CounterContext) -> str:
    """A dossier with a telling history: supplemented and extended if the demo has one."""
    from sqlalchemy import func, select

    from counter_app.db.models import Dossier, DossierEvent

    with ctx.db.read() as session:
        rich = session.execute(
            select(Dossier.id)
            .join(DossierEvent, DossierEvent.dossier_id == Dossier.id)
            .where(Dossier.state == DossierState.EXTENDED.value)
            .group_by(Dossier.id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one_or_none()
        if rich is None:
            rich = session.execute(
                select(Dossier.id).where(Dossier.supplement_count > 0).limit(1)
            ).scalar_one()
        return rich


def main(db_path: Path) -> None:
    app = QApplication(sys.argv[:1])
    settings = UiSettings(Path(tempfile.mkdtemp()) / "ui.ini")
    load_fonts(app, settings.font_size)
    database = open_sqlite(db_path).database
    node_id = default_node_id(database)
    assert node_id is not None
    ctx = CounterContext(database, node_id)
    worker = DbWorker()

    fresh = open_sqlite(Path(tempfile.mkdtemp()) / "new.sqlite3").database
    wizard = FirstRunWizard(fresh, worker)
    edits = wizard.unit_page.edits
    for key, text in (
        ("agency_code", "000.12.34.H38"),
        ("name", "Trung tâm Phục vụ hành chính công xã Hương Sơn"),
        ("parent_body", "UBND xã Hương Sơn"),
        ("province", "Hà Tĩnh"),
        ("upper_office_name", "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh"),
    ):
        type_text(edits[key], text)
    wizard.show()
    wizard.move((SCREEN_W - wizard.width()) // 2, 40)
    settle(app, worker)
    shoot(app, "first-run.png")
    wizard.close()
    fresh.dispose()

    dialog = LoginDialog(database, worker, settings, "Trung tâm Phục vụ hành chính công xã Mường Lát")
    dialog.username.setText("canbo1")
    dialog.password.setText("TiepNhan@2026")
    dialog.show()
    dialog.move((SCREEN_W - dialog.width()) // 2, (SCREEN_H - dialog.height()) // 3)
    settle(app, worker)
    shoot(app, "login.png")
    dialog.close()

    actor = login(database, "canbo1", "TiepNhan@2026").actor
    window = MainWindow(UiEnv(ctx, actor, worker, settings), install_scanner=False)
    window.setGeometry(0, 0, SCREEN_W, SCREEN_H - TASKBAR)
    window.show()
    settle(app, worker, 800)

    intake = window.intake
    intake.picker.setFocus()
    type_text(intake.picker, "xac nhan tinh trang hon nhan")
    settle(app, worker, 300)
    shoot(app, "intake-procedure-search.png")
    intake.picker.choose(intake.picker.matches.match_at(0))
    type_text(intake.applicant.full_name, "Trần Thị Ngọc Ánh")
    type_text(intake.applicant.id_number, "038190012345")
    type_text(intake.applicant.birth_date, "05/09/1990")
    intake.applicant.gender.setCurrentIndex(2)
    type_text(intake.applicant.phone, "0912 345 678")
    type_text(intake.applicant.address, "Bản Pù Toong, xã Mường Lát, tỉnh Thanh Hóa")
    intake.documents.set_received(1, False)
    settle(app, worker)
    shoot(app, "intake.png")
    previews: list = []
    window.env.bus.preview_opened.connect(previews.append)
    intake.save(incomplete_ok=True)
    settle(app, worker, 1200)
    if previews:
        previews[0].move(120, 10)
        settle(app, worker, 600)
        shoot(app, "slip-preview.png")
        previews[0].close()

    window.tabs.setCurrentWidget(window.dossiers)
    window.dossiers.set_filter(QuickFilter.IN_PROGRESS)
    settle(app, worker, 800)
    shoot(app, "dossier-list.png")
    window.dossiers.set_filter(QuickFilter.ALL)
    type_text(window.dossiers.search, "huong")
    settle(app, worker, 800)
    shoot(app, "dossier-list-search.png")

    window.open_dossier(pick_dossier(ctx))
    settle(app, worker, 800)
    if window.detail is not None:
        window.detail.move(60, 20)
        settle(app, worker, 300)
    shoot(app, "dossier-detail.png")
    if window.detail is not None:
        window.detail.close()

    window.tabs.setCurrentWidget(window.returns)
    from sqlalchemy import select

    from counter_app.db.models import Dossier

    with database.read() as session:
        code = session.execute(
            select(Dossier.code).where(Dossier.state == DossierState.RESULT_READY.value).limit(1)
        ).scalar_one()
    window.returns.load(code)
    settle(app, worker, 600)
    shoot(app, "return.png")
    window.close()
    worker.shutdown()
    database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
