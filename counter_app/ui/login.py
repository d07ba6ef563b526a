"""Sign-in per clerk (argon2 on the worker: the window keeps painting), and the forced password change.

Nothing here loads SQLAlchemy or the services at import: the sign-in window paints first, and may be
given the database as a function that the worker calls once it has opened it (ui/app.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.messages import ui as msg
from counter_app.services.context import Actor
from counter_app.services.errors import ValidationFailed
from counter_app.ui import colours
from counter_app.ui.errors import user_message
from counter_app.ui.ops import DbWorker
from counter_app.ui.settings import UiSettings

if TYPE_CHECKING:
    from counter_app.db.engine import Database
    from counter_app.services.users import LoginResult


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("loginError")
    label.setWordWrap(True)
    label.setStyleSheet(colours.label_style(colours.ERROR_COLOUR))
    return label


def _demo_hint(demo: bool) -> str:
    """On the demo database the passwords are published (README): show them, with the warning."""
    from counter_app.messages.trust import DEMO_BANNER
    from counter_app.services.sign_in_view import DEMO_PASSWORDS

    if not demo:
        return ""
    accounts = ", ".join(f"{user} / {password}" for user, password in DEMO_PASSWORDS.items())
    return f"{DEMO_BANNER}\n{msg.LOGIN_DEMO_ACCOUNTS.format(accounts=accounts)}"


def _is_demo(db: Database) -> bool:
    from counter_app.services.setup import is_demo_database

    return is_demo_database(db)


class LoginDialog(QDialog):
    def __init__(
        self,
        db: Database | Callable[[], Database],
        worker: DbWorker,
        settings: UiSettings,
        unit_name: str = "",
        parent: QWidget | None = None,
        *,
        demo: bool | None = None,
    ) -> None:
        """`db`: the open database, or a function the worker calls for it (then `demo` must be given)."""
        super().__init__(parent)
        self.database: Callable[[], Database] = db if callable(db) else lambda: db
        self.worker = worker
        self.settings = settings
        self.result_: LoginResult | None = None
        self.setWindowTitle(msg.LOGIN_TITLE)
        self.setMinimumWidth(440)
        heading = QLabel(f"{msg.APP_TITLE}\n{unit_name}" if unit_name else msg.APP_TITLE, self)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setWordWrap(True)
        self.username = QLineEdit(settings.last_username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label(self)
        self.button = QPushButton(msg.LOGIN_BUTTON, self)
        self.button.setDefault(True)
        form = QFormLayout()
        form.addRow(msg.LOGIN_USERNAME, self.username)
        form.addRow(msg.LOGIN_PASSWORD, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        demo_hint = _demo_hint(_is_demo(self.database()) if demo is None else demo)
        if demo_hint:
            self.demo_hint = QLabel(demo_hint, self)
            self.demo_hint.setWordWrap(True)
            self.demo_hint.setStyleSheet(colours.label_style(colours.ERROR_COLOUR))
            layout.addWidget(self.demo_hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        (self.password if self.username.text() else self.username).setFocus()

    @property
    def actor(self) -> Actor | None:
        return self.result_.actor if self.result_ else None

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(msg.LOGIN_EMPTY)
            return
        self.button.setEnabled(False)
        self.error.setText(msg.LOGIN_CHECKING)
        database = self.database

        def check() -> LoginResult:  # on the worker, after the database has been opened there
            from counter_app.services.users import login

            return login(database(), username, password)

        self.worker.submit(check, self._done, self._failed, owner=self)

    def _done(self, result: LoginResult) -> None:
        self.result_ = result
        self.settings.last_username = result.actor.username
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.error.setText(user_message(exc))
        self.password.clear()
        self.password.setFocus()


class ChangePasswordDialog(QDialog):
    def __init__(self, db: Database, worker: DbWorker, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.worker, self.actor = db, worker, actor
        self.setWindowTitle(msg.CHANGE_PASSWORD_TITLE)
        self.setMinimumWidth(440)
        intro = QLabel(msg.CHANGE_PASSWORD_INTRO, self)
        intro.setWordWrap(True)
        self.old = QLineEdit(self)
        self.new = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for edit in (self.old, self.new, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label(self)
        self.button = QPushButton(msg.OK, self)
        self.button.setDefault(True)
        form = QFormLayout()
        form.addRow(msg.OLD_PASSWORD, self.old)
        form.addRow(msg.NEW_PASSWORD, self.new)
        form.addRow(msg.REPEAT_PASSWORD, self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.submit)

    def submit(self) -> None:
        if self.new.text() != self.repeat.text():
            self.error.setText(msg.PASSWORDS_DIFFER)
            return
        db, actor, old, new = self.db, self.actor, self.old.text(), self.new.text()
        self.button.setEnabled(False)

        def change() -> None:
            from counter_app.services.users import change_password

            change_password(db, actor, old, new)

        def failed(exc: BaseException) -> None:
            self.button.setEnabled(True)
            self.error.setText(
                "\n".join(exc.errors) if isinstance(exc, ValidationFailed) else user_message(exc)
            )

        self.worker.submit(change, lambda _r: self.accept(), failed, owner=self)
