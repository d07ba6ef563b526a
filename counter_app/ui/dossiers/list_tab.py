"""The "Hồ sơ" tab: quick filters with counts, one search box, the lazy dossier table coloured by due
status."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.dossier_code import parse_dossier_code
from counter_app.messages import ui as msg
from counter_app.services.dossier_list import ListQuery, QuickFilter, RowStatus, SortKey, filter_counts
from counter_app.ui import style
from counter_app.ui.dossiers.list_model import ID_ROLE, Column, DossierListModel
from counter_app.ui.env import UiEnv

SEARCH_DELAY_MS = 250
COUNTS_EVERY_MS = 60_000
_DUE_FILTERS = (QuickFilter.DUE_TODAY, QuickFilter.DUE_SOON, QuickFilter.OVERDUE, QuickFilter.IN_PROGRESS)
_LEGEND = (RowStatus.OVERDUE, RowStatus.DUE_TODAY, RowStatus.DUE_SOON, RowStatus.PAUSED, RowStatus.READY)


def vn_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def default_sort(quick: QuickFilter) -> tuple[SortKey, bool]:
    """Work queues read most urgent first; registers read newest first."""
    return (SortKey.DUE, False) if quick in _DUE_FILTERS else (SortKey.RECEIVED, True)


class DossierListTab(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.counts: dict[QuickFilter, int] = {}
        self._counts_generation = 0
        self.model = DossierListModel(env.ctx, env.worker, parent=self)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(msg.SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(msg.REFRESH_BUTTON, self)
        self.open_button = QPushButton(msg.OPEN_BUTTON, self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)

        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[QuickFilter, QPushButton] = {}
        filters = QHBoxLayout()
        filters.setSpacing(4)
        for number, quick in enumerate(QuickFilter, start=1):
            button = QPushButton(msg.QUICK_FILTERS[quick.value], self)
            button.setCheckable(True)
            button.setObjectName(f"filter_{quick.value}")
            button.setToolTip(f"Ctrl+{number}")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.filter_group.addButton(button)
            self.filter_buttons[quick] = button
            filters.addWidget(button)
            button.clicked.connect(lambda _checked=False, q=quick: self.set_filter(q))
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda q=quick: self.set_filter(q))
        filters.addStretch(1)

        self.table = QTableView(self)
        self.table.setObjectName("dossierTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(
            QHeaderView.ResizeMode.Fixed
        )  # one uniform span: appending pages stays O(1)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setSortingEnabled(True)
        self._size_columns()

        self.status = QLabel(self)
        legend = QHBoxLayout()
        legend.addWidget(QLabel(msg.LEGEND, self))
        for status in _LEGEND:
            chip = QLabel(f" {msg.ROW_STATUS[status.value]} ", self)
            chip.setStyleSheet(f"background: {style.BACKGROUNDS[status]}; border: 1px solid #999;")
            legend.addWidget(chip)
        legend.addStretch(1)
        legend.addWidget(self.status)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.table.activated.connect(self._activated)
        self.open_button.clicked.connect(self.open_current)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        self.model.page_loaded.connect(lambda _n: self._update_status())
        self.model.loading_changed.connect(lambda _b: self._update_status())
        self._counts_timer = QTimer(self)
        self._counts_timer.setInterval(COUNTS_EVERY_MS)
        self._counts_timer.timeout.connect(self.refresh_counts)
        self._counts_timer.start()
        env.bus.dossiers_changed.connect(self._dossiers_changed)  # a method: disconnected with the tab

        self.filter_buttons[QuickFilter.ALL].setChecked(True)
        sort, descending = default_sort(QuickFilter.ALL)
        self._apply(ListQuery(QuickFilter.ALL, "", sort, descending))
        self.refresh_counts()

    # -- queries -----------------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self.model.query or ListQuery()

    def _apply(self, query: ListQuery) -> None:
        self.model.set_query(query)
        column = next(c for c in Column if c.name == query.sort.name)
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(
            column, order
        )  # model.sort sees no change: no re-query
        self._update_status()

    def set_filter(self, quick: QuickFilter) -> None:
        self.filter_buttons[quick].setChecked(True)
        if quick is self.query.quick_filter:
            return
        sort, descending = default_sort(quick)
        self._apply(replace(self.query, quick_filter=quick, sort=sort, descending=descending))

    def _search_changed(self) -> None:
        text = self.search.text().strip()
        if text != self.query.search:
            self._apply(replace(self.query, search=text))
            self.refresh_counts()

    def _search_entered(self) -> None:
        parts = parse_dossier_code(self.search.text())
        if parts is not None:
            self.env.bus.open_dossier.emit(parts.code)
        else:
            self._search_timer.stop()
            self._search_changed()

    def _dossiers_changed(self, _dossier_id: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        self._counts_generation += 1
        generation, ctx, text = self._counts_generation, self.env.ctx, self.search.text().strip()

        def done(counts: dict[QuickFilter, int]) -> None:
            if generation == self._counts_generation:
                self.counts = counts
                for quick, button in self.filter_buttons.items():
                    button.setText(
                        msg.FILTER_WITH_COUNT.format(
                            label=msg.QUICK_FILTERS[quick.value], count=vn_number(counts.get(quick, 0))
                        )
                    )
                self._update_status()

        self.env.worker.submit(lambda: filter_counts(ctx, text), done, owner=self)

    # -- opening -----------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _activated(self, index: QModelIndex) -> None:
        dossier_id = self.model.data(self.model.index(index.row(), 0), ID_ROLE)
        if dossier_id:
            self.env.bus.open_dossier.emit(str(dossier_id))

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)

    # -- looks -------------------------------------------------------------------------------------

    def _update_status(self) -> None:
        if self.model.loading and not self.model.rowCount():
            self.status.setText(msg.LIST_LOADING)
            return
        total = self.counts.get(self.query.quick_filter)
        shown = self.model.rowCount()
        if total is None:
            self.status.setText(vn_number(shown))
        elif total == 0 and shown == 0:
            self.status.setText(msg.LIST_EMPTY)
        else:
            self.status.setText(
                msg.LIST_SHOWING.format(shown=vn_number(shown), total=vn_number(max(total, shown)))
            )

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        samples = {
            Column.CODE: "000.21.27.H56-261123-0001",
            Column.APPLICANT: "Nguyễn Thị Ngọc Hường",
            Column.STATE: "Có kết quả, chờ trả",
            Column.RECEIVED: "23/11/2026 10:30",
            Column.DUE: "23/11/2026 10:30",
            Column.STATUS: "Quá hạn 123 ngày",
        }
        for column, sample in samples.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
