"""First run: the unit's identity, then the first admin account; `services.setup.initialize` does the rest
in one transaction (on the worker). Every problem is listed at once, in Vietnamese, on the page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from counter_app.db.engine import Database
from counter_app.messages import ui as msg
from counter_app.services.errors import ValidationFailed
from counter_app.services.setup import SetupResult, initialize
from counter_app.services.unit import UnitInfo
from counter_app.services.users import NewUser
from counter_app.ui import style
from counter_app.ui.errors import user_message
from counter_app.ui.ops import DbWorker


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("setupError")
    label.setWordWrap(True)
    label.setStyleSheet(style.label_style(style.ERROR_COLOUR))
    return label


class UnitPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(msg.SETUP_UNIT_PAGE)
        self.setSubTitle(msg.SETUP_UNIT_HELP)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key in (
            "agency_code",
            "name",
            "parent_body",
            "province",
            "upper_office_name",
            "address",
            "phone",
            "place_name",
        ):
            edit = QLineEdit(self)
            edit.setObjectName(key)
            edit.setPlaceholderText(msg.SETUP_PLACEHOLDERS.get(key, ""))
            self.edits[key] = edit
            form.addRow(msg.SETUP_FIELDS[key], edit)
        self.level = QComboBox(self)
        for key, label in msg.UPPER_LEVELS.items():
            self.level.addItem(label, key)
        form.insertRow(5, msg.SETUP_FIELDS["upper_office_level"], self.level)
        self.mountainous = QCheckBox(msg.SETUP_FIELDS["mountainous"], self)
        form.addRow("", self.mountainous)
        self.error = _error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)

    def value(self) -> UnitInfo:
        e = self.edits
        return UnitInfo(
            agency_code=e["agency_code"].text(),
            name=e["name"].text(),
            parent_body=e["parent_body"].text(),
            province=e["province"].text(),
            upper_office_name=e["upper_office_name"].text(),
            upper_office_level=str(self.level.currentData()),
            mountainous=self.mountainous.isChecked(),
            address=e["address"].text(),
            phone=e["phone"].text(),
            place_name=e["place_name"].text(),
        )


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(msg.SETUP_ADMIN_PAGE)
        self.setSubTitle(msg.SETUP_ADMIN_HELP)
        self.username = QLineEdit("admin", self)
        self.username.setObjectName("admin_username")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("admin_full_name")
        self.password = QLineEdit(self)
        self.password.setObjectName("admin_password")
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("admin_password2")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(msg.SETUP_FIELDS["admin_username"], self.username)
        form.addRow(msg.SETUP_FIELDS["admin_full_name"], self.full_name)
        form.addRow(msg.SETUP_FIELDS["admin_password"], self.password)
        form.addRow(msg.SETUP_FIELDS["admin_password2"], self.repeat)
        self.error = _error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)

    def value(self) -> NewUser:
        return NewUser(self.username.text(), self.full_name.text(), "admin", self.password.text())


class FirstRunWizard(QWizard):
    def __init__(self, db: Database, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.worker = worker
        self.result_: SetupResult | None = None
        self.saving = False
        self.setWindowTitle(msg.SETUP_TITLE)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.unit_page = UnitPage(self)
        self.admin_page = AdminPage(self)
        self.addPage(self.unit_page)
        self.addPage(self.admin_page)
        self.setButtonText(QWizard.WizardButton.NextButton, "Tiếp theo >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< Quay lại")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Hoàn tất")
        self.setButtonText(QWizard.WizardButton.CancelButton, msg.CANCEL)
        self.resize(720, 560)

    def accept(self) -> None:
        """Finish runs the setup on the worker; the wizard closes only when it succeeded."""
        if self.saving:
            return
        admin = self.admin_page
        if admin.password.text() != admin.repeat.text():
            admin.error.setText(msg.PASSWORDS_DIFFER)
            return
        unit, new_admin, db = self.unit_page.value(), admin.value(), self.db
        self.saving = True
        admin.error.setStyleSheet("")
        admin.error.setText(msg.SETUP_SAVING)
        self.worker.submit(lambda: initialize(db, unit, new_admin), self._done, self._failed, owner=self)

    def _done(self, result: SetupResult) -> None:
        self.saving = False
        self.result_ = result
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        text = "\n".join(exc.errors) if isinstance(exc, ValidationFailed) else user_message(exc)
        self.admin_page.error.setStyleSheet(style.label_style(style.ERROR_COLOUR))
        self.admin_page.error.setText(text)
        self.unit_page.error.setText(text)
