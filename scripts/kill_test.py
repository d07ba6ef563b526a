#!/usr/bin/env python3
"""The kill test (issue 7): kill -9 a process at a random moment while it receives dossiers, many times.

After every kill the database must pass `PRAGMA integrity_check`, every dossier whose receipt was
acknowledged to the caller must be present, and no dossier may exist without its event and audit row.
At the end the audit chain must verify. "Acknowledged" means: `receive_dossier` returned, and only then
the child appended the code to a side log and fsynced it — what a clerk sees as the printed slip.

    .venv/bin/python scripts/kill_test.py                 # 200 kills, prints a summary
    .venv/bin/python scripts/kill_test.py --kills 20 --json
    .venv/bin/python scripts/kill_test.py --spawn         # each child a fresh interpreter (slower start)

By default (POSIX) each child is forked from a parent that has already imported the program, so a run
costs the kill delay rather than two seconds of imports; `--spawn` starts each child from scratch.

kill -9 proves process-crash atomicity (SQLite's journal and our one-transaction-per-action). A power
cut additionally needs the OS to honour fsync, which `synchronous=FULL` asks for on every commit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CLERK, CLERK_PASSWORD = "canbo1", "TiepNhan@2026"


def make_database(path: Path) -> str:
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services.catalog import procedures_in_force
    from counter_app.services.setup import initialize
    from counter_app.services.unit import UnitInfo
    from counter_app.services.users import NewUser, create_user

    database = open_sqlite(path).database
    unit = UnitInfo(agency_code="000.21.27.H56", name="Trung tâm Phục vụ hành chính công xã Mường Lát",
                    parent_body="UBND xã Mường Lát", province="Thanh Hóa",
                    upper_office_name="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa")
    initialize(database, unit, NewUser("admin", "Lò Văn Quản", "admin", "QuanTri@2026"))
    create_user(database, NewUser(CLERK, "Hà Thị Thu Hương", "clerk", CLERK_PASSWORD))
    code = procedures_in_force(database, date.today())[0].code
    database.dispose()
    return code


def child(db_path: Path, ack_path: Path, procedure_code: str, run: int, ready_fd: int) -> None:
    """Receive dossiers until killed; acknowledge each one only after its transaction committed."""
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.db.instance_lock import acquire_instance_lock
    from counter_app.services.context import CounterContext
    from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
    from counter_app.services.unit import default_node_id
    from counter_app.services.users import get_actor

    acquire_instance_lock(db_path)  # as the app does; a kill must not leave it held for the next run
    database = open_sqlite(db_path).database
    ctx = CounterContext(database, default_node_id(database) or "")
    clerk = get_actor(database, CLERK)  # logged in long ago; login is not what is under test
    ack = os.open(ack_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    i = 0
    while True:
        i += 1
        applicant = ApplicantInput(f"Nguyễn Thị Lần {run} Số {i}", phone="0912345678", address="Bản Xim")
        receipt = receive_dossier(ctx, clerk, IntakeRequest(procedure_code, applicant))
        os.write(ack, f"{receipt.dossier.code}\n".encode())
        os.fsync(ack)
        if i == 1:  # warmed up (calendar, statements): from now on the kill lands among ordinary receipts
            os.write(ready_fd, b"ready\n")


def acknowledged(ack_path: Path) -> list[str]:
    if not ack_path.exists():
        return []
    text = ack_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    return [line for line in lines[:-1] if line]  # a line cut by the kill has no newline: not acknowledged


def check(db_path: Path, acked: list[str]) -> dict[str, object]:
    conn = sqlite3.connect(db_path)  # a fresh connection recovers the WAL exactly as the next start would
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        codes = {r[0] for r in conn.execute("SELECT code FROM dossiers")}
        orphans = conn.execute(
            "SELECT count(*) FROM dossiers d WHERE (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id"
            " AND e.kind = 'receive') != 1 OR (SELECT count(*) FROM audit_log a WHERE a.target_id = d.code"
            " AND a.action = 'dossier.receive') != 1").fetchone()[0]
        counters_ok = conn.execute(
            "SELECT count(*) FROM nodes n WHERE n.event_counter != "
            "(SELECT coalesce(max(node_counter), 0) FROM dossier_events e WHERE e.node_id = n.id)").fetchone()[0] == 0
    finally:
        conn.close()
    missing = [c for c in acked if c not in codes]
    return {"integrity": integrity, "dossiers": len(codes), "missing": missing, "orphans": orphans,
            "counters_ok": counters_ok, "unacknowledged": len(codes) - len(set(acked) & codes)}


def _read_line(fd: int) -> str:
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    os.close(fd)
    return data.decode("utf-8", "replace").strip()


def start_child(spawn: bool, db_path: Path, ack_path: Path, procedure_code: str, run: int) -> tuple[int, str]:
    """(pid, the child's first line: "ready" or its error)."""
    read_fd, write_fd = os.pipe()
    if spawn:
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(db_path), str(ack_path), procedure_code,
                                 str(run), str(write_fd)], pass_fds=(write_fd,))
        os.close(write_fd)
        return proc.pid, _read_line(read_fd)
    pid = os.fork()
    if pid == 0:  # the child: receive until killed; report any error instead of "ready"
        os.close(read_fd)
        try:
            child(db_path, ack_path, procedure_code, run, write_fd)
        except BaseException as exc:  # noqa: BLE001 - everything must reach the parent
            os.write(write_fd, f"error: {exc!r}\n".encode())
        os._exit(3)
    os.close(write_fd)
    return pid, _read_line(read_fd)


