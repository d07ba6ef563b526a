"""Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP): received, resolved and open dossiers of a period, computed
by the database in one GROUP BY (docs/reports.md states every rule; domain-vn §3.5 and §5).

Each dossier that matters for the period — received before its end and not finished before its start —
gets exactly one *source* and exactly one *outcome*, both computed by CASE expressions:

- source: `carried` (received before the start: column 6), else `online` (4), else `direct` (5);
- outcome: if finished before the end (result ready, refused, stopped, withdrawn: `finished_at`),
  `early` / `on_time` / `late` (8–10) against the accountable due date — a withdrawal counts as on time
  (Thanh Hóa, §3.5); otherwise `within` / `overdue` (12–13) at the end of the period — a dossier
  waiting for the citizen at the end is within time unless it was already late when the wait began.

So (3) = (4)+(5)+(6), (7) = (8)+(9)+(10), (11) = (12)+(13) and (3) = (7)+(11) hold by construction, and
the same expressions serve the per-dossier listing that the tests compare with core.timeliness.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from counter_app.core.states import DossierState
from counter_app.core.text import vn_sort_key
from counter_app.core.timeliness import Granularity
from counter_app.db.models import Dossier
from counter_app.db.types import VN_TZ
from counter_app.messages import reports as msg
from counter_app.reports.periods import ReportPeriod
from counter_app.reports.sqlfuncs import minute_of, vn_date

GroupBy = Literal["field", "agency"]
SOURCES = ("online", "direct", "carried")
FINISHED_OUTCOMES = ("early", "on_time", "late")
OPEN_OUTCOMES = ("within", "overdue")
OUTCOMES = FINISHED_OUTCOMES + OPEN_OUTCOMES


@dataclass(frozen=True)
class ReportOptions:
    """How timeliness is judged. The defaults follow the production reports (domain-vn §3.5)."""

    granularity: Granularity = "day"
    withdrawn_on_time: bool = True  # Thanh Hóa counts "xin rút" as on time


@dataclass(frozen=True)
class Bieu06Row:
    label: str
    received_online: int = 0  # (4)
    received_direct: int = 0  # (5) trực tiếp, dịch vụ bưu chính
    carried_over: int = 0  # (6) từ kỳ trước
    early: int = 0  # (8)
    on_time: int = 0  # (9)
    late: int = 0  # (10)
    within: int = 0  # (12)
    overdue: int = 0  # (13)
    key: str = ""  # the field or agency code behind the label

    @property
    def received_total(self) -> int:  # (3)
        return self.received_online + self.received_direct + self.carried_over

    @property
    def resolved(self) -> int:  # (7)
        return self.early + self.on_time + self.late

    @property
    def open(self) -> int:  # (11)
        return self.within + self.overdue

    @property
    def received_in_period(self) -> int:  # (4) + (5): the volume of the period
        return self.received_online + self.received_direct

    def columns(self) -> tuple[int, ...]:
        """Columns (3) to (13) in the order of the form."""
        return (
            self.received_total,
            self.received_online,
            self.received_direct,
            self.carried_over,
            self.resolved,
            self.early,
            self.on_time,
            self.late,
            self.open,
            self.within,
            self.overdue,
        )

    @property
    def on_time_rate(self) -> float | None:
        """Gia Lai formula (§3.5): 1 − (late resolved + overdue open) / dossiers to handle; None if none."""
        total = self.received_total
        return None if total == 0 else (total - self.late - self.overdue) / total

    @property
    def resolved_on_time_rate(self) -> float | None:
        """Share of the resolved dossiers that were resolved early or on time."""
        return None if self.resolved == 0 else (self.early + self.on_time) / self.resolved


@dataclass(frozen=True)
class Bieu06Report:
    period: ReportPeriod
    rows: tuple[Bieu06Row, ...]
    total: Bieu06Row
    group_by: GroupBy = "field"
    agency_code: str | None = None
    options: ReportOptions = field(default_factory=ReportOptions)


@dataclass(frozen=True)
class ClassifiedDossier:
    dossier_id: str
    group: str
    source: str
    outcome: str


def reference_due() -> ColumnElement[Any]:
    """The date a dossier is judged against: core.timeliness uses min(current, accountable)."""
    d = Dossier
    return case(
        (and_(d.current_due_at.is_not(None), d.current_due_at < d.accountable_due_at), d.current_due_at),
        else_=d.accountable_due_at,
    )


def _finished_outcome(options: ReportOptions) -> ColumnElement[Any]:
    d = Dossier
    due = reference_due()
    whens: list[tuple[ColumnElement[bool], Any]] = []
    if options.withdrawn_on_time:
        whens.append((d.state == DossierState.WITHDRAWN.value, literal("on_time")))
    if options.granularity == "minute":
        whens.append((minute_of(d.finished_at) > minute_of(due), literal("late")))
    finished_day, due_day = vn_date(d.finished_at), vn_date(due)
    whens += [(finished_day < due_day, literal("early")), (finished_day == due_day, literal("on_time"))]
    return case(*whens, else_=literal("late"))


def overdue_bound(at: datetime, granularity: Granularity) -> datetime:
    """An open dossier is overdue at `at` iff its reference due date is before this instant.

    Day granularity: the due day is before the day of `at` (core.timeliness.is_overdue); minute
    granularity: the due minute is before the minute of `at`.
    """
    local = at.astimezone(VN_TZ)  # days are the counter's days, whatever zone the caller used
    if granularity == "minute":
        return local.replace(second=0, microsecond=0)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def open_outcome(at: datetime, granularity: Granularity) -> ColumnElement[Any]:
    """Within time / overdue of a dossier still open at the instant `at` (the end of a period, or now)."""
    d = Dossier
    due = reference_due()
    paused = and_(d.clock_paused_at.is_not(None), d.clock_paused_at <= at)
    late_when_paused = vn_date(d.clock_paused_at) > vn_date(due)
    return case(
        (and_(paused, late_when_paused), literal("overdue")),
        (paused, literal("within")),
        (due < overdue_bound(at, granularity), literal("overdue")),
        else_=literal("within"),
    )


def _last_instant(period: ReportPeriod) -> datetime:
    return period.end_at - timedelta(microseconds=1)


def _group_column(group_by: GroupBy) -> ColumnElement[Any]:
    return Dossier.agency_code if group_by == "agency" else Dossier.field


def relevant(period: ReportPeriod, agency_code: str | None = None) -> ColumnElement[bool]:
    """Received before the end of the period and not finished before its start."""
    return or_(*relevant_parts(period, agency_code))


def relevant_parts(period: ReportPeriod, agency_code: str | None = None) -> tuple[ColumnElement[bool], ...]:
    """`relevant` as two disjoint conditions — finished since the start, still open — each of which an
    index on finished_at answers directly (SQLite will not split an OR across indexes by itself)."""
    d = Dossier
    scope = [d.received_at < period.end_at]
    if agency_code:
        scope.append(d.agency_code == agency_code)
    return and_(d.finished_at >= period.start_at, *scope), and_(d.finished_at.is_(None), *scope)


def _source_and_outcome(period: ReportPeriod, options: ReportOptions) -> tuple[ColumnElement[Any], ...]:
    d = Dossier
    source = case(
        (d.received_at < period.start_at, literal("carried")),
        (d.channel == "online", literal("online")),
        else_=literal("direct"),
    )
    finished = and_(d.finished_at.is_not(None), d.finished_at < period.end_at)
    outcome = case(
        (finished, _finished_outcome(options)),
        else_=open_outcome(_last_instant(period), options.granularity),
    )
    return source.label("source"), outcome.label("outcome")


def counts_statement(
    period: ReportPeriod, options: ReportOptions, agency_code: str | None, group_by: GroupBy
) -> Select[Any]:
    group = _group_column(group_by).label("grp")
    source, outcome = _source_and_outcome(period, options)
    finished, still_open = relevant_parts(period, agency_code)
    inner = union_all(
        select(group, source, outcome).where(finished), select(group, source, outcome).where(still_open)
    ).subquery()
    return select(inner.c.grp, inner.c.source, inner.c.outcome, func.count()).group_by(
        inner.c.grp, inner.c.source, inner.c.outcome
    )


def build_row(label: str, cells: dict[tuple[str, str], int], key: str = "") -> Bieu06Row:
    by_source = {s: sum(cells.get((s, o), 0) for o in OUTCOMES) for s in SOURCES}
    by_outcome = {o: sum(cells.get((s, o), 0) for s in SOURCES) for o in OUTCOMES}
    return Bieu06Row(
        label=label,
        received_online=by_source["online"],
        received_direct=by_source["direct"],
        carried_over=by_source["carried"],
        early=by_outcome["early"],
        on_time=by_outcome["on_time"],
        late=by_outcome["late"],
        within=by_outcome["within"],
        overdue=by_outcome["overdue"],
        key=key,
    )


def _row_label(key: str, group_by: GroupBy, names: dict[str, str]) -> str:
    if group_by == "agency":
        return names.get(key, key)
    return key or msg.NO_FIELD


def compute_bieu06(
    session: Session,
    period: ReportPeriod,
    *,
    options: ReportOptions | None = None,
    agency_code: str | None = None,
    group_by: GroupBy = "field",
    agency_names: dict[str, str] | None = None,
    all_groups: Iterable[str] = (),
) -> Bieu06Report:
    """The report of `period`: one row per field (or per commune at the hub) and the total row.

    `all_groups` lists groups to show even with no dossier (e.g. every field of the catalogue).
    """
    options = options or ReportOptions()
    cells: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for group, source, outcome, count in session.execute(
        counts_statement(period, options, agency_code, group_by)
    ):
        cells[group or ""][(source, outcome)] = int(count)
    for group in all_groups:
        cells.setdefault(group, {})
    names = agency_names or {}
    rows = [build_row(_row_label(key, group_by, names), c, key) for key, c in cells.items()]
    rows.sort(key=lambda r: vn_sort_key(r.label))
    total_cells: dict[tuple[str, str], int] = defaultdict(int)
    for c in cells.values():
        for k, v in c.items():
            total_cells[k] += v
    return Bieu06Report(
        period, tuple(rows), build_row(msg.TOTAL_ROW, total_cells), group_by, agency_code, options
    )


def agencies_in(session: Session, period: ReportPeriod, agency_code: str | None = None) -> tuple[str, ...]:
    stmt = select(Dossier.agency_code).where(relevant(period, agency_code)).distinct()
    return tuple(sorted(code for (code,) in session.execute(stmt)))


def classify_dossiers(
    session: Session,
    period: ReportPeriod,
    *,
    options: ReportOptions | None = None,
    agency_code: str | None = None,
    group_by: GroupBy = "field",
) -> list[ClassifiedDossier]:
    """Every dossier the report counts, with the cell it lands in (for audits and the tests)."""
    options = options or ReportOptions()
    source, outcome = _source_and_outcome(period, options)
    stmt = select(Dossier.id, _group_column(group_by), source, outcome).where(relevant(period, agency_code))
    return [ClassifiedDossier(i, g or "", s, o) for i, g, s, o in session.execute(stmt)]
