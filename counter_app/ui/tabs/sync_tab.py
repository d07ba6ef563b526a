"""The "Đồng bộ" tab: a commune clerk writes packages for the upper level to a USB stick and reads the
return packages; shows the last export, the reminder and the commune's key fingerprint.

Exports run on the DB worker thread; progress comes back through a queued signal and Cancel sets a
threading.Event the core polls. "có thể rút USB" is shown only from the core's own message, which it
writes after reading the file back and verifying it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.messages import sync as sync_msg
from counter_app.messages import ui as msg
from counter_app.services.authz import Permission
from counter_app.services.errors import ServiceError
from counter_app.sync.errors import SyncCancelled, SyncError
from counter_app.ui.env import UiEnv
from counter_app.ui.errors import user_message


def describe(exc: BaseException) -> str:
    """Sync refusals are sentences for the clerk; anything else goes through the app's error policy."""
    if isinstance(exc, SyncError | ServiceError):
        return str(exc)
    return user_message(exc)


_PHASES = tuple(sync_msg.PROGRESS)


class _ProgressBridge(QObject):
    # Emitted on the worker thread; the receiver lives on the GUI thread, so Qt queues the call.
    # Only ints cross threads (the phase as an index): see DbWorker and qt_fixes for why.
    progressed = Signal(int, int, int)


