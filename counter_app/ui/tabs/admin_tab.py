"""The "Quản trị" tab: the unit's identity and the clerks' accounts (admins only).

Catalogue, calendar and backups are managed from the command line for now (their screens come with
their issues); this tab says so rather than hiding it.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.messages import ui as msg
from counter_app.services.authz import Permission
from counter_app.services.errors import ValidationFailed
from counter_app.services.unit import UnitInfo
from counter_app.services.unit_view import current_unit_info
from counter_app.services.users import NewUser, UserView, create_user, list_users
from counter_app.ui import style
from counter_app.ui.env import UiEnv
from counter_app.ui.errors import show_error

_Index = QModelIndex | QPersistentModelIndex


class UserColumn(IntEnum):
    USERNAME = 0
    FULL_NAME = 1
    ROLE = 2
    STATUS = 3


class UsersModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._users: list[UserView] = []

    def set_users(self, users: list[UserView]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(UserColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(msg.USER_COLUMNS):
                return msg.USER_COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= index.row() < len(self._users)
        ):
            return None
        user = self._users[index.row()]
        column = UserColumn(index.column())
        if column is UserColumn.USERNAME:
            return user.username
        if column is UserColumn.FULL_NAME:
            return user.full_name
        if column is UserColumn.ROLE:
            return msg.ROLE_LABELS.get(user.role.value, user.role.value)
        if not user.active:
            return msg.USER_INACTIVE
        return msg.USER_MUST_CHANGE if user.must_change_password else msg.USER_ACTIVE


class AdminTab(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.unit_box = QGroupBox(msg.ADMIN_UNIT, self)
        self.unit_form = QFormLayout(self.unit_box)
        self.unit_labels = [QLabel(self) for _ in msg.UNIT_FIELDS]
        for label, value in zip(msg.UNIT_FIELDS, self.unit_labels, strict=True):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.unit_form.addRow(label + ":", value)

        self.users_box = QGroupBox(msg.ADMIN_USERS, self)
        self.users = UsersModel()
        self.users_view = QTableView(self)
        self.users_view.setModel(self.users)
        self.users_view.verticalHeader().setVisible(False)
        self.users_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.username = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.role = QComboBox(self)
        for key in ("clerk", "leader", "admin"):
            self.role.addItem(msg.ROLE_LABELS[key], key)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(msg.ADD_USER, self)
        self.users_message = QLabel(self)
        self.users_message.setWordWrap(True)
        add_form = QFormLayout()
        add_form.addRow(msg.FIELD_USERNAME, self.username)
        add_form.addRow(msg.FIELD_FULL_NAME, self.full_name)
        add_form.addRow(msg.FIELD_ROLE, self.role)
        add_form.addRow(msg.FIELD_PASSWORD, self.password)
        add_form.addRow("", self.add_button)
        users_layout = QHBoxLayout(self.users_box)
        users_layout.addWidget(self.users_view, 3)
        side = QVBoxLayout()
        side.addLayout(add_form)
        side.addWidget(self.users_message)
        side.addStretch(1)
        users_layout.addLayout(side, 2)
        self.not_admin = QLabel(msg.ADMIN_ONLY, self)
        more = QLabel(msg.ADMIN_MORE, self)
        more.setWordWrap(True)
        more.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.unit_box)
        layout.addWidget(self.users_box, 1)
        layout.addWidget(self.not_admin)
        layout.addWidget(more)
        is_admin = env.can(Permission.MANAGE_USERS)
        self.users_box.setVisible(is_admin)
        self.not_admin.setVisible(not is_admin)
        self.add_button.clicked.connect(self.add_user)
        self.reload()

    def reload(self) -> None:
        env = self.env
        env.worker.submit(lambda: current_unit_info(env.ctx.db), self._show_unit, owner=self)
        if env.can(Permission.MANAGE_USERS):
            env.worker.submit(
                lambda: list_users(env.ctx.db, env.actor),
                self.users.set_users,
                lambda exc: show_error(self, exc),
                owner=self,
            )

    def _show_unit(self, unit: UnitInfo) -> None:
        values = (
            unit.name,
            unit.agency_code,
            unit.parent_body,
            unit.province,
            unit.address,
            unit.phone,
            f"{unit.upper_office_name} ({msg.UPPER_LEVELS.get(unit.upper_office_level, '')})",
        )
        for label, value in zip(self.unit_labels, values, strict=True):
            label.setText(value or "—")

    def add_user(self) -> None:
        env = self.env
        new = NewUser(
            self.username.text(), self.full_name.text(), str(self.role.currentData()), self.password.text()
        )

        def done(_actor: object) -> None:
            self.users_message.setStyleSheet(style.label_style(style.OK_COLOUR))
            self.users_message.setText(msg.USER_CREATED.format(username=new.username.strip().lower()))
            for edit in (self.username, self.full_name, self.password):
                edit.clear()
            self.reload()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationFailed):
                self.users_message.setStyleSheet(style.label_style(style.ERROR_COLOUR))
                self.users_message.setText("\n".join(exc.errors))
            else:
                show_error(self, exc)

        env.worker.submit(lambda: create_user(env.ctx.db, new, actor=env.actor), done, failed, owner=self)
