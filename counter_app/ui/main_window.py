"""The counter's main window: six tabs, menus that show every shortcut, a busy indicator that appears only
after ~300 ms, and the barcode scanner listened to everywhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.core.dossier_code import parse_dossier_code
from counter_app.messages import ui as msg
from counter_app.services.authz import Permission
from counter_app.services.clock_sanity import ClockCheck, check_clock, confirm_clock
from counter_app.services.errors import NotFound
from counter_app.services.unit_view import current_unit_info
from counter_app.services.views import DossierView, EventView
from counter_app.ui.dossiers.detail import DossierDetailDialog, load_detail
from counter_app.ui.dossiers.list_tab import DossierListTab
from counter_app.ui.env import UiEnv
from counter_app.ui.errors import show_error
from counter_app.ui.intake.intake_tab import IntakeTab
from counter_app.ui.scanner import ScanFilter
from counter_app.ui.settings import DEFAULT_FONT_SIZE
from counter_app.ui.tabs.admin_tab import AdminTab
from counter_app.ui.tabs.reports_tab import ReportsTab
from counter_app.ui.tabs.return_tab import ReturnTab
from counter_app.ui.tabs.sync_tab import SyncTab
from counter_app.ui.warmup import warm_up


def apply_font_size(size: int) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = QFont(app.font())
        font.setPointSize(size)
        app.setFont(font)


class MainWindow(QMainWindow):
    logout_requested = Signal()
    closed = Signal()

    def __init__(self, env: UiEnv, *, install_scanner: bool = True) -> None:
        super().__init__()
        self.env = env
        self.detail: DossierDetailDialog | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(msg.APP_TITLE)
        self.intake = IntakeTab(env, self)
        self.dossiers = DossierListTab(env, self)
        self.returns = ReturnTab(env, self)
        self.reports = ReportsTab(env, self)
        self.sync = SyncTab(env, self)
        self.admin = AdminTab(env, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        for widget, label, key in (
            (self.intake, msg.TAB_INTAKE, "F2"),
            (self.dossiers, msg.TAB_DOSSIERS, "F3"),
            (self.returns, msg.TAB_RETURN, "F4"),
            (self.reports, msg.TAB_REPORTS, ""),
            (self.sync, msg.TAB_SYNC, ""),
            (self.admin, msg.TAB_ADMIN, ""),
        ):
            index = self.tabs.addTab(widget, f"{label} ({key})" if key else label)
            self.tabs.setTabToolTip(index, key)

        self.clock_banner = QWidget(self)
        self.clock_text = QLabel(self.clock_banner)
        self.clock_text.setWordWrap(True)
        self.clock_button = QPushButton(msg.CLOCK_CONFIRM, self.clock_banner)
        banner = QHBoxLayout(self.clock_banner)
        banner.addWidget(self.clock_text, 1)
        banner.addWidget(self.clock_button)
        self.clock_banner.setStyleSheet("background: #fff0b3;")
        self.clock_banner.hide()
        self.clock_button.clicked.connect(self._confirm_clock)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.clock_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel(
            msg.SIGNED_IN_AS.format(
                name=env.actor.full_name, role=msg.ROLE_LABELS.get(env.actor.role.value, env.actor.role.value)
            )
        )
        self.busy_label = QLabel(msg.BUSY)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        for widget in (self.busy_label, self.busy_bar):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()

        env.worker.busy_changed.connect(self._busy)
        # Methods, not lambdas: the worker outlives a signed-out window, and Qt disconnects methods of a
        # deleted receiver by itself.
        env.worker.job_failed.connect(self._job_failed)
        env.bus.open_dossier.connect(self.open_dossier)
        env.bus.status_message.connect(self._status_message)
        self.scanner: ScanFilter | None = None
        if install_scanner:
            self.scanner = ScanFilter(self)
            self.scanner.scanned.connect(self.on_scanned)
            QApplication.instance().installEventFilter(self.scanner)  # type: ignore[union-attr]
        ctx = env.ctx
        env.worker.submit(lambda: warm_up(ctx), on_error=lambda _exc: None, owner=self)
        env.worker.submit(lambda: current_unit_info(ctx.db), self._show_unit, owner=self)
        env.worker.submit(lambda: check_clock(ctx), self._show_clock, owner=self)
        geometry = env.settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1340, 700)
        self.intake.picker.setFocus()

    # -- menus -------------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, keys: tuple[str, ...], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        system = bar.addMenu(msg.MENU_SYSTEM)
        self._action(system, msg.ACTION_LOGOUT, ("Ctrl+L",), self.logout)
        self._action(system, msg.ACTION_QUIT, ("Ctrl+Q",), self.close)
        dossier = bar.addMenu(msg.MENU_DOSSIER)
        self._action(dossier, msg.ACTION_GO_INTAKE, ("F2",), self.go_intake)
        self._action(dossier, msg.ACTION_GO_LIST, ("F3",), lambda: self.tabs.setCurrentWidget(self.dossiers))
        self._action(dossier, msg.ACTION_GO_RETURN, ("F4",), self.go_return)
        dossier.addSeparator()
        self._action(dossier, msg.ACTION_FIND, ("Ctrl+F",), self.find)
        self._action(dossier, msg.ACTION_OPEN_CODE, ("Ctrl+O",), self.ask_code)
        self._action(dossier, msg.ACTION_REFRESH, ("F5",), self.dossiers.refresh)
        view = bar.addMenu(msg.MENU_VIEW)
        self._action(view, msg.ACTION_FONT_BIGGER, ("Ctrl++", "Ctrl+="), lambda: self.change_font(+1))
        self._action(view, msg.ACTION_FONT_SMALLER, ("Ctrl+-",), lambda: self.change_font(-1))
        self._action(view, msg.ACTION_FONT_RESET, ("Ctrl+0",), lambda: self.change_font(0))
        helper = bar.addMenu(msg.MENU_HELP)
        self._action(helper, msg.ACTION_SHORTCUTS, ("F1",), self.show_shortcuts)

    def go_intake(self) -> None:
        self.tabs.setCurrentWidget(self.intake)
        self.intake.picker.setFocus()

    def go_return(self) -> None:
        self.tabs.setCurrentWidget(self.returns)
        self.returns.focus_code()

    def find(self) -> None:
        self.tabs.setCurrentWidget(self.dossiers)
        self.dossiers.focus_search()

    def ask_code(self) -> None:
        text, ok = QInputDialog.getText(self, msg.ACTION_OPEN_CODE, msg.OPEN_CODE_PROMPT)
        if ok and text.strip():
            self.open_dossier(text.strip())

    def change_font(self, step: int) -> None:
        size = DEFAULT_FONT_SIZE if step == 0 else self.env.settings.font_size + step
        self.env.settings.font_size = size
        apply_font_size(self.env.settings.font_size)
        self.statusBar().showMessage(msg.FONT_SIZE_NOW.format(size=self.env.settings.font_size), 5000)

    def show_shortcuts(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            msg.ACTION_SHORTCUTS,
            msg.SHORTCUTS_HELP,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    def logout(self) -> None:
        self.logout_requested.emit()

    # -- dossiers and the scanner ------------------------------------------------------------------

    def on_scanned(self, code: str) -> None:
        self.statusBar().showMessage(msg.SCANNED.format(code=code), 5000)
        if self.tabs.currentWidget() is self.returns and self.detail is None:
            self.returns.load(code)
        else:
            self.open_dossier(code)

    def open_dossier(self, ref: str) -> None:
        """Show the dossier (by id or code); if a detail window is open, it shows this one instead."""
        parts = parse_dossier_code(ref)
        ref = parts.code if parts else ref.strip()
        env = self.env

        def failed(exc: BaseException) -> None:
            if isinstance(exc, NotFound):
                show_error(self, NotFound(msg.DOSSIER_NOT_FOUND.format(code=ref)))
            else:
                show_error(self, exc)

        env.worker.submit(lambda: load_detail(env, ref), self._show_detail, failed, owner=self)

    def _show_detail(self, result: tuple[DossierView, list[EventView]]) -> None:
        view, events = result
        if self.detail is not None:
            self.detail.show_data(view, events)
            self.detail.raise_()
            self.detail.activateWindow()
            return
        dialog = DossierDetailDialog(self.env, view, events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _r: self._detail_closed(dialog))
        self.detail = dialog
        dialog.open()

    def _detail_closed(self, dialog: DossierDetailDialog) -> None:
        if self.detail is dialog:
            self.detail = None

    # -- status ------------------------------------------------------------------------------------

    def _job_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def _busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _show_unit(self, unit) -> None:  # type: ignore[no-untyped-def]
        self.setWindowTitle(msg.WINDOW_TITLE_USER.format(unit=unit.name, user=self.env.actor.full_name))

    def _show_clock(self, check: ClockCheck) -> None:
        self.clock_banner.setVisible(check.needs_confirmation)
        self.clock_text.setText(msg.CLOCK_WARNING.format(message=check.message))
        self.clock_button.setVisible(self.env.can(Permission.CONFIRM_CLOCK))

    def _confirm_clock(self) -> None:
        env = self.env

        def done(check: ClockCheck) -> None:
            self._show_clock(check)
            self.statusBar().showMessage(msg.CLOCK_CONFIRMED, 5000)

        env.worker.submit(
            lambda: confirm_clock(env.ctx, env.actor), done, lambda e: show_error(self, e), owner=self
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.env.settings.set_geometry("main", self.saveGeometry())
        if self.scanner is not None:
            QApplication.instance().removeEventFilter(self.scanner)  # type: ignore[union-attr]
            self.scanner.enabled = False
        if self.env.worker.busy:
            QApplication.restoreOverrideCursor()
        super().closeEvent(event)
        self.closed.emit()
