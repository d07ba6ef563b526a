"""Starts the Qt application on a database file: first-run set-up if needed, sign-in, the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from counter_app.db.errors import StorageError
from counter_app.messages import ui as msg
from counter_app.paths import resource
from counter_app.ui import gc_guard
from counter_app.ui.settings import UiSettings

if TYPE_CHECKING:
    from counter_app.services.context import CounterContext
    from counter_app.ui.ops import DbWorker


def load_fonts(app: QApplication, size: int = 11) -> None:
    """Bundled Liberation Serif 2.x: every Vietnamese letter, Times-compatible widths (tech-probe §1)."""
    for face in sorted(resource("fonts").glob("LiberationSerif-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))
    app.setFont(QFont("Liberation Serif", size))


def configure_logging(log_dir: Path | None = None) -> Path | None:
    """Bugs go to a log file the clerk can hand to the administrator (never a traceback on screen)."""
    from counter_app.ui.errors import set_log_path

    try:
        if log_dir is None:
            from counter_app.paths import data_dir

            log_dir = data_dir() / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / "counter_app.log"
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("counter_app").addHandler(handler)
    set_log_path(path)
    return path


def install_excepthook() -> None:
    """A bug in a slot: logged with its traceback, shown to the clerk as a Vietnamese sentence."""
    from counter_app.ui.errors import show_error

    def hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)  # type: ignore[arg-type]
            return
        show_error(QApplication.activeWindow(), value.with_traceback(tb))  # type: ignore[arg-type]

    sys.excepthook = hook


def _close_everything(app: QApplication) -> None:
    """Close whatever is showing (a dialog's exec() returns on close), then leave the event loop."""
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    app.quit()


class CounterSession:
    """Sign-in, the main window, sign-out and sign-in again, on one open database."""

    def __init__(
        self, app: QApplication, ctx: CounterContext, worker: DbWorker, settings: UiSettings
    ) -> None:
        self.app, self.ctx, self.worker, self.settings = app, ctx, worker, settings
        self.window = None

    def sign_in(self) -> bool:
        from counter_app.services.unit_view import current_unit_info
        from counter_app.ui.env import UiEnv
        from counter_app.ui.login import ChangePasswordDialog, LoginDialog
        from counter_app.ui.main_window import MainWindow

        unit_name = self.worker.run_sync(lambda: current_unit_info(self.ctx.db)).name
        login = LoginDialog(self.ctx.db, self.worker, self.settings, unit_name)
        if login.exec() != QDialog.DialogCode.Accepted or login.result_ is None:
            return False
        actor = login.result_.actor
        if login.result_.must_change_password:
            change = ChangePasswordDialog(self.ctx.db, self.worker, actor)
            if change.exec() != QDialog.DialogCode.Accepted:
                return False
        window = MainWindow(UiEnv(self.ctx, actor, self.worker, self.settings))
        window.logout_requested.connect(self.sign_out)
        window.closed.connect(self._closed)
        self.window = window
        window.show()
        return True

    def _closed(self) -> None:
        if self.window is not None:  # closed by the clerk (not signing out): the program ends
            self.app.quit()

    def sign_out(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()
        if not self.sign_in():
            self.app.quit()


def run_gui(db_path: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("counter_app")
    app.setQuitOnLastWindowClosed(False)  # signing out closes the window before the login reopens
    collector = gc_guard.install(app)  # before the worker thread exists
    settings = UiSettings()
    load_fonts(app, settings.font_size)
    configure_logging()
    install_excepthook()
    if os.environ.get("COUNTER_APP_EXIT_AFTER_SHOW"):  # smoke tests: start, paint, quit
        QTimer.singleShot(int(os.environ["COUNTER_APP_EXIT_AFTER_SHOW"]), lambda: _close_everything(app))
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services.context import CounterContext
    from counter_app.services.unit import default_node_id, is_set_up
    from counter_app.ui.first_run import FirstRunWizard
    from counter_app.ui.ops import DbWorker

    try:
        database = open_sqlite(db_path).database
    except StorageError as exc:
        QMessageBox.critical(None, msg.ERROR_TITLE, str(exc))
        return 2
    worker = DbWorker()
    try:
        if not worker.run_sync(lambda: is_set_up(database)):
            wizard = FirstRunWizard(database, worker)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return 0
            QMessageBox.information(
                None, msg.INFO_TITLE, msg.SETUP_DONE.format(unit=wizard.unit_page.value().name)
            )
        node_id = worker.run_sync(lambda: default_node_id(database))
        if node_id is None:
            QMessageBox.warning(None, msg.ERROR_TITLE, msg.NOT_SET_UP.format(path=db_path))
            return 2
        ctx = CounterContext(database, node_id)
        from counter_app.ui.warmup import warm_up

        worker.submit(
            lambda: warm_up(ctx), on_error=lambda _exc: None
        )  # only a speed-up: failures wait for real use
        session = CounterSession(app, ctx, worker, settings)
        if not session.sign_in():
            return 0
        return app.exec()
    finally:
        worker.shutdown()
        database.dispose()
        collector.uninstall()
