"""The counter's dossier list, read from SQL a page at a time: quick filters, one search box, sorting.

Everything is filtered, sorted and paged by the database, so the list stays fast on a million dossiers
(indexes: db/list_indexes.py). Rows come back as plain frozen data with their due status already
classified (core.timeliness rules), so the screen only maps a status to a colour.

Search: a scanned or typed dossier code matches exactly; 9+ digits match a citizen ID or a phone
number; anything else matches a part of a code, or words of the name (services/name_search.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.core.dossier_code import parse_dossier_code
from counter_app.core.states import IN_PROGRESS, DossierState
from counter_app.core.timeliness import FinishedOutcome, classify_finished
from counter_app.core.tz import VN_TZ
from counter_app.db.models import Dossier
from counter_app.services import settings as keys
from counter_app.services.context import CounterContext
from counter_app.services.name_search import name_condition, newest_page_condition
from counter_app.services.settings import get_setting

PAGE_SIZE = 200


class QuickFilter(StrEnum):
    ALL = "all"
    IN_PROGRESS = "in_progress"  # đang giải quyết
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    RESULT_READY = "result_ready"
    RETURNED = "returned"


class SortKey(StrEnum):
    CODE = "code"
    APPLICANT = "applicant"
    PROCEDURE = "procedure"
    STATE = "state"
    RECEIVED = "received"
    DUE = "due"


class RowStatus(StrEnum):
    """Where a dossier stands against its due date, for colouring a row."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    WITHIN = "within"
    PAUSED = "paused"  # waiting for the citizen's supplement: the clock is stopped
    READY = "ready"
    READY_LATE = "ready_late"
    DONE_EARLY = "done_early"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    CLOSED = "closed"  # refused, stopped or withdrawn


@dataclass(frozen=True, slots=True)
class ListQuery:
    quick_filter: QuickFilter = QuickFilter.ALL
    search: str = ""
    sort: SortKey = SortKey.RECEIVED
    descending: bool = True


@dataclass(frozen=True, slots=True)
class ListRow:
    id: str
    code: str
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    procedure_name: str
    state: DossierState
    received_at: datetime
    current_due_at: datetime | None
    status: RowStatus


@dataclass(frozen=True, slots=True)
class ListPage:
    rows: tuple[ListRow, ...]
    offset: int
    has_more: bool


@dataclass(frozen=True, slots=True)
class DayBounds:
    """The instants that split "overdue / due today / due soon" for the moment `now`."""

    now: datetime
    today_start: datetime
    tomorrow_start: datetime
    soon_end: datetime  # the start of the day after the last "due soon" day
    minute_granularity: bool


def day_bounds(ctx: CounterContext, session: Session, now: datetime | None = None) -> DayBounds:
    now = (now or ctx.now()).astimezone(VN_TZ)
    today = now.date()
    soon_days = int(get_setting(session, keys.DUE_SOON_WORKING_DAYS) or 0)
    horizon = max(ctx.calendar.add_working_days(today, soon_days), today)
    start = datetime.combine(today, time(0), tzinfo=VN_TZ)
    return DayBounds(
        now=now,
        today_start=start,
        tomorrow_start=start + timedelta(days=1),
        soon_end=datetime.combine(horizon + timedelta(days=1), time(0), tzinfo=VN_TZ),
        minute_granularity=get_setting(session, keys.TIMELINESS_GRANULARITY) == "minute",
    )


def _overdue_before(bounds: DayBounds) -> datetime:
    return bounds.now if bounds.minute_granularity else bounds.today_start


def _in_progress() -> ColumnElement[bool]:
    return Dossier.state.in_([s.value for s in IN_PROGRESS])


# The open-dossier filters pick a few thousand rows of a million. Left alone, SQLite walks the sort index
# newest first and tests every row until a page is full: "overdue" took 1.2–10 s on 1M dossiers, as only a
# few hundred match. Written as `+column` (a no-op that hides the column from the planner), the due date and
# the sort key leave it one plan: read the open rows from the (state, received_at) index, then sort them.
_OPEN_FILTERS = frozenset({QuickFilter.IN_PROGRESS, QuickFilter.OVERDUE, QuickFilter.DUE_TODAY, QuickFilter.DUE_SOON})


def _hidden_from_planner(column: Any) -> Any:
    return type_coerce(literal_column(f"+dossiers.{column.name}"), column.type)


