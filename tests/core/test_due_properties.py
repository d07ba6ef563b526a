"""Property tests (hypothesis) of due dates and of the pause arithmetic, on the shipped calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from counter_app.core.calendar import CalendarOverride, OverrideKind, load_calendar
from counter_app.core.clock import ClockEvent, ClockEventKind, current_due
from counter_app.core.due_dates import compute_due, shift_by_working_days
from counter_app.core.time_limits import ClockMode, TimeLimit, TimeUnit
from counter_app.core.tz import VN_TZ

CAL = load_calendar()
START = datetime(2025, 6, 1, tzinfo=VN_TZ)
SPAN_MINUTES = 3 * 366 * 24 * 60  # receipts from mid-2025 to mid-2028, any minute of any day

receipts = st.integers(0, SPAN_MINUTES).map(lambda m: START + timedelta(minutes=m))
units = st.sampled_from(list(TimeUnit))
counted_units = st.sampled_from([TimeUnit.WORKING_DAYS, TimeUnit.CALENDAR_DAYS])


@st.composite
def limits(draw: st.DrawFn, unit_strategy: st.SearchStrategy[TimeUnit] = units) -> TimeLimit:
    unit = draw(unit_strategy)
    value = 0 if unit is TimeUnit.SAME_DAY else draw(st.integers(0, 45))
    return TimeLimit(value, unit, draw(st.integers(0, 5)))


@settings(max_examples=300, deadline=None)
@given(received=receipts, limit=limits(), mountainous=st.booleans())
def test_a_due_date_never_falls_on_a_day_off(received: datetime, limit: TimeLimit, mountainous: bool) -> None:
    due = compute_due(CAL, received, limit, mountainous=mountainous)
    assert CAL.is_counting_day(due.due_at.date())
    assert due.due_at >= due.counted_from >= received
    assert due.due_at.tzinfo is VN_TZ


@settings(max_examples=200, deadline=None)
@given(received=receipts, unit=counted_units, n1=st.integers(0, 60), n2=st.integers(0, 60))
def test_due_date_is_monotonic_in_n(received: datetime, unit: TimeUnit, n1: int, n2: int) -> None:
    low, high = sorted((n1, n2))
    assert (
        compute_due(CAL, received, TimeLimit(low, unit)).due_at
        <= compute_due(CAL, received, TimeLimit(high, unit)).due_at
    )


@settings(max_examples=300, deadline=None)
@given(first=receipts, later_by=st.integers(0, 20 * 24 * 60), limit=limits(), mountainous=st.booleans())
def test_due_date_is_monotonic_in_the_receipt_time(
    first: datetime, later_by: int, limit: TimeLimit, mountainous: bool
) -> None:
    second = first + timedelta(minutes=later_by)
    assert (
        compute_due(CAL, first, limit, mountainous=mountainous).due_at
        <= compute_due(CAL, second, limit, mountainous=mountainous).due_at
    )


@settings(max_examples=150, deadline=None)
@given(received=receipts, limit=limits(), offset=st.integers(-3, 70))
def test_adding_a_day_off_never_makes_a_due_date_earlier(received: datetime, limit: TimeLimit, offset: int) -> None:
    extra_day = received.date() + timedelta(days=offset)
    changed = load_calendar(
        extra_overrides=[CalendarOverride(extra_day, OverrideKind.OFF, "Nghỉ thêm", "Thử nghiệm")]
    )
    assert compute_due(changed, received, limit).due_at >= compute_due(CAL, received, limit).due_at


@settings(max_examples=150, deadline=None)
@given(received=receipts, limit=limits(), offset=st.integers(-3, 70))
def test_adding_a_working_day_never_makes_a_due_date_later(received: datetime, limit: TimeLimit, offset: int) -> None:
    extra_day = received.date() + timedelta(days=offset)
    changed = load_calendar(
        extra_overrides=[CalendarOverride(extra_day, OverrideKind.WORK, "Làm bù", "Thử nghiệm")]
    )
    assert compute_due(changed, received, limit).due_at <= compute_due(CAL, received, limit).due_at


@settings(max_examples=200, deadline=None)
@given(received=receipts, limit=limits(), pause_after=st.integers(0, 30 * 24 * 60))
def test_a_zero_length_pause_changes_nothing(received: datetime, limit: TimeLimit, pause_after: int) -> None:
    at = received + timedelta(minutes=pause_after)
    events = [ClockEvent(ClockEventKind.PAUSE, at), ClockEvent(ClockEventKind.RESUME, at)]
    state = current_due(CAL, received, limit, events, ClockMode.PAUSE)
    assert state.due_at == state.initial.due_at
    assert state.accountable_due_at == state.initial.due_at
    assert not state.paused and state.paused_working_days == 0


def _working_instant_on(day: date, draw: st.DrawFn) -> datetime:
    sessions = CAL.sessions(day)
    session = draw(st.sampled_from(sessions))
    length = (datetime.combine(day, session.end) - datetime.combine(day, session.start)).seconds // 60
    return datetime.combine(day, session.start, tzinfo=VN_TZ) + timedelta(minutes=draw(st.integers(0, length - 1)))


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    received=receipts,
    limit=limits(counted_units),
    k=st.integers(0, 25),
    pause_count=st.integers(1, 3),
)
def test_a_pause_covering_k_working_days_shifts_the_due_date_by_exactly_k(
    data: st.DataObject, received: datetime, limit: TimeLimit, k: int, pause_count: int
) -> None:
    initial = compute_due(CAL, received, limit)
    span = CAL.count_working_days(initial.counted_from.date(), initial.due_at.date())
    # the supplement request comes while the dossier is in time, inside working hours
    pause_day = CAL.add_working_days(initial.counted_from.date(), data.draw(st.integers(0, max(span, 0))))
    paused_at = _working_instant_on(pause_day, data.draw)
    assume(paused_at >= received)
    events: list[ClockEvent] = []
    moment = paused_at
    remaining = k
    # split the k days over one to three consecutive pauses: the shifts add up
    for index in range(pause_count):
        part = remaining if index == pause_count - 1 else data.draw(st.integers(0, remaining))
        remaining -= part
        resumed_at = shift_by_working_days(CAL, moment, part)
        events += [ClockEvent(ClockEventKind.PAUSE, moment), ClockEvent(ClockEventKind.RESUME, resumed_at)]
        moment = resumed_at
    state = current_due(CAL, received, limit, events, ClockMode.PAUSE)
    assert state.paused_working_days == k
    assert state.due_at == shift_by_working_days(CAL, initial.due_at, k)
    assert CAL.count_working_days(initial.due_at.date(), state.due_at.date()) == k
    assert state.due_at.time() == initial.due_at.time()
    assert state.accountable_due_at == state.due_at
