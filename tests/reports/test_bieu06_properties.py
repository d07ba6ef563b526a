"""Property: on random dossier histories, recorded through the real services, Biểu 06 counts every dossier
that matters for the period exactly once, in the cell that core.timeliness gives it, and its identities
(3)=(4)+(5)+(6), (7)=(8)+(9)+(10), (11)=(12)+(13), (3)=(7)+(11) hold on every row and the total."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from counter_app.core.states import DossierAction, DossierState, allowed_actions
from counter_app.core.timeliness import classify_finished, is_overdue
from counter_app.db.bootstrap import open_sqlite
from counter_app.db.models import Dossier
from counter_app.db.types import VN_TZ
from counter_app.reports.bieu06 import (
    OUTCOMES,
    SOURCES,
    Bieu06Row,
    ReportOptions,
    classify_dossiers,
    compute_bieu06,
)
from counter_app.reports.periods import ReportPeriod
from counter_app.services import actions
from counter_app.services.context import CounterContext
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_in_session
from counter_app.services.unit import default_node_id
from counter_app.services.users import get_actor

PROCEDURES = (
    "1.004873",
    "2.001019",
    "1.013978",
    "1.001193",
    "XA.DD.28",
)  # 3 wd, 2 wd, 20 wd restart, same day, 30 d
BASE = date(2026, 5, 4)
COMMUNES = ("000.21.27.H56", "000.21.28.H56")

dossier_specs = st.fixed_dictionaries(
    {
        "procedure": st.sampled_from(PROCEDURES),
        "day": st.integers(0, 90),
        "minute": st.integers(6 * 60, 19 * 60),
        "channel": st.sampled_from(("direct", "post", "online")),
        "commune": st.integers(0, 1),
        "steps": st.lists(st.tuples(st.integers(0, 9), st.integers(1, 24 * 9)), max_size=5),
    }
)


def _apply(
    ctx: CounterContext,
    session: Any,
    actor: Any,
    code: str,
    step: tuple[int, int],
    at: datetime,
    state: DossierState,
    current_due: datetime,
) -> Any:
    choice, _hours = step
    possible = allowed_actions(state)
    if not possible:
        return None
    action = possible[choice % len(possible)]
    kw = {"at": at, "session": session}
    if action is DossierAction.FORWARD:
        return actions.forward(ctx, actor, code, "Công chức Tư pháp – Hộ tịch", upward=choice % 2 == 0, **kw)
    if action is DossierAction.REQUEST_SUPPLEMENT:
        return actions.request_supplement(ctx, actor, code, "Thiếu giấy tờ", **kw)
    if action is DossierAction.RECORD_SUPPLEMENT:
        return actions.record_supplement(ctx, actor, code, **kw)
    if action is DossierAction.MARK_RESULT_READY:
        return actions.mark_result_ready(ctx, actor, code, **kw)
    if action is DossierAction.RETURN_RESULT:
        return actions.return_result(ctx, actor, code, "Người nộp hồ sơ", **kw)
    if action is DossierAction.EXTEND:
        return actions.extend(
            ctx, actor, code, current_due + timedelta(days=1 + choice), "Cần xác minh", **kw
        )
    finishing = {
        DossierAction.REFUSE: actions.refuse,
        DossierAction.STOP: actions.stop,
        DossierAction.WITHDRAW: actions.withdraw,
    }[action]
    return finishing(ctx, actor, code, "Lý do", **kw)


def _record(ctx: CounterContext, specs: list[dict[str, Any]]) -> None:
    actor = get_actor(ctx.db, "lanhdao")
    with ctx.db.write() as session:
        for spec in specs:
            day = BASE + timedelta(days=spec["day"])
            at = datetime.combine(day, time(spec["minute"] // 60, spec["minute"] % 60), tzinfo=VN_TZ)
            request = IntakeRequest(
                spec["procedure"], ApplicantInput("Lò Thị Ước", phone="0912345678"), channel=spec["channel"]
            )
            view = receive_in_session(session, ctx, actor, request, at).dossier
            for step in spec["steps"]:
                at += timedelta(hours=step[1])
                after = _apply(
                    ctx,
                    session,
                    actor,
                    view.code,
                    step,
                    at,
                    view.state,
                    view.current_due_at or view.promised_due_at,
                )
                if after is None:
                    break
                view = after
            if spec["commune"]:  # the hub keeps the communes' dossiers in the same tables
                session.execute(update(Dossier).where(Dossier.id == view.id).values(agency_code=COMMUNES[1]))


def _oracle(
    rows: list[Dossier], period: ReportPeriod, options: ReportOptions
) -> dict[str, tuple[str, str, str]]:
    """The cell of each dossier, from the stored rows and core.timeliness, one dossier at a time."""
    cells = {}
    last = period.end_at - timedelta(microseconds=1)
    for d in rows:
        if not (
            d.received_at < period.end_at and (d.finished_at is None or d.finished_at >= period.start_at)
        ):
            continue
        source = (
            "carried" if d.received_at < period.start_at else "online" if d.channel == "online" else "direct"
        )
        current = d.current_due_at or d.accountable_due_at
        reference = min(current, d.accountable_due_at)
        if d.finished_at is not None and d.finished_at < period.end_at:
            if options.withdrawn_on_time and d.state == DossierState.WITHDRAWN.value:
                outcome = "on_time"
            else:
                outcome = classify_finished(
                    current,
                    d.finished_at,
                    promised_due_at=d.accountable_due_at,
                    granularity=options.granularity,
                ).value
        elif d.clock_paused_at is not None and d.clock_paused_at < period.end_at:
            outcome = "overdue" if d.clock_paused_at.date() > reference.date() else "within"
        else:
            late = is_overdue(
                current, last, promised_due_at=d.accountable_due_at, granularity=options.granularity
            )
            outcome = "overdue" if late else "within"
        cells[d.id] = (d.field, source, outcome)
    return cells


def _pivot(cells: dict[str, tuple[str, str, str]]) -> dict[str, tuple[int, ...]]:
    counts = Counter(cells.values())
    fields = {f for f, _, _ in cells.values()}
    out = {}
    for f in fields:
        by_source = {s: sum(counts[(f, s, o)] for o in OUTCOMES) for s in SOURCES}
        by_outcome = {o: sum(counts[(f, s, o)] for s in SOURCES) for o in OUTCOMES}
        row = Bieu06Row(
            f, by_source["online"], by_source["direct"], by_source["carried"], *by_outcome.values()
        )
        out[f] = row.columns()
    return out


def _identities_hold(row: Bieu06Row) -> bool:
    c = row.columns()  # (3) … (13)
    return (
        c[0] == c[1] + c[2] + c[3]
        and c[4] == c[5] + c[6] + c[7]
        and c[8] == c[9] + c[10]
        and c[0] == c[4] + c[8]
    )


@settings(
    max_examples=35, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(
    specs=st.lists(dossier_specs, min_size=1, max_size=10),
    start=st.integers(-5, 110),
    length=st.integers(0, 70),
    granularity=st.sampled_from(("day", "minute")),
    withdrawn_on_time=st.booleans(),
)
def test_every_dossier_is_counted_once_in_the_right_cell(
    template_db: Path,
    specs: list[dict[str, Any]],
    start: int,
    length: int,
    granularity: str,
    withdrawn_on_time: bool,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.sqlite3"
        shutil.copyfile(template_db, path)
        database = open_sqlite(path).database
        try:
            ctx = CounterContext(database, default_node_id(database) or "")
            _record(ctx, specs)
            period = ReportPeriod(BASE + timedelta(days=start), BASE + timedelta(days=start + length))
            options = ReportOptions(granularity=granularity, withdrawn_on_time=withdrawn_on_time)  # type: ignore[arg-type]
            with database.read() as session:
                rows = list(session.execute(select(Dossier)).scalars())
                listed = classify_dossiers(session, period, options=options)
                report = compute_bieu06(session, period, options=options)
                per_commune = [
                    compute_bieu06(session, period, options=options, agency_code=c) for c in COMMUNES
                ]
                by_commune = compute_bieu06(session, period, options=options, group_by="agency")
        finally:
            database.dispose()
    expected = _oracle(rows, period, options)
    assert len({c.dossier_id for c in listed}) == len(listed)  # nobody twice
    assert {c.dossier_id: (c.group, c.source, c.outcome) for c in listed} == expected
    assert {r.label: r.columns() for r in report.rows} == _pivot(expected)
    assert all(_identities_hold(r) for r in (*report.rows, report.total))
    assert report.total.received_total == len(expected)
    assert (
        report.total.columns()
        == tuple(sum(col) for col in zip(*(r.columns() for r in report.rows), strict=True))
        or not report.rows
    )
    summed = tuple(sum(col) for col in zip(*(r.total.columns() for r in per_commune), strict=True))
    assert summed == report.total.columns()
    assert {r.key: r.columns() for r in by_commune.rows} == {
        c: r.total.columns() for c, r in zip(COMMUNES, per_commune, strict=True) if r.total.received_total
    }
