"""Due dates of a dossier from its receipt time and the procedure's time limit (domain-vn §3).

- N working days: the same clock time on the N-th counting day after the day of receipt. A receipt
  outside working hours first moves to the start of the next counting session, and then the clock time
  is that session start (received at lunch → 13:30; in the evening → 07:30 of the next working day).
- N calendar days (Civil Code art. 147–148): counted from the day after the (moved) receipt; an end on
  a day off moves to the next counting day; the due time is the close of that day's last session.
- Same day: due at the close of the day of receipt; received after the unit's cut-off (15:00) or on a
  day that does not count → the close of the next counting day.
- Mountainous communes get `limit.mountain_extra_days` more of the same unit (working days for same-day).

`compute_due` is on the hot path (lists, reports, the demo generator): it does a handful of list
look-ups and builds the explanation only when someone reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from counter_app.core import due_explain
from counter_app.core.calendar import DayChange, DayOff, WorkingCalendar
from counter_app.core.time_limits import TimeLimit, TimeUnit
from counter_app.core.tz import VN_TZ, require_aware
from counter_app.messages import calendar as msg

_WORKING_DAYS = TimeUnit.WORKING_DAYS
_CALENDAR_DAYS = TimeUnit.CALENDAR_DAYS


@dataclass(frozen=True)
class DueDate:
    """A computed due date. All datetimes are aware, in Asia/Ho_Chi_Minh.

    `explanation` and `skipped_text` are computed on first access (they are for people, and building
    them for every row of a report would dominate the cost).
    """

    received_at: datetime
    counted_from: datetime  # the receipt moved to working time (equal to received_at inside hours)
    due_at: datetime
    limit: TimeLimit
    mountainous: bool = False
    calendar: WorkingCalendar | None = field(default=None, compare=False, repr=False)

    @classmethod
    def _make(
        cls,
        received_at: datetime,
        counted_from: datetime,
        due_at: datetime,
        limit: TimeLimit,
        mountainous: bool,
        calendar: WorkingCalendar,
    ) -> DueDate:
        """Construct without the frozen-dataclass `__init__` (a third of the hot path's cost)."""
        due = object.__new__(cls)
        due.__dict__.update(
            received_at=received_at, counted_from=counted_from, due_at=due_at, limit=limit,
            mountainous=mountainous, calendar=calendar,
        )
        return due

    @property
    def due_day(self) -> date:
        return self.due_at.date()

    @property
    def receipt_moved(self) -> bool:
        return self.counted_from != self.received_at

    @property
    def extra_days(self) -> int:
        return self.limit.mountain_extra_days if self.mountainous else 0

    @property
    def after_same_day_cutoff(self) -> bool:
        """Same-day limit received after the cut-off on a counting day (so due the next working day)."""
        if self.limit.unit is not TimeUnit.SAME_DAY or self.calendar is None:
            return False
        return (
            self.counted_from.date() == self.received_at.date()
            and self.received_at.time() > self.calendar.same_day_cutoff
        )

    @cached_property
    def skipped_days(self) -> tuple[DayOff, ...]:
        """Days that did not count between the receipt and the due day, with their reasons."""
        return due_explain.skipped_days(self)

    @cached_property
    def skipped_text(self) -> str:
        """'bỏ qua 16/02–20/02/2026: Tết Nguyên đán; 14–15/02, 21–22/02: nghỉ cuối tuần'."""
        return due_explain.format_skipped(self.skipped_days)

    @cached_property
    def explanation(self) -> str:
        """The whole reasoning in Vietnamese, for the clerk's screen and for printing."""
        return due_explain.explain(self)


def compute_due(
    calendar: WorkingCalendar, received_at: datetime, limit: TimeLimit, *, mountainous: bool = False
) -> DueDate:
    """Due date of a dossier received at `received_at` (aware) under `limit`."""
    received = require_aware(received_at, "received_at")
    extra = limit.mountain_extra_days if mountainous else 0
    # The calendar's private fast path: one year-table look-up serves both the move and the count.
    start, start_ordinal, table, offset, skip = calendar._position(received)
    unit = limit.unit
    if unit is _WORKING_DAYS:
        count = limit.value + extra
        if count:
            # Vietnam has had no DST since 1975: adding whole days keeps the clock time.
            due_at = start + _days(calendar._nth_ordinal(table, offset, count + skip) - start_ordinal)
        else:
            due_at = start
    elif unit is _CALENDAR_DAYS:
        due_at = calendar._closing(calendar._add_ordinal(start_ordinal + limit.value + extra, 0))
    else:
        ordinal = start_ordinal
        if not skip and received.time() > calendar.same_day_cutoff:
            ordinal = calendar._nth_ordinal(table, offset, 1)
        if extra:
            ordinal = calendar._add_ordinal(ordinal, extra)
        due_at = calendar._closing(ordinal)
    return DueDate._make(received, start, due_at, limit, mountainous, calendar)


_DAY_STEPS = tuple(timedelta(days=n) for n in range(2048))


def _days(count: int) -> timedelta:
    return _DAY_STEPS[count] if count < 2048 else timedelta(days=count)


def shift_by_working_days(calendar: WorkingCalendar, moment: datetime, days: int) -> datetime:
    """`moment` moved `days` counting days later, keeping its clock time (the pause arithmetic)."""
    local = require_aware(moment, "moment")
    if days == 0:
        return local
    target = calendar.add_working_days(local.date(), days)
    return datetime.combine(target, local.time(), tzinfo=VN_TZ)


@dataclass(frozen=True)
class DueRecomputation:
    """The result of recomputing a due date under a changed calendar.

    The promised date printed on the slip never moves by itself: the service stores `current` only when
    it decides to, and records `summary` as the reason.
    """

    previous: DueDate
    current: DueDate
    calendar_changes: tuple[DayChange, ...]

    @property
    def changed(self) -> bool:
        return self.previous.due_at != self.current.due_at

    @property
    def summary(self) -> str:
        old = msg.fmt_instant(self.previous.due_at)
        new = msg.fmt_instant(self.current.due_at)
        head = (
            msg.RECOMPUTE_CHANGED.format(old=old, new=new)
            if self.changed
            else msg.RECOMPUTE_UNCHANGED.format(due=new)
        )
        if not self.calendar_changes:
            return f"{head} {msg.RECOMPUTE_NO_CALENDAR_CHANGES}"
        changes = "; ".join(change.describe() for change in self.calendar_changes)
        return f"{head} {msg.RECOMPUTE_CALENDAR_CHANGES.format(changes=changes)}"


def recompute_due(previous: DueDate, calendar: WorkingCalendar) -> DueRecomputation:
    """Recompute `previous` (same receipt, limit and commune) under `calendar`, with a human diff.

    The diff lists the calendar days that changed between the receipt and the later of the two due
    days, so the record says why the date moved (or that it did not).
    """
    current = compute_due(calendar, previous.received_at, previous.limit, mountainous=previous.mountainous)
    changes: tuple[DayChange, ...] = ()
    if previous.calendar is not None:
        first = previous.received_at.date()
        last = max(previous.due_day, current.due_day)
        changes = previous.calendar.diff(calendar, first, last)
    return DueRecomputation(previous, current, changes)
