"""Starts the Qt application on a database file: first-run set-up if needed, sign-in, the main window.

Start-up time is issue 9's first target: on the usual start the sign-in window paints before SQLAlchemy,
the models and the services are imported, and the worker opens the database meanwhile (ui/opening.py).
"""

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
from counter_app.ui.opening import DatabaseOpening, after_first_paint
from counter_app.ui.settings import UiSettings

if TYPE_CHECKING:
    from counter_app.services.context import CounterContext
    from counter_app.services.sign_in_view import SignInView
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


def _close_everything(app: QApplication, *, quit_app: bool = True) -> None:
    """Close whatever is showing (a dialog's exec() returns on close), then leave the event loop."""
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    if quit_app:
        app.quit()


class CounterSession:
    """Sign-in, the main window, sign-out and sign-in again, on one database."""

    def __init__(
        self, app: QApplication, ctx: CounterContext | DatabaseOpening, worker: DbWorker, settings: UiSettings
    ) -> None:
        self.app, self.worker, self.settings = app, worker, settings
        self.opening = ctx if isinstance(ctx, DatabaseOpening) else DatabaseOpening.opened(ctx)
        self.open_failure: BaseException | None = None  # opening failed behind the sign-in window
        self.window = None

    @property
    def ctx(self) -> CounterContext:
        return self.opening.ctx

    def start_background_work(self) -> None:
        """Open the database (if not yet), load the main window's code and warm up, all on the worker."""
        from counter_app.ui.ops import lower_thread_priority
        from counter_app.ui.warmup import warm_up

        opening = self.opening
        self.worker.submit(opening.context, on_error=self._open_failed)
        self.worker.submit(_import_main_window, on_error=lambda _exc: None)
        # Only a speed-up: its failures wait for real use.
        self.worker.submit(lambda: warm_up(opening.context()), on_error=lambda _exc: None)
        # The start-up work ran at normal priority: niced from the start, it lost the CPU to any other
        # program on a busy PC and the sign-in waited seconds for it (measured). From now on, yield.
        self.worker.submit(lower_thread_priority, on_error=lambda _exc: None)

    def _open_failed(self, exc: BaseException) -> None:
        self.open_failure = exc
        _close_everything(self.app, quit_app=False)

    def sign_in(self, view: SignInView | None = None) -> bool:
        """`view`: the first sign-in, shown while the worker opens the database (ui/opening.py)."""
        from counter_app.ui.login import ChangePasswordDialog, LoginDialog

        if view is None:
            from counter_app.services.unit_view import current_unit_info

            ctx = self.ctx
            unit_name = self.worker.run_sync(lambda: current_unit_info(ctx.db)).name
            login = LoginDialog(ctx.db, self.worker, self.settings, unit_name)
        else:
            login = LoginDialog(self.opening.database, self.worker, self.settings, view.unit_name, demo=view.demo)
            after_first_paint(login, self.start_background_work)
        if login.exec() != QDialog.DialogCode.Accepted or login.result_ is None:
            return False
        actor = login.result_.actor
        if login.result_.must_change_password:
            change = ChangePasswordDialog(self.ctx.db, self.worker, actor)
            if change.exec() != QDialog.DialogCode.Accepted:
                return False
        from counter_app.ui.env import UiEnv
        from counter_app.ui.main_window import MainWindow

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


def _import_main_window() -> None:
    """On the worker while the clerk types: the main window's modules (≈ 0.4 s) are ready at sign-in."""
    import counter_app.ui.main_window  # noqa: F401


def _open_before_sign_in(opening: DatabaseOpening, worker: DbWorker) -> int | None:
    """The full start-up protocol (new file, upgrade, refusal, first-run wizard) before any sign-in.

    Fills `opening`; returns the exit code when the program must stop here.
    """
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services.context import CounterContext
    from counter_app.services.unit import default_node_id, is_set_up
    from counter_app.ui.first_run import FirstRunWizard

    try:
        database = open_sqlite(opening.path).database
    except StorageError as exc:
        QMessageBox.critical(None, msg.ERROR_TITLE, str(exc))
        return 2
    ctx = opening.adopt(CounterContext(database, ""))  # disposed by run_gui once the worker has stopped
    if not worker.run_sync(lambda: is_set_up(database)):
        wizard = FirstRunWizard(database, worker)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0
        QMessageBox.information(None, msg.INFO_TITLE, msg.SETUP_DONE.format(unit=wizard.unit_page.value().name))
    node_id = worker.run_sync(lambda: default_node_id(database))
    if node_id is None:
        QMessageBox.warning(None, msg.ERROR_TITLE, msg.NOT_SET_UP.format(path=opening.path))
        return 2
    ctx.node_id = node_id
    return None


def _report_open_failure(exc: BaseException) -> int:
    from counter_app.ui.errors import user_message

    text = str(exc) if isinstance(exc, StorageError) else user_message(exc)  # a bug is logged
    QMessageBox.critical(None, msg.ERROR_TITLE, text)
    return 2


FREEZE_AFTER_MS = 3000


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
    from counter_app.db.instance_lock import acquire_instance_lock

    try:
        try:
            # One program per database file (a second window would fight the first for it): refused
            # here, before anything is read, naming the PC and time that hold it.
            instance = acquire_instance_lock(db_path)
        except StorageError as exc:
            QMessageBox.critical(None, msg.ERROR_TITLE, str(exc))
            return 2
        with instance:
            return _run_on(app, db_path, settings)
    finally:
        collector.uninstall()


def _run_on(app: QApplication, db_path: Path, settings: UiSettings) -> int:
    from counter_app.services.sign_in_view import read_sign_in_view
    from counter_app.ui.ops import DbWorker

    try:
        # A set-up file at the head revision (the usual start): its sign-in window paints before
        # SQLAlchemy is even imported. Anything else goes through the full protocol first.
        view = read_sign_in_view(db_path)
    except StorageError as exc:
        QMessageBox.critical(None, msg.ERROR_TITLE, str(exc))
        return 2
    worker = DbWorker(low_priority=False)  # lowered once the start-up work is done
    opening = DatabaseOpening(db_path, view.node_id if view is not None else "")
    try:
        if view is None:
            code = _open_before_sign_in(opening, worker)
            if code is not None:
                return code
        session = CounterSession(app, opening, worker, settings)
        if view is None:
            session.start_background_work()
        if not session.sign_in(view):
            return _report_open_failure(session.open_failure) if session.open_failure is not None else 0
        QTimer.singleShot(FREEZE_AFTER_MS, gc_guard.freeze_startup_objects)  # once the warm-up is done
        return app.exec()
    finally:
        worker.shutdown()
        opening.dispose()
