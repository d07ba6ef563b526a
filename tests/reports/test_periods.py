"""Reporting periods (domain-vn §5.2): the 15th–14th cut-off and calendar periods, as a clerk types them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.reports import periods as p
from counter_app.reports.periods import PeriodError, PeriodKind
from tests.conftest import vn


def _range(period: p.ReportPeriod) -> tuple[date, date]:
    return period.start, period.end


def test_cutoff_15_periods_follow_nd09_2019() -> None:
    assert _range(p.month(2026, 7)) == (date(2026, 6, 15), date(2026, 7, 14))
    assert _range(p.month(2026, 1)) == (date(2025, 12, 15), date(2026, 1, 14))
    assert _range(p.quarter(2026, 1)) == (date(2025, 12, 15), date(2026, 3, 14))
    assert _range(p.quarter(2026, 3)) == (date(2026, 6, 15), date(2026, 9, 14))
    assert _range(p.half_year(2026)) == (date(2025, 12, 15), date(2026, 6, 14))
    assert _range(p.nine_months(2026)) == (date(2025, 12, 15), date(2026, 9, 14))
    assert _range(p.whole_year(2026)) == (date(2025, 12, 15), date(2026, 12, 14))


def test_calendar_periods() -> None:
    assert _range(p.month(2028, 2, p.CALENDAR)) == (date(2028, 2, 1), date(2028, 2, 29))
    assert _range(p.quarter(2026, 3, p.CALENDAR)) == (date(2026, 7, 1), date(2026, 9, 30))
    assert _range(p.half_year(2026, p.CALENDAR)) == (date(2026, 1, 1), date(2026, 6, 30))
    assert _range(p.nine_months(2026, p.CALENDAR)) == (date(2026, 1, 1), date(2026, 9, 30))
    assert _range(p.whole_year(2026, p.CALENDAR)) == (date(2026, 1, 1), date(2026, 12, 31))


def test_periods_as_typed_on_the_command_line() -> None:
    assert p.parse_period("2026-Q3", 15) == p.quarter(2026, 3, 15)
    assert p.parse_period("2026-07", p.parse_cutoff("calendar")) == p.month(2026, 7, p.CALENDAR)
    assert p.parse_period("2026-6M").kind is PeriodKind.HALF_YEAR
    assert p.parse_period("2026-h1") == p.half_year(2026)
    assert p.parse_period("2026-9M") == p.nine_months(2026)
    assert p.parse_period("2026") == p.parse_period("2026-Y") == p.whole_year(2026)
    custom = p.parse_period("2026-01-15..2026-02-14")
    assert _range(custom) == (date(2026, 1, 15), date(2026, 2, 14)) and custom.kind is PeriodKind.CUSTOM
    assert p.parse_cutoff("15") == 15 and p.parse_cutoff("lịch") == p.CALENDAR


@pytest.mark.parametrize("spec", ["2026-13", "2026-Q5", "quý 3", "2026-02-30..2026-03-01", "26-07"])
def test_unreadable_periods_are_refused_in_vietnamese(spec: str) -> None:
    with pytest.raises(PeriodError, match="Không hiểu kỳ báo cáo"):
        p.parse_period(spec)


def test_bad_cutoff_and_reversed_ranges_are_refused() -> None:
    with pytest.raises(PeriodError, match="Ngày chốt số liệu"):
        p.parse_cutoff("31")
    with pytest.raises(PeriodError, match="sau ngày kết thúc"):
        p.custom(date(2026, 3, 2), date(2026, 3, 1))


def test_names_and_instants_on_the_counter_clock() -> None:
    q3 = p.quarter(2026, 3)
    assert q3.title == "Quý III năm 2026 (Từ ngày 15/06/2026 đến ngày 14/09/2026)"
    assert p.half_year(2026).name == "6 tháng đầu năm 2026" and p.nine_months(2026).name == "9 tháng năm 2026"
    assert q3.start_at == vn(2026, 6, 15) and q3.end_at == vn(2026, 9, 15)  # end is exclusive


def test_the_period_of_a_day_and_the_last_twelve_months() -> None:
    assert p.month_containing(date(2026, 7, 14), 15) == p.month(2026, 7, 15)
    assert p.month_containing(date(2026, 7, 15), 15) == p.month(2026, 8, 15)
    assert p.month_containing(date(2026, 12, 20), 15) == p.month(2027, 1, 15)
    assert p.quarter_containing(date(2026, 9, 20), 15) == p.quarter(2026, 4, 15)
    months = p.last_months(date(2026, 7, 10), 12, p.CALENDAR)
    assert [m.number for m in months] == [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]
    assert months[-1].end == date(2026, 7, 10) and months[0].start == date(2025, 8, 1)


@given(year=st.integers(2000, 2100), cutoff=st.integers(1, 28))
def test_months_and_quarters_tile_the_year_without_gap_or_overlap(year: int, cutoff: int) -> None:
    months = [p.month(year, m, cutoff) for m in range(1, 13)]
    quarters = [p.quarter(year, q, cutoff) for q in range(1, 5)]
    for parts in (months, quarters):
        assert all(a.end + timedelta(days=1) == b.start for a, b in zip(parts, parts[1:], strict=False))
        assert (parts[0].start, parts[-1].end) == _range(p.whole_year(year, cutoff))
    assert months[5].end == p.half_year(year, cutoff).end and months[8].end == p.nine_months(year, cutoff).end
    assert p.whole_year(year, cutoff).end + timedelta(days=1) == p.whole_year(year + 1, cutoff).start