def run_kills(kills: int, workdir: Path, *, seed: int, max_delay: float, spawn: bool = False) -> dict[str, object]:
    rng = random.Random(seed)
    db_path, ack_path = workdir / "kill.sqlite3", workdir / "acknowledged.txt"
    procedure_code = make_database(db_path)
    failures: list[str] = []
    started = time.perf_counter()
    last: dict[str, object] = {}
    for run in range(1, kills + 1):
        pid, ready = start_child(spawn, db_path, ack_path, procedure_code, run)
        if ready != "ready":
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            failures.append(f"run {run}: child did not start: {ready}")
            break
        time.sleep(rng.uniform(0, max_delay))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if not os.WIFSIGNALED(status) or os.WTERMSIG(status) != signal.SIGKILL:
            failures.append(f"run {run}: the child stopped on its own (status {status}): an error reached the clerk")
        last = check(db_path, acknowledged(ack_path))
        if last["integrity"] != ["ok"] or last["missing"] or last["orphans"] or not last["counters_ok"]:
            failures.append(f"run {run}: {last}")
            break
    from counter_app.db.engine import Database
    from counter_app.services.audit import verify_chain

    database = Database.for_path(db_path)
    chain = verify_chain(database)
    database.dispose()
    if not chain.ok:
        failures.append(f"audit chain: {chain.broken}")
    acked = acknowledged(ack_path)
    return {"kills": kills, "mode": "spawn" if spawn else "fork", "seconds": round(time.perf_counter() - started, 1), "acknowledged": len(acked),
            "dossiers": last.get("dossiers", 0), "missing": len(last.get("missing", []) or []),
            "committed_not_acknowledged": last.get("unacknowledged", 0), "audit_rows": chain.rows,
            "audit_chain_ok": chain.ok, "integrity": last.get("integrity"), "failures": failures}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(Path(argv[1]), Path(argv[2]), argv[3], int(argv[4]), int(argv[5]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-delay", type=float, default=1.0, help="seconds of receiving before the kill")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--spawn", action="store_true", help="start every child as a fresh interpreter")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        spawn = args.spawn or not hasattr(os, "fork")
        if not spawn:  # import and configure everything once in the parent; forked children inherit it
            from sqlalchemy.orm import configure_mappers

            import counter_app.services.intake  # noqa: F401
            import counter_app.services.users  # noqa: F401
            from counter_app.core.calendar import load_calendar

            configure_mappers()
            load_calendar()
        summary = run_kills(args.kills, workdir, seed=args.seed, max_delay=args.max_delay, spawn=spawn)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        for key, value in summary.items():
            print(f"{key:>28}: {value}")
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
