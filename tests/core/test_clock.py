"""The dossier clock: supplement requests (pause/resume or restart), extensions with apology, stops."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.core.calendar import WorkingCalendar, load_calendar
from counter_app.core.clock import ClockError, ClockEvent, ClockEventKind, current_due, pause_shift
from counter_app.core.time_limits import ClockMode, TimeLimit, TimeUnit
from counter_app.core.timeliness import FinishedOutcome, OpenStatus, classify_finished, classify_open
from counter_app.core.tz import VN_TZ, NaiveDatetimeError

FIVE_DAYS = TimeLimit(5, TimeUnit.WORKING_DAYS)
PAUSE, RESUME, EXTEND, STOP = (ClockEventKind.PAUSE, ClockEventKind.RESUME, ClockEventKind.EXTEND,
                               ClockEventKind.STOP)


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return load_calendar()


RECEIVED = vn(2026, 3, 2, 9, 0)  # Monday; 5 working days → Monday 09/03/2026 09:00


def test_without_events_the_clock_is_the_computed_due_date(cal: WorkingCalendar) -> None:
    state = current_due(cal, RECEIVED, FIVE_DAYS, [], ClockMode.PAUSE)
    assert state.due_at == state.accountable_due_at == vn(2026, 3, 9, 9, 0)
    assert not (state.paused or state.extended or state.stopped)
    assert state.explanation == state.initial.explanation


def test_pause_then_resume_moves_the_due_date_by_the_working_days_waited(cal: WorkingCalendar) -> None:
    events = [ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0)), ClockEvent(RESUME, vn(2026, 3, 6, 10, 0))]
    state = current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.PAUSE)
    assert state.paused_working_days == 2
    assert state.due_at == state.accountable_due_at == vn(2026, 3, 11, 9, 0)
    assert state.history == (
        "10:00 thứ Tư 04/03/2026: yêu cầu bổ sung hồ sơ, tạm dừng tính thời hạn.",
        "10:00 thứ Sáu 06/03/2026: nhận đủ hồ sơ bổ sung, tiếp tục tính thời hạn; cộng 2 ngày làm việc "
        "tạm dừng, hạn trả mới 09:00 thứ Tư 11/03/2026.",
    )


def test_a_pause_over_a_weekend_counts_only_working_days(cal: WorkingCalendar) -> None:
    # requested Friday evening (counts from Monday 07:30), completed Sunday (counts as Monday): no loss
    assert pause_shift(cal, vn(2026, 3, 6, 18, 0), vn(2026, 3, 8, 10, 0)) == 0
    # Friday 10:00 → Monday 10:00 is one working day
    assert pause_shift(cal, vn(2026, 3, 6, 10, 0), vn(2026, 3, 9, 10, 0)) == 1
    # over Tết: Friday 13/02 → Monday 23/02 is one working day
    assert pause_shift(cal, vn(2026, 2, 13, 10, 0), vn(2026, 2, 23, 10, 0)) == 1


def test_several_pauses_add_up_and_never_make_the_dossier_overdue(cal: WorkingCalendar) -> None:
    # the peer complaint: four supplement requests turned a dossier overdue. Here each one only adds time.
    events = []
    for start_day, end_day in [(3, 4), (5, 6), (10, 11), (12, 13)]:
        events += [ClockEvent(PAUSE, vn(2026, 3, start_day, 9, 0)), ClockEvent(RESUME, vn(2026, 3, end_day, 9, 0))]
    state = current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.PAUSE)
    assert state.paused_working_days == 4
    assert state.due_at == vn(2026, 3, 13, 9, 0)
    finished = vn(2026, 3, 13, 8, 0)
    assert classify_finished(state.due_at, finished, promised_due_at=state.accountable_due_at) is (
        FinishedOutcome.ON_TIME
    )


def test_restart_mode_counts_again_from_zero(cal: WorkingCalendar) -> None:
    events = [ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0)), ClockEvent(RESUME, vn(2026, 3, 6, 14, 0))]
    state = current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.RESTART)
    assert state.due_at == vn(2026, 3, 13, 14, 0)  # 5 working days from Friday 06/03 14:00
    assert state.counted_from == vn(2026, 3, 6, 14, 0)
    assert state.restarts == 1
    assert "tính lại thời hạn từ đầu; hạn trả mới 14:00 thứ Sáu 13/03/2026" in state.explanation


def test_restart_after_hours_moves_to_the_next_session(cal: WorkingCalendar) -> None:
    events = [ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0)), ClockEvent(RESUME, vn(2026, 3, 6, 19, 0))]
    state = current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.RESTART)
    assert state.counted_from == vn(2026, 3, 9, 7, 30)
    assert state.due_at == vn(2026, 3, 16, 7, 30)


def test_while_paused_the_state_says_so(cal: WorkingCalendar) -> None:
    state = current_due(cal, RECEIVED, FIVE_DAYS, [ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0))], ClockMode.PAUSE)
    assert state.paused and state.paused_since == vn(2026, 3, 4, 10, 0)
    assert state.due_at == vn(2026, 3, 9, 9, 0)
    assert state.explanation.endswith(
        "Đang tạm dừng chờ bổ sung từ 10:00 thứ Tư 04/03/2026; hạn trả sẽ được tính lại khi nhận đủ hồ sơ."
    )


def test_a_supplement_request_after_the_due_day_does_not_wipe_the_lateness(cal: WorkingCalendar) -> None:
    events = [ClockEvent(PAUSE, vn(2026, 3, 10, 9, 0)), ClockEvent(RESUME, vn(2026, 3, 12, 9, 0))]
    state = current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.PAUSE)
    assert state.due_at == vn(2026, 3, 11, 9, 0)
    assert state.accountable_due_at == vn(2026, 3, 9, 9, 0)
    assert "đã quá hạn 09:00 thứ Hai 09/03/2026" in state.history[0]
    outcome = classify_finished(state.due_at, vn(2026, 3, 11, 8, 0), promised_due_at=state.accountable_due_at)
    assert outcome is FinishedOutcome.LATE


def test_an_extension_sets_a_new_date_but_the_dossier_still_counts_as_late(cal: WorkingCalendar) -> None:
    new_due = vn(2026, 3, 13, 16, 0)
    events = [ClockEvent(EXTEND, vn(2026, 3, 9, 8, 0), new_due_at=new_due)]
    state = current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.PAUSE)
    assert state.extended
    assert state.due_at == new_due
    assert state.accountable_due_at == vn(2026, 3, 9, 9, 0)
    assert state.history == (
        "08:00 thứ Hai 09/03/2026: gia hạn kèm văn bản xin lỗi, hạn trả mới 16:00 thứ Sáu 13/03/2026; "
        "hồ sơ vẫn được đánh giá theo hạn 09:00 thứ Hai 09/03/2026.",
    )
    finished = vn(2026, 3, 12, 10, 0)  # before the new date, after the promised one
    assert classify_finished(state.due_at, finished, promised_due_at=state.accountable_due_at) is (
        FinishedOutcome.LATE
    )
    assert classify_open(cal, state.due_at, vn(2026, 3, 10, 9, 0), promised_due_at=state.accountable_due_at) is (
        OpenStatus.OVERDUE
    )


def test_a_pause_after_an_extension_moves_both_dates(cal: WorkingCalendar) -> None:
    events = [
        ClockEvent(EXTEND, vn(2026, 3, 5, 8, 0), new_due_at=vn(2026, 3, 12, 9, 0)),
        ClockEvent(PAUSE, vn(2026, 3, 6, 9, 0)),
        ClockEvent(RESUME, vn(2026, 3, 9, 9, 0)),
    ]
    state = current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.PAUSE)
    assert state.due_at == vn(2026, 3, 13, 9, 0)
    assert state.accountable_due_at == vn(2026, 3, 10, 9, 0)


def test_stop_ends_the_clock(cal: WorkingCalendar) -> None:
    events = [ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0)), ClockEvent(STOP, vn(2026, 3, 5, 10, 0))]
    state = current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.PAUSE)
    assert state.stopped and state.stopped_at == vn(2026, 3, 5, 10, 0)
    assert not state.paused
    assert state.history[-1] == "10:00 thứ Năm 05/03/2026: dừng giải quyết hồ sơ, ngừng tính thời hạn."
    with pytest.raises(ClockError, match="đã dừng giải quyết"):
        current_due(cal, RECEIVED, FIVE_DAYS, [*events, ClockEvent(RESUME, vn(2026, 3, 6, 9, 0))], ClockMode.PAUSE)


def test_events_are_applied_in_time_order(cal: WorkingCalendar) -> None:
    events = [ClockEvent(RESUME, vn(2026, 3, 6, 10, 0)), ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0))]
    assert current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.PAUSE).due_at == vn(2026, 3, 11, 9, 0)


@pytest.mark.parametrize(
    ("events", "fragment"),
    [
        ([ClockEvent(RESUME, vn(2026, 3, 4, 10, 0))], "không ở trạng thái tạm dừng"),
        ([ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0)), ClockEvent(PAUSE, vn(2026, 3, 5, 10, 0))], "không thể tạm dừng"),
        ([ClockEvent(PAUSE, vn(2026, 3, 1, 10, 0))], "trước khi tiếp nhận"),
        (
            [ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0)),
             ClockEvent(EXTEND, vn(2026, 3, 5, 10, 0), new_due_at=vn(2026, 3, 20, 9, 0))],
            "không thể gia hạn",
        ),
        ([ClockEvent(EXTEND, vn(2026, 3, 5, 10, 0), new_due_at=vn(2026, 3, 9, 9, 0))], "phải sau hạn hiện tại"),
    ],
)
def test_impossible_sequences_are_refused_in_vietnamese(
    cal: WorkingCalendar, events: list[ClockEvent], fragment: str
) -> None:
    with pytest.raises(ClockError, match=fragment):
        current_due(cal, RECEIVED, FIVE_DAYS, events, ClockMode.PAUSE)


def test_clock_events_validate_themselves() -> None:
    assert ClockEvent("pause", vn(2026, 3, 4, 10, 0)).kind is PAUSE  # type: ignore[arg-type]
    with pytest.raises(ClockError, match="không hợp lệ"):
        ClockEvent("suspend", vn(2026, 3, 4, 10, 0))  # type: ignore[arg-type]
    with pytest.raises(ClockError, match="cần có hạn trả mới"):
        ClockEvent(EXTEND, vn(2026, 3, 4, 10, 0))
    with pytest.raises(ClockError, match="Chỉ sự kiện gia hạn"):
        ClockEvent(PAUSE, vn(2026, 3, 4, 10, 0), new_due_at=vn(2026, 3, 9, 9, 0))
    with pytest.raises(NaiveDatetimeError):
        ClockEvent(PAUSE, datetime(2026, 3, 4, 10, 0))
