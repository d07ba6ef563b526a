"""Reports as use cases: read the unit's settings, run the report in one read transaction, return plain
data or file bytes. Used by the CLI and the dashboard widget; works on a commune and on the hub."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.core.calendar import WorkingCalendar
from counter_app.db.engine import Database
from counter_app.db.models_sync import SyncPeerKey
from counter_app.messages import reports as msg
from counter_app.reports import followups as f
from counter_app.reports import periods as p
from counter_app.reports.bieu06 import GroupBy, ReportOptions, agencies_in, compute_bieu06
from counter_app.reports.dashboard import DashboardFigures, dashboard_figures
from counter_app.reports.document import Bieu06Sheet
from counter_app.reports.followups import FeeLine, HandlerOverdue, ReturningCitizen, SatisfactionLine
from counter_app.reports.header import ReportHeader, header_from_unit
from counter_app.reports.ledger import LedgerLine, ledger_lines
from counter_app.reports.listing import DossierLine
from counter_app.reports.periods import ReportPeriod
from counter_app.services import settings as keys
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import Actor, CounterContext, vn_now
from counter_app.services.settings import get_setting


def report_options(session: Session) -> ReportOptions:
    granularity = get_setting(session, keys.TIMELINESS_GRANULARITY)
    return ReportOptions(granularity="minute" if granularity == "minute" else "day")


def load_dashboard(
    ctx: CounterContext,
    *,
    agency_code: str | None = None,
    cutoff_day: int = p.CALENDAR,
    at: datetime | None = None,
) -> DashboardFigures:
    """The morning dashboard of this unit (or, at the hub, of one commune or all of them)."""
    moment = at or ctx.now()
    calendar = ctx.calendar
    with ctx.db.read() as session:
        stored = get_setting(session, keys.DUE_SOON_WORKING_DAYS)
        soon = 1 if stored is None else int(stored)  # 0 is a real choice: "due today" only
        return dashboard_figures(
            session,
            calendar,
            moment,
            options=report_options(session),
            soon_working_days=soon,
            agency_code=agency_code,
            cutoff_day=cutoff_day,
        )


def commune_names(session: Session) -> dict[str, str]:
    """Names of the communes a hub knows (from their registered keys); empty on a commune."""
    rows = session.execute(
        select(SyncPeerKey.peer_id, SyncPeerKey.peer_name).where(SyncPeerKey.peer_kind == "unit")
    )
    return {peer_id: name for peer_id, name in rows if name}


@dataclass(frozen=True)
class Bieu06Request:
    period: ReportPeriod
    agency_code: str | None = None  # one commune (at the hub); None: everything in the database
    group_by: GroupBy = "field"
    per_commune: bool = False  # at the hub: add one sheet per commune after the overall one


def _allowed(session: Session, actor: Actor | None) -> None:
    """Statistics and lists are for leaders and admins (authz VIEW_REPORTS); None = the system / CLI."""
    if actor is not None:
        require_in_session(session, actor, Permission.VIEW_REPORTS)


def bieu06_sheets(
    db: Database,
    request: Bieu06Request,
    *,
    generated_at: datetime | None = None,
    header: ReportHeader | None = None,
    actor: Actor | None = None,
) -> list[Bieu06Sheet]:
    """The Biểu 06 sheets of a request, ready for bieu06_xlsx / bieu06_pdf."""
    when = generated_at or vn_now()
    with db.read() as session:
        _allowed(session, actor)
        options = report_options(session)
        base = header or header_from_unit(session)
        names = commune_names(session)
        agencies = agencies_in(session, request.period, request.agency_code)
        own = base.agency_code
        if request.agency_code and request.agency_code != own:  # the hub reporting for one commune
            base = base.for_commune(request.agency_code, names.get(request.agency_code))
        report = compute_bieu06(
            session,
            request.period,
            options=options,
            agency_code=request.agency_code,
            group_by=request.group_by,
            agency_names=names,
        )
        sheets = [Bieu06Sheet(report, base, when, msg.SHEET_BIEU06)]
        if request.per_commune and not request.agency_code:
            hub = header or header_from_unit(session)
            for code in agencies:
                one = compute_bieu06(session, request.period, options=options, agency_code=code)
                sheets.append(Bieu06Sheet(one, hub.for_commune(code, names.get(code)), when, code))
    return sheets


def ledger(
    db: Database,
    date_from: date,
    date_to: date,
    *,
    agency_code: str | None = None,
    actor: Actor | None = None,
) -> tuple[list[LedgerLine], ReportHeader]:
    with db.read() as session:
        _allowed(session, actor)
        header = header_from_unit(session)
        if agency_code and agency_code != header.agency_code:
            header = header.for_commune(agency_code, commune_names(session).get(agency_code))
        return ledger_lines(session, date_from, date_to, header=header, agency_code=agency_code), header


@dataclass(frozen=True)
class FollowupLists:
    period: ReportPeriod
    at: datetime
    overdue_by_handler: tuple[HandlerOverdue, ...]
    extended: tuple[DossierLine, ...]
    returning: tuple[ReturningCitizen, ...]
    fees: tuple[FeeLine, ...]
    satisfaction: tuple[SatisfactionLine, ...]
    min_extensions: int = 2
    more_than: int = 2


def followup_lists(
    db: Database,
    calendar: WorkingCalendar,
    period: ReportPeriod,
    *,
    at: datetime,
    agency_code: str | None = None,
    min_extensions: int = 2,
    more_than: int = 2,
    actor: Actor | None = None,
) -> FollowupLists:
    with db.read() as session:
        _allowed(session, actor)
        options = report_options(session)
        return FollowupLists(
            period=period,
            at=at,
            overdue_by_handler=tuple(
                f.overdue_by_handler(session, calendar, at, options=options, agency_code=agency_code)
            ),
            extended=tuple(
                f.repeatedly_extended(session, period, min_extensions=min_extensions, agency_code=agency_code)
            ),
            returning=tuple(
                f.returning_citizens(session, period, more_than=more_than, agency_code=agency_code)
            ),
            fees=tuple(f.fees_collected(session, period, agency_code=agency_code)),
            satisfaction=tuple(f.satisfaction(session, period, agency_code=agency_code)),
            min_extensions=min_extensions,
            more_than=more_than,
        )
