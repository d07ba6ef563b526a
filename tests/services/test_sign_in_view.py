"""The sign-in window's values read without SQLAlchemy agree with the services that own them."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from counter_app.db.bootstrap import open_sqlite
from counter_app.db.errors import NotADatabase
from counter_app.services import demo, settings, setup
from counter_app.services.context import CounterContext
from counter_app.services.setup import initialize, is_demo_database
from counter_app.services.sign_in_view import (
    DEFAULT_NODE_ID_KEY,
    DEMO_KEY,
    DEMO_PASSWORDS,
    SignInView,
    read_sign_in_view,
)
from counter_app.services.unit import default_node_id, update_unit_profile
from counter_app.services.unit_view import current_unit_info
from counter_app.services.users import NewUser
from tests.conftest import ADMIN_PASSWORD, TEST_UNIT


def _from_services(path: Path) -> SignInView:
    database = open_sqlite(path).database
    try:
        node_id = default_node_id(database)
        assert node_id is not None
        return SignInView(node_id, current_unit_info(database).name, is_demo_database(database))
    finally:
        database.dispose()


def test_the_keys_and_demo_accounts_are_the_services_own() -> None:
    assert DEFAULT_NODE_ID_KEY == settings.DEFAULT_NODE_ID and DEMO_KEY == setup.DEMO_SETTING
    assert demo.DEMO_PASSWORDS is DEMO_PASSWORDS


def test_a_set_up_commune_reads_as_the_services_see_it(db_path: Path) -> None:
    view = read_sign_in_view(db_path)
    assert view is not None and view == _from_services(db_path)
    assert view.unit_name == TEST_UNIT.name and view.demo is False


def test_a_renamed_unit_shows_its_newest_name(ctx: CounterContext, admin, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    update_unit_profile(ctx.db, admin, replace(TEST_UNIT, name="Trung tâm Phục vụ hành chính công xã Quang Chiểu"))
    ctx.db.dispose()
    view = read_sign_in_view(db_path)
    assert view is not None and view.unit_name == "Trung tâm Phục vụ hành chính công xã Quang Chiểu"
    assert view == _from_services(db_path)


def test_the_demo_commune_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    database = open_sqlite(path).database
    initialize(database, TEST_UNIT, NewUser("admin", "Lò Văn Quản", "admin", ADMIN_PASSWORD), demo=True)
    database.dispose()
    view = read_sign_in_view(path)
    assert view is not None and view.demo is True and view == _from_services(path)


def test_files_that_need_the_full_start_up_give_nothing(tmp_path: Path, db_path: Path) -> None:
    assert read_sign_in_view(tmp_path / "missing.sqlite3") is None
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert read_sign_in_view(tmp_path / "empty.sqlite3") is None
    not_set_up = tmp_path / "schema-only.sqlite3"
    open_sqlite(not_set_up).database.dispose()  # the first-run wizard was closed before finishing
    assert read_sign_in_view(not_set_up) is None
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    assert read_sign_in_view(db_path) is None  # the full protocol refuses it with its own message


def test_a_file_that_is_not_a_database_is_refused_as_open_sqlite_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite3"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 4096)
    with pytest.raises(NotADatabase) as seen:
        read_sign_in_view(path)
    with pytest.raises(NotADatabase) as expected:
        open_sqlite(path)
    assert str(seen.value) == str(expected.value)
