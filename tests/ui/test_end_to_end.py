"""A clerk's whole day with one dossier, keyboard first, on a real database and the real worker:
sign in, receive, print the slip to PDF, scan it, mark the result ready, return it."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from counter_app.core.tz import VN_TZ
from counter_app.db.models import DossierEvent
from counter_app.services.dossier_list import RowStatus
from counter_app.services.queries import get_dossier
from counter_app.services.views import DossierView
from counter_app.ui import style
from counter_app.ui.dossiers.action_dialogs import ActionDialog
from counter_app.ui.dossiers.list_model import ID_ROLE, STATUS_ROLE
from counter_app.ui.env import UiEnv
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import MainWindow
from tests.conftest import CLERK_PASSWORD
from tests.ui.conftest import pdf_printer_options
from tests.ui.helpers import scan, type_text, wait_idle


def next_working_morning(ctx) -> datetime:
    """09:00 of the next working day: a clock the same-day procedure is "due today" on, never in the past."""
    day = ctx.calendar.next_counting_day(datetime.now(VN_TZ).date() + timedelta(days=1), include_self=True)
    return datetime.combine(day, time(9, 0), tzinfo=VN_TZ)


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def row_of(window: MainWindow, dossier_id: str) -> tuple[str, QColor | None]:
    model = window.dossiers.model
    for r in range(model.rowCount()):
        if model.index(r, 0).data(ID_ROLE) == dossier_id:
            return model.index(r, 0).data(STATUS_ROLE), model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)
    raise AssertionError("the dossier is not in the list")


def events_of(ctx, dossier_id: str) -> list[str]:
    with ctx.db.read() as session:
        return list(
            session.execute(
                select(DossierEvent.kind)
                .where(DossierEvent.dossier_id == dossier_id)
                .order_by(DossierEvent.node_counter)
            ).scalars()
        )


def test_a_dossier_from_intake_to_return(qtbot, ctx, worker, ui_settings, tmp_path) -> None:
    morning = next_working_morning(ctx)
    ctx.now = lambda: morning + timedelta(seconds=1)

    # Sign in.
    login = LoginDialog(ctx.db, worker, ui_settings)
    qtbot.addWidget(login)
    type_text(login.username, "canbo1")
    type_text(login.password, CLERK_PASSWORD)
    with qtbot.waitSignal(login.accepted, timeout=10_000):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    printed = tmp_path / "slip-printed.pdf"
    env = UiEnv(ctx, login.actor, worker, ui_settings, print_options=pdf_printer_options(printed))
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wait_idle(qtbot, worker)
    previews: list = []
    env.bus.preview_opened.connect(previews.append)

    # Receive by keyboard only: the procedure picker has the focus; Tab walks the form.
    intake = window.intake
    qtbot.waitUntil(lambda: QApplication.focusWidget() is intake.picker)
    type_text(intake.picker, "chung thuc ban sao tu ban chinh giay to")
    qtbot.keyClick(intake.picker.completer_.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(intake.picker.completer_.popup(), Qt.Key.Key_Return)
    qtbot.keyClick(intake.picker, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is intake.applicant.full_name
    type_text(intake.applicant.full_name, "Nguyễn Văn Đức")
    qtbot.keyClick(intake.applicant.full_name, Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "038090012345")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
    wait_idle(qtbot, worker)
    qtbot.waitUntil(lambda: len(previews) == 1)
    receipt: DossierView = intake.last_receipt.dossier
    assert receipt.applicant_name == "Nguyễn Văn Đức" and receipt.applicant_id_number == "038090012345"

    # Print the slip (to a PDF file standing in for the printer) and close the preview.
    preview = previews[0]
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, worker)
    assert printed.read_bytes().startswith(b"%PDF")
    preview.close()
    activate(qtbot, window)
    assert events_of(ctx, receipt.id) == ["receive", "print"]

    # The list shows it as due today (a same-day procedure received in the morning).
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.dossiers
    wait_idle(qtbot, worker)
    assert row_of(window, receipt.id) == (
        RowStatus.DUE_TODAY.value,
        QColor(style.BACKGROUNDS[RowStatus.DUE_TODAY]),
    )

    # Scan the slip anywhere: the dossier opens. Mark the result ready with its mnemonic, confirm with Enter.
    window.dossiers.table.setFocus()
    scan(window.dossiers.table, receipt.code)
    wait_idle(qtbot, worker)
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.isVisible())
    detail = window.detail
    assert detail.view.id == receipt.id
    qtbot.keyClick(detail, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ActionDialog))
    ask = QApplication.activeModalWidget()
    ask.activateWindow()
    qtbot.waitUntil(lambda: ask.isActiveWindow() and ask.focusWidget() is not None)
    qtbot.keyClick(ask.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: get_dossier(ctx, receipt.id).state.value == "result_ready")
    wait_idle(qtbot, worker)
    assert row_of(window, receipt.id) == (RowStatus.READY.value, QColor(style.BACKGROUNDS[RowStatus.READY]))
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.detail is None)
    activate(qtbot, window)

    # Return: F4, scan the slip, F9.
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F4)
    assert window.tabs.currentWidget() is window.returns
    scan(QApplication.focusWidget(), receipt.code)
    wait_idle(qtbot, worker)
    assert window.returns.dossier is not None and window.returns.receiver.text() == "Nguyễn Văn Đức"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
    wait_idle(qtbot, worker)
    wait_idle(qtbot, worker)
    assert events_of(ctx, receipt.id) == ["receive", "print", "mark_result_ready", "return_result"]
    status, colour = row_of(window, receipt.id)
    assert status == RowStatus.DONE_ON_TIME.value and colour is None
    window.close()
