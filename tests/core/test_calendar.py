"""The working calendar: which days count, the 2026 notices, sessions and working instants."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from counter_app.core.calendar import (
    CalendarConfigError,
    CalendarOverride,
    DayOffCategory,
    OverrideKind,
    Session,
    WeeklySessions,
    WorkingCalendar,
    load_calendar,
)
from counter_app.core.tz import VN_TZ, NaiveDatetimeError


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return load_calendar()


# --- the 2026 official calendar --------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),  # Tết Dương lịch
        date(2026, 1, 2),  # Friday swapped off (12729/VPCP-KGVX)
        *(date(2026, 2, d) for d in range(14, 23)),  # Tết Nguyên đán 14–22/02
        date(2026, 4, 27),  # Giỗ Tổ nghỉ bù
        *(date(2026, m, d) for m, d in [(4, 30), (5, 1), (5, 2), (5, 3)]),
        date(2026, 9, 2),  # Quốc khánh
        date(2026, 11, 24),  # Ngày Văn hóa Việt Nam (default on)
    ],
)
def test_days_off_of_the_2026_notices_do_not_count(cal: WorkingCalendar, day: date) -> None:
    assert not cal.is_counting_day(day)
    assert cal.describe_day_off(day)


@pytest.mark.parametrize("day", [date(2026, 1, 5), date(2026, 1, 10), date(2026, 2, 23), date(2026, 4, 28)])
def test_working_days_around_the_2026_holidays_count(cal: WorkingCalendar, day: date) -> None:
    assert cal.is_counting_day(day)
    assert cal.describe_day_off(day) is None


def test_saturday_10_01_2026_is_a_worked_saturday_with_full_day_sessions(cal: WorkingCalendar) -> None:
    saturday = date(2026, 1, 10)
    assert cal.is_counting_day(saturday)
    assert cal.sessions(saturday) == (Session(time(7, 30), time(11, 30)), Session(time(13, 30), time(17, 0)))
    assert cal.extra_working_day(saturday) == "Làm bù cho thứ Sáu 02/01/2026"
    assert not cal.is_counting_day(date(2026, 1, 17))  # an ordinary Saturday


def test_reasons_name_the_holiday_or_the_weekend(cal: WorkingCalendar) -> None:
    assert cal.describe_day_off(date(2026, 2, 17)) == "Tết Nguyên đán"
    assert cal.describe_day_off(date(2026, 4, 27)) == "Giỗ Tổ Hùng Vương (nghỉ bù)"
    assert cal.describe_day_off(date(2026, 1, 17)) == "Nghỉ cuối tuần (thứ Bảy)"
    assert cal.describe_day_off(date(2026, 2, 14)) == "Tết Nguyên đán (thứ Bảy)"
    assert cal.day_off(date(2026, 2, 14)).category is DayOffCategory.WEEKEND
    reason = cal.day_off(date(2026, 1, 2))
    assert reason.category is DayOffCategory.OVERRIDE
    assert "12729/VPCP-KGVX" in reason.source


def test_national_holidays_of_any_year_come_from_the_holidays_library(cal: WorkingCalendar) -> None:
    # 2027 has no override in the shipped file: Tết 2027 comes from holidays.Vietnam(language="vi").
    assert cal.describe_day_off(date(2027, 2, 8)) == "Tết Nguyên đán"
    assert cal.describe_day_off(date(2027, 9, 2)) == "Quốc khánh"
    assert not cal.is_counting_day(date(2035, 1, 1))
    assert cal.is_counting_day(date(2035, 1, 2))
    assert not cal.is_counting_day(date(1999, 9, 2))


def test_a_weekend_day_the_library_lists_as_swapped_in_counts(cal: WorkingCalendar) -> None:
    # holidays 0.109: 31/08/2026 off "thay cho ngày 22/08/2026", so Saturday 22/08/2026 is worked.
    assert not cal.is_counting_day(date(2026, 8, 31))
    assert cal.is_counting_day(date(2026, 8, 22))
    assert cal.extra_working_day(date(2026, 8, 22))


def test_culture_day_24_11_is_configurable() -> None:
    with_day = load_calendar(culture_day_off=True)
    without_day = load_calendar(culture_day_off=False)
    assert not with_day.is_counting_day(date(2026, 11, 24))
    assert without_day.is_counting_day(date(2026, 11, 24))
    assert with_day.describe_day_off(date(2026, 11, 24)) == "Ngày Văn hóa Việt Nam"
    assert not with_day.is_counting_day(date(2027, 11, 24))
    assert without_day.is_counting_day(date(2027, 11, 24))


def test_saturday_reception_does_not_make_saturday_count() -> None:
    hours = WeeklySessions.standard(saturday_reception=[Session(time(7, 30), time(11, 30))])
    cal = load_calendar(sessions=hours)
    saturday = date(2026, 3, 7)
    assert not cal.is_counting_day(saturday)
    assert cal.sessions(saturday) == ()
    assert cal.reception_sessions(saturday) == (Session(time(7, 30), time(11, 30)),)
    # a dossier received at the Saturday counter counts from Monday 07:30
    assert cal.working_instant(vn(2026, 3, 7, 9, 0)) == vn(2026, 3, 9, 7, 30)
    # the counter is closed on a holiday Saturday
    assert cal.reception_sessions(date(2026, 2, 14)) == ()
    # a làm bù Saturday is a full working day even where Saturday normally has morning reception only
    assert cal.sessions(date(2026, 1, 10)) == (Session(time(7, 30), time(11, 30)), Session(time(13, 30), time(17, 0)))


def test_a_unit_can_declare_saturday_a_counting_day_and_tet_saturdays_stay_off() -> None:
    hours = WeeklySessions(
        weekdays=(WeeklySessions().weekdays[0],) * 5 + ((Session(time(7, 30), time(11, 30)),), ()),
        counting_weekdays=frozenset(range(6)),
    )
    cal = load_calendar(sessions=hours)
    assert cal.is_counting_day(date(2026, 3, 7))
    assert not cal.is_counting_day(date(2026, 2, 14))  # shipped Tết override covers the Saturday
    assert cal.describe_day_off(date(2026, 2, 14)) == "Tết Nguyên đán"


def test_working_instant_moves_receipts_outside_hours_to_the_next_session(cal: WorkingCalendar) -> None:
    assert cal.working_instant(vn(2026, 3, 9, 10, 15)) == vn(2026, 3, 9, 10, 15)
    assert cal.working_instant(vn(2026, 3, 9, 6, 0)) == vn(2026, 3, 9, 7, 30)
    assert cal.working_instant(vn(2026, 3, 9, 11, 30)) == vn(2026, 3, 9, 13, 30)  # end is exclusive
    assert cal.working_instant(vn(2026, 3, 9, 12, 5)) == vn(2026, 3, 9, 13, 30)
    assert cal.working_instant(vn(2026, 3, 9, 17, 0)) == vn(2026, 3, 10, 7, 30)
    assert cal.working_instant(vn(2026, 3, 13, 20, 0)) == vn(2026, 3, 16, 7, 30)  # Friday evening
    assert cal.working_instant(vn(2026, 2, 13, 17, 30)) == vn(2026, 2, 23, 7, 30)  # before Tết
    assert cal.is_working_time(vn(2026, 3, 9, 16, 59))
    assert not cal.is_working_time(vn(2026, 3, 9, 12, 0))


def test_next_session_start(cal: WorkingCalendar) -> None:
    assert cal.next_session_start(vn(2026, 3, 9, 7, 30)) == vn(2026, 3, 9, 7, 30)
    assert cal.next_session_start(vn(2026, 3, 9, 9, 0)) == vn(2026, 3, 9, 13, 30)
    assert cal.next_session_start(vn(2026, 3, 9, 14, 0)) == vn(2026, 3, 10, 7, 30)
    assert cal.end_of_day(date(2026, 3, 9)) == vn(2026, 3, 9, 17, 0)


def test_instants_in_another_time_zone_are_read_as_vietnamese_time(cal: WorkingCalendar) -> None:
    from datetime import UTC

    utc_receipt = datetime(2026, 3, 9, 3, 0, tzinfo=UTC)  # 10:00 in Hanoi
    assert cal.working_instant(utc_receipt) == vn(2026, 3, 9, 10, 0)
    assert cal.working_instant(utc_receipt).tzinfo is VN_TZ


def test_naive_datetimes_are_refused(cal: WorkingCalendar) -> None:
    with pytest.raises(NaiveDatetimeError, match="naive"):
        cal.working_instant(datetime(2026, 3, 9, 10, 0))


def test_add_and_count_working_days_across_years(cal: WorkingCalendar) -> None:
    assert cal.add_working_days(date(2025, 12, 31), 2) == date(2026, 1, 6)
    assert cal.add_working_days(date(2026, 1, 3), 0) == date(2026, 1, 5)
    assert cal.add_working_days(date(2026, 1, 5), 0) == date(2026, 1, 5)
    assert cal.count_working_days(date(2025, 12, 31), date(2026, 1, 6)) == 2
    assert cal.count_working_days(date(2026, 1, 6), date(2025, 12, 31)) == -2
    far = cal.add_working_days(date(2026, 6, 1), 600)
    assert cal.count_working_days(date(2026, 6, 1), far) == 600
    with pytest.raises(ValueError):
        cal.add_working_days(date(2026, 6, 1), -1)


def test_override_added_for_a_unit_wins_over_the_shipped_file() -> None:
    local = CalendarOverride(date(2026, 1, 10), OverrideKind.OFF, "Ngày hội văn hóa xã", "QĐ 12/QĐ-UBND")
    extra_work = CalendarOverride(date(2026, 3, 7), OverrideKind.WORK, "Làm bù", "Thông báo của UBND xã")
    cal = load_calendar(extra_overrides=[local, extra_work])
    assert not cal.is_counting_day(date(2026, 1, 10))
    assert cal.is_counting_day(date(2026, 3, 7))
    assert cal.describe_day_off(date(2026, 1, 10)) == "Ngày hội văn hóa xã (thứ Bảy)"


def test_weekly_sessions_round_trip_through_settings() -> None:
    hours = WeeklySessions.from_mapping(
        {0: ["07:00-11:30", "13:30-17:00"], 1: ["07:00-11:30", "13:30-17:00"], 2: ["07:00-11:30"],
         3: ["07:00-11:30", "13:30-17:00"], 4: ["07:00-11:30", "13:30-17:00"], 5: ["07:30–11:30"]},
        same_day_cutoff="16:00",
    )
    assert WeeklySessions.from_mapping(**_as_kwargs(hours.to_mapping())) == hours
    cal = load_calendar(sessions=hours)
    assert cal.same_day_cutoff == time(16, 0)
    assert cal.end_of_day(date(2026, 3, 11)) == vn(2026, 3, 11, 11, 30)  # Wednesday: mornings only
    assert not cal.is_counting_day(date(2026, 3, 7))


def _as_kwargs(mapping: dict) -> dict:
    return {
        "hours": mapping["hours"],
        "counting_weekdays": mapping["counting_weekdays"],
        "extra_day_sessions": mapping["extra_day_sessions"],
        "same_day_cutoff": mapping["same_day_cutoff"],
    }


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        (lambda: Session.parse("7h30 đến 11h30"), "không hợp lệ"),
        (lambda: WeeklySessions(weekdays=((Session(time(11), time(8)),),) + ((),) * 6,
                                counting_weekdays=frozenset({0})), "giờ bắt đầu phải trước"),
        (lambda: WeeklySessions(weekdays=((Session(time(7), time(11)), Session(time(10), time(12))),)
                                + ((),) * 6, counting_weekdays=frozenset({0})), "chồng lên nhau"),
        (lambda: WeeklySessions(counting_weekdays=frozenset({6})), "không có buổi làm việc"),
        (lambda: WeeklySessions(weekdays=((),) * 6), "đủ 7 ngày"),
    ],
)
def test_unusable_working_hours_are_refused_in_vietnamese(build, fragment: str) -> None:
    with pytest.raises(CalendarConfigError, match=fragment):
        build()


def test_load_calendar_is_cached_and_cheap() -> None:
    assert load_calendar() is load_calendar()
    assert load_calendar(culture_day_off=False) is not load_calendar()


def test_fingerprint_changes_with_the_rules() -> None:
    base = load_calendar()
    other = load_calendar(culture_day_off=False)
    assert base.fingerprint == load_calendar().fingerprint
    assert base.fingerprint != other.fingerprint


def test_diff_lists_days_whose_status_changed(cal: WorkingCalendar) -> None:
    extra = CalendarOverride(date(2026, 3, 10), OverrideKind.OFF, "Nghỉ đột xuất", "Thông báo UBND")
    changed = load_calendar(extra_overrides=[extra])
    changes = cal.diff(changed, date(2026, 3, 1), date(2026, 3, 31))
    assert [c.day for c in changes] == [date(2026, 3, 10)]
    assert changes[0].describe() == "thứ Ba 10/03/2026 thành ngày nghỉ (Nghỉ đột xuất)"
    assert changed.diff(cal, date(2026, 3, 1), date(2026, 3, 31))[0].describe().startswith(
        "thứ Ba 10/03/2026 thành ngày làm việc"
    )
