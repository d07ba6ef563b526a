"""Database and printing work off the GUI thread: one serialized worker, results back by queued signal.

Why one thread: SQLite serialises writers anyway, and a single worker keeps every Session (and its
connection) on one thread, never in a widget (style-anchors L3). Callbacks run on the GUI thread and
are dropped when the widget that asked has been deleted meanwhile. The busy indicator appears only
when work is still pending after BUSY_DELAY_MS, so sub-second work never flickers (L4).
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)
BUSY_DELAY_MS = 300
WORKER_NICE = 5

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass
class _Job:
    id: int
    label: str
    fn: Callable[[], Any]
    on_done: Callback | None
    on_error: ErrorCallback | None
    owner: QObject | None


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call onto the GUI thread."""

    # Only the job id crosses threads: results wait in DbWorker._outcomes. PySide6 6.12 mishandles the
    # references of Python objects queued across threads (see qt_fixes), which showed as rare crashes.
    finished = Signal(int)


class DbWorker(QObject):
    busy_changed = Signal(bool)
    job_failed = Signal(object)  # an exception no caller handled: the window shows it in Vietnamese

    def __init__(
        self, parent: QObject | None = None, busy_delay_ms: int = BUSY_DELAY_MS, *, low_priority: bool = True
    ) -> None:
        """`low_priority=False`: the caller lowers it later with `submit(lower_thread_priority)` (start-up)."""
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="counter-db", initializer=lower_thread_priority if low_priority else None
        )
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._deliver)
        self._jobs: dict[int, _Job] = {}
        self._outcomes: dict[int, tuple[Any, BaseException | None]] = {}
        self._outcomes_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(busy_delay_ms)
        self._busy_timer.timeout.connect(self._show_busy)
        self._closed = False

    @property
    def pending(self) -> int:
        return len(self._jobs)

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        owner: QObject | None = None,
        label: str = "",
    ) -> int:
        """Run `fn()` on the worker; then `on_done(result)` or `on_error(exc)` on the GUI thread.

        Without `on_error`, failures go to `job_failed`. If `owner` is given and has been deleted by
        then, nothing is called.
        """
        if self._closed:
            raise RuntimeError("worker is shut down")
        job = _Job(next(self._ids), label, fn, on_done, on_error, owner)
        with self._outcomes_lock:
            self._jobs[job.id] = job
        if not self._busy_timer.isActive() and not self._busy:
            self._busy_timer.start()
        # Only the id goes to the worker: `fn` often holds widgets (a bound method, a lambda over
        # `self`), and its last reference must be dropped on the GUI thread, never on the worker.
        self._executor.submit(self._run, job.id)
        return job.id

    def _run(self, job_id: int) -> None:
        with self._outcomes_lock:
            job = self._jobs.get(job_id)
        if job is None:  # shut down meanwhile
            return
        try:
            result, error = job.fn(), None
        except BaseException as exc:  # every failure must reach the GUI, never die silently on a thread
            result, error = None, exc
        del job
        with self._outcomes_lock:
            self._outcomes[job_id] = (result, error)
        del result, error
        self._bridge.finished.emit(job_id)

    @Slot(int)
    def _deliver(self, job_id: int) -> None:
        with self._outcomes_lock:
            result, error = self._outcomes.pop(job_id, (None, None))
            job = self._jobs.pop(job_id, None)
        if not self._jobs:
            self._busy_timer.stop()
            self._set_busy(False)
        if job is None:
            return
        if job.owner is not None and not shiboken6.isValid(job.owner):
            return
        if error is None:
            if job.on_done is not None:
                job.on_done(result)
            return
        if job.on_error is not None:
            job.on_error(error)
        else:
            self.job_failed.emit(error)

    def _show_busy(self) -> None:
        if self._jobs:
            self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def run_sync(self, fn: Callable[[], Any]) -> Any:
        """Run on the worker and wait (start-up and tests only: it blocks the caller)."""
        return self._executor.submit(fn).result()

    def shutdown(self) -> None:
        """Let the running job finish (a write is never cut in half), drop the queued ones."""
        self._closed = True
        self._busy_timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._outcomes_lock:
            self._jobs.clear()
            self._outcomes.clear()


def lower_thread_priority() -> None:
    """The worker yields the CPU to the GUI thread on a busy 2-core PC (best effort, never fatal)."""
    try:
        if sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -1)  # THREAD_PRIORITY_BELOW_NORMAL
        elif hasattr(os, "setpriority"):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICE)  # Linux: per thread
    except (OSError, AttributeError):
        log.debug("could not lower the worker's priority", exc_info=True)


def on_worker_thread() -> bool:
    return threading.current_thread().name.startswith("counter-db")
