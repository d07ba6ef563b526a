"""At the counter, before anything is received: the supplement request (Mẫu 02) for an incomplete
dossier, and the refusal (Mẫu 03). Neither creates a dossier."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.messages import ui as msg
from counter_app.ui import style


class LinesDialog(QDialog):
    """A list of lines (items to supplement, or reasons to refuse), plus optional contact fields."""

    def __init__(
        self,
        title: str,
        help_text: str,
        lines_label: str,
        lines: list[str],
        *,
        with_contact: bool,
        contact_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.with_contact = with_contact
        intro = QLabel(help_text, self)
        intro.setWordWrap(True)
        self.lines = QPlainTextEdit("\n".join(lines), self)
        self.lines.setObjectName("lines")
        self.lines.setTabChangesFocus(True)
        self.reason = QLineEdit(self)
        self.contact_name = QLineEdit(contact_name, self)
        self.contact_phone = QLineEdit(self)
        form = QFormLayout()
        form.addRow(QLabel(lines_label, self))
        form.addRow(self.lines)
        if with_contact:
            form.addRow(msg.FIELD_REASON, self.reason)
            form.addRow(msg.FIELD_CONTACT_NAME, self.contact_name)
            form.addRow(msg.FIELD_CONTACT_PHONE, self.contact_phone)
        else:
            for widget in (self.reason, self.contact_name, self.contact_phone):
                widget.hide()
        self.error = QLabel(self)
        self.error.setStyleSheet(style.label_style(style.ERROR_COLOUR))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(msg.OK)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(msg.CANCEL)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.lines.setFocus()

    def values(self) -> list[str]:
        return [line.strip() for line in self.lines.toPlainText().splitlines() if line.strip()]

    def _accept(self) -> None:
        if not self.values():
            self.error.setText(msg.NEED_ITEMS if self.with_contact else msg.NEED_REASONS)
            return
        self.accept()


def supplement_dialog(missing: list[str], clerk_name: str, parent: QWidget | None = None) -> LinesDialog:
    return LinesDialog(
        msg.INTAKE_SUPPLEMENT_TITLE,
        msg.INTAKE_SUPPLEMENT_HELP,
        msg.FIELD_ITEMS,
        missing,
        with_contact=True,
        contact_name=clerk_name,
        parent=parent,
    )


def refusal_dialog(parent: QWidget | None = None) -> LinesDialog:
    return LinesDialog(
        msg.INTAKE_REFUSE_TITLE,
        msg.INTAKE_REFUSE_HELP,
        msg.FIELD_REASONS,
        [],
        with_contact=False,
        parent=parent,
    )
