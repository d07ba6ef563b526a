"""Timeliness: finished early / on time / late, open within / due soon / overdue."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.calendar import WorkingCalendar, load_calendar
from counter_app.core.timeliness import (
    FinishedOutcome,
    OpenStatus,
    classify_finished,
    classify_open,
    is_overdue,
)
from counter_app.core.tz import VN_TZ, NaiveDatetimeError

EARLY, ON_TIME, LATE = FinishedOutcome.EARLY, FinishedOutcome.ON_TIME, FinishedOutcome.LATE
DUE = datetime(2026, 3, 11, 10, 0, tzinfo=VN_TZ)  # Wednesday 10:00


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return load_calendar()


@pytest.mark.parametrize(
    ("finished", "day_outcome", "minute_outcome"),
    [
        (vn(2026, 3, 10, 16, 0), EARLY, EARLY),
        (vn(2026, 3, 11, 8, 0), ON_TIME, ON_TIME),
        (vn(2026, 3, 11, 10, 0, 59), ON_TIME, ON_TIME),  # within the due minute
        (vn(2026, 3, 11, 10, 1), ON_TIME, LATE),
        (vn(2026, 3, 11, 16, 30), ON_TIME, LATE),
        (vn(2026, 3, 12, 7, 30), LATE, LATE),
    ],
)
def test_finished_outcome_by_day_and_by_minute(
    finished: datetime, day_outcome: FinishedOutcome, minute_outcome: FinishedOutcome
) -> None:
    assert classify_finished(DUE, finished) is day_outcome
    assert classify_finished(DUE, finished, granularity="day") is day_outcome
    assert classify_finished(DUE, finished, granularity="minute") is minute_outcome


def test_days_are_vietnamese_days_whatever_the_zone_of_the_input() -> None:
    from datetime import UTC

    # 23:30 UTC on 10/03 is 06:30 on 11/03 in Hanoi: the due day, so on time
    assert classify_finished(DUE, datetime(2026, 3, 10, 23, 30, tzinfo=UTC)) is ON_TIME


def test_an_extended_dossier_is_judged_against_the_promised_date() -> None:
    extended_due = vn(2026, 3, 16, 10, 0)
    assert classify_finished(extended_due, vn(2026, 3, 13, 9, 0)) is EARLY
    assert classify_finished(extended_due, vn(2026, 3, 13, 9, 0), promised_due_at=DUE) is LATE
    assert classify_finished(extended_due, vn(2026, 3, 11, 9, 0), promised_due_at=DUE) is ON_TIME


def test_labels_are_vietnamese() -> None:
    assert [o.label for o in FinishedOutcome] == ["Trước hạn", "Đúng hạn", "Quá hạn"]
    assert [s.label for s in OpenStatus] == ["Trong hạn", "Sắp đến hạn", "Quá hạn"]


@pytest.mark.parametrize(
    ("at", "status"),
    [
        (vn(2026, 3, 9, 9, 0), OpenStatus.WITHIN),  # Monday: due in two working days
        (vn(2026, 3, 10, 9, 0), OpenStatus.DUE_SOON),  # Tuesday: due tomorrow
        (vn(2026, 3, 11, 16, 0), OpenStatus.DUE_SOON),  # the due day itself (day granularity)
        (vn(2026, 3, 12, 7, 0), OpenStatus.OVERDUE),
    ],
)
def test_open_status_default_one_working_day(cal: WorkingCalendar, at: datetime, status: OpenStatus) -> None:
    assert classify_open(cal, DUE, at) is status


def test_due_soon_counts_working_days_not_calendar_days(cal: WorkingCalendar) -> None:
    due_monday = vn(2026, 3, 16, 10, 0)
    assert classify_open(cal, due_monday, vn(2026, 3, 13, 9, 0)) is OpenStatus.DUE_SOON  # Friday
    assert classify_open(cal, due_monday, vn(2026, 3, 12, 9, 0)) is OpenStatus.WITHIN  # Thursday
    assert classify_open(cal, due_monday, vn(2026, 3, 12, 9, 0), soon_working_days=2) is OpenStatus.DUE_SOON
    assert classify_open(cal, due_monday, vn(2026, 3, 13, 9, 0), soon_working_days=0) is OpenStatus.WITHIN
    # before Tết: due Monday 23/02 is the next working day after Friday 13/02
    assert classify_open(cal, vn(2026, 2, 23, 9, 0), vn(2026, 2, 13, 9, 0)) is OpenStatus.DUE_SOON


def test_open_status_by_minute(cal: WorkingCalendar) -> None:
    assert classify_open(cal, DUE, vn(2026, 3, 11, 10, 0), granularity="minute") is OpenStatus.DUE_SOON
    assert classify_open(cal, DUE, vn(2026, 3, 11, 10, 1), granularity="minute") is OpenStatus.OVERDUE
    assert is_overdue(DUE, vn(2026, 3, 11, 10, 1), granularity="minute")
    assert not is_overdue(DUE, vn(2026, 3, 11, 10, 1))


def test_bad_arguments_are_refused(cal: WorkingCalendar) -> None:
    with pytest.raises(NaiveDatetimeError):
        classify_finished(DUE, datetime(2026, 3, 11, 9, 0))
    with pytest.raises(ValueError, match="granularity"):
        classify_finished(DUE, DUE, granularity="hour")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        classify_open(cal, DUE, DUE, soon_working_days=-1)


_ORDER = {EARLY: 0, ON_TIME: 1, LATE: 2}


@given(
    first=st.integers(0, 20 * 24 * 60),
    later_by=st.integers(0, 5 * 24 * 60),
    granularity=st.sampled_from(["day", "minute"]),
)
def test_finishing_later_never_improves_the_outcome(first: int, later_by: int, granularity: str) -> None:
    start = vn(2026, 3, 1, 0, 0)
    a = start + timedelta(minutes=first)
    b = a + timedelta(minutes=later_by)
    assert _ORDER[classify_finished(DUE, a, granularity=granularity)] <= _ORDER[  # type: ignore[arg-type]
        classify_finished(DUE, b, granularity=granularity)  # type: ignore[arg-type]
    ]
