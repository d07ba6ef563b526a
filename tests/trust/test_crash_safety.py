"""Crash safety: each clerk action is one transaction; a second program on the same file is refused;
a full disk or read-only media gives a clear message and leaves the file sound; and the kill test."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from counter_app.db.engine import Database
from counter_app.db.errors import StorageError
from counter_app.db.instance_lock import InstanceLocked, acquire_instance_lock
from counter_app.messages import storage as storage_msg
from counter_app.services import actions
from counter_app.services.context import CounterContext
from tests.conftest import vn
from tests.trust.helpers import db_digest, receive

ROOT = Path(__file__).resolve().parents[2]


def _fail_on(db_path: Path, action: str) -> None:
    """A fault at the very end of the transaction: the audit row of `action` cannot be written."""
    conn = sqlite3.connect(db_path)
    conn.execute(f"CREATE TRIGGER fault BEFORE INSERT ON audit_log WHEN NEW.action = '{action}' "
                 "BEGIN SELECT RAISE(ABORT, 'injected fault'); END")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("action", ["receive", "forward", "extend", "return_result", "print"])
def test_a_failure_at_the_last_step_leaves_no_trace_of_the_action(  # type: ignore[no-untyped-def]
    ctx, clerk, leader, db_path: Path, action: str
) -> None:
    code = receive(ctx, clerk).code
    if action == "return_result":
        actions.mark_result_ready(ctx, clerk, code, at=vn(2026, 3, 3, 9))
    _fail_on(db_path, f"dossier.{action}")
    before = db_digest(ctx)
    calls = {
        "receive": lambda: receive(ctx, clerk, "Lò Văn Minh"),
        "forward": lambda: actions.forward(ctx, clerk, code, "Công chức Tư pháp", at=vn(2026, 3, 2, 10)),
        "extend": lambda: actions.extend(ctx, leader, code, vn(2026, 4, 1, 9), "Chờ xác minh", at=vn(2026, 3, 3, 9)),
        "return_result": lambda: actions.return_result(ctx, clerk, code, "Lương Văn Tâm", at=vn(2026, 3, 4, 9)),
        "print": lambda: actions.record_print(ctx, clerk, code, "mau_01", 1),
    }
    with pytest.raises(Exception, match="injected fault"):
        calls[action]()
    # the dossier row, its event, the node's event counter, the code/ledger counters and the audit chain:
    # all exactly as before — no code consumed, no counter skipped
    assert db_digest(ctx) == before


def test_a_second_program_on_the_same_database_is_refused_with_a_clear_message(db_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; from counter_app.db.instance_lock import acquire_instance_lock;"
         f"acquire_instance_lock({str(db_path)!r}); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(InstanceLocked) as excinfo:
            acquire_instance_lock(db_path)
        assert "đang mở trên cơ sở dữ liệu này" in str(excinfo.value) and str(holder.pid) in str(excinfo.value)
    finally:
        holder.kill()  # like a crash: the OS releases the lock, nothing stale is left behind
        holder.wait()
    with acquire_instance_lock(db_path) as lock, acquire_instance_lock(db_path) as again:
        assert again is lock  # re-entrant within one program (a restore started from the open window)


def test_read_only_media_gives_a_clear_message_and_changes_nothing(ctx, clerk, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = receive(ctx, clerk).code
    before = db_digest(ctx)
    read_only = Database(f"sqlite:///file:{db_path}?mode=ro&uri=true")  # as from a write-protected stick
    ro_ctx = CounterContext(read_only, ctx.node_id)
    for attempt in (lambda: receive(ro_ctx, clerk, "Lò Văn Minh"),
                    lambda: actions.forward(ro_ctx, clerk, code, "Công chức Tư pháp")):
        with pytest.raises(StorageError) as excinfo:
            attempt()
        assert str(excinfo.value) == storage_msg.DB_READ_ONLY
    read_only.dispose()
    assert db_digest(ctx) == before


def test_a_full_database_gives_the_disk_full_message_and_keeps_every_saved_dossier(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    ctx.db.dispose()

    @event.listens_for(ctx.db.write_engine, "connect")
    def _small_disk(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # SQLite's SQLITE_FULL, as on a full disk

    saved = []
    with pytest.raises(StorageError) as excinfo:
        for i in range(1000):
            saved.append(receive(ctx, clerk, f"Công dân số {i} " + "ư" * 80, address="Bản Xim " * 30).code)
    assert str(excinfo.value) == storage_msg.DB_DISK_FULL and saved
    _assert_sound(ctx.db.path, saved)


FULL_DISK_CHILD = """
import resource, signal, sys
from pathlib import Path
from counter_app.db.bootstrap import open_sqlite
from counter_app.db.errors import StorageError
from counter_app.services.context import CounterContext
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from counter_app.services.unit import default_node_id
from counter_app.services.users import get_actor
database = open_sqlite(Path(sys.argv[1])).database
ctx = CounterContext(database, default_node_id(database))
clerk = get_actor(database, "canbo1")
ctx.calendar
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write then fails with an error, as on a full disk
limit = Path(sys.argv[1]).stat().st_size + 64 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
for i in range(100000):
    try:
        code = receive_dossier(ctx, clerk, IntakeRequest(sys.argv[2], ApplicantInput(f"Người số {i}",
                               address="Bản Xim " * 30))).dossier.code
    except StorageError as exc:
        print("error", str(exc), flush=True)
        break
    print("saved", code, flush=True)
"""


def test_when_the_operating_system_refuses_to_write_the_clerk_gets_a_message_and_nothing_is_lost(  # type: ignore[no-untyped-def]
    ctx, clerk, db_path: Path
) -> None:
    from tests.trust.helpers import procedure_code

    code = procedure_code(ctx)
    ctx.db.dispose()
    done = subprocess.run([sys.executable, "-c", FULL_DISK_CHILD, str(db_path), code], capture_output=True,
                          text=True, timeout=300, cwd=ROOT)
    lines = done.stdout.splitlines()
    saved = [line.split(" ", 1)[1] for line in lines if line.startswith("saved ")]
    assert lines and lines[-1].startswith("error "), done.stderr
    assert lines[-1].removeprefix("error ") in {storage_msg.DB_DISK_FULL,
                                                storage_msg.DB_IO_ERROR.format(detail="disk i/o error")}
    assert saved and "Traceback" not in done.stderr
    _assert_sound(db_path, saved)


def _assert_sound(db_path: Path | None, saved: list[str]) -> None:
    assert db_path is not None
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = {r[0] for r in conn.execute("SELECT code FROM dossiers")}
    finally:
        conn.close()
    assert set(saved) <= present


def test_the_kill_test_20_kills_lose_no_acknowledged_dossier(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "kill_test.py"), "--kills", "20", "--max-delay",
                           "0.4", "--json", "--workdir", str(tmp_path)], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0 and summary["failures"] == [], done.stderr
    assert summary["integrity"] == ["ok"] and summary["missing"] == 0 and summary["audit_chain_ok"]
    assert summary["acknowledged"] >= 20  # receipts really were under way when the kills came
    assert 0 <= summary["committed_not_acknowledged"] <= 20  # at most the one in flight at each kill

