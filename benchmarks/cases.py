"""The benchmark cases. benchmarks/run.py starts each in its own process:

    python benchmarks/cases.py CASE CONFIG_JSON    → prints `BENCH-RESULT {json}` as its last line

A fresh process per case: import costs are real, one case's caches do not help the next, a crash stays
contained, and the peak memory (ru_maxrss) belongs to that case alone.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for path in (str(ROOT), str(HERE)):
    if path not in sys.path:
        sys.path.insert(0, path)

from figures import Figure, NotBuiltYet, median, need, pct, sample_ms, timed_ms  # noqa: E402

RAW_PAGE_SQL = "SELECT id, code, applicant_name, state, received_at FROM dossiers ORDER BY received_at DESC LIMIT 200"
RAW_PAGE = "raw SQLite: newest 200 rows"
CASES: dict[str, Callable[[dict[str, Any]], list[Figure]]] = {}


def case(fn: Callable[[dict[str, Any]], list[Figure]]) -> Callable[[dict[str, Any]], list[Figure]]:
    CASES[fn.__name__] = fn
    return fn


def size_label(cfg: dict[str, Any]) -> str:
    """"1M dossiers" as a label, from the database actually measured."""
    n = int(cfg.get("db_dossiers", 0))
    return f"{n / 1e6:g}M dossiers" if n >= 1_000_000 else f"{n:,} dossiers"


def open_ctx(db_path: str):  # type: ignore[no-untyped-def]
    open_sqlite = need("counter_app.db.bootstrap", "open_sqlite")
    default_node_id = need("counter_app.services.unit", "default_node_id")
    CounterContext = need("counter_app.services.context", "CounterContext")  # noqa: N806
    database = open_sqlite(Path(db_path)).database
    return CounterContext(database, default_node_id(database))


def raw_page_ms(db_path: str, runs: int = 20) -> float:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return median(sample_ms(lambda: conn.execute(RAW_PAGE_SQL).fetchall(), runs))
    finally:
        conn.close()


# --- start-up and memory (real processes) -----------------------------------------------------------------


def _gui_run(mode: str, cfg: dict[str, Any]) -> dict[str, Any]:
    home = Path(cfg["work"]) / "gui-home"  # the probe's settings and logs stay out of the user's folders
    env = dict(os.environ, QT_QPA_PLATFORM=cfg.get("qpa", "offscreen"), HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), PYTHONDONTWRITEBYTECODE="")
    args = [sys.executable, str(HERE / "gui_probe.py"), mode]
    if mode == "app":
        args += [cfg["db"], cfg["user"], cfg["password"]]
    env["BENCH_SPAWN_T"] = repr(time.time())
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=180)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("GUI-PROBE ")), None)
    if line is None:
        raise RuntimeError(f"GUI probe ({mode}) printed nothing: {done.stderr[-800:]}")
    return json.loads(line.removeprefix("GUI-PROBE "))


@case
def cold_start(cfg: dict[str, Any]) -> list[Figure]:
    need("counter_app.ui.app", "run_gui")
    runs = int(cfg.get("gui_runs", 5))
    _gui_run("empty", cfg), _gui_run("app", cfg)  # warm the page cache: figures are warm-cache starts
    empty = [_gui_run("empty", cfg) for _ in range(runs)]
    app = [_gui_run("app", cfg) for _ in range(runs)]
    floor_paint = median([r["first_paint"] for r in empty])
    floor_rss = max(r["maxrss_mb"] for r in empty)

    def med(key: str, base: str | None = None) -> float | None:
        values = [r[key] - (r[base] if base else 0) for r in app if key in r and (base is None or base in r)]
        return median(values) if len(values) == len(app) else None

    notes = sorted({n for r in app for n in r.get("notes", [])})
    figures = [
        Figure("cold_start", f"start → first paint (sign-in window), {size_label(cfg)}", med("first_paint"), "s",
               "empty Qt window start", floor_paint, "≤ 1.0 s", 1.0,
               note=f"warm page cache; offscreen; median of {runs}" + (f"; {', '.join(notes)}" if notes else "")),
        Figure("cold_start", "sign-in pressed → main window painted", med("main_paint", "sign_in_pressed"), "s",
               note="includes the argon2 password check"),
        Figure("cold_start", "start → main window painted (sign-in typed instantly)", med("main_paint"), "s",
               "empty Qt window start", floor_paint),
        Figure("cold_start", "open dossier list → first page painted", med("list_rows_paint", "list_opened"), "s",
               target="≤ 0.1 s", limit=0.1),
        Figure("cold_start", f"peak memory, GUI on {size_label(cfg)}, list open",
               max(r["maxrss_mb"] for r in app), "MB", "empty Qt window", floor_rss, "≤ 300 MB", 300.0),
    ]
    return figures


# --- the counter's list and search ------------------------------------------------------------------------


def _search_terms(db_path: str, count: int, seed: int = 9) -> list[tuple[str, str]]:
    """Real values from the database, as a clerk would type or scan them."""
    fold = need("counter_app.core.text", "vn_fold")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    top = conn.execute("SELECT max(rowid) FROM dossiers").fetchone()[0]
    rng = random.Random(seed)
    terms: list[tuple[str, str]] = []
    while len(terms) < count * 5:
        row = conn.execute("SELECT code, applicant_name, applicant_id_number, applicant_phone FROM dossiers "
                           "WHERE rowid >= ? LIMIT 1", (rng.randint(1, top),)).fetchone()
        code, name, id_number, phone = row
        parts = name.split()
        terms += [("scanned code", code), ("name with diacritics", name), ("name without diacritics", fold(name)),
                  ("surname + middle name", " ".join(parts[:2])), ("given name", parts[-1])]
        if id_number:
            terms.append(("citizen ID", id_number))
        elif phone:
            terms.append(("phone", phone))
    conn.close()
    return terms


@case
def search(cfg: dict[str, Any]) -> list[Figure]:
    ListQuery, list_page = need("counter_app.services.dossier_list", "ListQuery", "list_page")  # noqa: N806
    ctx = open_ctx(cfg["db"])
    terms = _search_terms(cfg["db"], int(cfg.get("search_terms", 12)))
    list_page(ctx, ListQuery(search="nguyen"))  # warm the connection and the statement caches
    by_kind: dict[str, list[float]] = {}
    for kind, term in terms:
        ms, page = timed_ms(lambda t=term: list_page(ctx, ListQuery(search=t)))
        by_kind.setdefault(kind, []).append(ms)
    everything = [v for values in by_kind.values() for v in values]
    worst = max(by_kind, key=lambda k: pct(by_kind[k], 95))
    floor = raw_page_ms(cfg["db"])
    detail = "; ".join(f"{k} p95 {pct(v, 95):.0f}" for k, v in sorted(by_kind.items()))
    return [
        Figure("search", "search p50", median(everything), "ms", RAW_PAGE, floor, note=f"{len(everything)} searches"),
        Figure("search", "search p95", pct(everything, 95), "ms", RAW_PAGE, floor, "≤ 100 ms", 100.0,
               note=f"slowest kind: {worst} (p95 {pct(by_kind[worst], 95):.0f} ms)",
               extra={"by_kind_p95_ms": {k: pct(v, 95) for k, v in by_kind.items()}, "detail": detail}),
    ]


@case
def dossier_list(cfg: dict[str, Any]) -> list[Figure]:
    mod = need("counter_app.services.dossier_list", "ListQuery", "QuickFilter", "list_page", "filter_counts")
    ListQuery, QuickFilter, list_page, filter_counts = mod  # noqa: N806
    ctx = open_ctx(cfg["db"])
    first = sample_ms(lambda: list_page(ctx, ListQuery()), 20)
    by_filter: dict[str, list[float]] = {}
    for _ in range(4):
        for quick in QuickFilter:
            ms = timed_ms(lambda q=quick: list_page(ctx, ListQuery(quick_filter=q)))[0]
            by_filter.setdefault(quick.value, []).append(ms)
    switches = [v for values in by_filter.values() for v in values]
    slowest = max(by_filter, key=lambda k: max(by_filter[k]))
    pages = [timed_ms(lambda o=o: list_page(ctx, ListQuery(), offset=o))[0] for o in range(200, 2200, 200)]
    counts = sample_ms(lambda: filter_counts(ctx), 5)
    floor = raw_page_ms(cfg["db"])
    return [
        Figure("list", "list first page p95", pct(first, 95), "ms", RAW_PAGE, floor, "≤ 100 ms", 100.0,
               note=f"p50 {median(first):.1f} ms"),
        Figure("list", "filter switch p95", pct(switches, 95), "ms", RAW_PAGE, floor, "≤ 100 ms", 100.0,
               note=f"p50 {median(switches):.1f} ms over {len(switches)} switches; slowest: {slowest} "
                    f"(max {max(by_filter[slowest]):.0f} ms)",
               extra={"max_ms_by_filter": {k: max(v) for k, v in by_filter.items()}}),
        Figure("list", "next page while scrolling p95", pct(pages, 95), "ms", RAW_PAGE, floor, "≤ 100 ms", 100.0),
        Figure("list", "filter counts (all chips) p50", median(counts), "ms", RAW_PAGE, floor,
               note="runs on the worker thread after the page is shown"),
    ]


# --- printing, due dates, reports -------------------------------------------------------------------------


def _bare_page() -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Giay tiep nhan ho so va hen tra ket qua")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@case
def slip(cfg: dict[str, Any]) -> list[Figure]:
    started = time.perf_counter()
    FormId, Paper, build_form = need("counter_app.printing", "FormId", "Paper", "build_form")  # noqa: N806
    sample_slip = need("counter_app.printing.samples", "slip")
    first_ms = (time.perf_counter() - started) * 1000 + timed_ms(lambda: build_form(FormId.SLIP, sample_slip()))[0]
    warm = sample_ms(lambda: build_form(FormId.SLIP, sample_slip(), Paper.A4), 30)
    floor = median(sample_ms(_bare_page, 30))
    figures = [
        Figure("slip", "slip PDF (A4), warm, p50", median(warm), "ms", "bare ReportLab page", floor, "≤ 30 ms", 30.0,
               note=f"p95 {pct(warm, 95):.1f} ms"),
        Figure("slip", "first slip in a process (imports + fonts)", first_ms, "ms", "bare ReportLab page", floor),
    ]
    try:
        slip_for = need("counter_app.services.forms", "slip_for")
        ctx = open_ctx(cfg["db"])
        conn = sqlite3.connect(f"file:{cfg['db']}?mode=ro", uri=True)
        codes = [r[0] for r in conn.execute("SELECT code FROM dossiers ORDER BY received_at DESC LIMIT 30")]
        conn.close()
        read = [timed_ms(lambda c=c: slip_for(ctx, c))[0] for c in codes]
        both = [timed_ms(lambda c=c: build_form(FormId.SLIP, slip_for(ctx, c)))[0] for c in codes]
        figures += [Figure("slip", f"slip data read ({size_label(cfg)}) p50", median(read), "ms", RAW_PAGE,
                           raw_page_ms(cfg["db"])),
                    Figure("slip", "slip of a stored dossier (read + PDF) p95", pct(both, 95), "ms",
                           "bare ReportLab page", floor, "≤ 30 ms", 30.0)]
    except NotBuiltYet:
        pass
    return figures


@case
def due_dates(cfg: dict[str, Any]) -> list[Figure]:
    bench = need("bench_due_dates", "make_cases", "bench_compute", "bench_floor")
    make_cases, bench_compute, bench_floor = bench
    load_calendar = need("counter_app.core.calendar", "load_calendar")
    calendar = load_calendar()
    cases = make_cases(int(cfg.get("due_cases", 100_000)))
    rate = bench_compute(calendar, cases, 3)
    floor = bench_floor(calendar, cases, 3)
    return [Figure("due_dates", "due dates computed per second", rate, "/s", "Python call + timedelta add", floor,
                   "≥ 100,000/s", 100_000.0, higher_better=True)]


@case
def bieu06(cfg: dict[str, Any]) -> list[Figure]:
    compute_bieu06 = need("counter_app.reports.bieu06", "compute_bieu06")
    whole_year = need("counter_app.reports.periods", "whole_year")
    year = int(cfg.get("report_year", 2025))
    ctx = open_ctx(cfg["db"])

    def run() -> Any:
        with ctx.db.read() as session:
            return compute_bieu06(session, whole_year(year))

    times = [timed_ms(run)[0] for _ in range(3)]
    conn = sqlite3.connect(f"file:{cfg['db']}?mode=ro", uri=True)
    floor = min(sample_ms(lambda: conn.execute(
        "SELECT field, state, count(*) FROM dossiers WHERE received_at >= ? AND received_at < ? GROUP BY 1, 2",
        (f"{year - 1}-12-31 17:00", f"{year}-12-31 17:00")).fetchall(), 3, warm=0))
    return [Figure("bieu06", f"yearly Biểu 06 ({year}), {size_label(cfg)}", min(times), "ms",
                   "raw SQLite: count the year's rows by field and state", floor, "≤ 3,000 ms", 3000.0,
                   note=f"best of 3 (first {times[0]:.0f} ms)")]


def main() -> int:
    name, cfg = sys.argv[1], json.loads(sys.argv[2])
    table = dict(CASES)
    if name not in table:
        from cases_sync import SYNC_CASES

        table.update(SYNC_CASES)
    result: dict[str, Any] = {"case": name}
    try:
        result["figures"] = [f.to_json() for f in table[name](cfg)]
        result["status"] = "ok"
    except NotBuiltYet as exc:
        result.update(status="n/a", reason=f"not built yet: {exc}")
    except Exception as exc:  # reported in the table; the runner goes on with the next case
        result.update(status="error", reason=f"{type(exc).__name__}: {exc}", trace=traceback.format_exc(limit=8))
    result["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print("BENCH-RESULT " + json.dumps(result, default=str), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
