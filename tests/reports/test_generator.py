"""The benchmark generator writes a database the application reads as its own (the benchmarks of reports,
sync and packaging rely on it): the real schema, stored formats the ORM parses, several communes."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from benchmarks.generate_db import generate
from counter_app.core.states import DossierState
from counter_app.db.bootstrap import integrity_check, open_sqlite
from counter_app.db.models import Dossier, DossierEvent
from counter_app.reports import periods as p
from counter_app.reports.bieu06 import compute_bieu06


def test_generated_database_is_read_by_the_application(tmp_path: Path) -> None:
    result = generate(tmp_path / "gen.sqlite3", dossiers=1500, years=2, procedures=60, communes=3, progress=False)
    database = open_sqlite(result.path).database
    try:
        assert integrity_check(database) == []
        with database.read() as session:
            assert session.execute(select(func.count()).select_from(Dossier)).scalar_one() == 1500
            assert session.execute(select(func.count(func.distinct(Dossier.agency_code)))).scalar_one() == 3
            assert session.execute(select(func.count()).select_from(DossierEvent)).scalar_one() == result.events
            states = {s for (s,) in session.execute(select(Dossier.state).distinct())}
            assert {DossierState.RETURNED.value, DossierState.RESULT_READY.value} <= states
            one = session.execute(select(Dossier).limit(1)).scalar_one()
            assert one.received_at.tzinfo is not None and one.promised_due_at >= one.received_at
            reports = [compute_bieu06(session, p.whole_year(2026, p.CALENDAR), agency_code=code)
                       for code in result.agency_codes]
            everyone = compute_bieu06(session, p.whole_year(2026, p.CALENDAR))
        assert sum(r.total.received_total for r in reports) == everyone.total.received_total > 0
    finally:
        database.dispose()
