"""The upper level's screen (`counter-app hub gui`): import the communes' packages, the board per commune,
confirm a new commune's key after the phone call, and write the return packages.

All database work runs on a DbWorker; the import reports progress and can be cancelled between files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from counter_app.db.engine import Database
from counter_app.messages import ui as msg
from counter_app.services.context import vn_now
from counter_app.sync.errors import SyncCancelled, SyncError
from counter_app.sync.hub_board import UnitBoardRow, hub_board
from counter_app.sync.hub_import import Workspace
from counter_app.ui import gc_guard
from counter_app.ui.ops import DbWorker
from counter_app.ui.tabs.sync_tab import ProgressPanel, describe

Index = QModelIndex | QPersistentModelIndex
SILENT_COLOUR = QColor("#fde68a")


class BoardModel(QAbstractTableModel):
    """One row per commune: last package, dossiers received, overdue now, on-time rate, silence, gaps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnitBoardRow] = []

    def set_rows(self, rows: list[UnitBoardRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(msg.HUB_BOARD_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:  # noqa: N802 - Qt API
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return msg.HUB_BOARD_COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and row.silent:
            return SILENT_COLOUR  # a commune that stopped sending is what the officer must notice first
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= index.column() <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def cell(row: UnitBoardRow, column: int) -> str:
        last = row.last_package_created_at
        values = (
            row.unit_name,
            row.unit_code,
            f"{last:%d/%m/%Y %H:%M}" if last else msg.HUB_NEVER,
            str(row.dossiers),
            str(row.overdue),
            f"{100 * row.on_time_rate:.0f}%" if row.on_time_rate is not None else "–",
            msg.HUB_SILENT_DAYS.format(days=row.silent_days) if row.silent_days is not None else msg.HUB_NEVER,
            ", ".join(map(str, row.missing)),
        )
        return values[column]


def pending_units(db: Database) -> list[tuple[str, str, str, str]]:
    """(unit code, name, fingerprint in its package, file that introduced it) awaiting the phone check."""
    from counter_app.db.models_sync import SyncPeerKey

    with db.read() as session:
        rows = session.execute(select(SyncPeerKey).where(SyncPeerKey.peer_kind == "unit",
                                                         SyncPeerKey.status == "pending")
                               .order_by(SyncPeerKey.peer_id, SyncPeerKey.id)).scalars()
        return [(r.peer_id, r.peer_name, r.fingerprint, r.source) for r in rows]


def confirmed_units(db: Database) -> list[str]:
    from counter_app.db.models_sync import HubUnit

    with db.read() as session:
        return list(session.execute(select(HubUnit.unit_code).where(HubUnit.status == "confirmed")
                                    .order_by(HubUnit.unit_code)).scalars())


class HubWindow(QMainWindow):
    def __init__(self, db: Database, workspace_root: Path, worker: DbWorker | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.workspace = Workspace(Path(workspace_root))
        self.worker = worker or DbWorker(self)
        self.setWindowTitle(msg.HUB_TITLE)
        self.header = QLabel()
        self.header.setObjectName("hubHeader")
        self.progress = ProgressPanel()
        self.import_button = QPushButton(msg.HUB_IMPORT_FOLDER)
        self.import_button.clicked.connect(self._choose_import)
        self.return_button = QPushButton(msg.HUB_WRITE_RETURNS)
        self.return_button.clicked.connect(self._choose_return_folder)
        self.silent_days = QSpinBox(minimum=1, maximum=365, value=14)
        self.silent_days.valueChanged.connect(lambda _v: self.refresh())
        self.board = BoardModel(self)
        self.board_view = QTableView()
        self.board_view.setModel(self.board)
        self.board_view.horizontalHeader().setStretchLastSection(True)
        self.pending = QTableWidget(0, len(msg.HUB_PENDING_COLUMNS))
        self.pending.setHorizontalHeaderLabels(list(msg.HUB_PENDING_COLUMNS))
        self.pending.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.pending.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.pending.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.fingerprint_input = QLineEdit(placeholderText=msg.HUB_FINGERPRINT_INPUT)
        self.confirm_button = QPushButton(msg.HUB_CONFIRM)
        self.confirm_button.clicked.connect(lambda: self.confirm_selected(self.fingerprint_input.text()))
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setObjectName("hubLog")

        actions = QHBoxLayout()
        for widget in (self.import_button, self.return_button, QLabel(msg.HUB_SILENT_AFTER), self.silent_days):
            actions.addWidget(widget)
        actions.addStretch(1)
        board_box = QGroupBox(msg.HUB_BOARD_GROUP)
        QVBoxLayout(board_box).addWidget(self.board_view)
        pending_box = QGroupBox(msg.HUB_PENDING_GROUP)
        pending_layout = QVBoxLayout(pending_box)
        pending_layout.addWidget(self.pending)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.fingerprint_input, 1)
        confirm_row.addWidget(self.confirm_button)
        pending_layout.addLayout(confirm_row)
        log_box = QGroupBox(msg.HUB_LOG_GROUP)
        QVBoxLayout(log_box).addWidget(self.log)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(board_box, 3)
        layout.addWidget(pending_box, 1)
        layout.addWidget(log_box, 1)
        self.setCentralWidget(central)
        self.resize(1100, 760)
        self.refresh()

    # --- state ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        db, days = self.db, self.silent_days.value()

        def load() -> tuple[str, list[UnitBoardRow], list[tuple[str, str, str, str]]]:
            from counter_app.sync.identity import ROLE_HUB, current_own_key, hub_id_of

            with db.read() as session:
                hub_id, name = hub_id_of(session)
                key = current_own_key(session, ROLE_HUB)
                fingerprint = key.fingerprint if key else ""
            header = msg.HUB_HEADER.format(name=name, hub_id=hub_id, fingerprint=fingerprint)
            return header, hub_board(db, vn_now(), silent_after_days=days), pending_units(db)

        self.worker.submit(load, self._show_state, self._report_error, owner=self, label="hub-state")

    def _show_state(self, state: tuple[str, list[UnitBoardRow], list[tuple[str, str, str, str]]]) -> None:
        header, rows, pending = state
        self.header.setText(header)
        self.board.set_rows(rows)
        self.pending.setRowCount(len(pending))
        for r, values in enumerate(pending):
            for c, value in enumerate(values):
                self.pending.setItem(r, c, QTableWidgetItem(value))
        self.confirm_button.setEnabled(bool(pending))

    def _say(self, lines: list[str] | str) -> None:
        for line in [lines] if isinstance(lines, str) else lines:
            self.log.appendPlainText(line)

    def _report_error(self, exc: BaseException) -> None:
        self._say(describe(exc))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.import_button, self.return_button, self.confirm_button):
            button.setEnabled(not busy)

    def _end_job(self, lines: list[str] | str) -> None:
        self.progress.finish()
        self._set_busy(False)
        self._say(lines)
        self.refresh()

    # --- import ---------------------------------------------------------------------------------------
    def _choose_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, msg.HUB_CHOOSE_IMPORT)
        if folder:
            self.import_from(Path(folder))

    def import_from(self, folder: Path) -> None:
        """Import every commune package of `folder`; one line per file, then the summary."""
        from counter_app.sync.hub_import import import_folder

        db, workspace = self.db, self.workspace
        progress, cancel = self.progress.start()
        self._set_busy(True)

        def run() -> list[str]:
            report = import_folder(db, folder, workspace, progress=progress, cancel=cancel)
            return [o.message for o in report.outcomes] + [report.summary]

        def failed(exc: BaseException) -> None:
            self._end_job(str(exc) if isinstance(exc, SyncCancelled) else describe(exc))

        self.worker.submit(run, self._end_job, failed, owner=self, label="hub-import")

    # --- key confirmation -----------------------------------------------------------------------------
    def select_pending(self, unit_code: str) -> None:
        for r in range(self.pending.rowCount()):
            item = self.pending.item(r, 0)
            if item is not None and item.text() == unit_code:
                self.pending.selectRow(r)

    def confirm_selected(self, fingerprint: str) -> None:
        """The officer typed what the commune clerk read on the phone; the core compares it."""
        rows = self.pending.selectionModel().selectedRows()
        if not rows:
            self._say(msg.HUB_CONFIRM_NONE)
            return
        if not fingerprint.strip():
            self._say(msg.HUB_CONFIRM_EMPTY)
            return
        from counter_app.sync.hub import confirm_unit

        unit = self.pending.item(rows[0].row(), 0).text()
        db, workspace = self.db, self.workspace
        self._set_busy(True)

        def run() -> list[str]:
            message, outcomes = confirm_unit(db, workspace, unit, fingerprint)
            return [message] + ["  " + o.message for o in outcomes]

        def done(lines: list[str]) -> None:
            self.fingerprint_input.clear()
            self._end_job(lines)

        self.worker.submit(run, done, lambda exc: self._end_job(describe(exc)), owner=self, label="hub-confirm")

    # --- return packages ------------------------------------------------------------------------------
    def _choose_return_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, msg.HUB_CHOOSE_RETURN_FOLDER)
        if folder:
            self.write_returns(Path(folder))

    def write_returns(self, folder: Path) -> None:
        """One return package per confirmed commune (acknowledgements, catalogue, calendar, results)."""
        from counter_app.sync.hub_return import write_return

        db = self.db
        progress, cancel = self.progress.start()
        self._set_busy(True)

        def run() -> list[str]:
            units = confirmed_units(db)
            if not units:
                return [msg.HUB_NO_CONFIRMED]
            lines = []
            for unit in units:
                try:
                    lines.append(write_return(db, unit, folder, progress=progress, cancel=cancel).message)
                except SyncError as exc:
                    lines.append(msg.SYNC_FILE_FAILED.format(name=unit, detail=exc))
                    if isinstance(exc, SyncCancelled):
                        break
            return lines

        self.worker.submit(run, self._end_job, lambda exc: self._end_job(describe(exc)), owner=self,
                           label="hub-return")

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.progress.cancel()
        super().closeEvent(event)


def run_hub_gui(db: Database, workspace_root: Path) -> int:
    """`counter-app hub gui`: the hub screen until the officer closes it."""
    from counter_app.ui.app import load_fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    load_fonts(app)
    collector = gc_guard.install(app)  # before the worker thread exists
    worker = DbWorker()
    window = HubWindow(db, workspace_root, worker)
    window.show()
    try:
        return app.exec()
    finally:
        worker.shutdown()
        collector.uninstall()