class ProgressPanel(QWidget):
    """A progress bar, the current phase and a Cancel button for one long sync job at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.phase = QLabel()
        self.cancel_button = QPushButton(msg.SYNC_CANCEL)
        self.cancel_button.clicked.connect(self.cancel)
        self._cancelled = threading.Event()
        self._bridge = _ProgressBridge()
        self._bridge.progressed.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.phase)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def start(self) -> tuple[Callable[[str, int, int], None], Callable[[], bool]]:
        """Show the panel; returns the (progress, cancel) callables to hand to the core."""
        self._cancelled = threading.Event()
        event = self._cancelled
        self.bar.setRange(0, 0)  # busy until the first report
        self.phase.setText(msg.SYNC_WORKING)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(msg.SYNC_CANCEL)
        self.setVisible(True)
        emit = self._bridge.progressed.emit

        def progress(phase: str, done: int, total: int) -> None:
            emit(_PHASES.index(phase) if phase in _PHASES else -1, done, total)

        return progress, event.is_set

    def cancel(self) -> None:
        self._cancelled.set()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(msg.SYNC_CANCELLING)

    def finish(self) -> None:
        self.setVisible(False)

    def _show(self, phase: int, done: int, total: int) -> None:
        known = 0 <= phase < len(_PHASES)
        self.phase.setText(sync_msg.PROGRESS[_PHASES[phase]] if known else msg.SYNC_WORKING)
        if total > 0:
            self.bar.setRange(0, 100)
            self.bar.setValue(100 * done // total)


class SyncTab(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.last_export = QLabel()
        self.unacked = QLabel()
        self.hub = QLabel()
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("communeFingerprint")
        self.fingerprint.setToolTip(msg.SYNC_FINGERPRINT_HINT)
        self.reminder = QLabel()
        self.reminder.setObjectName("syncReminder")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("color: #b45309; font-weight: bold;")
        self.result = QLabel()
        self.result.setObjectName("syncResult")
        self.result.setWordWrap(True)
        self.progress = ProgressPanel()

        self.export_new = QPushButton(msg.SYNC_EXPORT_NEW)
        self.export_resend = QPushButton(msg.SYNC_EXPORT_RESEND)
        self.export_full = QPushButton(msg.SYNC_EXPORT_FULL)
        self.import_return_button = QPushButton(msg.SYNC_IMPORT_RETURN)
        self.import_identity_button = QPushButton(msg.SYNC_IMPORT_IDENTITY)
        self.export_new.clicked.connect(lambda: self._choose_folder("incremental"))
        self.export_resend.clicked.connect(lambda: self._choose_folder("resend"))
        self.export_full.clicked.connect(lambda: self._choose_folder("full"))
        self.import_return_button.clicked.connect(self._choose_returns)
        self.import_identity_button.clicked.connect(self._choose_identity)
        if not env.can(Permission.MANAGE_SETTINGS):
            self.import_identity_button.setToolTip(msg.SYNC_NEEDS_ADMIN)

        status = QGroupBox(msg.SYNC_STATUS_GROUP)
        form = QFormLayout(status)
        form.addRow(msg.SYNC_LAST_EXPORT, self.last_export)
        form.addRow(msg.SYNC_UNACKED, self.unacked)
        form.addRow(msg.SYNC_HUB, self.hub)
        form.addRow(msg.SYNC_FINGERPRINT, self.fingerprint)
        form.addRow(self.reminder)
        export = QGroupBox(msg.SYNC_EXPORT_GROUP)
        row = QHBoxLayout(export)
        for button in (self.export_new, self.export_resend, self.export_full):
            row.addWidget(button)
        row.addStretch(1)
        incoming = QGroupBox(msg.SYNC_IMPORT_GROUP)
        row = QHBoxLayout(incoming)
        row.addWidget(self.import_return_button)
        row.addWidget(self.import_identity_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (status, export, incoming, self.progress, self.result):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._set_busy(False)
        self.refresh()

    # --- status ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, actor = self._env.ctx, self._env.actor

        def load() -> tuple[Any, str | None, str]:
            from counter_app.services import sync_status

            fingerprint = sync_status.commune_fingerprint(ctx, actor)  # creates the key on first use
            return sync_status.overview(ctx), sync_status.export_reminder(ctx), fingerprint

        self._env.worker.submit(load, self._show_status, self._show_error, owner=self, label="sync-status")

    def _show_status(self, loaded: tuple[Any, str | None, str]) -> None:
        info, reminder, fingerprint = loaded
        if info.last_export_at is not None:
            self.last_export.setText(msg.SYNC_LAST_EXPORT_VALUE.format(sequence=info.last_sequence,
                                                                        when=info.last_export_at))
        else:
            self.last_export.setText(msg.SYNC_NEVER_EXPORTED)
        self.unacked.setText(str(info.unacknowledged))
        has_hub = info.hub_id is not None
        self.hub.setText(msg.SYNC_HUB_VALUE.format(name=info.hub_name, hub_id=info.hub_id) if has_hub
                         else msg.SYNC_NO_HUB)
        self.fingerprint.setText(fingerprint)
        self.reminder.setText(reminder or "")
        self.reminder.setVisible(bool(reminder))

    def _set_busy(self, busy: bool) -> None:
        can_export = self._env.can(Permission.EXCHANGE_PACKAGES)
        for button in (self.export_new, self.export_resend, self.export_full, self.import_return_button):
            button.setEnabled(not busy and can_export)
        self.import_identity_button.setEnabled(not busy and self._env.can(Permission.MANAGE_SETTINGS))

    def _show_error(self, exc: BaseException) -> None:
        self.result.setText(describe(exc))

    # --- export ---------------------------------------------------------------------------------------
    def _choose_folder(self, mode: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, msg.SYNC_CHOOSE_FOLDER)
        if folder:
            self.export_to(Path(folder), mode)

    def export_to(self, folder: Path, mode: str = "incremental") -> None:
        """Write one package (mode incremental | resend | full) into `folder` on the worker thread."""
        from counter_app.sync.export import export_package

        ctx, actor = self._env.ctx, self._env.actor
        progress, cancel = self.progress.start()
        self._set_busy(True)
        self.result.setText("")

        def run() -> Any:
            return export_package(ctx, folder, mode=mode, actor=actor, progress=progress, cancel=cancel)

        self._env.worker.submit(run, self._export_done, self._export_failed, owner=self, label="sync-export")

    def cancel(self) -> None:
        self.progress.cancel()

    def _export_done(self, result: Any) -> None:
        self._end_job(result.message)
        if result.sequence is not None:
            self._env.bus.status_message.emit(result.message)

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SyncCancelled):
            self._end_job(msg.SYNC_EXPORT_CANCELLED)
        else:
            self._end_job(msg.SYNC_EXPORT_FAILED.format(detail=describe(exc)))

    def _end_job(self, text: str) -> None:
        self.progress.finish()
        self._set_busy(False)
        self.result.setText(text)
        self.refresh()

    # --- incoming -------------------------------------------------------------------------------------
    def _choose_returns(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, msg.SYNC_CHOOSE_RETURN, "", msg.SYNC_PACKAGE_FILTER)
        if paths:
            self.import_returns([Path(p) for p in paths])

    def import_returns(self, paths: list[Path]) -> None:
        """Read return packages (each all-or-nothing); one line per file, warnings indented."""
        from counter_app.sync.commune_inbox import import_return

        ctx, actor = self._env.ctx, self._env.actor

        def run() -> list[str]:
            lines: list[str] = []
            for path in paths:
                try:
                    outcome = import_return(ctx, path, actor=actor)
                except SyncError as exc:
                    lines.append(msg.SYNC_FILE_FAILED.format(name=path.name, detail=exc))
                    continue
                lines.append(outcome.message)
                lines.extend("  " + warning for warning in outcome.warnings)
            return lines

        def done(lines: list[str]) -> None:
            self._end_job("\n".join(lines))
            self._env.bus.dossiers_changed.emit("")  # results from the upper level change dossiers

        self._set_busy(True)
        self.result.setText("")
        self._env.worker.submit(run, done, lambda exc: self._end_job(describe(exc)), owner=self,
                                label="sync-return")

    def _choose_identity(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, msg.SYNC_CHOOSE_IDENTITY, "", msg.SYNC_IDENTITY_FILTER)
        if path:
            self.import_identity(Path(path))

    def import_identity(self, path: Path) -> None:
        from counter_app.services.sync_status import import_hub_identity

        ctx, actor = self._env.ctx, self._env.actor
        self._set_busy(True)
        self._env.worker.submit(
            lambda: import_hub_identity(ctx, path, actor=actor), self._end_job,
            lambda exc: self._end_job(msg.SYNC_IDENTITY_FAILED.format(detail=describe(exc))),
            owner=self, label="sync-identity",
        )
