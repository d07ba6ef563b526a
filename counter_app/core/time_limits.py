"""How a procedure states its processing time (shared by the catalogue, due dates and printing)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TimeUnit(StrEnum):
    WORKING_DAYS = "working_days"  # "ngày làm việc"
    CALENDAR_DAYS = "calendar_days"  # "ngày" (Civil Code: counted from the next day)
    SAME_DAY = "same_day"  # "trong ngày", with the 15:00 rule


class ClockMode(StrEnum):
    """What completing a supplement request does to the clock."""

    PAUSE = "pause"  # time already used still counts; the clock resumes
    RESTART = "restart"  # "kể từ ngày nhận đủ hồ sơ hợp lệ": the count starts again from zero


@dataclass(frozen=True, slots=True)
class TimeLimit:
    value: int
    unit: TimeUnit
    mountain_extra_days: int = 0  # extra days granted to mountainous / ĐBKK communes

    def __post_init__(self) -> None:
        if self.value < 0 or self.mountain_extra_days < 0:
            raise ValueError("time limits are never negative")
        if self.unit is TimeUnit.SAME_DAY and self.value != 0:
            raise ValueError("a same-day limit has value 0")
