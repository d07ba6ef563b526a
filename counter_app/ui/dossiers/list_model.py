"""The dossier register as a lazy table model: pages come from SQL on the worker (canFetchMore/fetchMore).

The model never blocks: setting a query or scrolling to the end asks the worker for a page and returns
at once; rows arrive by queued signal. A generation number drops pages of a query that has since been
replaced (the clerk typed another letter). Sorting is done by the database (`sort()` re-queries).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from counter_app.core.tz import VN_TZ
from counter_app.messages import ui as msg
from counter_app.messages.dossier import STATE_LABELS
from counter_app.services.context import CounterContext
from counter_app.services.dossier_list import (
    PAGE_SIZE,
    ListPage,
    ListQuery,
    ListRow,
    RowStatus,
    SortKey,
    list_page,
)
from counter_app.ui import style
from counter_app.ui.ops import DbWorker

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    CODE = 0
    APPLICANT = 1
    PROCEDURE = 2
    STATE = 3
    RECEIVED = 4
    DUE = 5
    STATUS = 6


SORT_KEYS = {
    Column.CODE: SortKey.CODE,
    Column.APPLICANT: SortKey.APPLICANT,
    Column.PROCEDURE: SortKey.PROCEDURE,
    Column.STATE: SortKey.STATE,
    Column.RECEIVED: SortKey.RECEIVED,
    Column.DUE: SortKey.DUE,
    Column.STATUS: SortKey.DUE,
}


def fmt_datetime(value: datetime | None) -> str:
    return value.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M") if value else ""


def status_text(row: ListRow, today: datetime) -> str:
    if row.status is RowStatus.OVERDUE and row.current_due_at is not None:
        days = (today.date() - row.current_due_at.astimezone(VN_TZ).date()).days
        if days > 0:
            return msg.OVERDUE_DAYS.format(days=days)
    return msg.ROW_STATUS[row.status.value]


class DossierListModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    page_loaded = Signal(int)  # rows now in the model

    def __init__(
        self, ctx: CounterContext, worker: DbWorker, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._worker = worker
        self._page_size = page_size
        self._rows: list[ListRow] = []
        self._query: ListQuery | None = None
        self._generation = 0
        self._has_more = False
        self._loading = False
        self._today = ctx.now()

    # -- queries -----------------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery | None:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    def set_query(self, query: ListQuery) -> None:
        """Replace the query: the current rows stay on screen until the first page of the new one arrives."""
        self._query = query
        self._generation += 1
        self._has_more = False
        self._request(0, reset=True)

    def refresh(self) -> None:
        if self._query is not None:
            self.set_query(self._query)

    def _request(self, offset: int, *, reset: bool) -> None:
        assert self._query is not None
        query, generation, ctx, size = self._query, self._generation, self._ctx, self._page_size
        self._set_loading(True)
        self._worker.submit(
            lambda: (ctx.now(), list_page(ctx, query, offset, size)),
            lambda result: self._page_arrived(generation, reset, result),
            lambda exc: self._page_failed(generation, exc),
            owner=self,
        )

    def _page_arrived(self, generation: int, reset: bool, result: tuple[datetime, ListPage]) -> None:
        if generation != self._generation:
            return  # an older query: a newer page is on its way
        self._today, page = result
        if reset:
            self.beginResetModel()
            self._rows = list(page.rows)
            self.endResetModel()
        elif page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._has_more = page.has_more
        self._set_loading(False)
        self.page_loaded.emit(len(self._rows))

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._set_loading(False)
        self._worker.job_failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- lazy loading ------------------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's signature
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._request(len(self._rows), reset=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._query is None or not 0 <= column < len(Column):
            return
        key = SORT_KEYS[Column(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending))

    # -- the table ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def row_at(self, row: int) -> ListRow:
        return self._rows[row]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(msg.LIST_COLUMNS):
                return msg.LIST_COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return style.background(row.status)
        if role == Qt.ItemDataRole.ForegroundRole:
            return style.foreground(row.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.PROCEDURE, Column.APPLICANT):
                return self._display(row, column)
            return None
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status.value
        return None

    def _display(self, row: ListRow, column: Column) -> str:
        if column is Column.CODE:
            return row.code
        if column is Column.APPLICANT:
            return row.applicant_name
        if column is Column.PROCEDURE:
            return row.procedure_name
        if column is Column.STATE:
            return STATE_LABELS[row.state]
        if column is Column.RECEIVED:
            return fmt_datetime(row.received_at)
        if column is Column.DUE:
            return fmt_datetime(row.current_due_at)
        return status_text(row, self._today)
