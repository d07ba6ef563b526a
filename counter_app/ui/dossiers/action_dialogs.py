"""One small dialog per action on a dossier: it asks only what that action (and its form) needs.

`perform()` runs the service on the worker; `form_after()` names the form to offer afterwards
(Mẫu 02 for a supplement request, 04 for an extension, 05 for a stop, 06 when handing over).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.states import DossierAction
from counter_app.core.tz import VN_TZ
from counter_app.messages import ui as msg
from counter_app.messages.dossier import ACTION_LABELS
from counter_app.printing.data import FormData, FormId
from counter_app.services import actions, forms
from counter_app.services.context import Actor, CounterContext
from counter_app.services.views import DossierView
from counter_app.ui import style

A = DossierAction
_FORMS: dict[DossierAction, FormId] = {
    A.FORWARD: FormId.CONTROL_SHEET,
    A.REQUEST_SUPPLEMENT: FormId.SUPPLEMENT_REQUEST,
    A.EXTEND: FormId.APOLOGY_EXTENSION,
    A.STOP: FormId.STOP_NOTICE,
    A.RETURN_RESULT: FormId.CONTROL_SHEET,
}
_PRINT_BY_DEFAULT = {A.FORWARD, A.REQUEST_SUPPLEMENT, A.EXTEND, A.STOP}
_REASON_ACTIONS = {A.REQUEST_SUPPLEMENT, A.EXTEND, A.STOP, A.REFUSE, A.WITHDRAW}
_SIGNED_ACTIONS = {A.EXTEND, A.STOP}


@dataclass
class ActionInput:
    handler: str = ""
    upward: bool = False
    note: str = ""
    reason: str = ""
    items: tuple[str, ...] = ()
    new_due_at: datetime | None = None
    signer_title: str = ""
    signer_name: str = ""
    receiver_name: str = ""
    receiver_id_number: str = ""
    satisfaction: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    print_form: bool = False
    old_due_at: datetime | None = field(default=None, repr=False)


def to_qdatetime(value: datetime) -> QDateTime:
    local = value.astimezone(VN_TZ)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=VN_TZ)


class ActionDialog(QDialog):
    def __init__(
        self, action: DossierAction, dossier: DossierView, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.action = action
        self.dossier = dossier
        self.setWindowTitle(f"{ACTION_LABELS[action].capitalize()} — {dossier.code}")
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.handler = QComboBox(self)
        self.handler.setEditable(True)
        self.handler.addItems([""] + list(msg.HANDLERS))
        self.upward = QCheckBox(msg.FIELD_UPWARD, self)
        self.reason = QLineEdit(self)
        self.items = QPlainTextEdit(self)
        self.items.setTabChangesFocus(True)
        self.items.setFixedHeight(90)
        self.contact_name = QLineEdit(actor.full_name, self)
        self.contact_phone = QLineEdit(self)
        due = dossier.current_due_at or dossier.promised_due_at
        self.new_due = QDateTimeEdit(to_qdatetime(due + timedelta(days=7)), self)
        self.new_due.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.new_due.setCalendarPopup(True)
        self.signer_title = QLineEdit(msg.SIGNER_TITLE_DEFAULT, self)
        self.signer_name = QLineEdit(self)
        self.receiver = QLineEdit(dossier.submitter_name or dossier.applicant_name, self)
        self.receiver_id = QLineEdit(dossier.submitter_id_number or dossier.applicant_id_number, self)
        self.satisfaction = QComboBox(self)
        for key in ("hai_long", "binh_thuong", "khong_hai_long", ""):
            self.satisfaction.addItem(msg.SATISFACTION[key], key)
        self.satisfaction.setCurrentIndex(3)
        self.note = QLineEdit(self)
        if action is A.FORWARD:
            form.addRow(msg.FIELD_HANDLER, self.handler)
            form.addRow("", self.upward)
        if action in _REASON_ACTIONS:
            form.addRow(msg.FIELD_REASON, self.reason)
        if action is A.REQUEST_SUPPLEMENT:
            form.addRow(msg.FIELD_ITEMS, self.items)
            form.addRow(msg.FIELD_CONTACT_NAME, self.contact_name)
            form.addRow(msg.FIELD_CONTACT_PHONE, self.contact_phone)
        if action is A.EXTEND:
            form.addRow(msg.FIELD_NEW_DUE, self.new_due)
        if action in _SIGNED_ACTIONS:
            form.addRow(msg.FIELD_SIGNER_TITLE, self.signer_title)
            form.addRow(msg.FIELD_SIGNER_NAME, self.signer_name)
        if action is A.RETURN_RESULT:
            form.addRow(msg.FIELD_RECEIVER, self.receiver)
            form.addRow(msg.FIELD_RECEIVER_ID, self.receiver_id)
            form.addRow(msg.FIELD_SATISFACTION, self.satisfaction)
        if action in (A.FORWARD, A.RECORD_SUPPLEMENT, A.MARK_RESULT_READY, A.RETURN_RESULT):
            form.addRow(msg.FIELD_NOTE, self.note)
        self.print_form = QCheckBox(self)
        form_id = _FORMS.get(action)
        if form_id is not None:
            self.print_form.setText(msg.PRINT_AFTER.format(form=msg.FORM_NAMES[str(form_id)]))
            self.print_form.setChecked(action in _PRINT_BY_DEFAULT)
            form.addRow("", self.print_form)
        else:
            self.print_form.hide()
        for widget in (
            self.handler,
            self.upward,
            self.reason,
            self.items,
            self.contact_name,
            self.contact_phone,
            self.new_due,
            self.signer_title,
            self.signer_name,
            self.receiver,
            self.receiver_id,
            self.satisfaction,
            self.note,
        ):
            if form.indexOf(widget) < 0:
                widget.hide()  # created for value(), not asked by this action
        self.error = QLabel(self)
        self.error.setStyleSheet(style.label_style(style.ERROR_COLOUR))
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(msg.OK)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(msg.CANCEL)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def value(self) -> ActionInput:
        items = tuple(line.strip() for line in self.items.toPlainText().splitlines() if line.strip())
        return ActionInput(
            handler=self.handler.currentText().strip(),
            upward=self.upward.isChecked(),
            note=self.note.text().strip(),
            reason=self.reason.text().strip(),
            items=items,
            new_due_at=from_qdatetime(self.new_due.dateTime()) if self.action is A.EXTEND else None,
            signer_title=self.signer_title.text().strip(),
            signer_name=self.signer_name.text().strip(),
            receiver_name=self.receiver.text().strip(),
            receiver_id_number=self.receiver_id.text().strip(),
            satisfaction=str(self.satisfaction.currentData() or ""),
            contact_name=self.contact_name.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            print_form=self.print_form.isChecked(),
            old_due_at=self.dossier.current_due_at or self.dossier.promised_due_at,
        )

    def problems(self) -> list[str]:
        from counter_app.messages import dossier as dmsg

        value = self.value()
        errors = []
        if self.action is A.FORWARD and not value.handler:
            errors.append(dmsg.HANDLER_REQUIRED)
        if self.action in _REASON_ACTIONS and not value.reason:
            errors.append(dmsg.REASON_REQUIRED)
        if self.action is A.RETURN_RESULT and not value.receiver_name:
            errors.append(dmsg.RECEIVER_REQUIRED)
        if self.action is A.EXTEND and value.new_due_at is not None and value.old_due_at is not None:
            if value.new_due_at <= value.old_due_at:
                errors.append(dmsg.NEW_DUE_REQUIRED)
        return errors

    def _accept(self) -> None:
        errors = self.problems()
        if errors:
            self.error.setText("\n".join(errors))
            return
        self.accept()


def perform(
    ctx: CounterContext, actor: Actor, action: DossierAction, ref: str, value: ActionInput
) -> DossierView:
    """Run the action's service (on the worker). Each is one transaction: done, or nothing written."""
    if action is A.FORWARD:
        return actions.forward(ctx, actor, ref, value.handler, upward=value.upward, note=value.note)
    if action is A.REQUEST_SUPPLEMENT:
        return actions.request_supplement(ctx, actor, ref, value.reason, value.items)
    if action is A.RECORD_SUPPLEMENT:
        return actions.record_supplement(ctx, actor, ref, value.note)
    if action is A.MARK_RESULT_READY:
        return actions.mark_result_ready(ctx, actor, ref, value.note)
    if action is A.RETURN_RESULT:
        return actions.return_result(
            ctx,
            actor,
            ref,
            value.receiver_name,
            receiver_id_number=value.receiver_id_number,
            satisfaction=value.satisfaction,
            note=value.note,
        )
    if action is A.EXTEND:
        assert value.new_due_at is not None
        return actions.extend(ctx, actor, ref, value.new_due_at, value.reason)
    finishing = {A.REFUSE: actions.refuse, A.STOP: actions.stop, A.WITHDRAW: actions.withdraw}[action]
    return finishing(ctx, actor, ref, value.reason)


