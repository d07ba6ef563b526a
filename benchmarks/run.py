"""The benchmark runner: every figure of issue 9 beside its floor, as a table and as JSON.

    .venv/bin/python benchmarks/run.py                        # ≈ 5–10 min on 2 cores once the database exists
    .venv/bin/python benchmarks/run.py --only search,slip     # some cases
    .venv/bin/python benchmarks/run.py --hub-events 1000000   # the full hub import (adds ≈ 20 min)

The 1,000,000-dossier commune database is made once by benchmarks/generate_db.py (≈ 10 min) into the work
folder (default /tmp/counter-bench) and reused; `--db` points at an existing one (it is brought to the
current schema first, outside the timings). Each case runs in its own process (benchmarks/cases.py); a
piece of the program that does not exist yet shows as "n/a (not built yet)", a failure as "error", and
the runner goes on. Floors: a raw SQLite query, a bare ReportLab page, an empty Qt window start.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_WORK = Path("/tmp/counter-bench")
# Order: quick ones first, so a reader sees figures early; the hub import last (the longest).
CASE_ORDER = ("due_dates", "slip", "search", "dossier_list", "bieu06", "cold_start", "export_10k", "hub_import")
TIMEOUT_S = {"cold_start": 420, "hub_import": 3600, "export_10k": 600}
BUNDLE_LIMIT_MB = 150.0
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"  # as .ci/run


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "platform": platform.platform(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
    }
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpu.splitlines() if line.startswith("model name"))
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["ram_gb"] = round(int(mem) / 1024 / 1024, 1)
        info["load_avg_start"] = os.getloadavg()
    except (OSError, StopIteration):
        pass
    try:
        from PySide6 import __version__ as pyside

        info["pyside6"] = pyside
    except ImportError:
        pass
    return info


def prepare_db(args: argparse.Namespace) -> tuple[Path, float | None]:
    """The 1M database at the current schema; generated when missing (the one slow step, done once)."""
    db = args.db or args.work / "commune-1m.sqlite3"
    generated = None
    if not db.exists():
        print(f"Generating {args.dossiers:,} dossiers into {db} (once; reused by later runs) …", flush=True)
        started = time.perf_counter()
        partial = db.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        subprocess.run([sys.executable, str(HERE / "generate_db.py"), str(partial), "--dossiers",
                        str(args.dossiers)], check=True)
        partial.rename(db)
        generated = time.perf_counter() - started
    # Upgrade outside the timings (and keep the pre-upgrade copy out of /tmp's way: it is our own file).
    backups = args.work / "upgrade-backups"
    code = ("import sys; from pathlib import Path; from counter_app.db.bootstrap import open_sqlite; "
            "r = open_sqlite(Path(sys.argv[1]), backup_dir=Path(sys.argv[2])); r.database.dispose(); "
            "print(r.previous_revision, '->', r.revision)")
    done = subprocess.run([sys.executable, "-c", code, str(db), str(backups)], cwd=ROOT, capture_output=True,
                          text=True)
    print(f"Database {db}: {done.stdout.strip() or done.stderr.strip()[-300:]}", flush=True)
    shutil.rmtree(backups, ignore_errors=True)
    return db, generated


def count_dossiers(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    finally:
        conn.close()


def run_case(name: str, cfg: dict[str, Any]) -> dict[str, Any]:
    started = time.perf_counter()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None  # the machine is shared: keep the context
    try:
        done = subprocess.run([sys.executable, str(HERE / "cases.py"), name, json.dumps(cfg)], cwd=ROOT,
                              capture_output=True, text=True, timeout=TIMEOUT_S.get(name, 300))
    except subprocess.TimeoutExpired:
        return {"case": name, "status": "timeout", "reason": f"over {TIMEOUT_S.get(name, 300)} s",
                "seconds": time.perf_counter() - started}
    line = next((ln for ln in reversed(done.stdout.splitlines()) if ln.startswith("BENCH-RESULT ")), None)
    result = json.loads(line.removeprefix("BENCH-RESULT ")) if line else {
        "case": name, "status": "error", "reason": f"exit {done.returncode}: {done.stderr.strip()[-500:]}"}
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["load_avg_1min_at_start"] = load
    return result


def bundle_figure(path: Path) -> dict[str, Any]:
    if not (path / "_internal").is_dir():
        return {"case": "bundle", "status": "n/a", "reason": f"not built yet: no bundle at {path}"}
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files) / 1e6
    figure = {"case": "bundle", "metric": f"Linux bundle size ({len(files)} files)", "value": size, "unit": "MB",
              "floor": "", "floor_value": None, "ratio": None, "target": "≤ 150 MB", "limit": BUNDLE_LIMIT_MB,
              "verdict": "ok" if size <= BUNDLE_LIMIT_MB else "MISS", "note": f"{path} (unpacked, bytes/1e6)"}
    return {"case": "bundle", "status": "ok", "figures": [figure], "seconds": 0}


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "/s":
        return f"{value:,.0f}/s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "s":
        return f"{value:,.2f} s"
    return f"{value:,.1f} {unit}"


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| Figure | Measured | Floor | Floor value | × floor | Target | |", "|---|---:|---|---:|---:|---|---|"]
    for result in results:
        if result["status"] != "ok":
            reason = result.get("reason", "")
            label = "n/a (not built yet)" if result["status"] == "n/a" else result["status"]
            lines.append(f"| {result['case']} | {label} | | | | | {reason[:120]} |")
            continue
        for f in result["figures"]:
            ratio = f"{f['ratio']:.1f}×" if f.get("ratio") else ""
            note = (f["verdict"] + (" — " if f["note"] else "") if f["verdict"] else "") + f["note"]
            lines.append(f"| {f['metric']} | {fmt(f['value'], f['unit'])} | {f['floor']} | "
                         f"{fmt(f['floor_value'], f['unit'])if f['floor_value'] is not None else ''} | {ratio} | "
                         f"{f['target']} | {note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing 1M-dossier database (default: WORK/commune-1m.sqlite3)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="folder for generated data (reused)")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "results.json")
    parser.add_argument("--dossiers", type=int, default=1_000_000, help="size of a database generated here")
    parser.add_argument("--hub-events", type=int, default=100_000, help="events in the hub import (1000000: full)")
    parser.add_argument("--pg-url", default=os.environ.get("COUNTER_BENCH_PG_URL")
                        or os.environ.get("COUNTER_TEST_PG_URL", DEFAULT_PG_URL),
                        help="PostgreSQL for the hub import (a schema is made and dropped); '' to skip")
    parser.add_argument("--only", default="", help="comma-separated cases: " + ", ".join(CASE_ORDER))
    parser.add_argument("--gui-runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "counter-app")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="QuanTri@2026", help="generate_db's admin (services.demo)")
    parser.add_argument("--report-year", type=int, default=2025)
    args = parser.parse_args(argv)
    wall = time.perf_counter()
    args.work.mkdir(parents=True, exist_ok=True)
    info = machine()
    chosen = [c for c in CASE_ORDER if not args.only or c in args.only.split(",")]
    db, generated = prepare_db(args) if chosen else (None, None)
    cfg = {"db": str(db), "work": str(args.work), "hub_events": args.hub_events, "pg_url": args.pg_url,
           "gui_runs": args.gui_runs, "user": args.user, "password": args.password,
           "report_year": args.report_year, "db_dossiers": count_dossiers(db) if db else 0}
    results = []
    for name in chosen:
        print(f"… {name}", flush=True)
        results.append(run_case(name, cfg))
        status = results[-1]["status"]
        print(f"  {status} in {results[-1].get('seconds', 0):.0f} s" + (
            f": {results[-1].get('reason', '')[:200]}" if status != "ok" else ""), flush=True)
    if not args.only or "bundle" in args.only:
        results.append(bundle_figure(args.bundle))
    elapsed = time.perf_counter() - wall
    info["load_avg_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    print()
    print(table(results))
    print(f"\nRunner wall time {elapsed / 60:.1f} min" + (f" (+ database generation {generated / 60:.1f} min)"
                                                         if generated else "") + f"; machine: {json.dumps(info)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {"started": datetime.now().isoformat(timespec="seconds"), "elapsed_s": round(elapsed, 1),
              "db_generation_s": generated, "db": str(db), "machine": info, "config": {**cfg, "password": "…"},
              "results": results}
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(f"JSON: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
