"""The "Trả kết quả" tab: scan the slip, confirm who collects, optionally print the handover and record
the citizen's satisfaction. F9 returns; the field is ready for the next scan right after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.dossier_code import parse_dossier_code
from counter_app.core.states import DossierAction, DossierState
from counter_app.messages import ui as msg
from counter_app.messages.dossier import STATE_LABELS
from counter_app.printing.data import FormId
from counter_app.services import actions, forms
from counter_app.services.authz import Permission
from counter_app.services.queries import get_dossier
from counter_app.services.views import DossierView
from counter_app.ui import style
from counter_app.ui.dossiers.list_model import fmt_datetime
from counter_app.ui.env import UiEnv
from counter_app.ui.errors import show_error, user_message
from counter_app.ui.print_flow import preview_form


class ReturnTab(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.dossier: DossierView | None = None
        self.busy = False
        heading = QLabel(msg.RETURN_HEADING, self)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.code = QLineEdit(self)
        self.code.setObjectName("returnCode")
        self.code.setPlaceholderText(msg.RETURN_CODE_PLACEHOLDER)
        self.find_button = QPushButton(msg.RETURN_FIND, self)
        top = QHBoxLayout()
        top.addWidget(self.code, 1)
        top.addWidget(self.find_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("returnSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setObjectName("returnMessage")
        self.message.setWordWrap(True)

        self.form_box = QGroupBox(msg.RETURN_WHO, self)
        self.who_applicant = QRadioButton(msg.RETURN_APPLICANT, self)
        self.who_other = QRadioButton(msg.RETURN_OTHER, self)
        self.who_applicant.setChecked(True)
        who = QButtonGroup(self)
        who.addButton(self.who_applicant)
        who.addButton(self.who_other)
        self.receiver = QLineEdit(self)
        self.receiver.setObjectName("receiverName")
        self.receiver_id = QLineEdit(self)
        self.satisfaction_group = QButtonGroup(self)
        satisfaction = QHBoxLayout()
        self.satisfaction_buttons: dict[str, QRadioButton] = {}
        for key in ("hai_long", "binh_thuong", "khong_hai_long", ""):
            button = QRadioButton(msg.SATISFACTION[key], self)
            self.satisfaction_group.addButton(button)
            self.satisfaction_buttons[key] = button
            satisfaction.addWidget(button)
        self.satisfaction_buttons[""].setChecked(True)
        satisfaction.addStretch(1)
        self.print_handover = QCheckBox(msg.RETURN_PRINT, self)
        self.return_button = QPushButton(msg.RETURN_BUTTON, self)
        self.return_button.setObjectName("returnButton")
        self.ready_button = QPushButton(msg.RETURN_MARK_READY, self)
        who_row = QHBoxLayout()
        who_row.addWidget(self.who_applicant)
        who_row.addWidget(self.who_other)
        who_row.addStretch(1)
        form = QFormLayout(self.form_box)
        form.addRow(who_row)
        form.addRow(msg.FIELD_RECEIVER, self.receiver)
        form.addRow(msg.FIELD_RECEIVER_ID, self.receiver_id)
        form.addRow(msg.FIELD_SATISFACTION, satisfaction)
        form.addRow("", self.print_handover)
        buttons = QHBoxLayout()
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.ready_button)
        buttons.addStretch(1)
        form.addRow(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.code.returnPressed.connect(lambda: self.load(self.code.text()))
        self.find_button.clicked.connect(lambda: self.load(self.code.text()))
        self.who_applicant.toggled.connect(self._who_changed)
        self.return_button.clicked.connect(self.do_return)
        self.ready_button.clicked.connect(self.mark_ready)
        QShortcut(QKeySequence("F9"), self, self.do_return)
        self._show(None)

    def focus_code(self) -> None:
        self.code.setFocus()
        self.code.selectAll()

    def load(self, text: str) -> None:
        parts = parse_dossier_code(text)
        ref = parts.code if parts else text.strip()
        if not ref:
            return
        self.code.setText(ref)
        env = self.env
        env.worker.submit(lambda: get_dossier(env.ctx, ref), self._show, self._load_failed, owner=self)

    def _load_failed(self, exc: BaseException) -> None:
        self._show(None)
        self._say(user_message(exc), style.ERROR_COLOUR)
        self.focus_code()

    def _show(self, view: DossierView | None) -> None:
        self.dossier = view
        ready = view is not None and view.state is DossierState.RESULT_READY
        allowed = self.env.can(Permission.HANDLE_DOSSIER)
        self.form_box.setVisible(view is not None)
        self.return_button.setEnabled(ready and allowed)
        self.ready_button.setVisible(
            view is not None and DossierAction.MARK_RESULT_READY in view.allowed_actions
        )
        self.ready_button.setEnabled(allowed)
        if view is None:
            self.summary.clear()
            return
        self.summary.setText(
            f"<b>{view.code}</b> — {view.applicant_name}<br>{view.procedure_name}<br>"
            f"{msg.DETAIL_FIELDS['received']} {fmt_datetime(view.received_at)} · "
            f"{msg.DETAIL_FIELDS['promised']} {fmt_datetime(view.promised_due_at)} · "
            f"{msg.DETAIL_FIELDS['state']} <b>{STATE_LABELS[view.state]}</b>"
        )
        self.who_applicant.setChecked(not view.submitter_name)
        self.who_other.setChecked(bool(view.submitter_name))
        self._who_changed()
        if view.state is DossierState.RETURNED:
            self._say(
                msg.RETURN_ALREADY.format(code=view.code, at=fmt_datetime(view.returned_at)),
                style.WARNING_COLOUR,
            )
        elif not ready:
            self._say(
                msg.RETURN_NOT_READY.format(code=view.code, state=STATE_LABELS[view.state]),
                style.WARNING_COLOUR,
            )
        else:
            self._say("", style.OK_COLOUR)
            self.receiver.setFocus()
            self.receiver.selectAll()

    def _who_changed(self) -> None:
        view = self.dossier
        if view is None:
            return
        if self.who_applicant.isChecked():
            self.receiver.setText(view.applicant_name)
            self.receiver_id.setText(view.applicant_id_number)
        else:
            self.receiver.setText(view.submitter_name)
            self.receiver_id.setText(view.submitter_id_number)

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style.label_style(colour))

    def satisfaction(self) -> str:
        for key, button in self.satisfaction_buttons.items():
            if button.isChecked():
                return key
        return ""

    def do_return(self) -> None:
        view = self.dossier
        if view is None or self.busy or not self.return_button.isEnabled():
            return
        env, ref = self.env, view.id
        receiver, receiver_id, satisfaction = (
            self.receiver.text(),
            self.receiver_id.text(),
            self.satisfaction(),
        )
        handover = self.print_handover.isChecked()
        self.busy = True

        def done(returned: DossierView) -> None:
            self.busy = False
            env.bus.dossiers_changed.emit(returned.id)
            text = msg.RETURN_DONE.format(code=returned.code, name=receiver.strip())
            env.bus.status_message.emit(text)
            self._show(None)
            self.code.clear()
            self._say(text, style.OK_COLOUR)
            self.satisfaction_buttons[""].setChecked(True)
            self.print_handover.setChecked(False)
            self.focus_code()
            if handover:
                preview_form(
                    env,
                    self,
                    FormId.CONTROL_SHEET,
                    lambda: forms.control_sheet_for(env.ctx, ref),
                    dossier_id=ref,
                )

        def failed(exc: BaseException) -> None:
            self.busy = False
            show_error(self, exc)

        env.worker.submit(
            lambda: actions.return_result(
                env.ctx, env.actor, ref, receiver, receiver_id_number=receiver_id, satisfaction=satisfaction
            ),
            done,
            failed,
            owner=self,
        )

    def mark_ready(self) -> None:
        view = self.dossier
        if view is None:
            return
        env, ref = self.env, view.id

        def done(ready: DossierView) -> None:
            env.bus.dossiers_changed.emit(ready.id)
            self._show(ready)

        env.worker.submit(
            lambda: actions.mark_result_ready(env.ctx, env.actor, ref),
            done,
            lambda exc: show_error(self, exc),
            owner=self,
        )
