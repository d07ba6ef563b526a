"""The figures a commune opens every morning: today's work, what is late, and how the month is going.

The same rules as Biểu 06 (bieu06.open_outcome), applied at this instant:
- overdue: open, and its reference due day has passed — or it is waiting for the citizen but was already
  late when the wait began;
- due today / due soon: open, not waiting for the citizen, not overdue, due today / within the next
  `soon_working_days` working days (the unit's setting);
- the on-time rates are Biểu 06's (Gia Lai formula) for this month and this quarter up to today;
- the chart: received (columns 4 + 5) and the on-time rate of each of the last 12 monthly periods.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from counter_app.core.calendar import WorkingCalendar
from counter_app.core.states import DossierState
from counter_app.db.models import Dossier
from counter_app.db.types import VN_TZ
from counter_app.reports import periods as p
from counter_app.reports.bieu06 import Bieu06Row, ReportOptions, compute_bieu06, open_outcome, reference_due
from counter_app.reports.listing import DossierLine, line_select, to_line
from counter_app.reports.periods import ReportPeriod

OVERDUE_LIST_LIMIT = 500


@dataclass(frozen=True)
class MonthPoint:
    period: ReportPeriod
    received: int  # (4) + (5)
    on_time_rate: float | None


@dataclass(frozen=True)
class DashboardFigures:
    at: datetime
    received_today: int
    due_today: int
    overdue: int
    due_soon: int
    awaiting_supplement: int
    ready_not_collected: int
    month: ReportPeriod
    month_total: Bieu06Row
    quarter: ReportPeriod
    quarter_total: Bieu06Row
    months: tuple[MonthPoint, ...]
    overdue_list: tuple[DossierLine, ...] = field(default=())
    due_today_list: tuple[DossierLine, ...] = field(default=())
    soon_working_days: int = 1

    @property
    def month_rate(self) -> float | None:
        return self.month_total.on_time_rate

    @property
    def quarter_rate(self) -> float | None:
        return self.quarter_total.on_time_rate


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=VN_TZ)


def _scope(condition: ColumnElement[bool], agency_code: str | None) -> ColumnElement[bool]:
    return and_(condition, Dossier.agency_code == agency_code) if agency_code else condition


def _status(at: datetime, options: ReportOptions, soon_until: datetime) -> ColumnElement[Any]:
    """overdue / paused / today / soon / later for a dossier still open at `at`."""
    due = reference_due()
    tomorrow = _day_start(at.date() + timedelta(days=1))
    return case(
        (open_outcome(at, options.granularity) == "overdue", literal("overdue")),
        (Dossier.clock_paused_at.is_not(None), literal("paused")),
        (due < tomorrow, literal("today")),
        (due < soon_until, literal("soon")),
        else_=literal("later"),
    )


def status_counts(
    session: Session,
    calendar: WorkingCalendar,
    at: datetime,
    *,
    options: ReportOptions,
    soon_working_days: int = 1,
    agency_code: str | None = None,
) -> dict[str, int]:
    soon_until = _day_start(calendar.add_working_days(at.date(), soon_working_days) + timedelta(days=1))
    status = _status(at, options, soon_until).label("status")
    inner = select(status).where(_scope(Dossier.finished_at.is_(None), agency_code)).subquery()
    counts = {
        s: int(n) for s, n in session.execute(select(inner.c.status, func.count()).group_by(inner.c.status))
    }
    by_state = (
        select(Dossier.state, func.count())
        .where(
            _scope(
                Dossier.state.in_([DossierState.AWAITING_SUPPLEMENT.value, DossierState.RESULT_READY.value]),
                agency_code,
            )
        )
        .group_by(Dossier.state)
    )
    for state, n in session.execute(by_state):
        counts[state] = int(n)
    today = at.date()
    received = select(func.count()).where(
        _scope(
            and_(
                Dossier.received_at >= _day_start(today),
                Dossier.received_at < _day_start(today + timedelta(days=1)),
            ),
            agency_code,
        )
    )
    counts["received_today"] = int(session.execute(received).scalar_one())
    return counts


def open_list(
    session: Session,
    calendar: WorkingCalendar,
    at: datetime,
    wanted: str,
    *,
    options: ReportOptions,
    agency_code: str | None = None,
    limit: int = OVERDUE_LIST_LIMIT,
    soon_working_days: int = 1,
) -> list[DossierLine]:
    """Open dossiers with the status `wanted` ('overdue', 'today', 'soon', 'paused'), most urgent first."""
    soon_until = _day_start(calendar.add_working_days(at.date(), soon_working_days) + timedelta(days=1))
    stmt = (
        line_select()
        .where(_scope(Dossier.finished_at.is_(None), agency_code))
        .where(_status(at, options, soon_until) == wanted)
        .order_by(reference_due(), Dossier.code)
        .limit(limit)
    )
    return [to_line(row, calendar, at.date()) for row in session.execute(stmt)]


def month_points(
    session: Session,
    today: date,
    *,
    options: ReportOptions,
    agency_code: str | None = None,
    cutoff_day: int = p.CALENDAR,
    count: int = 12,
) -> list[MonthPoint]:
    points = []
    for period in p.last_months(today, count, cutoff_day):
        total = compute_bieu06(session, period, options=options, agency_code=agency_code).total
        points.append(MonthPoint(period, total.received_in_period, total.on_time_rate))
    return points


def dashboard_figures(
    session: Session,
    calendar: WorkingCalendar,
    at: datetime,
    *,
    options: ReportOptions | None = None,
    soon_working_days: int = 1,
    agency_code: str | None = None,
    cutoff_day: int = p.CALENDAR,
) -> DashboardFigures:
    options = options or ReportOptions()
    at = at.astimezone(VN_TZ)
    today = at.date()
    counts = status_counts(
        session, calendar, at, options=options, soon_working_days=soon_working_days, agency_code=agency_code
    )
    month = p.month_containing(today, cutoff_day).until(today)
    quarter = p.quarter_containing(today, cutoff_day).until(today)
    common: dict[str, Any] = {"options": options, "agency_code": agency_code}
    return DashboardFigures(
        at=at,
        received_today=counts.get("received_today", 0),
        due_today=counts.get("today", 0),
        overdue=counts.get("overdue", 0),
        due_soon=counts.get("soon", 0),
        awaiting_supplement=counts.get(DossierState.AWAITING_SUPPLEMENT.value, 0),
        ready_not_collected=counts.get(DossierState.RESULT_READY.value, 0),
        month=month,
        month_total=compute_bieu06(session, month, **common).total,
        quarter=quarter,
        quarter_total=compute_bieu06(session, quarter, **common).total,
        months=tuple(month_points(session, today, cutoff_day=cutoff_day, **common)),
        overdue_list=tuple(
            open_list(session, calendar, at, "overdue", soon_working_days=soon_working_days, **common)
        ),
        due_today_list=tuple(
            open_list(session, calendar, at, "today", soon_working_days=soon_working_days, **common)
        ),
        soon_working_days=soon_working_days,
    )
