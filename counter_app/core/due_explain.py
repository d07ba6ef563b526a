"""The Vietnamese explanation of a due date: which days were skipped and why.

Named days off (holidays, notices) are written with their year, grouped by name, in date order:
"16/02–20/02/2026: Tết Nguyên đán". Weekends come last and compact: "14–15/02, 21–22/02: nghỉ cuối tuần".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from counter_app.core.calendar import DayOff, DayOffCategory
from counter_app.core.time_limits import TimeUnit
from counter_app.messages import calendar as msg

if TYPE_CHECKING:
    from counter_app.core.due_dates import DueDate

_MAX_WEEKEND_RANGES = 4  # beyond this a list of weekends is noise: give the count instead
_ONE_DAY = timedelta(days=1)


def _ranges(days: Iterable[date]) -> list[tuple[date, date]]:
    result: list[tuple[date, date]] = []
    for day in days:
        if result and result[-1][1] + _ONE_DAY == day:
            result[-1] = (result[-1][0], day)
        else:
            result.append((day, day))
    return result


def format_skipped(days: Iterable[DayOff]) -> str:
    """'bỏ qua 16/02–20/02/2026: Tết Nguyên đán; 14–15/02, 21–22/02: nghỉ cuối tuần' (or a 'none' text)."""
    by_label: dict[str, list[date]] = {}
    weekends: list[date] = []
    for item in sorted(days, key=lambda d: d.day):
        if item.category is DayOffCategory.WEEKEND:
            weekends.append(item.day)
        else:
            by_label.setdefault(item.label, []).append(item.day)
    groups = [
        msg.SKIPPED_GROUP.format(
            ranges=", ".join(msg.fmt_full_range(first, last) for first, last in _ranges(label_days)),
            label=label,
        )
        for label, label_days in by_label.items()
    ]
    if weekends:
        weekend_ranges = _ranges(weekends)
        if len(weekend_ranges) > _MAX_WEEKEND_RANGES:
            groups.append(msg.WEEKEND_COUNT.format(count=len(weekends)))
        else:
            ranges = ", ".join(msg.fmt_short_range(first, last) for first, last in weekend_ranges)
            groups.append(msg.SKIPPED_GROUP.format(ranges=ranges, label=msg.WEEKEND_LABEL))
    if not groups:
        return msg.NOTHING_SKIPPED
    return msg.SKIPPED_PREFIX + msg.SKIPPED_SEPARATOR.join(groups)


def skipped_days(due: DueDate) -> tuple[DayOff, ...]:
    """Days that did not count and that the computation stepped over.

    Working days and same day: every day off from the day of receipt to the due day. Calendar days:
    only the days off at the end, which pushed the due date to the next counting day.
    """
    calendar = due.calendar
    if calendar is None:
        return ()
    if due.limit.unit is TimeUnit.CALENDAR_DAYS:
        first = _nominal_end(due)
    else:
        first = due.received_at.date()
    return tuple(calendar.days_off(first, due.due_day))


def _nominal_end(due: DueDate) -> date:
    return due.counted_from.date() + timedelta(days=due.limit.value + due.extra_days)


def describe_limit(due: DueDate) -> str:
    limit = due.limit
    if limit.unit is TimeUnit.WORKING_DAYS:
        base = msg.LIMIT_WORKING_DAYS.format(n=limit.value)
        extra = msg.MOUNTAIN_EXTRA_WORKING.format(n=due.extra_days)
    elif limit.unit is TimeUnit.CALENDAR_DAYS:
        base = msg.LIMIT_CALENDAR_DAYS.format(n=limit.value)
        extra = msg.MOUNTAIN_EXTRA_CALENDAR.format(n=due.extra_days)
    else:
        base = msg.LIMIT_SAME_DAY
        extra = msg.MOUNTAIN_EXTRA_WORKING.format(n=due.extra_days)
    if due.extra_days:
        return msg.LIMIT_MOUNTAIN.format(base=base, extra=extra)
    return base


def explain(due: DueDate) -> str:
    """Receipt, rule, due date and skipped days, as sentences."""
    calendar = due.calendar
    parts: list[str] = []
    if due.receipt_moved:
        parts.append(
            msg.RECEIVED_OUTSIDE_HOURS.format(
                instant=msg.fmt_instant(due.received_at), start=msg.fmt_instant(due.counted_from)
            )
        )
    else:
        parts.append(msg.RECEIVED.format(instant=msg.fmt_instant(due.received_at)))
    limit_text = describe_limit(due)
    unit = due.limit.unit
    if unit is TimeUnit.WORKING_DAYS:
        total = due.limit.value + due.extra_days
        day_text = msg.fmt_day(due.counted_from.date())
        if total == 0:
            parts.append(msg.RULE_WORKING_DAYS_ZERO.format(limit=limit_text, day=day_text))
        else:
            parts.append(
                msg.RULE_WORKING_DAYS.format(
                    limit=limit_text, day=day_text, clock=msg.fmt_time(due.counted_from), n=total
                )
            )
    elif unit is TimeUnit.CALENDAR_DAYS:
        nominal_end = _nominal_end(due)
        parts.append(
            msg.RULE_CALENDAR_DAYS.format(
                limit=limit_text,
                first=msg.fmt_date(due.counted_from.date() + _ONE_DAY),
                last=msg.fmt_day(nominal_end),
            )
        )
        if nominal_end != due.due_day:
            parts.append(msg.RULE_CALENDAR_END_MOVED.format(last=msg.fmt_date(nominal_end)))
    else:
        parts.append(msg.RULE_SAME_DAY)
        if due.after_same_day_cutoff and calendar is not None:
            parts.append(msg.RULE_SAME_DAY_AFTER_CUTOFF.format(cutoff=msg.fmt_time(calendar.same_day_cutoff)))
        elif due.counted_from.date() != due.received_at.date():
            parts.append(msg.RULE_SAME_DAY_OUTSIDE_HOURS)
        if due.extra_days:
            extra = msg.MOUNTAIN_EXTRA_WORKING.format(n=due.extra_days)
            parts.append(msg.RULE_SAME_DAY_MOUNTAIN.format(extra=extra))
    if calendar is not None and unit is not TimeUnit.CALENDAR_DAYS:
        extra_days = [
            msg.COUNTED_EXTRA_DAY.format(day=msg.fmt_day(day), name=name)
            for day in calendar.iter_counting_days(due.counted_from.date(), due.due_day)
            if (name := calendar.extra_working_day(day)) is not None
        ]
        if extra_days:
            parts.append(msg.COUNTED_EXTRA_DAYS.format(days=", ".join(extra_days)))
    parts.append(msg.DUE_LINE.format(instant=msg.fmt_instant(due.due_at), skipped=due.skipped_text))
    return " ".join(parts)
