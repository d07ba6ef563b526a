"""One dossier: who, what, when it is due and why, its history, and only the actions its state allows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.states import DossierAction, DossierState
from counter_app.messages import ui as msg
from counter_app.messages.dossier import ACTION_LABELS, STATE_LABELS
from counter_app.printing.data import FormId
from counter_app.services import forms
from counter_app.services.actions import permission_for
from counter_app.services.authz import Permission
from counter_app.services.queries import dossier_history, get_dossier
from counter_app.services.views import DossierView, EventView
from counter_app.ui.dossiers.action_dialogs import ActionDialog, focus_first, form_after, perform
from counter_app.ui.dossiers.list_model import fmt_datetime
from counter_app.ui.dossiers.timeline_model import TimelineColumn, TimelineModel
from counter_app.ui.env import UiEnv
from counter_app.ui.errors import show_error
from counter_app.ui.print_flow import preview_form

ACTION_COLUMNS = 4


def load_detail(env: UiEnv, ref: str) -> tuple[DossierView, list[EventView]]:
    """On the worker: the dossier and its history, read together."""
    return get_dossier(env.ctx, ref), dossier_history(env.ctx, ref)


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".") + msg.FEE_SUFFIX


class DossierDetailDialog(QDialog):
    def __init__(self, env: UiEnv, view: DossierView, events: list[EventView], parent: QWidget | None = None):
        super().__init__(parent)
        self.env = env
        self.view = view
        self.action_buttons: dict[DossierAction, QPushButton] = {}
        self.setObjectName("dossierDetail")
        self.resize(1180, 660)

        self.heading = QLabel(self)
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields: dict[str, QLabel] = {}
        info = QGridLayout()  # unlike QFormLayout, a grid gives wrapped labels their full height
        info.setVerticalSpacing(3)
        for row, (key, label) in enumerate(msg.DETAIL_FIELDS.items()):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            name = QLabel(label, self)
            info.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            info.addWidget(value, row, 1)
        info.setColumnStretch(1, 1)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #444;")
        info_widget = QWidget()
        info_layout = QVBoxLayout(info_widget)
        info_layout.addLayout(info)
        info_layout.addWidget(self.explanation)
        info_layout.addStretch(1)

        self.timeline = TimelineModel()
        self.timeline_view = QTableView(self)
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.verticalHeader().setVisible(False)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setTabKeyNavigation(False)
        header = self.timeline_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineColumn.DETAILS, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_args: self.timeline_view.resizeRowsToContents())
        timeline_box = QGroupBox(msg.TIMELINE_GROUP, self)
        QVBoxLayout(timeline_box).addWidget(self.timeline_view)

        middle = QHBoxLayout()
        middle.addWidget(info_widget, 5)
        middle.addWidget(timeline_box, 6)

        self.actions_box = QGroupBox(msg.ACTIONS_GROUP, self)
        self.actions_grid = QGridLayout(self.actions_box)
        self.reprint_button = QPushButton(msg.REPRINT_SLIP, self)
        self.control_button = QPushButton(msg.PRINT_CONTROL_SHEET, self)
        self.close_button = QPushButton(msg.CLOSE, self)
        self.reprint_button.clicked.connect(self.reprint_slip)
        self.control_button.clicked.connect(self.print_control_sheet)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reprint_button)
        bottom.addWidget(self.control_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(middle, 1)
        layout.addWidget(self.actions_box)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("F5"), self, self.reload)
        self.show_data(view, events)

    # -- data --------------------------------------------------------------------------------------

    def show_data(self, view: DossierView, events: list[EventView]) -> None:
        self.view = view
        self.setWindowTitle(msg.DETAIL_TITLE.format(code=view.code))
        self.heading.setText(f"{view.code} — {STATE_LABELS[view.state]}")
        f = self.fields
        f["state"].setText(STATE_LABELS[view.state])
        f["applicant"].setText(view.applicant_name)
        f["id_number"].setText(view.applicant_id_number or "—")
        f["contact"].setText(" · ".join(x for x in (view.applicant_phone, view.applicant_email) if x) or "—")
        f["address"].setText(view.applicant_address or "—")
        submitter = " · ".join(x for x in (view.submitter_name, view.submitter_phone) if x)
        f["submitter"].setText(submitter or "—")
        f["procedure"].setText(f"{view.procedure_name} ({view.procedure_code})")
        f["received"].setText(fmt_datetime(view.received_at))
        f["promised"].setText(fmt_datetime(view.promised_due_at))
        f["current"].setText(fmt_datetime(view.current_due_at) or "—")
        delivery = msg.DELIVERIES["counter"]
        if view.delivery == "post":
            delivery = msg.DELIVERY_POST.format(address=view.delivery_address)
        f["delivery"].setText(delivery)
        f["fee"].setText(_money(view.fee))
        f["handler"].setText(view.handler or "—")
        f["ledger"].setText(
            msg.LEDGER_TEXT.format(book=view.ledger_book, year=view.ledger_year, ordinal=view.ledger_ordinal)
        )
        f["documents"].setText("\n".join(f"• {d.name} ({d.form}, {d.count})" for d in view.documents) or "—")
        receiver = getattr(view, "receiver_name", "")
        f["receiver"].setText(receiver or "—")
        self.explanation.setText(view.due_explanation)
        self.timeline.set_events(events)
        self.timeline_view.resizeRowsToContents()
        QTimer.singleShot(
            0, self.timeline_view.resizeRowsToContents
        )  # again once the columns have their width
        self._rebuild_actions()

    def reload(self) -> None:
        env, ref = self.env, self.view.id
        self.env.worker.submit(
            lambda: load_detail(env, ref),
            lambda r: self.show_data(*r),
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def _rebuild_actions(self) -> None:
        while self.actions_grid.count():
            item = self.actions_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.action_buttons.clear()
        allowed = self.view.allowed_actions
        if not allowed:
            self.actions_grid.addWidget(QLabel(msg.NO_ACTIONS, self.actions_box), 0, 0)
        for i, action in enumerate(allowed):
            button = QPushButton(msg.ACTION_BUTTONS[action], self.actions_box)
            button.setObjectName(f"action_{action.value}")
            if not self.env.can(permission_for(action)):
                button.setEnabled(False)
                button.setToolTip(msg.ACTION_NOT_PERMITTED)
            button.clicked.connect(lambda _c=False, a=action: self.start_action(a))
            self.actions_grid.addWidget(button, i // ACTION_COLUMNS, i % ACTION_COLUMNS)
            self.action_buttons[action] = button
        can_print = self.env.can(Permission.HANDLE_DOSSIER)
        self.reprint_button.setEnabled(can_print)
        self.control_button.setEnabled(can_print)

    # -- actions -----------------------------------------------------------------------------------

    def start_action(self, action: DossierAction) -> ActionDialog:
        """Ask what the action needs (non-blocking); run it on the worker when the clerk confirms."""
        dialog = ActionDialog(action, self.view, self.env.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self._run(action, dialog.value()))
        dialog.open()
        focus_first(dialog)
        return dialog

    def _run(self, action: DossierAction, value) -> None:  # type: ignore[no-untyped-def]
        env, ref = self.env, self.view.id
        follow_up = form_after(env.ctx, env.actor, action, ref, value)

        def done(view: DossierView) -> None:
            env.bus.dossiers_changed.emit(view.id)
            env.bus.status_message.emit(msg.ACTION_DONE.format(action=ACTION_LABELS[action], code=view.code))
            self.reload()
            if follow_up is not None:
                form_id, fetch = follow_up
                preview_form(env, self, form_id, fetch, dossier_id=view.id)

        env.worker.submit(
            lambda: perform(env.ctx, env.actor, action, ref, value),
            done,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def reprint_slip(self) -> None:
        env, ref = self.env, self.view.id
        preview_form(
            env, self, FormId.SLIP, lambda: forms.slip_for(env.ctx, ref), dossier_id=ref, is_reprint=True
        )

    def print_control_sheet(self) -> None:
        env, ref = self.env, self.view.id
        preview_form(
            env, self, FormId.CONTROL_SHEET, lambda: forms.control_sheet_for(env.ctx, ref), dossier_id=ref
        )

    @property
    def state(self) -> DossierState:
        return self.view.state
