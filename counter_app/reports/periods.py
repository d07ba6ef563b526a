"""Reporting periods (domain-vn §5.2): month, quarter, 6 months, 9 months and year, each either on the
calendar or with a cut-off day (NĐ 09/2019 Art. 12: the 15th of the previous month to the 14th).

A period with cut-off day `c` that covers the months m1..m2 of year Y runs from day `c` of the month
before m1 to day `c - 1` of m2; `c = 1` is the calendar period. So with c = 15: July is 15/06–14/07,
Q3 is 15/06–14/09, 6 months are 15/12 of the year before to 14/06, the year 15/12 to 14/12.

Instants: a period covers [start 00:00, day after end 00:00) on the counter's clock (Asia/Ho_Chi_Minh).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from counter_app.core.tz import VN_TZ
from counter_app.messages import reports as msg

CALENDAR = 1  # cut-off day meaning "calendar periods"
LEGAL_CUTOFF = 15  # NĐ 09/2019/NĐ-CP Art. 12, as applied by provinces
MAX_CUTOFF = 28  # every month has a day 28


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"  # 6 tháng đầu năm
    NINE_MONTHS = "nine_months"  # 9 tháng
    YEAR = "year"
    CUSTOM = "custom"


class PeriodError(ValueError):
    """A period specification that cannot be read (message in Vietnamese)."""


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date  # inclusive
    kind: PeriodKind = PeriodKind.CUSTOM
    year: int = 0
    number: int = 0  # month 1–12 or quarter 1–4; 0 otherwise
    cutoff_day: int = CALENDAR

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(msg.PERIOD_REVERSED.format(start=_fmt(self.start), end=_fmt(self.end)))

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.start, time(0, 0), tzinfo=VN_TZ)

    @property
    def end_at(self) -> datetime:
        """The first instant after the period (exclusive bound)."""
        return datetime.combine(self.end + timedelta(days=1), time(0, 0), tzinfo=VN_TZ)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def name(self) -> str:
        """'Quý III năm 2026', 'Tháng 7 năm 2026', … or 'Từ ngày … đến ngày …' for a custom range."""
        if self.kind is PeriodKind.MONTH:
            return msg.PERIOD_MONTH.format(month=self.number, year=self.year)
        if self.kind is PeriodKind.QUARTER:
            return msg.PERIOD_QUARTER.format(quarter=msg.ROMAN[self.number], year=self.year)
        if self.kind is PeriodKind.HALF_YEAR:
            return msg.PERIOD_HALF.format(year=self.year)
        if self.kind is PeriodKind.NINE_MONTHS:
            return msg.PERIOD_NINE.format(year=self.year)
        if self.kind is PeriodKind.YEAR:
            return msg.PERIOD_YEAR.format(year=self.year)
        return self.range_text

    @property
    def range_text(self) -> str:
        return msg.PERIOD_RANGE.format(start=_fmt(self.start), end=_fmt(self.end))

    @property
    def title(self) -> str:
        """The 'Kỳ báo cáo' line: the name and, for a named period, its dates."""
        if self.kind is PeriodKind.CUSTOM:
            return self.range_text
        return f"{self.name} ({self.range_text})"

    def until(self, day: date) -> ReportPeriod:
        """The same period cut at `day` (a period still running is reported up to today)."""
        if day >= self.end:
            return self
        return replace(self, end=max(day, self.start))


def _fmt(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _check_cutoff(cutoff_day: int) -> int:
    if not CALENDAR <= cutoff_day <= MAX_CUTOFF:
        raise PeriodError(msg.CUTOFF_INVALID.format(value=cutoff_day))
    return cutoff_day


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _last_day(year: int, month: int) -> date:
    ny, nm = _month_shift(year, month, 1)
    return date(ny, nm, 1) - timedelta(days=1)


def months_period(
    year: int, first_month: int, last_month: int, cutoff_day: int, kind: PeriodKind, number: int = 0
) -> ReportPeriod:
    """The period covering months first..last of `year` (see the module docstring for the cut-off)."""
    _check_cutoff(cutoff_day)
    if cutoff_day == CALENDAR:
        start, end = date(year, first_month, 1), _last_day(year, last_month)
    else:
        py, pm = _month_shift(year, first_month, -1)
        start, end = date(py, pm, cutoff_day), date(year, last_month, cutoff_day - 1)
    return ReportPeriod(start, end, kind, year, number, cutoff_day)


def month(year: int, number: int, cutoff_day: int = LEGAL_CUTOFF) -> ReportPeriod:
    return months_period(year, number, number, cutoff_day, PeriodKind.MONTH, number)


def quarter(year: int, number: int, cutoff_day: int = LEGAL_CUTOFF) -> ReportPeriod:
    if not 1 <= number <= 4:
        raise PeriodError(msg.PERIOD_UNKNOWN.format(spec=f"{year}-Q{number}"))
    return months_period(year, 3 * number - 2, 3 * number, cutoff_day, PeriodKind.QUARTER, number)


def half_year(year: int, cutoff_day: int = LEGAL_CUTOFF) -> ReportPeriod:
    return months_period(year, 1, 6, cutoff_day, PeriodKind.HALF_YEAR)


def nine_months(year: int, cutoff_day: int = LEGAL_CUTOFF) -> ReportPeriod:
    return months_period(year, 1, 9, cutoff_day, PeriodKind.NINE_MONTHS)


def whole_year(year: int, cutoff_day: int = LEGAL_CUTOFF) -> ReportPeriod:
    return months_period(year, 1, 12, cutoff_day, PeriodKind.YEAR)


def custom(start: date, end: date) -> ReportPeriod:
    return ReportPeriod(start, end)


_SPECS = (
    (re.compile(r"(\d{4})-(\d{1,2})"), lambda y, n, c: month(y, _month_number(n), c)),
    (re.compile(r"(\d{4})-Q([1-4])", re.I), lambda y, n, c: quarter(y, int(n), c)),
    (re.compile(r"(\d{4})-(?:H1|6M)", re.I), lambda y, _n, c: half_year(y, c)),
    (re.compile(r"(\d{4})-9M", re.I), lambda y, _n, c: nine_months(y, c)),
    (re.compile(r"(\d{4})(?:-Y)?", re.I), lambda y, _n, c: whole_year(y, c)),
)
_RANGE = re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})")


class _OutOfRange(Exception):
    pass


def _month_number(text: str) -> int:
    number = int(text)
    if not 1 <= number <= 12:
        raise _OutOfRange(text)
    return number


def parse_period(spec: str, cutoff_day: int = LEGAL_CUTOFF) -> ReportPeriod:
    """'2026-07', '2026-Q3', '2026-6M' (or '2026-H1'), '2026-9M', '2026' (or '2026-Y'),
    or a range '2026-01-15..2026-02-14'."""
    text = spec.strip()
    found = _RANGE.fullmatch(text)
    if found:
        try:
            return custom(date.fromisoformat(found.group(1)), date.fromisoformat(found.group(2)))
        except ValueError as exc:
            raise PeriodError(msg.PERIOD_UNKNOWN.format(spec=spec)) from exc
    for pattern, make in _SPECS:
        found = pattern.fullmatch(text)
        if found:
            groups = found.groups()
            try:
                return make(int(groups[0]), groups[1] if len(groups) > 1 else "", cutoff_day)
            except _OutOfRange:
                raise PeriodError(msg.PERIOD_UNKNOWN.format(spec=spec)) from None
    raise PeriodError(msg.PERIOD_UNKNOWN.format(spec=spec))


def parse_cutoff(text: str | int) -> int:
    """'15' → 15; 'calendar' / 'lich' / '1' → calendar periods."""
    if isinstance(text, int):
        return _check_cutoff(text)
    value = text.strip().lower()
    if value in ("calendar", "lich", "lịch", "cal"):
        return CALENDAR
    if not value.isdigit():
        raise PeriodError(msg.CUTOFF_INVALID.format(value=text))
    return _check_cutoff(int(value))


def reporting_month_of(day: date, cutoff_day: int) -> tuple[int, int]:
    """(year, month) of the monthly period that contains `day`."""
    _check_cutoff(cutoff_day)
    if cutoff_day != CALENDAR and day.day >= cutoff_day:
        return _month_shift(day.year, day.month, 1)
    return day.year, day.month


def month_containing(day: date, cutoff_day: int = CALENDAR) -> ReportPeriod:
    y, m = reporting_month_of(day, cutoff_day)
    return month(y, m, cutoff_day)


def quarter_containing(day: date, cutoff_day: int = CALENDAR) -> ReportPeriod:
    y, m = reporting_month_of(day, cutoff_day)
    return quarter(y, (m - 1) // 3 + 1, cutoff_day)


def last_months(day: date, count: int = 12, cutoff_day: int = CALENDAR) -> list[ReportPeriod]:
    """The `count` monthly periods up to the one containing `day`, oldest first; the last is cut at `day`."""
    y, m = reporting_month_of(day, cutoff_day)
    periods = []
    for back in range(count - 1, -1, -1):
        py, pm = _month_shift(y, m, -back)
        periods.append(month(py, pm, cutoff_day))
    periods[-1] = periods[-1].until(day)
    return periods
