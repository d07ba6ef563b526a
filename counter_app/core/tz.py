"""The one time zone of the application: Asia/Ho_Chi_Minh (UTC+7, no daylight saving since 1975).

Every aware datetime that the rules produce is expressed in `VN_TZ`. Naive datetimes are refused: a naive
value from a drifting PC clock or a careless caller is exactly how peer systems printed wrong due dates.
`tzdata` is a dependency so that Windows, which has no system zone database, finds the zone too.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class NaiveDatetimeError(ValueError):
    """A datetime without a time zone reached code that needs to know which instant it is."""


def require_aware(value: datetime, what: str = "datetime") -> datetime:
    """Return `value` expressed in Vietnamese time; raise `NaiveDatetimeError` if it has no time zone."""
    if not isinstance(value, datetime):
        raise TypeError(f"{what} must be a datetime, got {type(value).__name__}")
    tzinfo = value.tzinfo
    if tzinfo is VN_TZ:
        return value
    if tzinfo is None or tzinfo.utcoffset(value) is None:
        raise NaiveDatetimeError(
            f"{what} is naive ({value.isoformat()}); pass a timezone-aware datetime, "
            "e.g. datetime(..., tzinfo=VN_TZ)"
        )
    return value.astimezone(VN_TZ)


def vn_datetime(day: date, at: time) -> datetime:
    """The instant at wall-clock time `at` on `day` in Vietnam."""
    return datetime.combine(day, at, tzinfo=VN_TZ)


def vn_now() -> datetime:
    return datetime.now(VN_TZ)
