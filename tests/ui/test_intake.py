"""The "Tiếp nhận" tab driven from the keyboard, as a clerk receives a dossier."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from counter_app.db.models import Dossier, DossierEvent
from counter_app.printing.data import FormId
from counter_app.services.views import DossierView, dossier_view
from counter_app.ui.intake.documents_model import DocColumn
from counter_app.ui.intake.intake_tab import IntakeTab
from tests.conftest import vn
from tests.ui.helpers import receive, type_text, wait_idle


def show(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def tab(qtbot, env):
    widget = IntakeTab(env)
    qtbot.addWidget(widget)
    show(qtbot, widget)
    wait_idle(qtbot, env.worker)
    return widget


def previews(env) -> list:
    opened: list = []
    env.bus.preview_opened.connect(opened.append)
    return opened


def pick(qtbot, tab, text: str) -> None:
    tab.picker.setFocus()
    type_text(tab.picker, text)
    qtbot.keyClick(tab.picker.completer_.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(tab.picker.completer_.popup(), Qt.Key.Key_Return)


def dossiers(ctx) -> list[DossierView]:
    with ctx.db.read() as session:
        return [dossier_view(d) for d in session.execute(select(Dossier)).scalars()]


def test_the_procedure_is_found_without_diacritics_and_sets_due_date_fee_and_documents(qtbot, tab) -> None:
    pick(qtbot, tab, "chung thuc ban sao tu ban chinh giay to")
    assert tab.procedure is not None and tab.procedure.code == "2.000815"
    assert tab.fee.value() == 2000
    assert tab.documents.rowCount() == len(tab.procedure.documents)
    assert tab.due_label.text().startswith("Hẹn trả: ")
    assert "trong ngày" in tab.due_explanation.text() or tab.due_explanation.text()
    tab.picker.clear()
    type_text(tab.picker, "1.004845")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)
    assert tab.procedure is not None and tab.procedure.code == "1.004845"


def test_citizen_id_is_checked_inline_as_it_is_typed(qtbot, tab) -> None:
    type_text(tab.applicant.id_number, "0381900")
    assert tab.applicant.id_status.text() == ""  # still typing: no red yet
    type_text(tab.applicant.id_number, "12345")
    assert "Thanh Hóa" in tab.applicant.id_status.text() and "1990" in tab.applicant.id_status.text()
    type_text(tab.applicant.birth_date, "05/09/1991")
    assert "1991" in tab.applicant.id_status.text()  # the number says 1990: a warning to look again
    type_text(tab.applicant.id_number, "999")
    assert "15" in tab.applicant.id_status.text()  # 15 digits: an error


def test_f9_receives_the_dossier_and_opens_the_slip_then_ctrl_p_prints_it(
    qtbot, tab, env, printed_pdf
) -> None:
    opened = previews(env)
    pick(qtbot, tab, "chung thuc ban sao tu ban chinh giay to")
    tab.applicant.full_name.setFocus()
    type_text(tab.applicant.full_name, "Trần Thị Ngọc Ánh")
    type_text(tab.applicant.id_number, "038190012345")
    type_text(tab.applicant.phone, "0912 345 678")
    type_text(tab.applicant.address, "Bản Xim, xã Mường Lát")
    qtbot.keyClick(tab.applicant.address, Qt.Key.Key_F9)
    wait_idle(qtbot, env.worker)
    qtbot.waitUntil(lambda: len(opened) == 1)
    [dossier] = dossiers(env.ctx)
    assert dossier.applicant_name == "Trần Thị Ngọc Ánh" and dossier.applicant_phone == "0912345678"
    assert dossier.procedure_code == "2.000815" and len(dossier.documents) == 2
    dialog = opened[0]
    assert dialog.form_id is FormId.SLIP and dialog.file_stem == dossier.code
    assert dossier.code in tab.message.text()
    assert tab.applicant.full_name.text() == ""  # ready for the next citizen
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, env.worker)
    assert printed_pdf.exists() and printed_pdf.read_bytes().startswith(b"%PDF")
    with env.ctx.db.read() as session:
        kinds = list(
            session.execute(select(DossierEvent.kind).where(DossierEvent.dossier_id == dossier.id)).scalars()
        )
    assert kinds == ["receive", "print"]
    dialog.close()


def test_pressing_f9_twice_receives_one_dossier(qtbot, tab, env) -> None:
    pick(qtbot, tab, "chung thuc ban sao tu ban chinh giay to")
    type_text(tab.applicant.full_name, "Lò Văn Hai")
    tab.save()
    tab.save()
    wait_idle(qtbot, env.worker)
    assert len(dossiers(env.ctx)) == 1


def test_a_returning_citizen_is_filled_in_from_their_id(qtbot, tab, env, clerk) -> None:
    receive(
        env.ctx,
        clerk,
        "Giàng Thị Dịu",
        "2.000815",
        vn(2026, 3, 2, 9),
        id_number="038190054321",
        phone="0987654321",
        address="Bản Pù Toong",
    )
    type_text(tab.applicant.id_number, "038190054321")
    wait_idle(qtbot, env.worker)
    assert tab.applicant.full_name.text() == "Giàng Thị Dịu"
    assert tab.applicant.phone.text() == "0987654321" and tab.applicant.address.text() == "Bản Pù Toong"
    assert tab.applicant.info.isVisibleTo(tab)


def test_what_is_wrong_is_said_in_vietnamese_before_anything_is_saved(qtbot, tab, env) -> None:
    qtbot.keyClick(tab.picker, Qt.Key.Key_F9)
    assert tab.message.text() == "Vui lòng chọn thủ tục."
    pick(qtbot, tab, "chung thuc ban sao tu ban chinh giay to")
    type_text(tab.applicant.id_number, "12345")
    tab.save()
    wait_idle(qtbot, env.worker)
    assert "họ tên" in tab.message.text() and "12" in tab.message.text()
    assert dossiers(env.ctx) == []


def test_a_missing_document_asks_first_and_can_still_be_received(qtbot, tab, env) -> None:
    pick(qtbot, tab, "chung thuc ban sao tu ban chinh giay to")
    type_text(tab.applicant.full_name, "Vàng Văn Thiếu")
    tab.documents_view.setFocus()
    tab.documents_view.setCurrentIndex(tab.documents.index(1, DocColumn.RECEIVED))
    qtbot.keyClick(tab.documents_view, Qt.Key.Key_Space)  # untick the second document
    assert tab.documents.missing_mandatory() == [tab.procedure.documents[1][0]]
    tab.save()
    box = tab.question
    assert box is not None and tab.procedure.documents[1][0] in box.text()
    receive_anyway = next(b for b in box.buttons() if b.text() == "Vẫn tiếp nhận")
    receive_anyway.click()
    wait_idle(qtbot, env.worker)
    [dossier] = dossiers(env.ctx)
    assert len(dossier.documents) == 1


def test_an_incomplete_dossier_gets_mau_02_without_being_received(qtbot, tab, env) -> None:
    opened = previews(env)
    pick(qtbot, tab, "chung thuc ban sao tu ban chinh giay to")
    type_text(tab.applicant.full_name, "Vàng Văn Thiếu")
    tab.documents.set_received(0, False)
    tab.save()
    supplement = next(b for b in tab.question.buttons() if "Mẫu 02" in b.text())
    supplement.click()
    dialog = tab.lines_dialog
    assert dialog is not None and tab.procedure.documents[0][0] in dialog.lines.toPlainText()
    dialog.buttons.accepted.emit()
    wait_idle(qtbot, env.worker)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].form_id is FormId.SUPPLEMENT_REQUEST
    assert dossiers(env.ctx) == []
    opened[0].close()


def test_a_refusal_gets_mau_03_and_creates_no_dossier(qtbot, tab, env) -> None:
    opened = previews(env)
    pick(qtbot, tab, "khai tu")
    type_text(tab.applicant.full_name, "Mùa A Páo")
    tab.refuse_button.click()
    dialog = tab.lines_dialog
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "Vui lòng ghi ít nhất một lý do."  # nothing written yet
    type_text(dialog.lines, "Không thuộc thẩm quyền giải quyết của xã")
    dialog.buttons.accepted.emit()
    wait_idle(qtbot, env.worker)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].form_id is FormId.REJECTION
    assert dossiers(env.ctx) == []
    opened[0].close()


def test_the_personal_data_notice_is_on_the_screen(tab) -> None:
    assert "91/2025/QH15" in tab.notice.text() and tab.notice.isVisibleTo(tab)


def test_the_checklist_model_passes_qt_model_checks(qtbot, qtmodeltester, tab) -> None:
    pick(qtbot, tab, "chung thuc hop dong")
    qtmodeltester.check(tab.documents)
    qtmodeltester.check(tab.picker.matches)
    assert QApplication.instance() is not None


def test_ctrl_p_receives_and_prints_at_once(qtbot, tab, env, printed_pdf) -> None:
    opened = previews(env)
    pick(qtbot, tab, "chung thuc ban sao tu ban chinh giay to")
    type_text(tab.applicant.full_name, "Sầm Văn Nhanh")
    qtbot.keyClick(tab.applicant.full_name, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, env.worker)
    qtbot.waitUntil(lambda: len(opened) == 1)
    wait_idle(qtbot, env.worker)
    assert printed_pdf.read_bytes().startswith(b"%PDF")
    [dossier] = dossiers(env.ctx)
    with env.ctx.db.read() as session:
        kinds = list(
            session.execute(select(DossierEvent.kind).where(DossierEvent.dossier_id == dossier.id)).scalars()
        )
    assert kinds == ["receive", "print"]
    opened[0].close()
