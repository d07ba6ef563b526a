"""Pick a procedure by typing any part of its name or code, with or without diacritics.

The matching is the service's (`search_procedures`, Vietnamese folding); Qt's completer only shows
the list (UnfilteredPopupCompletion: it must not filter again with its own, diacritic-blind rules).
Enter picks the highlighted match, or the first one when none is highlighted.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from counter_app.messages import ui as msg
from counter_app.services.catalog import ProcedureView, search_procedures

_Index = QModelIndex | QPersistentModelIndex
MAX_MATCHES = 60
PROCEDURE_ROLE = Qt.ItemDataRole.UserRole + 1


def procedure_text(view: ProcedureView) -> str:
    return f"{view.name} — {view.code}"


class ProcedureMatchModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matches: list[ProcedureView] = []

    def set_matches(self, matches: list[ProcedureView]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        self.endResetModel()

    def match_at(self, row: int) -> ProcedureView:
        return self._matches[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        view = self._matches[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return procedure_text(view)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{view.field}: {view.name}"
        if role == PROCEDURE_ROLE:
            return view
        return None


class ProcedurePicker(QLineEdit):
    procedure_chosen = Signal(object)  # ProcedureView, or None when the clerk edits the text again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("procedurePicker")
        self.setPlaceholderText(msg.PROCEDURE_PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self._procedures: list[ProcedureView] = []
        self.current: ProcedureView | None = None
        self.matches = ProcedureMatchModel(self)
        self.completer_ = QCompleter(self.matches, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.setCompleter(self.completer_)
        self.completer_.activated[QModelIndex].connect(self._activated)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._enter)

    def set_procedures(self, procedures: list[ProcedureView]) -> None:
        self._procedures = list(procedures)
        self.matches.set_matches(self._procedures[:MAX_MATCHES])

    @property
    def procedures(self) -> list[ProcedureView]:
        return list(self._procedures)

    def _edited(self, text: str) -> None:
        if self.current is not None:
            self.current = None
            self.procedure_chosen.emit(None)
        found = search_procedures(self._procedures, text)[:MAX_MATCHES]
        self.matches.set_matches(found)
        if found and text.strip():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        view = index.data(PROCEDURE_ROLE)
        if isinstance(view, ProcedureView):
            self.choose(view)

    def _enter(self) -> None:
        if self.current is None and self.matches.rowCount():
            self.choose(self.matches.match_at(0))

    def choose(self, view: ProcedureView | None) -> None:
        self.completer_.popup().hide()
        self.current = view
        self.setText(procedure_text(view) if view else "")
        self.setCursorPosition(0)
        self.procedure_chosen.emit(view)

    def choose_code(self, code: str) -> bool:
        for view in self._procedures:
            if view.code == code:
                self.choose(view)
                return True
        return False
