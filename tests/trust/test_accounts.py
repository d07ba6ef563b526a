"""Login and accounts: the lock after five failures, password change and reset, deactivation, and no
password that someone else chose stays usable for work."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from counter_app.db.models_audit import AuditEntry
from counter_app.services import actions, users
from counter_app.services.errors import PermissionDenied, ServiceError, ValidationFailed
from counter_app.services.setup import initialize
from counter_app.services.users import NewUser, login
from tests.conftest import CLERK_PASSWORD, TEST_UNIT, vn


def test_five_failures_lock_the_account_for_15_minutes_even_for_the_right_password(ctx) -> None:  # type: ignore[no-untyped-def]
    start = vn(2026, 3, 2, 8, 0)
    for attempt in range(4):
        with pytest.raises(ServiceError, match="không đúng"):
            login(ctx.db, "canbo1", "sai-mat-khau", now=start + timedelta(seconds=attempt))
    with pytest.raises(ServiceError, match="tạm khóa"):
        login(ctx.db, "canbo1", "sai-mat-khau", now=start + timedelta(seconds=5))
    with pytest.raises(ServiceError, match=r"tạm khóa.*15 phút"):
        login(ctx.db, "canbo1", CLERK_PASSWORD, now=start + timedelta(seconds=6))
    with pytest.raises(ServiceError, match="tạm khóa"):
        login(ctx.db, "canbo1", CLERK_PASSWORD, now=start + timedelta(minutes=14, seconds=59))
    assert login(ctx.db, "canbo1", CLERK_PASSWORD, now=start + timedelta(minutes=15, seconds=6)).actor.username \
        == "canbo1"


def test_a_success_resets_the_failure_count(ctx) -> None:  # type: ignore[no-untyped-def]
    start = vn(2026, 3, 2, 8, 0)
    for round_ in range(3):
        for attempt in range(4):
            with pytest.raises(ServiceError, match="không đúng"):
                login(ctx.db, "canbo1", "sai", now=start + timedelta(minutes=round_, seconds=attempt))
        login(ctx.db, "canbo1", CLERK_PASSWORD, now=start + timedelta(minutes=round_, seconds=30))


def test_every_attempt_is_in_the_audit_trail_without_the_password(ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceError):
        login(ctx.db, "canbo1", "sai-mat-khau-bi-mat")
    with pytest.raises(ServiceError):
        login(ctx.db, "khong_co_ai", "sai-mat-khau-bi-mat")
    login(ctx.db, "canbo1", CLERK_PASSWORD)
    with ctx.db.read() as session:
        rows = session.execute(select(AuditEntry).where(AuditEntry.action.startswith("login."))
                               .order_by(AuditEntry.seq)).scalars().all()
        trail = [(r.action, r.target_id, r.after.get("reason")) for r in rows]
        text = repr([(r.before, r.after) for r in rows])
    assert trail == [("login.failed", "canbo1", "password"), ("login.failed", "khong_co_ai", "unknown_user"),
                     ("login.ok", "canbo1", None)]
    assert "bi-mat" not in text and CLERK_PASSWORD not in text


def test_a_deactivated_user_cannot_log_in_and_the_last_admin_cannot_be_removed(ctx, admin) -> None:  # type: ignore[no-untyped-def]
    users.set_user_active(ctx.db, admin, "canbo1", False)
    with pytest.raises(ServiceError, match="ngừng hoạt động"):
        login(ctx.db, "canbo1", CLERK_PASSWORD)
    with pytest.raises(ServiceError, match="tự khóa"):
        users.set_user_active(ctx.db, admin, "admin", False)
    with pytest.raises(ServiceError, match="quản trị cuối cùng"):
        users.change_role(ctx.db, admin, "admin", "clerk")
    users.set_user_active(ctx.db, admin, "canbo1", True)
    assert login(ctx.db, "canbo1", CLERK_PASSWORD).actor.username == "canbo1"


def test_an_admin_reset_forces_the_owner_to_change_the_password_before_any_work(ctx, admin, received) -> None:  # type: ignore[no-untyped-def]
    users.reset_password(ctx.db, admin, "canbo1", "TamThoi#2026")
    with pytest.raises(ServiceError):
        login(ctx.db, "canbo1", CLERK_PASSWORD)  # the old password is gone
    result = login(ctx.db, "canbo1", "TamThoi#2026")
    assert result.must_change_password
    with pytest.raises(PermissionDenied, match="đổi mật khẩu"):
        actions.forward(ctx, result.actor, received.code, "Công chức Tư pháp")
    with pytest.raises(ValidationFailed, match="hiện tại không đúng"):
        users.change_password(ctx.db, result.actor, "sai", "CuaToi#2026")
    with pytest.raises(ValidationFailed, match="khác mật khẩu hiện tại"):
        users.change_password(ctx.db, result.actor, "TamThoi#2026", "TamThoi#2026")
    users.change_password(ctx.db, result.actor, "TamThoi#2026", "CuaToi#2026")
    again = login(ctx.db, "canbo1", "CuaToi#2026")
    assert not again.must_change_password
    assert actions.forward(ctx, again.actor, received.code, "Công chức Tư pháp").state == "forwarded"


def test_an_account_created_by_the_admin_starts_with_a_password_to_change(ctx, admin) -> None:  # type: ignore[no-untyped-def]
    users.create_user(ctx.db, NewUser("canbo2", "Lương Văn Đức", "clerk", "KhoiTao#2026"), actor=admin)
    assert login(ctx.db, "canbo2", "KhoiTao#2026").must_change_password
    assert [u.username for u in users.list_users(ctx.db, admin)] == ["admin", "canbo1", "canbo2", "lanhdao"]


def test_setup_has_no_default_password(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from counter_app.db.bootstrap import open_sqlite

    database = open_sqlite(tmp_path / "new.sqlite3").database
    with pytest.raises(ValidationFailed, match="Mật khẩu"):
        initialize(database, TEST_UNIT, NewUser("admin", "Lò Văn Quản", "admin", ""))
    result = initialize(database, TEST_UNIT, NewUser("admin", "Lò Văn Quản", "admin", "RiengToi#2026"))
    assert not login(database, "admin", "RiengToi#2026").must_change_password
    from counter_app.services.setup import is_demo_database

    assert not is_demo_database(database)
    assert result.admin_username == "admin"
    database.dispose()


def test_accounts_from_the_command_line_are_audited_and_start_with_a_password_to_change(db_path) -> None:  # type: ignore[no-untyped-def]
    from counter_app.db.bootstrap import open_sqlite
    from tests.test_cli import cli

    env = {"COUNTER_NEW_PASSWORD": "KhoiTao#2026"}
    added = cli("--db", str(db_path), "user", "add", "canbo2", "--name", "Lương Văn Đức", "--role", "clerk", env=env)
    assert added.returncode == 0 and "canbo2" in added.stdout, added.stderr
    assert cli("--db", str(db_path), "user", "deactivate", "lanhdao").returncode == 0
    listed = cli("--db", str(db_path), "user", "list").stdout
    assert "canbo2" in listed and "Lương Văn Đức" in listed and "đã khóa" in listed
    refused = cli("--db", str(db_path), "user", "reset-password", "canbo2", env={"COUNTER_NEW_PASSWORD": "123"})
    assert refused.returncode == 2 and "Mật khẩu" in refused.stderr
    database = open_sqlite(db_path).database
    assert login(database, "canbo2", "KhoiTao#2026").must_change_password
    with pytest.raises(ServiceError, match="ngừng hoạt động"):
        login(database, "lanhdao", CLERK_PASSWORD)
    with database.read() as session:
        actions_ = [r.action for r in session.execute(select(AuditEntry).where(AuditEntry.username == "system")
                                                      .order_by(AuditEntry.seq)).scalars()][-2:]
    assert actions_ == ["user.create", "user.deactivate"]
    database.dispose()


def test_a_demo_database_is_marked_so_it_never_passes_for_a_real_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services.setup import is_demo_database

    database = open_sqlite(tmp_path / "demo.sqlite3").database
    initialize(database, TEST_UNIT, NewUser("admin", "Lò Văn Quản", "admin", "QuanTri@2026"), demo=True)
    assert is_demo_database(database)
    database.dispose()
