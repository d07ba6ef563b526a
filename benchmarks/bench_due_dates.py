"""Benchmark of due-date computation (issue 3: at least 100,000 computations per second on one core).

Run: .venv/bin/python benchmarks/bench_due_dates.py [--count 200000] [--repeat 5]

Each figure is printed beside its floor: the same loop calling a function that only adds a timedelta,
i.e. the cost of Python iteration and a call, which no due-date engine in Python can go under.
Receipts are distinct random minutes over 2025–2028 (no memoisation helps), limits are a realistic mix
of working days, calendar days and same-day procedures, a quarter of them for mountainous communes.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from counter_app.core import calendar as calendar_module
from counter_app.core.calendar import WorkingCalendar, load_calendar
from counter_app.core.clock import ClockEvent, ClockEventKind, current_due
from counter_app.core.due_dates import compute_due
from counter_app.core.time_limits import ClockMode, TimeLimit, TimeUnit
from counter_app.core.tz import VN_TZ

FLOOR_STEP = timedelta(days=3)
Case = tuple[datetime, TimeLimit, bool]


def make_cases(count: int, seed: int = 3) -> list[Case]:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=VN_TZ)
    minutes = 4 * 365 * 24 * 60
    limits = (
        [TimeLimit(n, TimeUnit.WORKING_DAYS, 5 if n >= 10 else 0) for n in (1, 2, 3, 5, 7, 10, 15, 20, 30)]
        + [TimeLimit(n, TimeUnit.CALENDAR_DAYS) for n in (7, 15, 30, 60)]
        + [TimeLimit(0, TimeUnit.SAME_DAY)]
    )
    return [
        (start + timedelta(minutes=rng.randrange(minutes)), rng.choice(limits), rng.random() < 0.25)
        for _ in range(count)
    ]


def best_rate(run: Callable[[], None], count: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    return count / best


def bench_compute(cal: WorkingCalendar, cases: Sequence[Case], repeat: int) -> float:
    def run() -> None:
        for received, limit, mountainous in cases:
            compute_due(cal, received, limit, mountainous=mountainous)

    return best_rate(run, len(cases), repeat)


def bench_floor(cal: WorkingCalendar, cases: Sequence[Case], repeat: int) -> float:
    def floor(calendar: WorkingCalendar, received: datetime, limit: TimeLimit, *, mountainous: bool) -> datetime:
        return received + FLOOR_STEP

    def run() -> None:
        for received, limit, mountainous in cases:
            floor(cal, received, limit, mountainous=mountainous)

    return best_rate(run, len(cases), repeat)


def bench_explained(cal: WorkingCalendar, cases: Sequence[Case], repeat: int) -> float:
    def run() -> None:
        for received, limit, mountainous in cases:
            _ = compute_due(cal, received, limit, mountainous=mountainous).explanation

    return best_rate(run, len(cases), repeat)


def bench_clock(cal: WorkingCalendar, cases: Sequence[Case], repeat: int) -> float:
    prepared = [
        (received, limit, [ClockEvent(ClockEventKind.PAUSE, received + timedelta(hours=2)),
                           ClockEvent(ClockEventKind.RESUME, received + timedelta(days=3))])
        for received, limit, _ in cases
    ]

    def run() -> None:
        for received, limit, events in prepared:
            current_due(cal, received, limit, events, ClockMode.PAUSE)

    return best_rate(run, len(prepared), repeat)


def cold_start_ms() -> tuple[float, float]:
    """Loading the calendar from its file, then the first computation in a fresh year (table build)."""
    calendar_module._load_cached.cache_clear()
    calendar_module._national_year.cache_clear()
    began = time.perf_counter()
    cal = load_calendar()
    loaded = time.perf_counter()
    compute_due(cal, datetime(2031, 6, 2, 9, 0, tzinfo=VN_TZ), TimeLimit(5, TimeUnit.WORKING_DAYS))
    first = time.perf_counter()
    return (loaded - began) * 1000, (first - loaded) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    load_ms, first_ms = cold_start_ms()
    cal = load_calendar()
    cases = make_cases(args.count)
    for received, limit, mountainous in cases[:2000]:  # warm the year tables once, as a running app has
        compute_due(cal, received, limit, mountainous=mountainous)
    small = cases[: max(1, args.count // 10)]

    floor = bench_floor(cal, cases, args.repeat)
    rows = [
        ("compute_due (floor: call + timedelta add)", bench_compute(cal, cases, args.repeat), floor, 100_000),
        ("compute_due + .explanation", bench_explained(cal, small, args.repeat), floor, None),
        ("current_due, one pause/resume", bench_clock(cal, small, args.repeat), floor, None),
    ]
    print(f"cases: {args.count:,} random receipts 2025–2028, best of {args.repeat} runs, one core")
    print(f"cold: load_calendar() {load_ms:.1f} ms; first due date in a new year {first_ms:.1f} ms")
    print(f"{'benchmark':45} {'per second':>12} {'floor/s':>12} {'target':>10}")
    for name, rate, floor_rate, target in rows:
        verdict = "" if target is None else (f"≥{target:,}" + (" ok" if rate >= target else " MISSED"))
        print(f"{name:45} {rate:12,.0f} {floor_rate:12,.0f} {verdict:>10}")


if __name__ == "__main__":
    main()
