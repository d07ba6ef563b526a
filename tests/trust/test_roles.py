"""Roles are enforced by the services: a clerk calling a leader's or an admin's service is refused, and
nothing changes — not the dossier, not the settings, not even the audit trail."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from counter_app.services import actions, audit, backups, personal_data, unit, users
from counter_app.services.authz import Permission, can
from counter_app.services.catalog import import_catalog_file
from counter_app.services.clock_sanity import confirm_clock
from counter_app.services.errors import PermissionDenied
from counter_app.services.users import NewUser
from tests.conftest import TEST_UNIT, vn
from tests.trust.helpers import db_digest, receive


def _leader_and_admin_services(ctx, received, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Each service a clerk must not reach, as (name, call(actor))."""
    catalog = tmp_path / "catalog.csv"
    catalog.write_text("code,name\n", encoding="utf-8")
    query = personal_data.CitizenQuery(id_number=received.applicant_id_number)
    return [
        ("extend", lambda a: actions.extend(ctx, a, received.code, received.promised_due_at + timedelta(days=3),
                                            "Chờ xác minh", at=vn(2026, 3, 3, 9))),
        ("stop", lambda a: actions.stop(ctx, a, received.code, "Công dân đề nghị", at=vn(2026, 3, 3, 9))),
        ("audit list", lambda a: audit.list_entries(ctx.db, a)),
        ("confirm clock", lambda a: confirm_clock(ctx, a)),
        ("create user", lambda a: users.create_user(ctx.db, NewUser("canbo9", "Vi Văn Chín", "admin",
                                                                    "MatKhau#2026"), actor=a)),
        ("reset password", lambda a: users.reset_password(ctx.db, a, "admin", "MatKhau#2026")),
        ("deactivate", lambda a: users.set_user_active(ctx.db, a, "lanhdao", False)),
        ("role", lambda a: users.change_role(ctx.db, a, "canbo1", "admin")),
        ("unlock", lambda a: users.unlock_user(ctx.db, a, "admin")),
        ("list users", lambda a: users.list_users(ctx.db, a)),
        ("setting", lambda a: unit.change_setting(ctx.db, a, "timeliness.due_soon_working_days", 3)),
        ("calendar", lambda a: unit.change_setting(ctx.db, a, "calendar.culture_day_off", False)),
        ("unit profile", lambda a: unit.update_unit_profile(ctx.db, a, TEST_UNIT)),
        ("catalogue", lambda a: import_catalog_file(ctx.db, catalog, actor=a)),
        ("backup now", lambda a: backups.backup_now(ctx.db, actor=a)),
        ("backup folder", lambda a: backups.set_second_folder(ctx.db, a, tmp_path)),
        ("backup encryption", lambda a: backups.enable_encryption(ctx.db, a, "mot-cau-rat-dai", scrypt_n=2**10)),
        ("export citizen", lambda a: personal_data.export_citizen_data(ctx, a, query, tmp_path / "x.json")),
        ("erase citizen", lambda a: personal_data.erase_citizen_data(ctx, a, query, "Đơn số 1")),
    ]


def test_a_clerk_calling_leader_or_admin_services_is_refused_and_nothing_changes(  # type: ignore[no-untyped-def]
    ctx, clerk, received, tmp_path: Path
) -> None:
    before = db_digest(ctx)
    for name, call in _leader_and_admin_services(ctx, received, tmp_path):
        with pytest.raises(PermissionDenied) as excinfo:
            call(clerk)
        assert "canbo1" in str(excinfo.value) and "không có quyền" in str(excinfo.value), name
        assert db_digest(ctx) == before, name
    assert not list((tmp_path.parent / "backups").glob("backup-*")) and not list(tmp_path.glob("backup-*"))


def test_admin_services_are_refused_to_a_leader_too(ctx, leader, received, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = db_digest(ctx)
    admin_only = [s for s in _leader_and_admin_services(ctx, received, tmp_path)
                  if s[0] not in {"extend", "stop", "audit list", "confirm clock"}]
    for name, call in admin_only:
        with pytest.raises(PermissionDenied):
            call(leader)
        assert db_digest(ctx) == before, name


def test_a_leader_approves_extension_and_stops(ctx, leader, received) -> None:  # type: ignore[no-untyped-def]
    extended = actions.extend(ctx, leader, received.code, received.promised_due_at + timedelta(days=3),
                              "Chờ xác minh", at=vn(2026, 3, 3, 9))
    assert extended.extension_count == 1
    assert actions.stop(ctx, leader, received.code, "Công dân đề nghị", at=vn(2026, 3, 4, 9)).state == "stopped"


def test_the_admin_keeps_the_accounts_but_does_not_receive_or_handle_dossiers(ctx, admin, clerk, received) -> None:  # type: ignore[no-untyped-def]
    for call in (lambda: receive(ctx, admin),
                 lambda: actions.forward(ctx, admin, received.code, "Công chức Tư pháp"),
                 lambda: actions.record_print(ctx, admin, received.code, "mau_01", 1)):
        with pytest.raises(PermissionDenied):
            call()
    assert not can(admin, Permission.RECEIVE) and can(admin, Permission.MANAGE_USERS)
    assert can(clerk, Permission.RECEIVE) and not can(clerk, Permission.APPROVE_EXTENSION)


def test_a_deactivated_account_loses_its_rights_at_once_even_with_a_window_open(ctx, admin, clerk, received) -> None:  # type: ignore[no-untyped-def]
    users.set_user_active(ctx.db, admin, "canbo1", False)
    with pytest.raises(PermissionDenied, match="không còn hoạt động"):
        actions.forward(ctx, clerk, received.code, "Công chức Tư pháp")
    users.set_user_active(ctx.db, admin, "canbo1", True)
    assert actions.forward(ctx, clerk, received.code, "Công chức Tư pháp").state == "forwarded"


def test_a_demoted_account_is_judged_by_its_stored_role_not_the_one_in_memory(ctx, admin, leader, received) -> None:  # type: ignore[no-untyped-def]
    users.change_role(ctx.db, admin, "lanhdao", "clerk")
    with pytest.raises(PermissionDenied):
        actions.stop(ctx, leader, received.code, "Công dân đề nghị")
