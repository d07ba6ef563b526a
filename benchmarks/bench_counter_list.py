"""How long the GUI thread is blocked while the dossier list works on a big database (issue 5: ≤ 100 ms).

Run (after `benchmarks/make_big_db.py /tmp/big.sqlite3`):
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_counter_list.py /tmp/big.sqlite3
    # or on a real X server: DISPLAY=:77 QT_QPA_PLATFORM=xcb …

A 5 ms heartbeat timer runs on the GUI thread; the longest gap between two beats, minus 5 ms, is the
longest time the GUI thread could not react ("blocked"). Each step also reports how long until its
answer was on screen ("ready"). Floors printed alongside: the same beat with nothing to do (idle), and
the service call alone on this thread (the SQL + Python cost the worker hides from the GUI).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

import counter_app.ui  # noqa: F401 - binding fixes
from counter_app.db.bootstrap import open_sqlite
from counter_app.services.context import CounterContext
from counter_app.services.dossier_list import ListQuery, QuickFilter, SortKey, filter_counts, list_page
from counter_app.services.unit import default_node_id
from counter_app.services.users import get_actor
from counter_app.ui.dossiers.list_model import Column
from counter_app.ui.dossiers.list_tab import DossierListTab
from counter_app.ui.env import UiEnv
from counter_app.ui.ops import DbWorker
from counter_app.ui.settings import UiSettings
from counter_app.ui.warmup import warm_up

BEAT_MS = 5
LIMIT_MS = 100


class Heartbeat:
    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []

    def _beat(self) -> None:
        if self.clock.isValid():
            self.gaps.append(self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()

    def start(self) -> None:
        self.gaps.clear()
        self.clock.invalidate()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps, default=0.0) - BEAT_MS


def run_until(done: Callable[[], bool], timeout_s: float = 60) -> float:
    started = time.perf_counter()
    loop = QEventLoop()
    while not done():
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError
        QTimer.singleShot(1, loop.quit)
        loop.exec()
    return (time.perf_counter() - started) * 1000


def pump(ms: float) -> None:
    """Run the event loop for `ms` milliseconds."""
    end = time.perf_counter() + ms / 1000
    run_until(lambda: time.perf_counter() >= end)


def measure(
    label: str,
    action: Callable[[], None],
    done: Callable[[], bool],
    beat: Heartbeat,
    rows: list[tuple[str, float, float]],
) -> None:
    beat.start()
    run_until(lambda: len(beat.gaps) > 3)  # the beat is running
    started = time.perf_counter()
    action()
    run_until(done)
    ready = (time.perf_counter() - started) * 1000
    run_until(lambda: True)
    blocked = beat.stop()
    rows.append((label, blocked, ready))


def main(db_path: Path) -> None:
    app = QApplication(sys.argv[:1])  # noqa: F841 - kept alive for the whole run
    database = open_sqlite(db_path).database
    node_id = default_node_id(database)
    assert node_id is not None
    ctx = CounterContext(database, node_id)
    worker = DbWorker()
    env = UiEnv(ctx, get_actor(database, "admin"), worker, UiSettings(Path("/tmp/bench-ui.ini")))
    worker.run_sync(lambda: warm_up(ctx))  # what the app does while the clerk types the password
    beat = Heartbeat()
    rows: list[tuple[str, float, float]] = []

    beat.start()
    run_until(lambda: len(beat.gaps) > 200)
    idle = beat.stop()

    # The sign-in dialog is the first window in the app: it pays Qt's one-time font and style set-up.
    first = QLabel("Đăng nhập")
    first.show()
    run_until(lambda: True)
    first.close()
    holder: dict[str, DossierListTab] = {}

    def build_tab() -> None:
        tab = DossierListTab(env)
        tab.resize(1340, 600)
        holder["tab"] = tab

    measure(
        "window start: build the list + page + counts",
        build_tab,
        lambda: "tab" in holder and worker.pending == 0 and holder["tab"].model.rowCount() > 0,
        beat,
        rows,
    )
    measure(
        "F3: show the list (first paint)",
        lambda: holder["tab"].show(),
        lambda: holder["tab"].isVisible(),
        beat,
        rows,
    )
    tab = holder["tab"]
    for quick in (
        QuickFilter.OVERDUE,
        QuickFilter.DUE_TODAY,
        QuickFilter.RESULT_READY,
        QuickFilter.RETURNED,
        QuickFilter.IN_PROGRESS,
        QuickFilter.ALL,
    ):
        measure(
            f"switch filter → {quick.value}",
            lambda q=quick: tab.set_filter(q),
            lambda: worker.pending == 0 and not tab.model.loading,
            beat,
            rows,
        )
    for column in (Column.APPLICANT, Column.DUE, Column.PROCEDURE):
        measure(
            f"sort all by {column.name.lower()}",
            lambda c=column: tab.table.sortByColumn(int(c), Qt.SortOrder.AscendingOrder),
            lambda: worker.pending == 0 and not tab.model.loading,
            beat,
            rows,
        )
    for _ in range(5):
        measure(
            "scroll: next page",
            tab.table.scrollToBottom,
            lambda: worker.pending == 0 and not tab.model.loading,
            beat,
            rows,
        )

    def type_search(text: str) -> Callable[[], None]:
        def go() -> None:
            tab.search.clear()
            for ch in text:  # keystrokes 60 ms apart, as a quick typist
                tab.search.insert(ch)
                pump(60)

        return go

    measure(
        "back to newest first",
        lambda: (
            tab.set_filter(QuickFilter.ALL)
            or tab.table.sortByColumn(int(Column.RECEIVED), Qt.SortOrder.DescendingOrder)
        ),
        lambda: worker.pending == 0 and not tab.model.loading,
        beat,
        rows,
    )
    for text in ("huong", "quach thuy uoc", "Nguyễn", "zzzz", "260302-00", "0912345678"):
        measure(
            f"search “{text}”",
            type_search(text),
            lambda: worker.pending == 0 and not tab._search_timer.isActive() and not tab.model.loading,
            beat,
            rows,
        )

    print(f"{'step':44} {'GUI blocked':>12} {'ready':>9}   (limit {LIMIT_MS} ms blocked)")
    for label, blocked, ready in rows:
        flag = "ok" if blocked <= LIMIT_MS else "OVER"
        print(f"{label:44} {blocked:9.1f} ms {ready:7.0f} ms   {flag}")
    print(f"{'floor: idle event loop (max extra gap)':44} {idle:9.1f} ms")
    floors = {
        "list_page(all, newest)": lambda: list_page(ctx, ListQuery()),
        "list_page(overdue)": lambda: list_page(
            ctx, ListQuery(QuickFilter.OVERDUE, sort=SortKey.DUE, descending=False)
        ),
        "filter_counts()": lambda: filter_counts(ctx),
        "filter_counts('huong')": lambda: filter_counts(ctx, "huong"),
        "list_page(search 'quach thuy uoc')": lambda: list_page(ctx, ListQuery(search="quach thuy uoc")),
    }
    for name, fn in floors.items():
        times = []
        for _ in range(3):
            started = time.perf_counter()
            fn()
            times.append((time.perf_counter() - started) * 1000)
        print(f"{'floor: ' + name + ' on one thread':44} {statistics.median(times):9.1f} ms (median of 3)")
    worker.shutdown()
    database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
