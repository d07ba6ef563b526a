"""Dates, times and money as the forms print them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from counter_app.printing.textfmt import date_parts, group_thousands, short_date, time_parts


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 5), ("05", "01", "2026")),
        (date(2026, 2, 28), ("28", "02", "2026")),
        (date(2026, 3, 9), ("09", "3", "2026")),
        (date(2026, 11, 23), ("23", "11", "2026")),
    ],
)
def test_nd30_day_and_month(day: date, expected: tuple[str, str, str]) -> None:
    parts = date_parts(day)
    assert (parts["day"], parts["month"], parts["year"]) == expected


def test_time_parts_are_on_the_counter_clock() -> None:
    parts = time_parts(datetime(2026, 12, 31, 17, 5, tzinfo=UTC))  # 00:05 on 1 January in Hà Nội
    assert parts == {"hour": "00", "minute": "05", "day": "01", "month": "01", "year": "2027"}


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        time_parts(datetime(2026, 11, 23, 8, 30))


def test_money_uses_dots_between_thousands() -> None:
    assert [group_thousands(v) for v in (0, 8000, 1_250_000)] == ["0", "8.000", "1.250.000"]


def test_short_date() -> None:
    assert short_date(date(2026, 3, 9)) == "09/03/2026"
