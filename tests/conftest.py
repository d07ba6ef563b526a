"""Shared fixtures: a real SQLite file per test, copied from a template built once per session."""

from __future__ import annotations

import gc
import os
import shutil
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from counter_app.db.bootstrap import open_sqlite  # noqa: E402
from counter_app.db.types import VN_TZ  # noqa: E402
from counter_app.services.context import Actor, CounterContext  # noqa: E402
from counter_app.services.setup import initialize  # noqa: E402
from counter_app.services.unit import UnitInfo, default_node_id  # noqa: E402
from counter_app.services.users import NewUser, create_user, get_actor  # noqa: E402

TEST_UNIT = UnitInfo(
    agency_code="000.21.27.H56",
    name="Trung tâm Phục vụ hành chính công xã Mường Lát",
    parent_body="UBND xã Mường Lát",
    province="Thanh Hóa",
    upper_office_name="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa",
    mountainous=False,
    address="Bản Xim, xã Mường Lát",
    phone="0237 3890 123",
    place_name="Mường Lát",
)
ADMIN_PASSWORD = "QuanTri@2026"
CLERK_PASSWORD = "TiepNhan@2026"


@pytest.fixture(scope="session", autouse=True)
def _garbage_collected_on_the_main_thread():  # type: ignore[no-untyped-def]
    """As in the app (counter_app/ui/gc_guard.py): a collection started by a worker thread may free a Qt
    object left over from an earlier test off its thread, and crash the whole run."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test():  # type: ignore[no-untyped-def]
    yield
    from counter_app.ui.gc_guard import collect_if_due

    collect_if_due()


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "counter.sqlite3"
    database = open_sqlite(path).database
    initialize(database, TEST_UNIT, NewUser("admin", "Lò Văn Quản", "admin", ADMIN_PASSWORD))
    create_user(database, NewUser("canbo1", "Hà Thị Thu Hương", "clerk", CLERK_PASSWORD))
    create_user(database, NewUser("lanhdao", "Phạm Ngọc Ánh", "leader", CLERK_PASSWORD))
    database.dispose()  # the last connection to close checkpoints the WAL into the main file
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "counter.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def ctx(db_path: Path):  # type: ignore[no-untyped-def]
    database = open_sqlite(db_path).database
    node_id = default_node_id(database)
    assert node_id is not None
    yield CounterContext(database, node_id)
    database.dispose()


@pytest.fixture
def clerk(ctx: CounterContext) -> Actor:
    return get_actor(ctx.db, "canbo1")


@pytest.fixture
def leader(ctx: CounterContext) -> Actor:
    return get_actor(ctx.db, "lanhdao")


@pytest.fixture
def admin(ctx: CounterContext) -> Actor:
    return get_actor(ctx.db, "admin")
