"""The history of one dossier as a table: when, who, what, and the details that matter to a person."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from counter_app.core.tz import VN_TZ
from counter_app.messages import ui as msg
from counter_app.services.views import EventView

_Index = QModelIndex | QPersistentModelIndex


class TimelineColumn(IntEnum):
    AT = 0
    USER = 1
    WHAT = 2
    DETAILS = 3


def _fmt_value(key: str, value: object) -> str:
    if key in ("new_due_at", "promised_due_at") and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y")
        except ValueError:
            return value
    if key == "satisfaction":
        return msg.SATISFACTION.get(str(value), str(value))
    if key == "form":
        return msg.FORM_NAMES.get(str(value), str(value))
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def describe_event(event: EventView) -> str:
    """The payload in words, skipping what is empty or only for machines."""
    parts: list[str] = []
    for key, template in msg.EVENT_DETAILS.items():
        value = event.payload.get(key)
        if value in (None, "", [], False):
            continue
        if key == "upward":
            parts.append(template)
            continue
        parts.append(template.format(value=_fmt_value(key, value)))
    if event.kind == "receive" and event.payload.get("code"):
        parts.insert(0, str(event.payload["code"]))
    return " · ".join(parts)


class TimelineModel(QAbstractTableModel):
    def __init__(self, events: list[EventView] | None = None) -> None:
        super().__init__()
        self._events: list[EventView] = list(events or [])

    def set_events(self, events: list[EventView]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def event_at(self, row: int) -> EventView:
        return self._events[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(TimelineColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(msg.TIMELINE_COLUMNS):
                return msg.TIMELINE_COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        event = self._events[index.row()]
        column = TimelineColumn(index.column())
        if column is TimelineColumn.AT:
            return event.at.astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y")
        if column is TimelineColumn.USER:
            return event.username
        if column is TimelineColumn.WHAT:
            return msg.EVENT_LABELS.get(event.kind, event.kind)
        return describe_event(event)
