"""Timeliness of dossiers (domain-vn §3.5): finished early / on time / late; open within / due soon / overdue.

Granularity:
- "day" (default, as in the production reports): compare calendar days in Vietnamese time. Finished on
  the due day at any hour is on time; an open dossier becomes overdue the day after its due day.
- "minute": the boundary of lateness is the due minute itself. Finished before the due day is early;
  on the due day up to and including the due minute is on time; after it, late.

An extended dossier is judged against the date before the extension: pass the clock's
`accountable_due_at` as `promised_due_at`; the earlier of the two dates is the one that counts.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from counter_app.core.calendar import WorkingCalendar
from counter_app.core.tz import require_aware
from counter_app.messages import calendar as msg

Granularity = Literal["day", "minute"]


class FinishedOutcome(StrEnum):
    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn

    @property
    def label(self) -> str:
        return msg.FINISHED_LABELS[self.value]


class OpenStatus(StrEnum):
    WITHIN = "within"  # trong hạn
    DUE_SOON = "due_soon"  # sắp đến hạn
    OVERDUE = "overdue"  # quá hạn

    @property
    def label(self) -> str:
        return msg.OPEN_LABELS[self.value]


def _reference(due_at: datetime, promised_due_at: datetime | None) -> datetime:
    due = require_aware(due_at, "due_at")
    if promised_due_at is None:
        return due
    return min(due, require_aware(promised_due_at, "promised_due_at"))


def _to_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _check_granularity(granularity: str) -> None:
    if granularity not in ("day", "minute"):
        raise ValueError(f"granularity must be 'day' or 'minute', not {granularity!r}")


def classify_finished(
    due_at: datetime,
    finished_at: datetime,
    *,
    promised_due_at: datetime | None = None,
    granularity: Granularity = "day",
) -> FinishedOutcome:
    """Early, on time or late, for a dossier whose result was finished (or returned) at `finished_at`."""
    _check_granularity(granularity)
    reference = _reference(due_at, promised_due_at)
    finished = require_aware(finished_at, "finished_at")
    if granularity == "minute" and _to_minute(finished) > _to_minute(reference):
        return FinishedOutcome.LATE
    finished_day, due_day = finished.date(), reference.date()
    if finished_day < due_day:
        return FinishedOutcome.EARLY
    if finished_day == due_day:
        return FinishedOutcome.ON_TIME
    return FinishedOutcome.LATE


def is_overdue(
    due_at: datetime,
    at: datetime,
    *,
    promised_due_at: datetime | None = None,
    granularity: Granularity = "day",
) -> bool:
    _check_granularity(granularity)
    reference = _reference(due_at, promised_due_at)
    moment = require_aware(at, "at")
    if granularity == "minute":
        return _to_minute(moment) > _to_minute(reference)
    return moment.date() > reference.date()


def classify_open(
    calendar: WorkingCalendar,
    due_at: datetime,
    at: datetime,
    *,
    soon_working_days: int = 1,
    promised_due_at: datetime | None = None,
    granularity: Granularity = "day",
) -> OpenStatus:
    """Status at `at` of a dossier still open: overdue, due within `soon_working_days`, or within time.

    Due soon = the due day is no later than the `soon_working_days`-th working day after the day of `at`
    (0 = due today only). A dossier waiting for the citizen (paused clock) is the caller's business.
    """
    if soon_working_days < 0:
        raise ValueError("soon_working_days must not be negative")
    if is_overdue(due_at, at, promised_due_at=promised_due_at, granularity=granularity):
        return OpenStatus.OVERDUE
    moment = require_aware(at, "at")
    reference = _reference(due_at, promised_due_at)
    horizon = calendar.add_working_days(moment.date(), soon_working_days)
    if reference.date() <= max(horizon, moment.date()):
        return OpenStatus.DUE_SOON
    return OpenStatus.WITHIN
