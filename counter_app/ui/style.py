"""Colours of the dossier list: a light background per due status, dark text that stays legible.

The status is also written in its own column, so nobody depends on telling colours apart.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from counter_app.services.dossier_list import RowStatus
from counter_app.ui.colours import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR, label_style

__all__ = [
    "BACKGROUNDS", "ERROR_COLOUR", "FOREGROUNDS", "OK_COLOUR", "WARNING_COLOUR", "background", "foreground", "label_style"
]

BACKGROUNDS: dict[RowStatus, str] = {
    RowStatus.OVERDUE: "#f6c9ce",
    RowStatus.DUE_TODAY: "#ffd8a8",
    RowStatus.DUE_SOON: "#fff0b3",
    RowStatus.PAUSED: "#dfe3e8",
    RowStatus.READY: "#cfead9",
    RowStatus.READY_LATE: "#cfead9",
}
FOREGROUNDS: dict[RowStatus, str] = {
    RowStatus.OVERDUE: "#7a0c17",
    RowStatus.READY_LATE: "#7a0c17",
    RowStatus.DONE_LATE: "#9b1c24",
    RowStatus.CLOSED: "#5f6368",
}


def background(status: RowStatus) -> QColor | None:
    value = BACKGROUNDS.get(status)
    return QColor(value) if value else None


def foreground(status: RowStatus) -> QColor | None:
    value = FOREGROUNDS.get(status)
    return QColor(value) if value else None
