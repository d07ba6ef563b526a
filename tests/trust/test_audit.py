"""The audit trail: one hash-chained row per clerk action and admin change; `audit verify` names the first
broken link when a row was edited, deleted or reordered — here by someone with the file and sqlite3."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.db.models_audit import AuditEntry
from counter_app.services import actions, audit, unit
from counter_app.services.audit import verify_chain
from tests.conftest import vn
from tests.test_cli import cli
from tests.trust.helpers import CITIZEN_ID


def _tamper(db_path: Path, *statements: str) -> None:
    """What an attacker with the file does: drop the guards, then change rows."""
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.fixture
def worked(ctx, clerk, leader, admin, received):  # type: ignore[no-untyped-def]
    """A morning at the counter: a dossier's whole life, a print, an extension and an admin change."""
    code = received.code
    actions.record_print(ctx, clerk, code, "mau_01", 2, at=vn(2026, 3, 2, 9, 1))
    actions.forward(ctx, clerk, code, "Công chức Tư pháp – Hộ tịch", at=vn(2026, 3, 2, 10))
    actions.extend(ctx, leader, code, received.promised_due_at.replace(year=2027), "Chờ xác minh",
                   at=vn(2026, 3, 3, 9))
    actions.mark_result_ready(ctx, clerk, code, at=vn(2026, 3, 4, 9))
    actions.return_result(ctx, clerk, code, "Lương Thị Nguyệt", receiver_id_number=CITIZEN_ID,
                          satisfaction="hai_long", at=vn(2026, 3, 5, 9))
    unit.change_setting(ctx.db, admin, "timeliness.due_soon_working_days", 2)
    return code


def _rows(ctx) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as session:
        return list(session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars())


def test_every_clerk_action_and_admin_change_is_one_row_with_who_what_before_after(ctx, worked) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(ctx)
    trail = [(r.action, r.username) for r in rows if r.target_id == worked]
    assert trail == [("dossier.receive", "canbo1"), ("dossier.print", "canbo1"), ("dossier.forward", "canbo1"),
                     ("dossier.extend", "lanhdao"), ("dossier.mark_result_ready", "canbo1"),
                     ("dossier.return_result", "canbo1")]
    forward = next(r for r in rows if r.action == "dossier.forward")
    assert forward.before["state"] == "received" and forward.after["state"] == "forwarded"
    assert forward.after["handler"] == "Công chức Tư pháp – Hộ tịch"
    setting = rows[-1]
    assert (setting.action, setting.username, setting.target_id) == ("setting.change", "admin",
                                                                      "timeliness.due_soon_working_days")
    assert (setting.before, setting.after) == ({"value": 1}, {"value": 2})
    report = verify_chain(ctx.db)
    assert report.ok and report.rows == len(rows) == rows[-1].seq
    assert report.last_hash == rows[-1].hash == audit.chain_head(ctx.db)[1]


def test_the_trail_holds_no_personal_data_of_citizens(ctx, worked) -> None:  # type: ignore[no-untyped-def]
    text = repr([(r.target_id, r.before, r.after) for r in _rows(ctx)])
    for personal in ("Nguyệt", CITIZEN_ID, "0978123456", "Pù Toong", "1999-05-04"):
        assert personal not in text


def test_rows_cannot_be_changed_or_deleted_through_sql(ctx, worked, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db_path)
    for sql in ("UPDATE audit_log SET username = 'x' WHERE seq = 3", "DELETE FROM audit_log WHERE seq = 3"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(sql)
    conn.close()
    assert verify_chain(ctx.db).ok


def test_an_edited_row_is_the_first_broken_link(ctx, worked, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = next(r.seq for r in _rows(ctx) if r.action == "dossier.extend")
    _tamper(db_path, f"UPDATE audit_log SET username = 'canbo1' WHERE seq = {target}")
    broken = verify_chain(ctx.db).broken
    assert broken is not None and (broken.seq, broken.kind) == (target, "edited")
    assert f"dòng số {target}" in broken.message and "bị sửa" in broken.message


def test_an_edited_row_with_a_recomputed_hash_breaks_the_next_link(ctx, worked, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(ctx)
    victim = next(r for r in rows if r.action == "dossier.extend")
    victim.username = "canbo1"
    forged = audit.entry_hash(victim)
    _tamper(db_path, f"UPDATE audit_log SET username = 'canbo1', hash = '{forged}' WHERE seq = {victim.seq}")
    broken = verify_chain(ctx.db).broken
    assert broken is not None and (broken.seq, broken.kind) == (victim.seq + 1, "relinked")


def test_a_deleted_row_is_named(ctx, worked, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = next(r.seq for r in _rows(ctx) if r.action == "dossier.forward")
    _tamper(db_path, f"DELETE FROM audit_log WHERE seq = {target}")
    broken = verify_chain(ctx.db).broken
    assert broken is not None and (broken.seq, broken.kind) == (target, "missing")
    assert f"thiếu dòng số {target}–{target}" in broken.message


def test_rows_cut_off_the_end_are_noticed(ctx, worked, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    last = _rows(ctx)[-1].seq
    _tamper(db_path, f"DELETE FROM audit_log WHERE seq >= {last - 1}")
    broken = verify_chain(ctx.db).broken
    assert broken is not None and (broken.seq, broken.kind) == (last - 1, "truncated")


def test_two_swapped_rows_are_found_whichever_way_they_were_swapped(ctx, worked, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = [r.seq for r in _rows(ctx) if r.target_id == worked][2:4]
    # 1) swap their sequence numbers (the order the rows are read in)
    _tamper(db_path, f"UPDATE audit_log SET seq = -1 WHERE seq = {a}",
            f"UPDATE audit_log SET seq = {a} WHERE seq = {b}", f"UPDATE audit_log SET seq = {b} WHERE seq = -1")
    broken = verify_chain(ctx.db).broken
    assert broken is not None and broken.seq == a
    # 2) swap back, then swap every column but the sequence number
    conn = sqlite3.connect(db_path)
    conn.execute(f"UPDATE audit_log SET seq = -1 WHERE seq = {a}")
    conn.execute(f"UPDATE audit_log SET seq = {a} WHERE seq = {b}")
    conn.execute(f"UPDATE audit_log SET seq = {b} WHERE seq = -1")
    conn.commit()
    assert verify_chain(ctx.db).ok
    columns = "at, user_id, username, role, node_id, action, target_type, target_id, before, after, prev_hash, hash"
    conn.execute("CREATE TEMP TABLE keep AS SELECT * FROM audit_log WHERE seq IN (?, ?)", (a, b))
    for this, other in ((a, b), (b, a)):
        sets = ", ".join(f"{c} = (SELECT {c} FROM keep WHERE seq = {other})" for c in columns.split(", "))
        conn.execute(f"UPDATE audit_log SET {sets} WHERE seq = {this}")
    conn.commit()
    conn.close()
    broken = verify_chain(ctx.db).broken
    assert broken is not None and broken.seq == a


def test_audit_verify_on_the_command_line(ctx, worked, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx.db.dispose()
    ok = cli("--db", str(db_path), "audit", "verify")
    assert ok.returncode == 0 and "nguyên vẹn" in ok.stdout, ok.stderr
    _tamper(db_path, "UPDATE audit_log SET after = '{}' WHERE seq = 5")
    bad = cli("--db", str(db_path), "audit", "verify")
    assert bad.returncode == 1 and "dòng số 5" in bad.stderr and "Traceback" not in bad.stderr
