"""Due dates: the acceptance examples from the 2026 official calendar, the rules and their explanations."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from counter_app.core.calendar import CalendarOverride, OverrideKind, WorkingCalendar, load_calendar
from counter_app.core.due_dates import DueDate, compute_due, recompute_due
from counter_app.core.time_limits import TimeLimit, TimeUnit
from counter_app.core.tz import VN_TZ, NaiveDatetimeError

WORKING = TimeUnit.WORKING_DAYS
CALENDAR = TimeUnit.CALENDAR_DAYS
SAME_DAY = TimeLimit(0, TimeUnit.SAME_DAY)


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return load_calendar()


# --- acceptance examples (issue 3), exactly as written ---------------------------------------------


def test_received_wed_31_12_2025_1000_two_working_days_is_due_tue_06_01_2026_1000(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2025, 12, 31, 10, 0), TimeLimit(2, WORKING))
    assert due.due_at == vn(2026, 1, 6, 10, 0)
    assert due.due_at.weekday() == 1  # Tuesday


def test_received_thu_08_01_2026_0900_two_working_days_is_due_sat_10_01_2026_0900(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 1, 8, 9, 0), TimeLimit(2, WORKING))
    assert due.due_at == vn(2026, 1, 10, 9, 0)
    assert due.due_at.weekday() == 5  # the worked Saturday
    assert "Làm bù cho thứ Sáu 02/01/2026" in due.explanation


def test_received_fri_13_02_2026_1000_three_working_days_is_due_wed_25_02_2026_1000(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 2, 13, 10, 0), TimeLimit(3, WORKING))
    assert due.due_at == vn(2026, 2, 25, 10, 0)
    assert due.due_at.weekday() == 2  # Wednesday
    assert "Tết Nguyên đán" in due.explanation
    assert "nghỉ cuối tuần" in due.explanation
    assert due.skipped_text == "bỏ qua 16/02–20/02/2026: Tết Nguyên đán; 14–15/02, 21–22/02: nghỉ cuối tuần"


def test_same_day_received_wed_29_04_2026_1530_is_due_mon_04_05_2026(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 4, 29, 15, 30), SAME_DAY)
    assert due.due_at.date() == date(2026, 5, 4)
    assert due.due_at.weekday() == 0  # Monday
    assert due.due_at == vn(2026, 5, 4, 17, 0)


@pytest.mark.parametrize("hour", [7, 9, 14, 16])
def test_received_mon_20_04_2026_seven_calendar_days_is_due_tue_28_04_2026(cal: WorkingCalendar, hour: int) -> None:
    due = compute_due(cal, vn(2026, 4, 20, hour, 45), TimeLimit(7, CALENDAR))
    assert due.due_at.date() == date(2026, 4, 28)
    assert due.due_at.weekday() == 1  # Tuesday, because Monday 27/04 is the Giỗ Tổ make-up day off


# --- working days --------------------------------------------------------------------------------


def test_receipt_at_lunch_counts_from_1330_and_keeps_that_clock_time(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 3, 9, 12, 10), TimeLimit(2, WORKING))
    assert due.counted_from == vn(2026, 3, 9, 13, 30)
    assert due.receipt_moved
    assert due.due_at == vn(2026, 3, 11, 13, 30)
    assert due.explanation.startswith(
        "Tiếp nhận lúc 12:10 thứ Hai 09/03/2026, ngoài giờ làm việc: tính từ 13:30 thứ Hai 09/03/2026."
    )


def test_receipt_in_the_evening_counts_from_the_next_working_morning(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 3, 13, 18, 30), TimeLimit(1, WORKING))  # Friday evening
    assert due.counted_from == vn(2026, 3, 16, 7, 30)
    assert due.due_at == vn(2026, 3, 17, 7, 30)


def test_saturday_reception_counts_from_monday(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 3, 7, 9, 0), TimeLimit(3, WORKING))
    assert due.counted_from == vn(2026, 3, 9, 7, 30)
    assert due.due_at == vn(2026, 3, 12, 7, 30)
    assert due.skipped_text == "bỏ qua 07–08/03: nghỉ cuối tuần"


def test_zero_working_days_is_due_at_the_receipt_instant(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 3, 9, 10, 0), TimeLimit(0, WORKING))
    assert due.due_at == vn(2026, 3, 9, 10, 0)


def test_mountainous_communes_get_the_extra_days_only_when_flagged(cal: WorkingCalendar) -> None:
    limit = TimeLimit(5, WORKING, mountain_extra_days=5)
    plain = compute_due(cal, vn(2026, 3, 2, 9, 0), limit)
    mountain = compute_due(cal, vn(2026, 3, 2, 9, 0), limit, mountainous=True)
    assert plain.due_at == vn(2026, 3, 9, 9, 0)
    assert mountain.due_at == vn(2026, 3, 16, 9, 0)
    assert "thêm 5 ngày làm việc cho xã miền núi" in mountain.explanation


def test_received_in_utc_gives_a_due_date_in_vietnamese_time(cal: WorkingCalendar) -> None:
    due = compute_due(cal, datetime(2026, 3, 9, 3, 0, tzinfo=UTC), TimeLimit(2, WORKING))
    assert due.due_at == vn(2026, 3, 11, 10, 0)
    assert due.due_at.tzinfo is VN_TZ and due.counted_from.tzinfo is VN_TZ


def test_naive_receipt_is_refused_with_a_clear_error(cal: WorkingCalendar) -> None:
    with pytest.raises(NaiveDatetimeError, match="received_at is naive"):
        compute_due(cal, datetime(2026, 3, 9, 10, 0), TimeLimit(2, WORKING))


def test_long_limits_cross_years(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 12, 15, 9, 0), TimeLimit(20, WORKING))
    # 16/12/2026–14/01/2027 minus weekends and 01/01/2027 → 20th working day is 13/01/2027
    assert due.due_at == vn(2027, 1, 13, 9, 0)
    assert "01/01/2027: Tết Dương lịch" in due.skipped_text


# --- calendar days -------------------------------------------------------------------------------


def test_calendar_days_end_on_a_working_day_at_closing_time(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 3, 2, 9, 0), TimeLimit(10, CALENDAR))
    assert due.due_at == vn(2026, 3, 12, 17, 0)
    assert due.skipped_text == "không có ngày nghỉ xen giữa"


def test_calendar_days_ending_on_tet_move_past_the_whole_break(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 2, 9, 9, 0), TimeLimit(7, CALENDAR))  # nominal end Mon 16/02
    assert due.due_at == vn(2026, 2, 23, 17, 0)
    assert due.skipped_text == "bỏ qua 16/02–20/02/2026: Tết Nguyên đán; 21–22/02: nghỉ cuối tuần"
    assert "Ngày 16/02/2026 là ngày nghỉ nên hạn chuyển sang ngày làm việc tiếp theo." in due.explanation


def test_birth_registration_sixty_calendar_days(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 1, 5, 8, 0), TimeLimit(60, CALENDAR))
    assert due.due_at.date() == date(2026, 3, 6)  # 05/01 + 60 days = Friday 06/03/2026


# --- same day --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (vn(2026, 3, 9, 14, 59), vn(2026, 3, 9, 17, 0)),
        (vn(2026, 3, 9, 15, 0), vn(2026, 3, 9, 17, 0)),  # "after 15:00" starts after 15:00
        (vn(2026, 3, 9, 15, 1), vn(2026, 3, 10, 17, 0)),
        (vn(2026, 3, 9, 6, 45), vn(2026, 3, 9, 17, 0)),  # before opening: still that day
        (vn(2026, 3, 9, 17, 30), vn(2026, 3, 10, 17, 0)),
        (vn(2026, 3, 7, 9, 0), vn(2026, 3, 9, 17, 0)),  # Saturday reception → Monday
        (vn(2026, 2, 13, 15, 30), vn(2026, 2, 23, 17, 0)),  # before Tết, after 15:00
    ],
)
def test_same_day_with_the_1500_rule(cal: WorkingCalendar, received: datetime, due: datetime) -> None:
    assert compute_due(cal, received, SAME_DAY).due_at == due


def test_same_day_explanation_states_the_cutoff(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 4, 29, 15, 30), SAME_DAY)
    assert due.explanation == (
        "Tiếp nhận lúc 15:30 thứ Tư 29/04/2026. Thủ tục trả kết quả trong ngày tiếp nhận. "
        "Tiếp nhận sau 15:00 nên trả kết quả trong ngày làm việc tiếp theo. "
        "Hạn trả: 17:00 thứ Hai 04/05/2026 (bỏ qua 30/04/2026: Ngày Chiến thắng; "
        "01/05/2026: Ngày Quốc tế Lao động; 02–03/05: nghỉ cuối tuần)."
    )


def test_same_day_with_mountain_days_adds_working_days(cal: WorkingCalendar) -> None:
    limit = TimeLimit(0, TimeUnit.SAME_DAY, mountain_extra_days=1)
    assert compute_due(cal, vn(2026, 3, 13, 10, 0), limit, mountainous=True).due_at == vn(2026, 3, 16, 17, 0)


# --- explanation ------------------------------------------------------------------------------------


def test_full_explanation_of_the_tet_example(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 2, 13, 10, 0), TimeLimit(3, WORKING))
    assert due.explanation == (
        "Tiếp nhận lúc 10:00 thứ Sáu 13/02/2026. Thời hạn 3 ngày làm việc, đếm từ ngày làm việc sau ngày "
        "thứ Sáu 13/02/2026; hạn trả cùng giờ 10:00 của ngày làm việc thứ 3. Hạn trả: 10:00 thứ Tư 25/02/2026 "
        "(bỏ qua 16/02–20/02/2026: Tết Nguyên đán; 14–15/02, 21–22/02: nghỉ cuối tuần)."
    )


def test_new_year_explanation_groups_the_swapped_friday_with_new_year(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2025, 12, 31, 10, 0), TimeLimit(2, WORKING))
    assert due.skipped_text == "bỏ qua 01/01–02/01/2026: Tết Dương lịch; 03–04/01: nghỉ cuối tuần"
    assert [d.day for d in due.skipped_days] == [date(2026, 1, d) for d in (1, 2, 3, 4)]


def test_many_weekends_are_summarised(cal: WorkingCalendar) -> None:
    due = compute_due(cal, vn(2026, 3, 2, 9, 0), TimeLimit(30, WORKING))
    assert due.skipped_text == "bỏ qua 12 ngày nghỉ cuối tuần"


def test_due_date_is_a_value(cal: WorkingCalendar) -> None:
    first = compute_due(cal, vn(2026, 3, 9, 10, 0), TimeLimit(2, WORKING))
    second = compute_due(cal, vn(2026, 3, 9, 10, 0), TimeLimit(2, WORKING))
    assert first == second and hash(first) == hash(second)
    assert isinstance(first, DueDate)


# --- the promised date never moves: explicit recomputation ------------------------------------------


def test_recompute_after_a_new_day_off_moves_the_date_and_says_why(cal: WorkingCalendar) -> None:
    printed = compute_due(cal, vn(2026, 3, 9, 10, 0), TimeLimit(3, WORKING))
    assert printed.due_at == vn(2026, 3, 12, 10, 0)
    new_cal = load_calendar(
        extra_overrides=[CalendarOverride(date(2026, 3, 10), OverrideKind.OFF, "Nghỉ bầu cử", "Nghị quyết HĐND")]
    )
    result = recompute_due(printed, new_cal)
    assert printed.due_at == vn(2026, 3, 12, 10, 0)  # the printed value itself is untouched
    assert result.changed
    assert result.current.due_at == vn(2026, 3, 13, 10, 0)
    assert result.summary == (
        "Tính lại theo lịch mới: hạn trả đổi từ 10:00 thứ Năm 12/03/2026 sang 10:00 thứ Sáu 13/03/2026. "
        "Thay đổi lịch liên quan: thứ Ba 10/03/2026 thành ngày nghỉ (Nghỉ bầu cử)."
    )


def test_recompute_with_an_unrelated_change_keeps_the_date(cal: WorkingCalendar) -> None:
    printed = compute_due(cal, vn(2026, 3, 9, 10, 0), TimeLimit(3, WORKING))
    new_cal = load_calendar(
        extra_overrides=[CalendarOverride(date(2026, 6, 1), OverrideKind.OFF, "Nghỉ", "QĐ")]
    )
    result = recompute_due(printed, new_cal)
    assert not result.changed
    assert result.calendar_changes == ()
    assert result.summary == (
        "Tính lại theo lịch mới: hạn trả không đổi (10:00 thứ Năm 12/03/2026). "
        "Lịch không thay đổi trong khoảng thời hạn."
    )
