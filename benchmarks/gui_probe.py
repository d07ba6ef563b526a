"""One GUI start, timed from process creation to paint; started by benchmarks/run.py, once per sample.

    BENCH_SPAWN_T=<time.time() before the spawn> python benchmarks/gui_probe.py empty
    BENCH_SPAWN_T=... python benchmarks/gui_probe.py app DB USERNAME PASSWORD

`empty` is the floor: an empty QMainWindow. `app` runs the real `counter-app --db DB` and acts as the clerk:
when the sign-in dialog has painted it fills the user name and password and presses the button; when the
main window has painted it opens the dossier list (F3's tab) and waits until rows are on screen. Nothing in
the program is patched; widgets are found by class and object names, so a renamed one shows as a missing
figure, not a crash. Prints one line: `GUI-PROBE {json}` with seconds since the spawn and the peak RSS.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

SPAWN = float(os.environ.get("BENCH_SPAWN_T", time.time()))
WATCHDOG_MS = int(os.environ.get("BENCH_GUI_TIMEOUT_MS", "90000"))
ROOT = Path(__file__).resolve().parents[1]
marks: dict[str, float] = {}


def mark(name: str) -> None:
    marks.setdefault(name, round(time.time() - SPAWN, 4))


def report(**extra: object) -> None:
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("GUI-PROBE " + json.dumps({**marks, "maxrss_mb": round(rss_mb, 1), **extra}), flush=True)


def run_empty() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 720)

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "first_paint" not in marks:
                mark("first_paint")
                QTimer.singleShot(0, app.quit)
            return False

    watch = Watch()
    window.installEventFilter(watch)
    window.show()
    QTimer.singleShot(WATCHDOG_MS, app.quit)
    app.exec()
    report()
    return 0


def run_app(db: str, username: str, password: str) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView, QTabWidget, QWidget

    sys.path.insert(0, str(ROOT))
    app = QApplication(sys.argv[:1])  # run_gui takes the existing instance
    notes: list[str] = []

    def named(widget: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
        return widget.findChild(cls, name)

    def sign_in(dialog: QWidget) -> None:
        user, secret = named(dialog, QLineEdit, "username"), named(dialog, QLineEdit, "password")
        buttons = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
        if user is None or secret is None or not buttons:
            notes.append("sign-in dialog without username/password fields")
            app.quit()
            return
        user.setText(username)
        secret.setText(password)
        mark("sign_in_pressed")
        buttons[0].click()

    def open_list(window: QWidget) -> None:
        tabs = window.findChild(QTabWidget)
        tab = next((w for w in window.findChildren(QWidget) if type(w).__name__ == "DossierListTab"), None)
        table = tab.findChild(QTableView) if tab is not None else None
        if tabs is None or tab is None or table is None:
            notes.append("no dossier list tab")
            app.quit()
            return
        mark("list_opened")
        tabs.setCurrentWidget(tab)

        def poll() -> None:
            model = table.model()
            if model is not None and model.rowCount() > 0 and table.isVisible():
                table.viewport().installEventFilter(watch)
                table.viewport().update()
                watch.table_viewport = table.viewport()
                watch.rows = model.rowCount()
            else:
                QTimer.singleShot(5, poll)

        poll()

    class Watch(QObject):
        table_viewport: QWidget | None = None
        rows = 0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() != QEvent.Type.Paint:
                return False
            kind = type(obj).__name__
            if isinstance(obj, QWidget) and obj.isWindow():
                mark("first_paint")
                if kind == "LoginDialog" and "login_paint" not in marks:
                    mark("login_paint")
                    QTimer.singleShot(0, lambda: sign_in(obj))
                elif kind == "MainWindow" and "main_paint" not in marks:
                    mark("main_paint")
                    QTimer.singleShot(0, lambda: open_list(obj))
            if obj is self.table_viewport and "list_rows_paint" not in marks:
                mark("list_rows_paint")
                QTimer.singleShot(0, app.quit)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    QTimer.singleShot(WATCHDOG_MS, lambda: (notes.append("watchdog"), app.quit()))
    from counter_app.cli import main

    status = main(["--db", db])
    report(status=status, rows=watch.rows, notes=notes)
    return 0


if __name__ == "__main__":
    mode = sys.argv[1]
    code = run_empty() if mode == "empty" else run_app(*sys.argv[2:5])
    sys.stdout.flush()
    os._exit(code)  # skip slow interpreter teardown of Qt objects: the figures are already out
