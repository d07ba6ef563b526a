"""The "Tiếp nhận" tab: one screen, keyboard first, from the procedure to the printed slip.

Tab order follows the paper: procedure, applicant, submitter, documents, options, save. F9 or
Ctrl+Enter saves and opens the slip preview; Ctrl+P saves and prints at once. The due date and its
explanation are recomputed whenever the procedure changes (and each minute, as time passes).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.due_dates import DueDate, compute_due
from counter_app.core.time_limits import TimeLimit, TimeUnit
from counter_app.messages import calendar as cal_msg
from counter_app.messages import ui as msg
from counter_app.printing.data import FormId
from counter_app.services import forms
from counter_app.services.authz import Permission
from counter_app.services.catalog import ProcedureView, procedures_in_force
from counter_app.services.errors import ValidationFailed
from counter_app.services.intake import IntakeRequest, ReceiptResult, find_returning_citizen, receive_dossier
from counter_app.services.unit import current_unit
from counter_app.ui import style
from counter_app.ui.env import UiEnv
from counter_app.ui.errors import show_error
from counter_app.ui.intake.applicant_form import ApplicantForm, SubmitterBox
from counter_app.ui.intake.documents_model import DocColumn, DocumentsModel
from counter_app.ui.intake.intake_dialogs import LinesDialog, refusal_dialog, supplement_dialog
from counter_app.ui.print_flow import preview_form
from counter_app.ui.widgets.procedure_picker import ProcedurePicker

MAX_FEE = 100_000_000


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".") + msg.FEE_SUFFIX


def limit_text(p: ProcedureView, mountainous: bool) -> str:
    return forms.processing_time_text(p.time_value, p.time_unit, p.mountain_extra_days, mountainous)


class IntakeTab(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.mountainous = False
        self.procedure: ProcedureView | None = None
        self.due: DueDate | None = None
        self.saving = False
        self.last_receipt: ReceiptResult | None = None
        self.question: QMessageBox | None = None
        self.lines_dialog: LinesDialog | None = None

        self.picker = ProcedurePicker(self)
        self.procedure_info = QLabel(msg.PROCEDURE_NONE, self)
        self.procedure_info.setWordWrap(True)
        self.applicant = ApplicantForm(self)
        self.submitter = SubmitterBox(self)
        self.notice = QLabel(msg.PDPL_NOTICE, self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #555;")
        self.notice.setObjectName("pdplNotice")

        self.documents = DocumentsModel()
        self.documents_view = QTableView(self)
        self.documents_view.setObjectName("documentsTable")
        self.documents_view.setModel(self.documents)
        self.documents_view.verticalHeader().setVisible(False)
        self.documents_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows and Space work inside
        self.documents_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.documents_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.documents_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.documents_view.setWordWrap(True)
        self.add_doc_button = QPushButton(msg.DOC_ADD, self)
        self.add_doc_button.setToolTip("Insert")
        docs_box = QGroupBox(msg.DOCUMENTS_GROUP, self)
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.addWidget(self.documents_view)
        docs_layout.addWidget(self.add_doc_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.sets = QSpinBox(self)
        self.sets.setRange(1, 99)
        self.channel = QComboBox(self)
        for key, label in msg.CHANNELS.items():
            self.channel.addItem(label, key)
        self.delivery = QComboBox(self)
        for key, label in msg.DELIVERIES.items():
            self.delivery.addItem(label, key)
        self.delivery_address = QLineEdit(self)
        self.delivery_address.setObjectName("deliveryAddress")
        self.fee = QSpinBox(self)
        self.fee.setRange(0, MAX_FEE)
        self.fee.setSingleStep(1000)
        self.fee.setGroupSeparatorShown(True)
        self.fee.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))  # 15.000 đồng
        self.fee.setSuffix(msg.FEE_SUFFIX)
        options = QGroupBox(msg.OPTIONS_GROUP, self)
        grid = QGridLayout(options)
        grid.addWidget(QLabel(msg.FIELD_SETS), 0, 0)
        grid.addWidget(self.sets, 0, 1)
        grid.addWidget(QLabel(msg.FIELD_CHANNEL), 0, 2)
        grid.addWidget(self.channel, 0, 3)
        grid.addWidget(QLabel(msg.FIELD_FEE), 0, 4)
        grid.addWidget(self.fee, 0, 5)
        grid.addWidget(QLabel(msg.FIELD_DELIVERY), 1, 0)
        grid.addWidget(self.delivery, 1, 1, 1, 2)
        grid.addWidget(QLabel(msg.FIELD_DELIVERY_ADDRESS), 1, 3)
        grid.addWidget(self.delivery_address, 1, 4, 1, 2)
        grid.setColumnStretch(5, 1)

        self.due_label = QLabel(msg.DUE_NONE, self)
        self.due_label.setObjectName("dueLabel")
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSize(bold.pointSize() + 1)
        self.due_label.setFont(bold)
        self.due_explanation = QLabel(self)
        self.due_explanation.setObjectName("dueExplanation")
        self.due_explanation.setWordWrap(True)
        self.due_explanation.setStyleSheet("color: #444;")
        due_box = QGroupBox(msg.DUE_GROUP, self)
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(self.due_label)
        due_layout.addWidget(self.due_explanation)

        self.message = QLabel(self)
        self.message.setObjectName("intakeMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(msg.SAVE_BUTTON, self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(msg.SAVE_TOOLTIP)
        self.save_button.setDefault(True)
        self.supplement_button = QPushButton(msg.SUPPLEMENT_BUTTON, self)
        self.refuse_button = QPushButton(msg.REFUSE_BUTTON, self)
        self.clear_button = QPushButton(msg.CLEAR_BUTTON, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.supplement_button)
        buttons.addWidget(self.refuse_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)

        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(msg.PROCEDURE_LABEL))
        row.addWidget(self.picker, 1)
        left.addLayout(row)
        left.addWidget(self.procedure_info)
        left.addWidget(self.applicant)
        left.addWidget(self.submitter)
        left.addWidget(self.notice)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(docs_box, 1)
        right.addWidget(options)
        right.addWidget(due_box)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(columns, 1)
        body_layout.addWidget(self.message)
        body_layout.addLayout(buttons)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._set_tab_order()

        self.picker.procedure_chosen.connect(self.set_procedure)
        self.applicant.id_ready.connect(self._look_up_citizen)
        self.delivery.currentIndexChanged.connect(lambda _i: self._delivery_changed())
        self.add_doc_button.clicked.connect(self.add_document)
        self.save_button.clicked.connect(lambda: self.save())
        self.supplement_button.clicked.connect(self.supplement_at_intake)
        self.refuse_button.clicked.connect(self.refuse_at_intake)
        self.clear_button.clicked.connect(self.clear)
        for keys in ("F9", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, lambda: self.save())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, lambda: self.save(print_now=True))
        QShortcut(QKeySequence("Ctrl+N"), self, self.clear)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self.documents_view, self.add_document)
        self._due_timer = QTimer(self)
        self._due_timer.setInterval(60_000)
        self._due_timer.timeout.connect(self.update_due)
        self._due_timer.start()
        self._delivery_changed()
        if not env.can(Permission.RECEIVE):  # e.g. an admin: the service would refuse; say so up front
            for button in (self.save_button, self.supplement_button, self.refuse_button):
                button.setEnabled(False)
                button.setToolTip(msg.ACTION_NOT_PERMITTED)
        self.load_catalogue()

    def _set_tab_order(self) -> None:
        a, s = self.applicant, self.submitter
        chain = [
            self.picker,
            a.full_name,
            a.id_number,
            a.birth_date,
            a.gender,
            a.phone,
            a.email,
            a.address,
            s,
            s.full_name,
            s.id_number,
            s.phone,
            self.documents_view,
            self.add_doc_button,
            self.sets,
            self.channel,
            self.fee,
            self.delivery,
            self.delivery_address,
            self.save_button,
            self.supplement_button,
            self.refuse_button,
            self.clear_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- catalogue and due date --------------------------------------------------------------------

    def load_catalogue(self) -> None:
        ctx = self.env.ctx

        def work() -> tuple[list[ProcedureView], bool]:
            ctx.calendar  # noqa: B018 - load the calendar here, never on the GUI thread
            with ctx.db.read() as session:
                mountainous = current_unit(session).mountainous
            return procedures_in_force(ctx.db, ctx.now().date()), mountainous

        def done(result: tuple[list[ProcedureView], bool]) -> None:
            procedures, self.mountainous = result
            self.picker.set_procedures(procedures)

        self.env.worker.submit(work, done, owner=self)

    def set_procedure(self, procedure: ProcedureView | None) -> None:
        self.procedure = procedure
        self.documents.load_procedure(procedure)
        if procedure is None:
            self.procedure_info.setText(msg.PROCEDURE_NONE)
        else:
            info = msg.PROCEDURE_INFO.format(
                field=procedure.field,
                limit=limit_text(procedure, self.mountainous),
                fee=_money(procedure.fee),
            )
            if procedure.handling_level == "upward":
                info += msg.PROCEDURE_UPWARD
            if procedure.fee_note:
                info += f"\n{procedure.fee_note}"
            self.procedure_info.setText(info)
            self.fee.setValue(procedure.fee)
        self.update_due()

    def update_due(self) -> None:
        p = self.procedure
        if p is None:
            self.due = None
            self.due_label.setText(msg.DUE_NONE)
            self.due_explanation.clear()
            return
        limit = TimeLimit(p.time_value, TimeUnit(p.time_unit), p.mountain_extra_days)
        self.due = compute_due(self.env.ctx.calendar, self.env.ctx.now(), limit, mountainous=self.mountainous)
        self.due_label.setText(msg.DUE_AT.format(instant=cal_msg.fmt_instant(self.due.due_at)))
        self.due_explanation.setText(self.due.explanation)

    # -- applicant helpers -------------------------------------------------------------------------

    def _look_up_citizen(self, digits: str) -> None:
        ctx = self.env.ctx

        def done(known) -> None:  # type: ignore[no-untyped-def]
            if known is not None and self.applicant.id_number.text().strip():
                self.applicant.fill_returning(known)

        self.env.worker.submit(lambda: find_returning_citizen(ctx, digits), done, owner=self)

    def _delivery_changed(self) -> None:
        by_post = self.delivery.currentData() == "post"
        self.delivery_address.setEnabled(by_post)
        if by_post and not self.delivery_address.text().strip():
            self.delivery_address.setText(self.applicant.address.text())

    def add_document(self) -> None:
        row = self.documents.add_item()
        index = self.documents.index(row, DocColumn.NAME)
        self.documents_view.setCurrentIndex(index)
        self.documents_view.edit(index)

    # -- saving ------------------------------------------------------------------------------------

    def build_request(self) -> IntakeRequest:
        assert self.procedure is not None
        return IntakeRequest(
            procedure_code=self.procedure.code,
            applicant=self.applicant.value(),
            documents=self.documents.received_documents(),
            submitter=self.submitter.value(),
            sets_count=self.sets.value(),
            channel=str(self.channel.currentData()),
            delivery=str(self.delivery.currentData()),
            delivery_address=self.delivery_address.text() if self.delivery.currentData() == "post" else "",
            fee=self.fee.value(),
        )

    def local_problems(self) -> list[str]:
        problems = []
        if self.procedure is None:
            problems.append(msg.PROCEDURE_REQUIRED)
        if self.applicant.birth_date.text().strip() and self.applicant.birth_date_value() is None:
            problems.append(msg.BIRTH_DATE_INVALID)
        return problems

    def show_problems(self, problems: list[str] | tuple[str, ...]) -> None:
        self.message.setStyleSheet(style.label_style(style.ERROR_COLOUR))
        self.message.setText("\n".join(problems))

    def save(self, *, print_now: bool = False, incomplete_ok: bool = False) -> None:
        if self.saving or not self.env.can(Permission.RECEIVE):
            return  # F9 pressed twice: one dossier
        problems = self.local_problems()
        if problems:
            self.show_problems(problems)
            return
        missing = self.documents.missing_mandatory()
        if missing and not incomplete_ok:
            self._ask_incomplete(missing, print_now)
            return
        request = self.build_request()
        self.saving = True
        self.save_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(msg.SAVING)
        env = self.env
        env.worker.submit(
            lambda: receive_dossier(env.ctx, env.actor, request),
            lambda receipt: self._saved(receipt, print_now),
            self._save_failed,
            owner=self,
        )

    def _saved(self, receipt: ReceiptResult, print_now: bool) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.last_receipt = receipt
        view = receipt.dossier
        self.clear()
        text = msg.SAVED.format(code=view.code, due=cal_msg.fmt_instant(view.promised_due_at))
        if receipt.warnings:
            text += "\n" + msg.SAVE_WARNINGS.format(warnings=" ".join(receipt.warnings))
        self.message.setStyleSheet(style.label_style(style.OK_COLOUR))
        self.message.setText(text)
        env = self.env
        env.bus.dossiers_changed.emit(view.id)
        env.bus.status_message.emit(text)
        preview_form(
            env,
            self,
            FormId.SLIP,
            lambda: forms.slip_for(env.ctx, view.id),
            dossier_id=view.id,
            print_now=print_now,
        )

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.show_problems(exc.errors)
        else:
            self.message.clear()
            show_error(self, exc)

    def _ask_incomplete(self, missing: list[str], print_now: bool) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            msg.MISSING_DOCS_TITLE,
            msg.MISSING_DOCS_TEXT.format(items="\n".join(f"• {m}" for m in missing)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        supplement = box.addButton(msg.MISSING_DOCS_SUPPLEMENT, QMessageBox.ButtonRole.AcceptRole)
        receive = box.addButton(msg.MISSING_DOCS_RECEIVE, QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(msg.MISSING_DOCS_BACK, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(supplement)
        box.setEscapeButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def chosen(button: object) -> None:
            self.question = None
            if button is supplement:
                self.supplement_at_intake()
            elif button is receive:
                self.save(print_now=print_now, incomplete_ok=True)

        box.buttonClicked.connect(chosen)
        self.question = box
        box.open()

    # -- Mẫu 02 and Mẫu 03 without receiving ---------------------------------------------------------

    def _draft_ready(self) -> bool:
        problems = self.local_problems()
        if not self.applicant.full_name.text().strip():
            problems.append(msg.NEED_APPLICANT_NAME)
        if problems:
            self.show_problems(problems)
        return not problems

    def supplement_at_intake(self) -> None:
        if not self._draft_ready():
            return
        dialog = supplement_dialog(self.documents.missing_mandatory(), self.env.actor.full_name, self)
        self._open_lines(dialog, self._print_supplement)

    def refuse_at_intake(self) -> None:
        if not self._draft_ready():
            return
        self._open_lines(refusal_dialog(self), self._print_refusal)

    def _open_lines(self, dialog: LinesDialog, then) -> None:  # type: ignore[no-untyped-def]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: then(dialog))
        self.lines_dialog = dialog
        dialog.open()

    def _print_supplement(self, dialog: LinesDialog) -> None:
        env, applicant, name = self.env, self.applicant.value(), self.procedure.name if self.procedure else ""
        items, reason = dialog.values(), dialog.reason.text()
        contact, phone = dialog.contact_name.text(), dialog.contact_phone.text()
        preview_form(
            env,
            self,
            FormId.SUPPLEMENT_REQUEST,
            lambda: forms.intake_supplement_request(
                env.ctx,
                applicant,
                name,
                items,
                env.actor.full_name,
                reason=reason,
                contact_name=contact,
                contact_phone=phone,
            ),
        )

    def _print_refusal(self, dialog: LinesDialog) -> None:
        env, applicant, name = self.env, self.applicant.value(), self.procedure.name if self.procedure else ""
        reasons = dialog.values()
        preview_form(
            env,
            self,
            FormId.REJECTION,
            lambda: forms.intake_rejection(env.ctx, applicant, name, reasons, env.actor.full_name),
        )

    # -- reset -------------------------------------------------------------------------------------

    def clear(self) -> None:
        self.picker.choose(None)
        self.picker.clear()
        self.applicant.clear()
        self.submitter.clear()
        self.sets.setValue(1)
        self.channel.setCurrentIndex(0)
        self.delivery.setCurrentIndex(0)
        self.delivery_address.clear()
        self.fee.setValue(0)
        self.message.clear()
        self.picker.setFocus()
