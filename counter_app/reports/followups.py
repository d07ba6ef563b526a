"""Follow-up lists for the leader: who holds the overdue dossiers, dossiers extended again and again,
citizens who had to come back many times, fees collected, and citizens' satisfaction.

Rules (docs/reports.md):
- overdue by handler: the dashboard's overdue rule at `at`; the handler is the last person or office the
  dossier was forwarded to ('' → not yet forwarded);
- extended: dossiers that matter for the period (received before its end, not finished before its
  start) with at least `min_extensions` extensions / re-appointments;
- came back: per citizen (ID number, else folded name + phone) and procedure, dossiers received in the
  period plus the supplement trips (each completed supplement request is one more trip); a citizen
  "came back" trips − 1 times; listed when that is more than `more_than` (2 by default);
- fees: the fee recorded at intake of the dossiers received in the period (money is integer đồng);
- satisfaction: the answers given when the result was returned within the period.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from counter_app.core.calendar import WorkingCalendar
from counter_app.core.states import DossierState
from counter_app.core.text import vn_sort_key
from counter_app.db.models import Dossier
from counter_app.db.types import VN_TZ
from counter_app.messages import reports as msg
from counter_app.reports.bieu06 import ReportOptions, open_outcome, reference_due, relevant_parts
from counter_app.reports.listing import DossierLine, line_select, to_line
from counter_app.reports.periods import ReportPeriod


@dataclass(frozen=True)
class HandlerOverdue:
    handler: str  # '' = not yet forwarded
    dossiers: tuple[DossierLine, ...]

    @property
    def label(self) -> str:
        return self.handler or msg.NO_HANDLER

    @property
    def count(self) -> int:
        return len(self.dossiers)


@dataclass(frozen=True)
class ReturningCitizen:
    applicant_name: str
    id_number: str
    phone: str
    procedure_code: str
    procedure_name: str
    dossiers: int
    supplement_trips: int

    @property
    def trips(self) -> int:
        return self.dossiers + self.supplement_trips

    @property
    def came_back(self) -> int:
        return self.trips - 1


@dataclass(frozen=True)
class FeeLine:
    field: str
    procedure_code: str
    procedure_name: str
    dossiers: int
    amount: int  # đồng


@dataclass(frozen=True)
class SatisfactionLine:
    value: str
    count: int
    share: float

    @property
    def label(self) -> str:
        return msg.SATISFACTION_LABELS.get(self.value, self.value)


def _scope(condition: ColumnElement[bool], agency_code: str | None) -> ColumnElement[bool]:
    return and_(condition, Dossier.agency_code == agency_code) if agency_code else condition


def _received_in(period: ReportPeriod, agency_code: str | None) -> ColumnElement[bool]:
    return _scope(
        and_(Dossier.received_at >= period.start_at, Dossier.received_at < period.end_at), agency_code
    )


def overdue_by_handler(
    session: Session,
    calendar: WorkingCalendar,
    at: datetime,
    *,
    options: ReportOptions | None = None,
    agency_code: str | None = None,
) -> list[HandlerOverdue]:
    """Handlers with overdue dossiers, the most loaded first; each list oldest due date first."""
    options = options or ReportOptions()
    at = at.astimezone(VN_TZ)
    stmt = (
        line_select()
        .where(_scope(Dossier.finished_at.is_(None), agency_code))
        .where(open_outcome(at, options.granularity) == "overdue")
        .order_by(reference_due(), Dossier.code)
    )
    groups: dict[str, list[DossierLine]] = defaultdict(list)
    for row in session.execute(stmt):
        line = to_line(row, calendar, at.date())
        groups[line.handler].append(line)
    result = [HandlerOverdue(h, tuple(lines)) for h, lines in groups.items()]
    result.sort(key=lambda g: (-g.count, vn_sort_key(g.label)))
    return result


def repeatedly_extended(
    session: Session,
    period: ReportPeriod,
    *,
    min_extensions: int = 2,
    agency_code: str | None = None,
) -> list[DossierLine]:
    """Most extensions first. Two index ranges (finished since the start, still open) like Biểu 06."""
    lines = [
        to_line(row)
        for part in relevant_parts(period, agency_code)
        for row in session.execute(line_select().where(part, Dossier.extension_count >= min_extensions))
    ]
    lines.sort(key=lambda x: (-x.extension_count, x.received_at, x.code))
    return lines


def returning_citizens(
    session: Session,
    period: ReportPeriod,
    *,
    more_than: int = 2,
    agency_code: str | None = None,
) -> list[ReturningCitizen]:
    d = Dossier
    person = case(
        (d.applicant_id_number != "", literal("id:") + d.applicant_id_number),
        (d.applicant_phone != "", literal("np:") + d.applicant_name_key + literal("|") + d.applicant_phone),
        else_=None,
    ).label("person")
    # A supplement request still waiting has not brought the citizen back yet.
    trips = d.supplement_count - case((d.state == DossierState.AWAITING_SUPPLEMENT.value, 1), else_=0)
    inner = select(
        person,
        d.procedure_code,
        d.applicant_name,
        d.applicant_id_number,
        d.applicant_phone,
        d.procedure_name,
        d.received_at,
        trips.label("trips"),
    ).where(_received_in(period, agency_code))
    sub = inner.subquery()
    stmt = (
        select(
            sub.c.person,
            sub.c.procedure_code,
            func.count(),
            func.sum(sub.c.trips),
            func.max(sub.c.applicant_name),
            func.max(sub.c.applicant_id_number),
            func.max(sub.c.applicant_phone),
            func.max(sub.c.procedure_name),
        )
        .where(sub.c.person.is_not(None))
        .group_by(sub.c.person, sub.c.procedure_code)
        .having(func.count() + func.sum(sub.c.trips) > more_than + 1)
    )
    result = [
        ReturningCitizen(name, id_number, phone, code, proc_name, int(n), int(extra or 0))
        for _person, code, n, extra, name, id_number, phone, proc_name in session.execute(stmt)
    ]
    result.sort(key=lambda c: (-c.trips, vn_sort_key(c.applicant_name)))
    return result


def fees_collected(
    session: Session, period: ReportPeriod, *, agency_code: str | None = None
) -> list[FeeLine]:
    d = Dossier
    stmt = (
        select(d.field, d.procedure_code, func.max(d.procedure_name), func.count(), func.sum(d.fee))
        .where(_received_in(period, agency_code), d.fee > 0)
        .group_by(d.field, d.procedure_code)
    )
    lines = [
        FeeLine(f, code, name, int(n), int(amount)) for f, code, name, n, amount in session.execute(stmt)
    ]
    lines.sort(key=lambda x: (vn_sort_key(x.field), vn_sort_key(x.procedure_name)))
    return lines


def satisfaction(
    session: Session, period: ReportPeriod, *, agency_code: str | None = None
) -> list[SatisfactionLine]:
    d = Dossier
    returned = _scope(and_(d.returned_at >= period.start_at, d.returned_at < period.end_at), agency_code)
    counts = {
        v: int(n)
        for v, n in session.execute(
            select(d.satisfaction, func.count()).where(returned).group_by(d.satisfaction)
        )
    }
    total = sum(counts.values())
    order = list(msg.SATISFACTION_LABELS) + sorted(set(counts) - set(msg.SATISFACTION_LABELS))
    return [SatisfactionLine(v, counts.get(v, 0), counts.get(v, 0) / total if total else 0.0) for v in order]
