"""The database worker: work off the GUI thread, results back on it, a busy sign only for slow work."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QLabel

from counter_app.services.errors import ServiceError
from counter_app.ui.ops import DbWorker, on_worker_thread


def test_work_runs_on_the_worker_and_the_answer_comes_back_on_the_gui_thread(qtbot, worker) -> None:
    seen = {}

    def work() -> int:
        seen["worker"] = on_worker_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["gui"] = threading.current_thread() is threading.main_thread()

    worker.submit(work, done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen == {"worker": True, "value": 42, "gui": True}


def test_jobs_run_one_at_a_time_in_order(qtbot, worker) -> None:
    order: list[int] = []
    for n in range(5):
        worker.submit(lambda n=n: (time.sleep(0.01), n)[1], order.append)
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]


def test_a_failure_reaches_the_caller_or_the_window_never_vanishes(qtbot, worker) -> None:
    caught: list[BaseException] = []
    unhandled: list[BaseException] = []
    worker.job_failed.connect(unhandled.append)
    worker.submit(lambda: (_ for _ in ()).throw(ServiceError("Không được")), None, caught.append)
    worker.submit(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(caught and unhandled))
    assert str(caught[0]) == "Không được"
    assert isinstance(unhandled[0], ZeroDivisionError)


def test_the_busy_sign_waits_for_slow_work_only(qtbot) -> None:
    worker = DbWorker(busy_delay_ms=100)
    states: list[bool] = []
    worker.busy_changed.connect(states.append)
    try:
        worker.submit(lambda: time.sleep(0.01))
        qtbot.waitUntil(lambda: worker.pending == 0)
        qtbot.wait(150)
        assert states == []  # quick work: no flicker
        worker.submit(lambda: time.sleep(0.4))
        qtbot.waitUntil(lambda: worker.pending == 0, timeout=3000)
        assert states == [True, False]
    finally:
        worker.shutdown()


def test_an_answer_for_a_closed_widget_is_dropped(qtbot, worker) -> None:
    label = QLabel()
    called: list[object] = []
    release = threading.Event()
    worker.submit(lambda: release.wait(5), called.append, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label))
    release.set()
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert called == []


def _alive(obj: object) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


class _Witness:
    """Records on which thread it was freed: a widget freed off the GUI thread crashes Qt."""

    def __init__(self, freed_on: list[str]) -> None:
        self._freed_on = freed_on

    def __del__(self) -> None:
        self._freed_on.append(threading.current_thread().name)


def test_the_work_and_what_it_holds_are_freed_on_the_gui_thread(qtbot, worker) -> None:
    freed_on: list[str] = []
    witness = _Witness(freed_on)
    done: list[object] = []
    release = threading.Event()
    worker.submit(lambda held=witness: release.wait(5) and held and 1, done.append)
    del witness  # now only the job holds it
    release.set()
    qtbot.waitUntil(lambda: bool(done))
    qtbot.waitUntil(lambda: bool(freed_on))
    assert freed_on == [threading.main_thread().name]


def test_garbage_is_collected_on_the_gui_thread_only(qtbot) -> None:
    import gc
    import weakref

    from counter_app.ui import gc_guard

    collector = gc_guard.GuiThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()  # no thread may start a collection by allocating
        box: list[object] = []
        box.append(box)  # a cycle only the collector can free
        holder = _Holder(box)
        alive = weakref.ref(holder)
        del box, holder
        on_thread: list[int] = []
        thread = threading.Thread(target=lambda: on_thread.append(gc_guard.collect_if_due()))
        thread.start()
        thread.join()
        assert on_thread == [0] and alive() is not None  # a worker never collects
        keep = [[] for _ in range(2 * gc.get_threshold()[0])]  # cross CPython's own threshold
        qtbot.waitUntil(lambda: alive() is None, timeout=3000)
        del keep
    finally:
        collector.uninstall()


class _Holder:
    def __init__(self, cycle: list[object]) -> None:
        self.cycle = cycle
        cycle.append(self)
