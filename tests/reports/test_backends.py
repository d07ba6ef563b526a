"""The same worked example on each database the program runs on: a commune's SQLite file and, when
COUNTER_TEST_PG_URL is set (CI sets it), a hub's PostgreSQL — the reports' date arithmetic is SQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from counter_app.db.bootstrap import open_sqlite, open_url
from counter_app.db.engine import Database
from counter_app.reports import periods as p
from counter_app.reports.bieu06 import ReportOptions, compute_bieu06, counts_statement
from counter_app.services.context import CounterContext
from counter_app.services.reports import followup_lists, ledger, load_dashboard
from counter_app.services.setup import initialize
from counter_app.services.users import NewUser, create_user, get_actor
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, TEST_UNIT, vn
from tests.reports.scenario import EXPECTED_DAY, EXPECTED_MINUTE, build_example

PG_URL = os.environ.get("COUNTER_TEST_PG_URL", "")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]
JULY_15TH = p.month(2026, 7, 15)


def _postgres() -> Iterator[Database]:
    schema = f"r_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    database = open_url(url.render_as_string(hide_password=False)).database
    try:
        yield database
    finally:
        database.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CounterContext]:
    if request.param == "postgresql":
        databases = _postgres()
        database = next(databases)
    else:
        databases = None
        database = open_sqlite(tmp_path / "c.sqlite3").database
    setup = initialize(database, TEST_UNIT, NewUser("admin", "Lò Văn Quản", "admin", ADMIN_PASSWORD))
    create_user(database, NewUser("canbo1", "Hà Thị Thu Hương", "clerk", CLERK_PASSWORD))
    create_user(database, NewUser("lanhdao", "Phạm Ngọc Ánh", "leader", CLERK_PASSWORD))
    try:
        yield setup.context
    finally:
        if databases is not None:
            next(databases, None)
        else:
            database.dispose()


def test_worked_example_gives_the_same_numbers_on_each_database(fresh: CounterContext) -> None:
    example = build_example(fresh, get_actor(fresh.db, "canbo1"), get_actor(fresh.db, "lanhdao"))
    with fresh.db.read() as session:
        by_day = compute_bieu06(session, JULY_15TH)
        by_minute = compute_bieu06(session, JULY_15TH, options=ReportOptions(granularity="minute"))
    assert {r.label: r.columns() for r in (*by_day.rows, by_day.total)} == EXPECTED_DAY
    assert {r.label: r.columns() for r in (*by_minute.rows, by_minute.total)} == EXPECTED_MINUTE
    morning = vn(2026, 7, 15, 9)
    dashboard = load_dashboard(fresh, at=morning)
    assert (dashboard.overdue, dashboard.due_soon, dashboard.awaiting_supplement) == (2, 1, 2)
    codes = {v: k for k, v in example.codes.items()}
    assert [codes[x.code] for x in dashboard.overdue_list] == ["C", "M"]
    lines, _header = ledger(fresh.db, JULY_15TH.start, JULY_15TH.end)
    d = next(line for line in lines if line.code == example.codes["D"])
    assert (d.transferred_at, d.returned_at) == (vn(2026, 6, 16, 11), vn(2026, 6, 19, 8))
    lists = followup_lists(fresh.db, fresh.calendar, JULY_15TH, at=morning)
    assert sum(f.amount for f in lists.fees) == 5 * 3_000 + 2 * 50_000


def test_sqlite_answers_bieu06_from_the_covering_index_alone(example) -> None:  # type: ignore[no-untyped-def]
    """Without ANALYZE statistics (a commune's file never runs it), both halves of the period's dossiers
    come from ix_dossiers_report: the wide dossier rows are never read (docs/reports.md, performance)."""
    stmt = counts_statement(p.whole_year(2026), ReportOptions(), None, "field")
    with example.ctx.db.read() as session:
        sql = str(stmt.compile(session.bind, compile_kwargs={"literal_binds": True}))
        plan = [row[3] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql))]
    reads = [step for step in plan if step.startswith(("SEARCH dossiers", "SCAN dossiers"))]
    assert len(reads) == 2 and all("COVERING INDEX ix_dossiers_report" in step for step in reads), plan