def _filter_condition(quick: QuickFilter, bounds: DayBounds, sqlite: bool = False) -> ColumnElement[bool] | None:
    due: Any = _hidden_from_planner(Dossier.current_due_at) if sqlite else Dossier.current_due_at
    if quick is QuickFilter.ALL:
        return None
    if quick is QuickFilter.IN_PROGRESS:
        return _in_progress()
    if quick is QuickFilter.OVERDUE:
        return and_(_in_progress(), due < _overdue_before(bounds))
    if quick is QuickFilter.DUE_TODAY:
        return and_(_in_progress(), due >= _overdue_before(bounds), due < bounds.tomorrow_start)
    if quick is QuickFilter.DUE_SOON:
        return and_(_in_progress(), due >= bounds.tomorrow_start, due < bounds.soon_end)
    return Dossier.state == DossierState(quick.value).value


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _phone_digits(digits: str) -> str:
    return "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits


def search_condition(
    session: Session, text: str, *, sqlite: bool, for_count: bool = False
) -> ColumnElement[bool] | None:
    """The WHERE clause for the search box, or None when it is empty."""
    text = text.strip()
    if not text:
        return None
    parts = parse_dossier_code(text)
    if parts is not None:
        return Dossier.code == parts.code
    compact = "".join(ch for ch in text if not ch.isspace() and ch not in ".-+()")
    rowid = literal_column("dossiers.rowid")
    code_part: ColumnElement[bool] | None = None
    if any(ch.isdigit() for ch in text):  # names have no digits: a piece of a code, "260302-0001"
        code_part = Dossier.code.like(f"%{_escape_like(text.upper())}%", escape="\\")
        if sqlite:  # the unique code index is narrow: scan it for rowids rather than the whole table
            code_part = rowid.in_(
                select(literal_column("rowid")).select_from(Dossier).where(code_part).scalar_subquery()
            )
    if compact.isdigit() and len(compact) >= 9:
        person = or_(
            Dossier.applicant_id_number == compact, Dossier.applicant_phone == _phone_digits(compact)
        )
        return or_(person, code_part) if "-" in text and code_part is not None else person
    if code_part is not None:
        return code_part
    return name_condition(session, text, sqlite=sqlite, for_count=for_count)


def _order_by(query: ListQuery, sqlite: bool) -> list[Any]:
    column: Any = {
        SortKey.CODE: Dossier.code,
        SortKey.APPLICANT: Dossier.applicant_name_key,
        SortKey.PROCEDURE: Dossier.procedure_name,
        SortKey.STATE: Dossier.state,
        SortKey.RECEIVED: Dossier.received_at,
        SortKey.DUE: Dossier.current_due_at,
    }[query.sort]
    if sqlite and query.quick_filter in _OPEN_FILTERS:
        column = _hidden_from_planner(column)
    # A unique tie-breaker keeps offset paging stable; rowid rides along in every SQLite index.
    tie: Any = literal_column("dossiers.rowid") if sqlite else Dossier.id
    if query.descending:
        return [column.desc(), tie.desc()]
    return [column.asc(), tie.asc()]


def row_status(
    state: DossierState,
    current_due_at: datetime | None,
    accountable_due_at: datetime | None,
    finished_at: datetime | None,
    bounds: DayBounds,
) -> RowStatus:
    if state in IN_PROGRESS:
        if current_due_at is None:
            return RowStatus.WITHIN
        if current_due_at < _overdue_before(bounds):
            return RowStatus.OVERDUE
        if current_due_at < bounds.tomorrow_start:
            return RowStatus.DUE_TODAY
        if current_due_at < bounds.soon_end:
            return RowStatus.DUE_SOON
        return RowStatus.WITHIN
    if state is DossierState.AWAITING_SUPPLEMENT:
        return RowStatus.PAUSED
    if state in (DossierState.RESULT_READY, DossierState.RETURNED):
        due = current_due_at or accountable_due_at
        if due is None or finished_at is None:
            return RowStatus.READY if state is DossierState.RESULT_READY else RowStatus.DONE_ON_TIME
        outcome = classify_finished(
            due,
            finished_at,
            promised_due_at=accountable_due_at,
            granularity="minute" if bounds.minute_granularity else "day",
        )
        if state is DossierState.RESULT_READY:
            return RowStatus.READY_LATE if outcome is FinishedOutcome.LATE else RowStatus.READY
        return {
            FinishedOutcome.EARLY: RowStatus.DONE_EARLY,
            FinishedOutcome.ON_TIME: RowStatus.DONE_ON_TIME,
            FinishedOutcome.LATE: RowStatus.DONE_LATE,
        }[outcome]
    return RowStatus.CLOSED


