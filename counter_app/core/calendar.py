"""The Vietnamese working calendar: which days count towards a time limit, and when the office is open.

A day counts when, in this order of precedence:
1. the override table says so (`work`) or says it does not (`off`) — the yearly government notices,
   làm bù Saturdays, local days; a later override for the same date replaces an earlier one;
2. otherwise it is not a national holiday (`holidays.Vietnam(language="vi")`; 24/11 only when
   `culture_day_off`), or it is a weekend day the holidays library lists as worked (a swap);
3. otherwise its weekday is one of the unit's counting weekdays (Monday–Friday by default).

Performance: each year is turned once, lazily, into a list of counting-day ordinals and a prefix count,
so "the N-th working day after D" is two list look-ups. The calendar never changes after creation;
the per-year tables are a cache filled on first use (a racing duplicate build gives the same result).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path

import holidays

from counter_app.core.calendar_data import (
    CalendarConfigError,
    CalendarFileError,
    CalendarOverride,
    OverrideKind,
    Session,
    WeeklySessions,
    format_overrides,
    parse_overrides,
    read_overrides,
)
from counter_app.core.tz import VN_TZ, require_aware
from counter_app.messages import calendar as msg

__all__ = [
    "CalendarConfigError",
    "CalendarFileError",
    "CalendarOverride",
    "DayChange",
    "DayOff",
    "DayOffCategory",
    "OverrideKind",
    "Session",
    "WeeklySessions",
    "WorkingCalendar",
    "format_overrides",
    "load_calendar",
    "parse_overrides",
    "read_overrides",
]

_MAX_YEARS_AHEAD = 50  # a limit that would need more than this is a data error, not a real deadline
_Hours = tuple[tuple[time, time], ...]


class DayOffCategory(StrEnum):
    WEEKEND = "weekend"  # a weekday that does not count in the unit's schedule
    HOLIDAY = "holiday"  # national holiday from the holidays library
    OVERRIDE = "override"  # from the override table


@dataclass(frozen=True, slots=True)
class DayOff:
    """Why a day does not count. `label` groups days in explanations ("Tết Nguyên đán")."""

    day: date
    category: DayOffCategory
    label: str
    source: str

    def describe(self) -> str:
        if self.category is DayOffCategory.WEEKEND:
            return msg.weekend_description(self.day.weekday())
        return self.label


@dataclass(frozen=True, slots=True)
class DayChange:
    """A day whose status differs between two calendars (`before`/`after` None = it counts)."""

    day: date
    before: DayOff | None
    after: DayOff | None

    def describe(self) -> str:
        day_text = msg.fmt_day(self.day)
        if self.before is None and self.after is not None:
            return msg.DAY_BECAME_OFF.format(day=day_text, reason=self.after.describe())
        if self.after is None and self.before is not None:
            return msg.DAY_BECAME_WORKING.format(day=day_text, reason=self.before.describe())
        assert self.before is not None and self.after is not None
        return msg.DAY_REASON_CHANGED.format(day=day_text, old=self.before.describe(), new=self.after.describe())


def _fold(text: str) -> str:
    """Lower-case without diacritics, to recognise library names whatever their accent placement."""
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _national_label(name: str) -> str:
    folded = _fold(name)
    if "nguyen dan" in folded or folded.startswith("29 tet"):
        return msg.TET_NGUYEN_DAN  # "Giao thừa…", "Mùng hai…", "29 Tết" are all the Tết break
    return name


_CULTURE_FOLDED = _fold(msg.CULTURE_DAY)


@cache
def _national_year(year: int) -> tuple[dict[date, str], frozenset[date]]:
    """National holidays (date → NFC Vietnamese name) and weekend days worked by swap, for one year."""
    if not 1 <= year <= 9998:
        return {}, frozenset()
    calendar = holidays.Vietnam(years=year, language="vi")
    days = {day: unicodedata.normalize("NFC", name) for day, name in calendar.items() if day.year == year}
    worked = frozenset(day for day in getattr(calendar, "weekend_workdays", ()) if day.year == year)
    return days, worked


@dataclass(slots=True)
class _Year:
    year: int
    first_ordinal: int
    hours: list[_Hours]  # per day of year; () for a day that does not count
    prefix: list[int]  # prefix[i] = counting days among the first i days of the year
    workdays: list[int]  # ordinals of the counting days, ascending


class WorkingCalendar:
    """Immutable working calendar of one unit. Build it with `load_calendar`."""

    __slots__ = ("_sessions", "_overrides", "_culture_day_off", "_years", "_fingerprint", "_weekday_hours",
                 "_extra_hours")

    def __init__(
        self,
        sessions: WeeklySessions | None = None,
        overrides: Iterable[CalendarOverride] = (),
        *,
        culture_day_off: bool = True,
    ) -> None:
        self._sessions = sessions or WeeklySessions()
        by_day: dict[date, CalendarOverride] = {}
        for override in overrides:
            by_day[override.day] = override  # later wins: unit-local decisions come after the shipped file
        self._overrides = dict(sorted(by_day.items()))
        self._culture_day_off = culture_day_off
        self._years: dict[int, _Year] = {}
        self._fingerprint: str | None = None
        self._weekday_hours: tuple[_Hours, ...] = tuple(
            tuple((s.start, s.end) for s in day) for day in self._sessions.weekdays
        )
        self._extra_hours: _Hours = tuple((s.start, s.end) for s in self._sessions.extra_day_sessions)

    # --- configuration ---------------------------------------------------------------------------------
    @property
    def weekly_sessions(self) -> WeeklySessions:
        return self._sessions

    @property
    def overrides(self) -> tuple[CalendarOverride, ...]:
        return tuple(self._overrides.values())

    @property
    def culture_day_off(self) -> bool:
        return self._culture_day_off

    @property
    def same_day_cutoff(self) -> time:
        return self._sessions.same_day_cutoff

    @property
    def fingerprint(self) -> str:
        """A short hash of everything that decides the calendar, to record which one computed a due date."""
        if self._fingerprint is None:
            digest = hashlib.sha256()
            digest.update(repr(self._sessions.to_mapping()).encode())
            digest.update(format_overrides(self._overrides.values()).encode())
            digest.update(f"culture={self._culture_day_off};holidays={holidays.__version__}".encode())
            self._fingerprint = digest.hexdigest()[:16]
        return self._fingerprint

    def __repr__(self) -> str:
        return (
            f"WorkingCalendar(overrides={len(self._overrides)}, culture_day_off={self._culture_day_off}, "
            f"fingerprint={self.fingerprint})"
        )

    # --- day classification (uncached, used to build the year tables) --------------------------------
    def _national_holiday(self, day: date) -> str | None:
        names, _ = _national_year(day.year)
        name = names.get(day)
        culture = day.month == 11 and day.day == 24 and day.year >= 2026
        if name is not None and _CULTURE_FOLDED in _fold(name):
            return name if self._culture_day_off else None
        if name is None and culture and self._culture_day_off:
            return msg.CULTURE_DAY  # NQ 80-NQ/TW; in case the library lacks it for some year
        return name

    def day_off(self, day: date) -> DayOff | None:
        """Why `day` does not count, or None if it counts."""
        override = self._overrides.get(day)
        weekday = day.weekday()
        schedule_counts = weekday in self._sessions.counting_weekdays
        if override is not None:
            if override.kind is OverrideKind.WORK:
                return None
            if not schedule_counts:
                return DayOff(day, DayOffCategory.WEEKEND, msg.WEEKEND_LABEL, override.source)
            return DayOff(day, DayOffCategory.OVERRIDE, override.name, override.source)
        holiday = self._national_holiday(day)
        if holiday is None and (schedule_counts or day in _national_year(day.year)[1]):
            return None
        if not schedule_counts:
            # Weekend first: "14–15/02: nghỉ cuối tuần" reads better than repeating the holiday name.
            return DayOff(day, DayOffCategory.WEEKEND, msg.WEEKEND_LABEL, "")
        assert holiday is not None
        source = msg.NATIONAL_HOLIDAY_SOURCE.format(version=holidays.__version__)
        return DayOff(day, DayOffCategory.HOLIDAY, _national_label(holiday), source)

    def describe_day_off(self, day: date) -> str | None:
        """Reason text for a day that does not count ("Tết Nguyên đán (thứ Bảy)"), or None."""
        reason = self.day_off(day)
        if reason is None:
            return None
        if reason.category is DayOffCategory.WEEKEND:
            named = self._named_reason(day)
            if named is not None:
                return msg.DAY_OFF_ON_WEEKDAY.format(name=named, weekday=msg.WEEKDAY_NAMES[day.weekday()])
        return reason.describe()

    def _named_reason(self, day: date) -> str | None:
        override = self._overrides.get(day)
        if override is not None and override.kind is OverrideKind.OFF:
            return override.name
        holiday = self._national_holiday(day)
        return None if holiday is None else _national_label(holiday)

    def extra_working_day(self, day: date) -> str | None:
        """Why `day` counts although its weekday does not (a làm bù Saturday), or None."""
        if day.weekday() in self._sessions.counting_weekdays or not self.is_counting_day(day):
            return None
        override = self._overrides.get(day)
        if override is not None and override.kind is OverrideKind.WORK:
            return override.name
        return msg.NATIONAL_SWAP_WORKDAY

    def _hours_uncached(self, day: date) -> _Hours:
        if self.day_off(day) is not None:
            return ()
        weekday = day.weekday()
        if weekday in self._sessions.counting_weekdays:
            return self._weekday_hours[weekday]
        # A làm bù Saturday replaces a full weekday, even where Saturday has only morning reception.
        return self._extra_hours

    # --- year tables ------------------------------------------------------------------------------------
    def _year(self, year: int) -> _Year:
        table = self._years.get(year)
        if table is None:
            table = self._years[year] = self._build_year(year)
        return table

    def _build_year(self, year: int) -> _Year:
        first = date(year, 1, 1)
        length = (date(year + 1, 1, 1) - first).days if year < 9999 else 365
        first_ordinal = first.toordinal()
        hours: list[_Hours] = []
        prefix = [0]
        workdays: list[int] = []
        for offset in range(length):
            day_hours = self._hours_uncached(date.fromordinal(first_ordinal + offset))
            hours.append(day_hours)
            if day_hours:
                workdays.append(first_ordinal + offset)
            prefix.append(len(workdays))
        return _Year(year, first_ordinal, hours, prefix, workdays)

    def _day_hours(self, day: date) -> _Hours:
        table = self._years.get(day.year) or self._year(day.year)
        return table.hours[day.toordinal() - table.first_ordinal]

    def _nth_ordinal(self, table: _Year, offset: int, count: int) -> int:
        """Ordinal of the `count`-th (≥ 1) counting day after day `offset` of `table`'s year."""
        position = table.prefix[offset + 1] + count - 1
        workdays = table.workdays
        if position < len(workdays):
            return workdays[position]
        first_year = table.year
        while position >= len(workdays):
            position -= len(workdays)
            if table.year >= first_year + _MAX_YEARS_AHEAD or table.year >= 9998:
                raise ValueError(f"no {count}-th working day within {_MAX_YEARS_AHEAD} years of {first_year}")
            table = self._year(table.year + 1)
            workdays = table.workdays
        return workdays[position]

    def _add_ordinal(self, ordinal: int, count: int) -> int:
        """`add_working_days` on ordinals (count 0 = this day if it counts, else the next counting day)."""
        year = date.fromordinal(ordinal).year
        table = self._years.get(year) or self._year(year)
        offset = ordinal - table.first_ordinal
        if count == 0:
            if table.hours[offset]:
                return ordinal
            count = 1
        return self._nth_ordinal(table, offset, count)

    def _closing(self, ordinal: int) -> datetime:
        """Close of the last session of a counting day given by ordinal."""
        day = date.fromordinal(ordinal)
        table = self._years.get(day.year) or self._year(day.year)
        return datetime.combine(day, table.hours[ordinal - table.first_ordinal][-1][1], tzinfo=VN_TZ)

    def _position(self, local: datetime) -> tuple[datetime, int, _Year, int, int]:
        """The hot path behind `working_instant`, for a datetime already in Vietnamese time.

        Returns (working instant, its day's ordinal, year table and offset of `local`'s own day, skip):
        skip is 0 when the working instant is on `local`'s day, 1 when it moved to the next counting day.
        """
        day = local.date()
        table = self._years.get(day.year) or self._year(day.year)
        ordinal = day.toordinal()
        offset = ordinal - table.first_ordinal
        clock = local.time()
        for start, end in table.hours[offset]:
            if clock < start:
                return datetime.combine(day, start, tzinfo=VN_TZ), ordinal, table, offset, 0
            if clock < end:
                return local, ordinal, table, offset, 0
        following = self._nth_ordinal(table, offset, 1)
        opening = self._day_hours(date.fromordinal(following))[0][0]
        return datetime.combine(date.fromordinal(following), opening, tzinfo=VN_TZ), following, table, offset, 1

    # --- days -------------------------------------------------------------------------------------------
    def is_counting_day(self, day: date) -> bool:
        return bool(self._day_hours(day))

    def sessions(self, day: date) -> tuple[Session, ...]:
        """Working sessions that count on `day` (empty on a day that does not count)."""
        return tuple(Session(start, end) for start, end in self._day_hours(day))

    def reception_sessions(self, day: date) -> tuple[Session, ...]:
        """Opening hours for reception: counting sessions, or e.g. Saturday-morning reception hours."""
        counting = self.sessions(day)
        if counting:
            return counting
        reason = self.day_off(day)
        if reason is not None and reason.category is DayOffCategory.WEEKEND and self._named_reason(day) is None:
            return self._sessions.weekdays[day.weekday()]
        return ()

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th counting day after `day`; with 0, `day` itself if it counts, else the next one."""
        if count < 0:
            raise ValueError("count must not be negative")
        return date.fromordinal(self._add_ordinal(day.toordinal(), count))

    def next_counting_day(self, day: date, *, include_self: bool = False) -> date:
        return self.add_working_days(day, 0 if include_self else 1)

    def count_working_days(self, after: date, upto: date) -> int:
        """Counting days in (after, upto]; negative when `upto` is before `after`."""
        if upto < after:
            return -self.count_working_days(upto, after)
        start = self._year(after.year)
        end = self._year(upto.year)
        rank_after = start.prefix[after.toordinal() - start.first_ordinal + 1]
        rank_upto = end.prefix[upto.toordinal() - end.first_ordinal + 1]
        between = sum(len(self._year(year).workdays) for year in range(after.year, upto.year))
        return between + rank_upto - rank_after

    def days_off(self, first: date, last: date) -> list[DayOff]:
        """Every day in [first, last] that does not count, with its reason."""
        result: list[DayOff] = []
        day = first
        while day <= last:
            if not self._day_hours(day):
                reason = self.day_off(day)
                assert reason is not None
                result.append(reason)
            day += timedelta(days=1)
        return result

    def iter_counting_days(self, first: date, last: date) -> Iterator[date]:
        day = self.add_working_days(first, 0)
        while day <= last:
            yield day
            day = self.add_working_days(day, 1)

    # --- instants ---------------------------------------------------------------------------------------
    def is_working_time(self, moment: datetime) -> bool:
        local = require_aware(moment, "moment")
        clock = local.time()
        return any(start <= clock < end for start, end in self._day_hours(local.date()))

    def working_instant(self, moment: datetime) -> datetime:
        """`moment` if it falls inside a counting session, else the start of the next counting session.

        This is where a receipt outside working hours "moves": lunch → 13:30, evening, Saturday
        reception or a holiday → 07:30 of the next counting day.
        """
        return self._position(require_aware(moment, "moment"))[0]

    def next_session_start(self, moment: datetime) -> datetime:
        """The first start of a counting session at or after `moment`."""
        local = require_aware(moment, "moment")
        day = local.date()
        clock = local.time()
        for start, _ in self._day_hours(day):
            if clock <= start:
                return datetime.combine(day, start, tzinfo=VN_TZ)
        following = self.add_working_days(day, 1)
        return datetime.combine(following, self._day_hours(following)[0][0], tzinfo=VN_TZ)

    def end_of_day(self, day: date) -> datetime:
        """Close of the last counting session of `day` (the due time of day-based limits)."""
        hours = self._day_hours(day)
        if not hours:
            raise ValueError(f"{day} is not a counting day")
        return datetime.combine(day, hours[-1][1], tzinfo=VN_TZ)

    # --- comparison -------------------------------------------------------------------------------------
    def diff(self, other: WorkingCalendar, first: date, last: date) -> tuple[DayChange, ...]:
        """Days in [first, last] whose status or reason differs from `self` (before) to `other` (after)."""
        changes: list[DayChange] = []
        day = first
        while day <= last:
            before, after = self.day_off(day), other.day_off(day)
            if (before is None) != (after is None) or (
                before is not None and after is not None and before.describe() != after.describe()
            ):
                changes.append(DayChange(day, before, after))
            day += timedelta(days=1)
        return tuple(changes)


@lru_cache(maxsize=64)
def _load_cached(
    path: Path | None,
    stamp: tuple[int, int] | None,
    sessions: WeeklySessions | None,
    culture_day_off: bool,
    extra: tuple[CalendarOverride, ...],
) -> WorkingCalendar:
    shipped = read_overrides(path) if path is not None else ()
    return WorkingCalendar(sessions, (*shipped, *extra), culture_day_off=culture_day_off)


def load_calendar(
    overrides_path: Path | None = None,
    *,
    sessions: WeeklySessions | None = None,
    culture_day_off: bool = True,
    extra_overrides: Iterable[CalendarOverride] = (),
) -> WorkingCalendar:
    """The working calendar from an override file (None = the shipped resources/calendar/overrides.csv).

    Cached: calling it again with the same arguments and an unchanged file returns the same object, so
    callers need not keep it. `extra_overrides` (e.g. a unit's local days) win over the file.
    """
    if overrides_path is None:
        from counter_app.paths import resource

        overrides_path = resource("calendar", "overrides.csv")
    path = Path(overrides_path).resolve()
    try:
        status = path.stat()
    except FileNotFoundError as exc:
        raise CalendarFileError(msg.FILE_NOT_FOUND.format(path=path), path=str(path)) from exc
    stamp = (status.st_mtime_ns, status.st_size)
    return _load_cached(path, stamp, sessions, culture_day_off, tuple(extra_overrides))
