"""Two processes receiving into one database at the same time never issue the same code."""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from counter_app.db.models import Dossier, DossierEvent

PER_PROCESS = 500


def _receive_loop(db_path: str, code: str, start_barrier, results) -> None:  # type: ignore[no-untyped-def]
    from counter_app.db.bootstrap import open_sqlite
    from counter_app.services.context import CounterContext
    from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
    from counter_app.services.unit import default_node_id
    from counter_app.services.users import get_actor

    database = open_sqlite(Path(db_path)).database
    ctx = CounterContext(database, default_node_id(database) or "")
    actor = get_actor(database, "canbo1")
    codes, errors = [], []
    start_barrier.wait()
    for i in range(PER_PROCESS):
        try:
            result = receive_dossier(ctx, actor, IntakeRequest(code, ApplicantInput(f"Công dân số {i}")))
            codes.append(result.dossier.code)
        except Exception as exc:  # any error surfaced to a clerk is a failure of this test
            errors.append(repr(exc))
    results.put((codes, errors))
    database.dispose()


def test_two_processes_receive_500_each_with_1000_distinct_codes(ctx, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from counter_app.services.catalog import procedures_in_force

    code = procedures_in_force(ctx.db, date.today())[0].code
    mp = multiprocessing.get_context("spawn")
    barrier, results = mp.Barrier(2), mp.Queue()
    workers = [mp.Process(target=_receive_loop, args=(str(db_path), code, barrier, results)) for _ in range(2)]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    all_codes = [c for codes, _ in outcomes for c in codes]
    all_errors = [e for _, errors in outcomes for e in errors]
    assert all_errors == []
    assert len(all_codes) == 2 * PER_PROCESS and len(set(all_codes)) == 2 * PER_PROCESS
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 2 * PER_PROCESS
        assert session.scalar(select(func.count(func.distinct(DossierEvent.node_counter)))) == 2 * PER_PROCESS
