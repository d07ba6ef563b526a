"""Real communes and real hubs for sync tests: SQLite copies of the set-up template, each with its own unit
code and workstation node; hubs on SQLite and, when COUNTER_TEST_PG_URL is set, on PostgreSQL (a fresh
schema per test, dropped afterwards)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counter_app.db.bootstrap import open_sqlite, open_url
from counter_app.db.engine import Database
from counter_app.services.catalog import procedures_in_force
from counter_app.services.context import Actor, CounterContext, vn_now
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from counter_app.services.sync_status import import_hub_identity
from counter_app.services.unit import UnitInfo, save_unit_profile, take_new_node_identity
from counter_app.services.users import get_actor
from counter_app.sync.hub import init_hub, write_identity_file
from counter_app.sync.hub_import import Workspace
from tests.conftest import vn

PG_URL = os.environ.get("COUNTER_TEST_PG_URL", "")
HUB_BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


@dataclass
class Commune:
    """A commune database; its clock starts at the real time of the test (intake refuses a clock set back)
    and only moves when a test moves it."""

    ctx: CounterContext
    clerk: Actor
    code: str
    name: str
    started: datetime

    def set_now(self, moment: datetime) -> None:
        self.ctx.now = lambda: moment

    def receive(self, name: str = "Lò Thị Mai", at: datetime | None = None, procedure: str | None = None,
                id_number: str = ""):  # type: ignore[no-untyped-def]
        code = procedure or default_procedure(self.ctx)
        request = IntakeRequest(code, ApplicantInput(name, id_number=id_number, phone="0912345678",
                                                     address="Bản Xim"))
        return receive_dossier(self.ctx, self.clerk, request, at=at or vn(2026, 3, 2, 9)).dossier


def default_procedure(ctx: CounterContext) -> str:
    return next(p.code for p in procedures_in_force(ctx.db, date(2026, 3, 1))
                if p.time_unit == "working_days" and p.time_value >= 3 and p.clock_mode == "pause")


def make_commune(template: Path, folder: Path, code: str, name: str) -> Commune:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code}.sqlite3"
    shutil.copyfile(template, path)
    database = open_sqlite(path).database
    with database.write() as session:
        save_unit_profile(session, UnitInfo(
            agency_code=code, name=name, parent_body=f"UBND {name}", province="Thanh Hóa",
            upper_office_name="Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa"))
        node_id = take_new_node_identity(session, vn(2026, 1, 5, 8)).new_node_id  # copies must not share it
    started = vn_now().replace(microsecond=0)
    ctx = CounterContext(database, node_id, now=lambda: started)
    return Commune(ctx, get_actor(database, "canbo1"), code, name, started)


@dataclass
class Hub:
    db: Database
    workspace: Workspace
    identity_file: Path
    backend: str


def _pg_database() -> Iterator[Database]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    result = open_url(url.render_as_string(hide_password=False))
    try:
        yield result.database
    finally:
        result.database.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def make_hub(backend: str, folder: Path, hub_id: str = "HUB.THANHHOA") -> Iterator[Hub]:
    folder.mkdir(parents=True, exist_ok=True)
    if backend == "postgresql":
        databases = _pg_database()
        database = next(databases)
    else:
        databases = None
        database = open_sqlite(folder / "hub.sqlite3").database
    init_hub(database, hub_id, "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa", now=vn(2026, 1, 5, 8))
    identity = write_identity_file(database, folder)
    try:
        yield Hub(database, Workspace(folder / "workspace"), identity, backend)
    finally:
        if databases is not None:
            next(databases, None)
        else:
            database.dispose()


@pytest.fixture(params=HUB_BACKENDS)
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hub]:
    yield from make_hub(request.param, tmp_path / "hub")


@pytest.fixture
def sqlite_hub(tmp_path: Path) -> Iterator[Hub]:
    yield from make_hub("sqlite", tmp_path / "hub")


@pytest.fixture
def commune_factory(template_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    made: list[Commune] = []

    def make(code: str = "000.21.27.H56", name: str = "xã Mường Lát", hub: Hub | None = None) -> Commune:
        commune = make_commune(template_db, tmp_path / "communes", code, name)
        if hub is not None:
            import_hub_identity(commune.ctx, hub.identity_file)
        made.append(commune)
        return commune

    yield make
    for commune in made:
        commune.ctx.db.dispose()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path
