"""Every error reaches the clerk as a Vietnamese sentence, never a traceback (style-anchors L12).

Errors the clerk can act on (a refused request, a full disk, an illegal action) are shown as they are;
anything else is a bug: it is logged with its traceback and the clerk is told where the log is.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.db.errors import StorageError
from counter_app.messages import ui as msg
from counter_app.services.errors import ServiceError

log = logging.getLogger("counter_app.ui")
_log_path: Path | None = None


def expected_errors() -> tuple[type[BaseException], ...]:
    """Errors shown as they are. Imported on first use: the sign-in window paints before the core loads."""
    from counter_app.core.clock import ClockError
    from counter_app.core.dossier_code import DossierCodeError
    from counter_app.core.states import IllegalTransition

    return (ServiceError, StorageError, IllegalTransition, DossierCodeError, ClockError)


def set_log_path(path: Path | None) -> None:
    global _log_path
    _log_path = path


def user_message(exc: BaseException) -> str:
    if isinstance(exc, expected_errors()):
        return str(exc)
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return msg.UNEXPECTED_ERROR.format(log=_log_path or "—")


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A non-blocking message box (window-modal), so tests and the event loop keep running."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, msg.ERROR_TITLE, user_message(exc), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box


def show_info(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information, msg.INFO_TITLE, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("infoBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box