def form_after(
    ctx: CounterContext, actor: Actor, action: DossierAction, ref: str, value: ActionInput
) -> tuple[FormId, Callable[[], FormData]] | None:
    """The form to print after the action, with the function that reads its data (on the worker)."""
    form_id = _FORMS.get(action)
    if form_id is None or not value.print_form:
        return None
    if action is A.REQUEST_SUPPLEMENT:
        return form_id, lambda: forms.supplement_request_for(
            ctx,
            ref,
            value.items,
            value.reason,
            actor.full_name,
            contact_name=value.contact_name,
            contact_phone=value.contact_phone,
        )
    if action is A.EXTEND:
        assert value.new_due_at is not None
        return form_id, lambda: forms.apology_extension_for(
            ctx,
            ref,
            value.new_due_at,
            value.reason,
            value.signer_title,
            value.signer_name,  # type: ignore[arg-type]
            old_due_at=value.old_due_at,
        )
    if action is A.STOP:
        return form_id, lambda: forms.stop_notice_for(
            ctx, ref, value.reason, value.signer_title, value.signer_name
        )
    return form_id, lambda: forms.control_sheet_for(ctx, ref)


def focus_first(dialog: ActionDialog) -> None:
    for widget in (dialog.handler, dialog.reason, dialog.receiver, dialog.note):
        if widget.isVisibleTo(dialog):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