def _name_page(
    session: Session, query: ListQuery, sqlite: bool, limit: int, offset: int
) -> tuple[ColumnElement[bool], bool] | None:
    """The name index's own page for the commonest search: a name, every state, newest first."""
    text = query.search.strip()
    if not (sqlite and text and query.quick_filter is QuickFilter.ALL and query.sort is SortKey.RECEIVED):
        return None
    if parse_dossier_code(text) is not None or any(ch.isdigit() for ch in text):
        return None  # a code, an ID number or a phone: search_condition's other branches
    return newest_page_condition(session, text, descending=query.descending, limit=limit, offset=offset)


def list_page(ctx: CounterContext, query: ListQuery, offset: int = 0, limit: int = PAGE_SIZE) -> ListPage:
    """One page of the list; `has_more` tells the view whether scrolling on may fetch another."""
    sqlite = ctx.db.is_sqlite
    stmt = select(
        Dossier.id,
        Dossier.code,
        Dossier.applicant_name,
        Dossier.applicant_id_number,
        Dossier.applicant_phone,
        Dossier.procedure_name,
        Dossier.state,
        Dossier.received_at,
        Dossier.current_due_at,
        Dossier.accountable_due_at,
        Dossier.finished_at,
    )
    with ctx.db.read() as session:
        bounds = day_bounds(ctx, session)
        name = _name_page(session, query, sqlite, limit + 1, offset)
        if name is not None and name[1]:  # the page's rowids come from the name index, already cut to the page
            stmt = stmt.where(name[0]).order_by(*_order_by(query, sqlite)).limit(limit + 1)
        else:
            searched = name[0] if name is not None else search_condition(session, query.search, sqlite=sqlite)
            conditions = [
                c for c in (_filter_condition(query.quick_filter, bounds, sqlite), searched) if c is not None
            ]
            if conditions:
                stmt = stmt.where(*conditions)
            stmt = stmt.order_by(*_order_by(query, sqlite)).limit(limit + 1).offset(offset)
        result = session.execute(stmt).all()
    rows = tuple(
        ListRow(
            r.id,
            r.code,
            r.applicant_name,
            r.applicant_id_number,
            r.applicant_phone,
            r.procedure_name,
            DossierState(r.state),
            r.received_at,
            r.current_due_at,
            row_status(DossierState(r.state), r.current_due_at, r.accountable_due_at, r.finished_at, bounds),
        )
        for r in result[:limit]
    )
    return ListPage(rows, offset, len(result) > limit)


def filter_counts(ctx: CounterContext, search: str = "") -> dict[QuickFilter, int]:
    """How many dossiers each quick filter shows (with the search applied, if any)."""
    with ctx.db.read() as session:
        bounds = day_bounds(ctx, session)
        condition = search_condition(session, search, sqlite=ctx.db.is_sqlite, for_count=True)
        due = Dossier.current_due_at
        overdue_before = _overdue_before(bounds)
        stmt = select(
            Dossier.state,
            func.count(),
            func.sum(case((due < overdue_before, 1), else_=0)),
            func.sum(case((and_(due >= overdue_before, due < bounds.tomorrow_start), 1), else_=0)),
            func.sum(case((and_(due >= bounds.tomorrow_start, due < bounds.soon_end), 1), else_=0)),
        ).group_by(Dossier.state)
        if condition is None:
            # Count the big "returned" group by subtraction: the index is read only for the other states.
            total = session.execute(select(func.count()).select_from(Dossier)).scalar_one()
            others = [s.value for s in DossierState if s is not DossierState.RETURNED]
            grouped = session.execute(stmt.where(Dossier.state.in_(others))).all()
        else:
            grouped = session.execute(stmt.where(condition)).all()
            total = sum(r[1] for r in grouped)
    counts = dict.fromkeys(QuickFilter, 0)
    counts[QuickFilter.ALL] = total
    by_state: dict[str, int] = {}
    for state, n, overdue, today, soon in grouped:
        by_state[state] = n
        if DossierState(state) in IN_PROGRESS:
            counts[QuickFilter.IN_PROGRESS] += n
            counts[QuickFilter.OVERDUE] += overdue or 0
            counts[QuickFilter.DUE_TODAY] += today or 0
            counts[QuickFilter.DUE_SOON] += soon or 0
    counts[QuickFilter.AWAITING_SUPPLEMENT] = by_state.get(DossierState.AWAITING_SUPPLEMENT.value, 0)
    counts[QuickFilter.RESULT_READY] = by_state.get(DossierState.RESULT_READY.value, 0)
    if condition is None:
        counts[QuickFilter.RETURNED] = total - sum(by_state.values())
    else:
        counts[QuickFilter.RETURNED] = by_state.get(DossierState.RETURNED.value, 0)
    return counts
