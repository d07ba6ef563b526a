"""The documents checklist of an intake, pre-filled from the procedure's catalogue entry.

Mandatory documents start ticked (the usual complete dossier needs no keystroke); "(nếu có)" items
start unticked. The clerk unticks what is missing, edits the form or the count, or adds a row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from counter_app.messages import ui as msg
from counter_app.services.catalog import ProcedureView
from counter_app.services.intake import DocumentInput

_Index = QModelIndex | QPersistentModelIndex
MAX_COUNT = 99


class DocColumn(IntEnum):
    RECEIVED = 0
    NAME = 1
    FORM = 2
    COUNT = 3


@dataclass(frozen=True)
class ChecklistItem:
    name: str
    form: str
    count: int
    mandatory: bool
    received: bool


class DocumentsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[ChecklistItem] = []

    # -- content -----------------------------------------------------------------------------------

    def load_procedure(self, procedure: ProcedureView | None) -> None:
        self.beginResetModel()
        self._items = [
            ChecklistItem(name, form, count, mandatory, mandatory)
            for name, form, count, mandatory in (procedure.documents if procedure else ())
        ]
        self.endResetModel()

    def add_item(self, name: str = msg.DOC_NEW_NAME, form: str = msg.DOC_FORM_DEFAULT) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(ChecklistItem(name, form, 1, False, True))
        self.endInsertRows()
        return row

    def items(self) -> list[ChecklistItem]:
        return list(self._items)

    def set_received(self, row: int, received: bool) -> None:
        self.setData(
            self.index(row, DocColumn.RECEIVED),
            Qt.CheckState.Checked if received else Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def received_documents(self) -> tuple[DocumentInput, ...]:
        return tuple(DocumentInput(i.name, i.form, i.count) for i in self._items if i.received)

    def missing_mandatory(self) -> list[str]:
        return [i.name for i in self._items if i.mandatory and not i.received]

    # -- the table ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(DocColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(msg.DOC_COLUMNS):
                return msg.DOC_COLUMNS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == DocColumn.RECEIVED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = DocColumn(index.column())
        if column is DocColumn.RECEIVED:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if item.received else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column is DocColumn.NAME:
                return item.name + ("" if item.mandatory else msg.DOC_OPTIONAL)
            return item.form if column is DocColumn.FORM else item.count
        if role == Qt.ItemDataRole.EditRole:
            return {DocColumn.NAME: item.name, DocColumn.FORM: item.form, DocColumn.COUNT: item.count}[column]
        if role == Qt.ItemDataRole.ToolTipRole and column is DocColumn.NAME:
            return item.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column is DocColumn.COUNT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(  # noqa: N802 - Qt's name
        self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return False
        item = self._items[index.row()]
        column = DocColumn(index.column())
        if column is DocColumn.RECEIVED and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            new = replace(item, received=checked)
        elif role == Qt.ItemDataRole.EditRole and column is DocColumn.NAME and str(value).strip():
            new = replace(item, name=str(value).strip())
        elif role == Qt.ItemDataRole.EditRole and column is DocColumn.FORM and str(value).strip():
            new = replace(item, form=str(value).strip())
        elif role == Qt.ItemDataRole.EditRole and column is DocColumn.COUNT:
            try:
                count = int(str(value))
            except ValueError:
                return False
            if not 1 <= count <= MAX_COUNT:
                return False
            new = replace(item, count=count)
        else:
            return False
        self._items[index.row()] = new
        self.dataChanged.emit(index, index, [role])
        return True
