"""The database behind the sign-in window, opened on the worker while the clerk types.

Importing SQLAlchemy, the models and the services costs about a second on a commune's PC (issue 9), and
only the sign-in button needs them. So on a set-up file already at the head revision the sign-in window
paints first (its few values read by services.sign_in_view) and the worker then opens the file. Every
job that needs the database calls `context()` on the worker: the first one opens it, so a sign-in pressed
before the opening job ran still finds it, and a failure is raised again to each later caller.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from counter_app.db.engine import Database
    from counter_app.services.context import CounterContext

FALLBACK_START_MS = 1000  # a window that is never painted (hidden, minimised) still gets its database


class DatabaseOpening:
    def __init__(self, path: Path, node_id: str = "", ctx: CounterContext | None = None) -> None:
        self.path, self.node_id = Path(path), node_id
        self._ctx = ctx
        self.error: BaseException | None = None

    @classmethod
    def opened(cls, ctx: CounterContext) -> DatabaseOpening:
        return cls(ctx.db.path or Path(), ctx.node_id, ctx)

    def context(self) -> CounterContext:
        """On the worker: the open database (opened now if needed), or the error that opening raised."""
        if self._ctx is None:
            if self.error is not None:
                raise self.error
            try:
                self._ctx = _open(self.path, self.node_id)
            except BaseException as exc:
                self.error = exc
                raise
        return self._ctx

    def adopt(self, ctx: CounterContext) -> CounterContext:
        """A context opened by the caller (the full start-up protocol, on the GUI thread)."""
        self._ctx = ctx
        return ctx

    def database(self) -> Database:
        return self.context().db

    @property
    def ctx(self) -> CounterContext:
        """On the GUI thread, once a job has opened it (a successful sign-in implies it)."""
        if self._ctx is None:
            raise RuntimeError("the database is not open yet")
        return self._ctx

    def dispose(self) -> None:
        """After the worker has stopped: no query may run while the engines close."""
        if self._ctx is not None:
            self._ctx.db.dispose()


def _open(path: Path, node_id: str) -> CounterContext:
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services.context import CounterContext
    from counter_app.services.unit import default_node_id

    database = open_sqlite(path).database
    try:
        # The first query connects: a locked, unreadable or read-only file fails here, before the sign-in.
        node = default_node_id(database) or node_id
    except BaseException:
        database.dispose()
        raise
    return CounterContext(database, node)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)  # deleted with the widget, and its timers with it
        self._widget = widget
        self._action: Callable[[], None] | None = action
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_START_MS, self, self._fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Fired as the paint starts (the rest of it is Qt's C++): queued now, the opening comes before
        # anything the window's own events submit, such as a sign-in pressed at once.
        if obj is self._widget and event.type() == QEvent.Type.Paint:
            self._fire()
        return False

    def _fire(self) -> None:
        if self._action is None:
            return
        action, self._action = self._action, None
        self._widget.removeEventFilter(self)
        action()


def after_first_paint(widget: QWidget, action: Callable[[], None]) -> None:
    """Run `action` once, on the GUI thread, when `widget` has been painted (or after a second at most)."""
    _FirstPaint(widget, action)
