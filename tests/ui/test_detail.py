"""The dossier window: its history, only the actions its state allows, each asking what its form needs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from counter_app.core.states import DossierAction, DossierState, allowed_actions
from counter_app.printing.data import FormId
from counter_app.services import actions
from counter_app.services.queries import get_dossier
from counter_app.ui.dossiers.action_dialogs import to_qdatetime
from counter_app.ui.dossiers.detail import DossierDetailDialog, load_detail
from counter_app.ui.env import UiEnv
from tests.conftest import vn
from tests.ui.helpers import receive, type_text, wait_idle

TWO_DAYS = "1.004845"


@pytest.fixture
def dossier(env):
    return receive(env.ctx, env.actor, "Lương Văn Đức", TWO_DAYS, vn(2026, 3, 2, 9), id_number="038090012345")


def open_detail(qtbot, env, ref: str) -> DossierDetailDialog:
    dialog = DossierDetailDialog(env, *load_detail(env, ref))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def previews(env) -> list:
    opened: list = []
    env.bus.preview_opened.connect(opened.append)
    return opened


def test_the_window_shows_the_dossier_and_its_timeline(qtbot, qtmodeltester, env, dossier) -> None:
    actions.forward(env.ctx, env.actor, dossier.id, "Công chức Tư pháp – Hộ tịch", at=vn(2026, 3, 2, 10))
    dialog = open_detail(qtbot, env, dossier.code)
    assert dialog.windowTitle() == f"Hồ sơ {dossier.code}"
    assert dialog.fields["applicant"].text() == "Lương Văn Đức"
    assert dialog.fields["state"].text() == "Đang xử lý"
    assert "ngày làm việc" in dialog.explanation.text()
    timeline = dialog.timeline
    assert [timeline.index(r, 2).data() for r in range(timeline.rowCount())] == ["Tiếp nhận", "Chuyển xử lý"]
    assert "Công chức Tư pháp – Hộ tịch" in timeline.index(1, 3).data()
    assert timeline.index(0, 1).data() == "canbo1"
    qtmodeltester.check(timeline)


@pytest.mark.parametrize(
    "state_path",
    [
        [],
        ["forward"],
        ["forward", "request_supplement"],
        ["forward", "mark_result_ready"],
        ["forward", "mark_result_ready", "return_result"],
    ],
)
def test_only_the_actions_the_state_allows_are_offered(qtbot, env, dossier, leader, state_path) -> None:
    steps = {
        "forward": lambda: actions.forward(env.ctx, env.actor, dossier.id, "Tư pháp"),
        "request_supplement": lambda: actions.request_supplement(env.ctx, env.actor, dossier.id, "Thiếu"),
        "mark_result_ready": lambda: actions.mark_result_ready(env.ctx, env.actor, dossier.id),
        "return_result": lambda: actions.return_result(env.ctx, env.actor, dossier.id, "Lương Văn Đức"),
    }
    for step in state_path:
        steps[step]()
    state = get_dossier(env.ctx, dossier.id).state
    dialog = open_detail(qtbot, env, dossier.id)
    assert list(dialog.action_buttons) == allowed_actions(state)
    if state is DossierState.RETURNED:
        assert dialog.action_buttons == {}
    # A clerk sees the leader's actions but cannot use them (the service would refuse anyway).
    for action, button in dialog.action_buttons.items():
        assert button.isEnabled() == (action not in (DossierAction.EXTEND, DossierAction.STOP))
    leader_dialog = open_detail(qtbot, UiEnv(env.ctx, leader, env.worker, env.settings), dossier.id)
    assert all(b.isEnabled() for b in leader_dialog.action_buttons.values())


def test_a_supplement_request_asks_its_reason_and_offers_mau_02(qtbot, env, dossier) -> None:
    opened = previews(env)
    dialog = open_detail(qtbot, env, dossier.id)
    ask = dialog.start_action(DossierAction.REQUEST_SUPPLEMENT)
    assert ask.reason.isVisibleTo(ask) and ask.items.isVisibleTo(ask) and not ask.handler.isVisibleTo(ask)
    assert ask.print_form.isChecked() and "Mẫu 02" in ask.print_form.text()
    ask.buttons.accepted.emit()
    assert ask.error.text() == "Vui lòng nhập lý do." and ask.isVisible()
    type_text(ask.reason, "Tờ khai chưa ghi đủ thông tin")
    type_text(ask.items, "Ghi rõ quan hệ với người được giám hộ")
    ask.buttons.accepted.emit()
    wait_idle(qtbot, env.worker)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].form_id is FormId.SUPPLEMENT_REQUEST
    assert get_dossier(env.ctx, dossier.id).state is DossierState.AWAITING_SUPPLEMENT
    wait_idle(qtbot, env.worker)
    assert DossierAction.RECORD_SUPPLEMENT in dialog.action_buttons
    assert DossierAction.REQUEST_SUPPLEMENT not in dialog.action_buttons
    opened[0].close()


def test_an_extension_asks_a_later_date_and_prints_mau_04(qtbot, env, dossier, leader) -> None:
    opened = previews(env)
    leader_env = UiEnv(env.ctx, leader, env.worker, env.settings, env.bus, env.print_options)
    dialog = open_detail(qtbot, leader_env, dossier.id)
    ask = dialog.start_action(DossierAction.EXTEND)
    type_text(ask.reason, "Cần xác minh tại nơi cư trú trước đây")
    type_text(ask.signer_name, "Phạm Ngọc Ánh")
    ask.new_due.setDateTime(to_qdatetime(dossier.promised_due_at - timedelta(days=1)))
    ask.buttons.accepted.emit()
    assert "sau ngày hẹn hiện tại" in ask.error.text()
    new_due = dossier.promised_due_at + timedelta(days=5)
    ask.new_due.setDateTime(to_qdatetime(new_due))
    ask.buttons.accepted.emit()
    wait_idle(qtbot, env.worker)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].form_id is FormId.APOLOGY_EXTENSION
    after = get_dossier(env.ctx, dossier.id)
    assert after.state is DossierState.EXTENDED and after.current_due_at == new_due
    assert after.promised_due_at == dossier.promised_due_at  # the slip's promise never moves
    opened[0].close()


def test_a_refused_action_is_explained_in_vietnamese(qtbot, env, dossier) -> None:
    dialog = open_detail(qtbot, env, dossier.id)
    actions.forward(env.ctx, env.actor, dossier.id, "Tư pháp")
    actions.mark_result_ready(env.ctx, env.actor, dossier.id)  # meanwhile, on another PC
    ask = dialog.start_action(DossierAction.WITHDRAW)
    type_text(ask.reason, "Công dân xin rút")
    ask.buttons.accepted.emit()
    wait_idle(qtbot, env.worker)
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(
        lambda: (
            QApplication.activeModalWidget() is not None
            and QApplication.activeModalWidget().objectName() == "errorBox"
        )
    )
    box = QApplication.activeModalWidget()
    assert "Không thể rút hồ sơ" in box.text()
    box.close()
