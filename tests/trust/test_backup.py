"""Backups: rotation, encryption, and a restore that gives back exactly the dossiers and events of the
backup — or, for a corrupt file or a wrong passphrase, refuses and overwrites nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from counter_app.db import backup as files
from counter_app.db.bootstrap import open_sqlite
from counter_app.db.instance_lock import InstanceLocked
from counter_app.services import actions, backups
from counter_app.services.audit import verify_chain
from counter_app.services.context import CounterContext
from counter_app.services.unit import default_node_id
from counter_app.services.users import get_actor
from tests.conftest import vn
from tests.test_cli import cli
from tests.trust.helpers import receive

PASSPHRASE = "Sao lưu xã Mường Lát 2026"
FAST_SCRYPT = 2**12  # the shipped cost (2**15) is for real passphrases; tests need not wait for it


def _records(db_path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db_path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("dossiers", "dossier_events", "dossier_documents")}
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> dict[str, str]:
    """Every file beside the database with its digest (the instance lock file aside: it is meant to stay)."""
    return {p.name: _sha(p) for p in path.parent.iterdir() if p.is_file() and not p.name.endswith(".lock")}


# --- rotation -----------------------------------------------------------------------------------------


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    year = [datetime(2026, 1, 1, 7, 30) + timedelta(days=i) for i in range(365)]
    kept = {t.date() for t in files.select_to_keep(year)}
    daily = {date(2026, 12, d) for d in range(25, 32)}
    weekly = {date(2026, 12, 20), date(2026, 12, 13)}  # Sundays closing ISO weeks 51 and 50
    monthly = {date(2026, m, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31) for m in range(1, 12)}
    assert kept == daily | weekly | monthly and len(kept) == 20


def test_rotation_counts_days_that_have_a_backup_not_calendar_days() -> None:
    before_holiday = [datetime(2026, 2, d, 8) for d in range(2, 14)]  # then the PC stayed off for Tết
    after = [datetime(2026, 3, 2, 8)]
    kept = files.select_to_keep(before_holiday + after)
    assert {t.day for t in kept if t.month == 2} >= {13, 12, 11, 10, 9, 8}  # still 7 days of backups


def test_rotate_deletes_only_our_backup_files(tmp_path: Path) -> None:
    for i in range(40):
        name = files.backup_name(datetime(2026, 1, 1, 8) + timedelta(days=i), encrypted=i % 2 == 0)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "counter-before-0002-20260101.sqlite3").write_bytes(b"kept: not ours to rotate")
    deleted = files.rotate(tmp_path)
    remaining = files.list_backup_files(tmp_path)
    assert len(remaining) + len(deleted) == 40
    # Jan 1 – Feb 9: the days Feb 3–9, the Sundays closing the two weeks before (Feb 1, Jan 25), January 31
    assert sorted(b.taken_at.strftime("%m-%d") for b in remaining) == [
        "01-25", "01-31", "02-01", "02-03", "02-04", "02-05", "02-06", "02-07", "02-08", "02-09"]
    assert (tmp_path / "counter-before-0002-20260101.sqlite3").exists()


# --- backup and restore -------------------------------------------------------------------------------


def test_a_plain_backup_restores_identical_dossiers_and_a_new_node_identity(ctx, clerk, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = receive(ctx, clerk)
    actions.forward(ctx, clerk, first.code, "Công chức Tư pháp", at=vn(2026, 3, 2, 10))
    receive(ctx, clerk, "Vàng A Páo", id_number="", phone="0912000111")
    result = backups.backup_now(ctx.db)
    at_backup = _records(db_path)
    old_node = ctx.node_id
    later = receive(ctx, clerk, "Lò Văn Minh", id_number="")  # lost by the restore, but kept aside
    ctx.db.dispose()

    restored = backups.restore_backup(db_path, result.primary)

    assert _records(db_path) == at_backup
    assert restored.dossiers == 2 and restored.events == 3 and "quyển số 2" in restored.message
    assert restored.aside is not None and later.code in {r[1] for r in _records(restored.aside)["dossiers"]}
    database = open_sqlite(db_path).database
    new_node = default_node_id(database)
    assert new_node == restored.node.new_node_id != old_node
    ctx2 = CounterContext(database, new_node or "")
    again = receive(ctx2, get_actor(database, "canbo1"), "Hà Thị Mai", id_number="")
    assert again.ledger_book == 2 and again.ledger_ordinal == 1
    assert again.code != later.code  # today's ordinals after the backup are skipped, never issued twice
    conn = sqlite3.connect(db_path)
    counters = conn.execute("SELECT node_id, node_counter FROM dossier_events WHERE dossier_id = ?",
                            (again.id,)).fetchall()
    retired = conn.execute("SELECT retired_at FROM nodes WHERE id = ?", (old_node,)).fetchone()[0]
    conn.close()
    assert counters == [(new_node, 1)] and retired is not None
    assert verify_chain(database).ok
    database.dispose()


def test_an_encrypted_backup_hides_the_data_and_needs_the_passphrase(ctx, clerk, admin, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    receive(ctx, clerk, "Đinh Thị Ước")
    backups.enable_encryption(ctx.db, admin, PASSPHRASE, scrypt_n=FAST_SCRYPT)
    result = backups.backup_now(ctx.db, actor=admin)
    content = result.primary.read_bytes()
    assert result.primary.suffix == ".ctrbak"
    assert b"SQLite format 3" not in content and "Ước".encode() not in content and PASSPHRASE.encode() not in content
    with sqlite3.connect(db_path) as conn:  # the passphrase itself is kept nowhere
        assert PASSPHRASE not in "".join(str(r) for r in conn.execute("SELECT value FROM settings"))
    at_backup = _records(db_path)
    ctx.db.dispose()
    before, siblings = _sha(db_path), _siblings(db_path)

    with pytest.raises(files.PassphraseRequired):
        backups.restore_backup(db_path, result.primary)
    with pytest.raises(files.WrongBackupPassphrase, match="Sai mật khẩu"):
        backups.restore_backup(db_path, result.primary, passphrase="Sao lưu xã Mường Lát 2025")
    assert _sha(db_path) == before and _siblings(db_path) == siblings  # nothing overwritten, nothing left

    backups.restore_backup(db_path, result.primary, passphrase=PASSPHRASE)
    assert _records(db_path) == at_backup


@pytest.mark.parametrize("damage", ["truncated", "flipped", "not_a_backup"])
def test_a_corrupt_backup_is_refused_and_nothing_is_overwritten(ctx, clerk, admin, db_path: Path, damage: str) -> None:  # type: ignore[no-untyped-def]
    receive(ctx, clerk)
    plain = backups.backup_now(ctx.db).primary
    backups.enable_encryption(ctx.db, admin, PASSPHRASE, scrypt_n=FAST_SCRYPT)
    sealed = backups.backup_now(ctx.db).primary
    ctx.db.dispose()
    for backup in (plain, sealed):
        data = bytearray(backup.read_bytes())
        if damage == "truncated":
            data = data[: len(data) // 2]
        elif damage == "flipped":
            for i in range(len(data) // 3, len(data) // 3 + 4096, 7):
                data[i] ^= 0x5A
        else:
            data = bytearray(b"PK\x03\x04 a zip file, or a photo, named like a backup" * 100)
        bad = backup.with_name("bad-" + backup.name)
        bad.write_bytes(bytes(data))
        before, siblings = _sha(db_path), _siblings(db_path)
        with pytest.raises(files.BackupError) as excinfo:
            backups.restore_backup(db_path, bad, passphrase=PASSPHRASE)
        assert "giữ nguyên" in str(excinfo.value) or "không phải là bản sao lưu" in str(excinfo.value)
        assert _sha(db_path) == before and _siblings(db_path) == siblings


def test_the_second_folder_gets_a_verified_copy_and_a_missing_stick_does_not_cost_the_backup(  # type: ignore[no-untyped-def]
    ctx, admin, tmp_path: Path
) -> None:
    usb = tmp_path / "usb" / "saoluu"
    backups.set_second_folder(ctx.db, admin, usb)
    result = backups.backup_now(ctx.db)
    assert result.second is not None and result.second.read_bytes() == result.primary.read_bytes()
    assert not list(usb.glob("*.part"))
    (tmp_path / "gone").write_text("a file where the stick's folder was")
    backups.set_second_folder(ctx.db, admin, tmp_path / "gone")
    later = backups.backup_now(ctx.db, now=datetime.now().astimezone() + timedelta(seconds=2))
    assert later.primary.exists() and later.second is None and "thư mục thứ hai" in later.second_error


def test_the_daily_backup_runs_once_a_day(ctx) -> None:  # type: ignore[no-untyped-def]
    morning = vn(2026, 11, 24, 7, 30)
    assert backups.run_daily_backup(ctx.db, now=morning) is not None
    assert backups.run_daily_backup(ctx.db, now=morning + timedelta(hours=3)) is None
    assert backups.run_daily_backup(ctx.db, now=morning + timedelta(days=1)) is not None
    assert len(backups.list_backups(ctx.db)) == 2


def test_restore_waits_for_the_other_window_to_close(ctx, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    result = backups.backup_now(ctx.db)
    ctx.db.dispose()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from counter_app.db.instance_lock import acquire_instance_lock;"
         f"acquire_instance_lock({str(db_path)!r}); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        before = _sha(db_path)
        with pytest.raises(InstanceLocked, match="đang mở"):
            backups.restore_backup(db_path, result.primary)
        assert _sha(db_path) == before
    finally:
        holder.kill()
        holder.wait()


def test_backup_and_restore_on_the_command_line(ctx, clerk, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    receive(ctx, clerk)
    at_backup = _records(db_path)
    ctx.db.dispose()
    env = {"COUNTER_BACKUP_PASSPHRASE": PASSPHRASE}
    assert cli("--db", str(db_path), "backup", "configure", "--encrypt", env=env).returncode == 0
    made = cli("--db", str(db_path), "backup", "now")
    assert made.returncode == 0 and "Đã sao lưu" in made.stdout, made.stderr
    listed = cli("--db", str(db_path), "backup", "list")
    assert "mã hóa" in listed.stdout
    backup = Path(made.stdout.split("Đã sao lưu: ")[1].splitlines()[0])
    wrong = cli("--db", str(db_path), "backup", "restore", str(backup), env={"COUNTER_BACKUP_PASSPHRASE": "sai"})
    assert wrong.returncode == 2 and "Sai mật khẩu" in wrong.stderr and "Traceback" not in wrong.stderr
    done = cli("--db", str(db_path), "backup", "restore", str(backup), env=env)
    assert done.returncode == 0 and "Đã khôi phục" in done.stdout, done.stderr
    assert _records(db_path) == at_backup


def test_restore_from_a_screen_needs_an_admin_of_the_database_being_replaced(ctx, clerk, admin, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from counter_app.services.errors import PermissionDenied

    result = backups.backup_now(ctx.db, actor=admin)
    receive(ctx, clerk)
    ctx.db.dispose()  # what the UI does before a restore
    before = _siblings(db_path)
    with pytest.raises(PermissionDenied):
        backups.restore_backup(db_path, result.primary, actor=clerk)
    assert _siblings(db_path) == before
    restored = backups.restore_backup(db_path, result.primary, actor=admin)
    assert restored.dossiers == 0
    database = open_sqlite(db_path).database
    from counter_app.services.audit import list_entries

    [row] = list_entries(database, get_actor(database, "admin"), action_prefix="backup.restore")
    assert row.username == "admin" and row.after["new_node"] == restored.node.new_node_id
    database.dispose()
