"""The "Trả kết quả" tab: scan the slip, confirm who collects, satisfaction, optional handover print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counter_app.core.states import DossierState
from counter_app.db.models import DossierEvent
from counter_app.printing.data import FormId
from counter_app.services import actions
from counter_app.services.queries import get_dossier
from counter_app.ui.tabs.return_tab import ReturnTab
from tests.conftest import vn
from tests.ui.helpers import receive, type_text, wait_idle


@pytest.fixture
def ready(env):
    view = receive(
        env.ctx, env.actor, "Hà Thị Nhung", "1.004845", vn(2026, 3, 2, 9), id_number="038190012345"
    )
    actions.forward(env.ctx, env.actor, view.id, "Tư pháp", at=vn(2026, 3, 2, 10))
    actions.mark_result_ready(env.ctx, env.actor, view.id, at=vn(2026, 3, 3, 9))
    return view


@pytest.fixture
def tab(qtbot, env):
    widget = ReturnTab(env)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def test_return_by_code_records_who_collected_and_satisfaction(qtbot, tab, env, ready) -> None:
    opened: list = []
    env.bus.preview_opened.connect(opened.append)
    tab.focus_code()
    type_text(tab.code, ready.code)
    qtbot.keyClick(tab.code, Qt.Key.Key_Return)
    wait_idle(qtbot, env.worker)
    assert tab.dossier is not None and tab.dossier.id == ready.id
    assert tab.receiver.text() == "Hà Thị Nhung" and tab.return_button.isEnabled()
    tab.who_other.setChecked(True)
    tab.receiver.clear()
    type_text(tab.receiver, "Lò Văn Nhận")
    tab.satisfaction_buttons["hai_long"].setChecked(True)
    tab.print_handover.setChecked(True)
    qtbot.keyClick(tab.receiver, Qt.Key.Key_F9)
    wait_idle(qtbot, env.worker)
    after = get_dossier(env.ctx, ready.id)
    assert after.state is DossierState.RETURNED and after.satisfaction == "hai_long"
    assert "Lò Văn Nhận" in tab.message.text() and tab.code.text() == ""
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].form_id is FormId.CONTROL_SHEET
    opened[0].close()


def test_a_dossier_without_result_cannot_be_returned_and_says_why(qtbot, tab, env) -> None:
    view = receive(env.ctx, env.actor, "Vi Văn Sớm", "1.004845", vn(2026, 3, 2, 9))
    tab.load(view.code)
    wait_idle(qtbot, env.worker)
    assert not tab.return_button.isEnabled()
    assert "chưa có kết quả" in tab.message.text()
    tab.do_return()
    wait_idle(qtbot, env.worker)
    with env.ctx.db.read() as session:
        kinds = list(
            session.execute(select(DossierEvent.kind).where(DossierEvent.dossier_id == view.id)).scalars()
        )
    assert kinds == ["receive"]
    tab.ready_button.click()  # the result came in: record it here and return at once
    wait_idle(qtbot, env.worker)
    assert tab.return_button.isEnabled()


def test_an_unknown_code_is_reported(qtbot, tab, env) -> None:
    tab.load("000.21.27.H56-260302-0999")
    wait_idle(qtbot, env.worker)
    assert "Không tìm thấy hồ sơ" in tab.message.text()
