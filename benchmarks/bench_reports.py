"""Benchmark of the reports on a generated database (issue 8: a yearly Biểu 06 on 1,000,000 dossiers ≤ 3 s).

    .venv/bin/python benchmarks/generate_db.py /tmp/bench1m.sqlite3          # once, ~10 min
    .venv/bin/python benchmarks/bench_reports.py /tmp/bench1m.sqlite3 [--year 2026] [--repeat 5]

Each figure is the best of `--repeat` runs, printed beside its floor: a raw SQLite query that only counts
the same rows (the price of reading them, which no report can go under). The database is opened by the
real start-up protocol (so it is upgraded, with its indexes, if it is older than the code).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from counter_app.core.calendar import load_calendar  # noqa: E402
from counter_app.db.bootstrap import open_sqlite  # noqa: E402
from counter_app.db.types import VN_TZ  # noqa: E402
from counter_app.reports import followups  # noqa: E402
from counter_app.reports import periods as p  # noqa: E402
from counter_app.reports.bieu06 import compute_bieu06  # noqa: E402
from counter_app.reports.dashboard import dashboard_figures  # noqa: E402
from counter_app.reports.document import Bieu06Sheet  # noqa: E402
from counter_app.reports.header import header_from_unit  # noqa: E402
from counter_app.reports.ledger import ledger_lines, ledger_pdf  # noqa: E402
from counter_app.reports.pdf import bieu06_pdf  # noqa: E402
from counter_app.reports.xlsx import bieu06_xlsx, ledger_xlsx  # noqa: E402

TARGET_YEARLY_S = 3.0
LEDGER_PDF_LINES = 500


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def floor_count(path: Path, period: p.ReportPeriod) -> Callable[[], int]:
    from datetime import UTC

    start = period.start_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    end = period.end_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)

    def run() -> int:
        return sum(
            conn.execute(
                "SELECT count(*) FROM dossiers "
                "WHERE received_at < ? AND (finished_at >= ? OR finished_at IS NULL)",
                (end, start),
            ).fetchone()
        )

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--at", type=date.fromisoformat, default=date(2026, 11, 20))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    database = open_sqlite(args.path).database
    calendar = load_calendar()
    with database.read() as session:
        total = session.execute(__import__("sqlalchemy").text("SELECT count(*) FROM dossiers")).scalar_one()
    print(f"{args.path} — {total:,} dossiers")
    print(f"{'benchmark':<48}{'seconds':>9}{'floor s':>10}{'target':>9}")

    def line(name: str, seconds: float, floor: float | None = None, target: float | None = None) -> None:
        verdict = "" if target is None else f"≤{target:g} {'ok' if seconds <= target else 'SLOW'}"
        floor_text = "" if floor is None else f"{floor:.3f}"
        print(f"{name:<48}{seconds:>9.3f}{floor_text:>10}{verdict:>12}")

    yearly = p.whole_year(args.year, p.LEGAL_CUTOFF)
    cases = [
        (f"Biểu 06 year {args.year} (15/12–14/12)", yearly, TARGET_YEARLY_S),
        (f"Biểu 06 year {args.year} calendar", p.whole_year(args.year, p.CALENDAR), TARGET_YEARLY_S),
        (f"Biểu 06 Q3 {args.year}", p.quarter(args.year, 3, p.LEGAL_CUTOFF), None),
        (f"Biểu 06 month 7/{args.year}", p.month(args.year, 7, p.LEGAL_CUTOFF), None),
        (
            f"Biểu 06 year {args.year - 6} (an old year)",
            p.whole_year(args.year - 6, p.LEGAL_CUTOFF),
            TARGET_YEARLY_S,
        ),
    ]
    report = None
    for name, period, target in cases:

        def run(period: p.ReportPeriod = period) -> Any:
            with database.read() as session:
                return compute_bieu06(session, period)

        seconds, result = best(run, args.repeat)
        floor, counted = best(floor_count(args.path, period), args.repeat)
        assert counted == result.total.received_total, (counted, result.total.received_total)
        line(name, seconds, floor, target)
        if period == yearly:
            report = result
    assert report is not None
    at = datetime(args.at.year, args.at.month, args.at.day, 9, 0, tzinfo=VN_TZ)

    def dashboard() -> Any:
        with database.read() as session:
            return dashboard_figures(session, calendar, at)

    line("dashboard (tiles, rates, 12 months, lists)", best(dashboard, args.repeat)[0])

    def lists() -> Any:
        with database.read() as session:
            return (
                followups.overdue_by_handler(session, calendar, at),
                followups.repeatedly_extended(session, yearly),
                followups.returning_citizens(session, yearly),
                followups.fees_collected(session, yearly),
                followups.satisfaction(session, yearly),
            )

    line("follow-up lists, yearly", best(lists, args.repeat)[0])

    with database.read() as session:
        header = header_from_unit(session)
    sheet = Bieu06Sheet(report, header, at)
    line("Biểu 06 XLSX (openpyxl)", best(lambda: bieu06_xlsx([sheet]), args.repeat)[0])
    line("Biểu 06 PDF (ReportLab)", best(lambda: bieu06_pdf([sheet]), args.repeat)[0])
    month_from, month_to = date(args.at.year, args.at.month, 1), args.at

    def ledger() -> Any:
        with database.read() as session:
            return ledger_lines(session, month_from, month_to, header=header)

    seconds, lines = best(ledger, args.repeat)
    line(f"Sổ theo dõi lines, {len(lines):,} dossiers", seconds)
    line("Sổ theo dõi XLSX", best(lambda: ledger_xlsx(lines, header, month_from, month_to), 1)[0])
    # The Mẫu 07 builder (issue 4) takes ~20 ms a line: a commune's month, not a hub's, is the real case.
    sample = lines[:LEDGER_PDF_LINES]
    line(
        f"Sổ theo dõi PDF (printing builder), {len(sample)} lines",
        best(lambda: ledger_pdf(sample, header, month_from, month_to, at), 1)[0],
    )
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
