"""Column types shared by the models: timezone-aware datetimes stored the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class AwareDateTime(TypeDecorator[datetime]):
    """Stores UTC (naive text on SQLite, timestamptz on PostgreSQL); returns Asia/Ho_Chi_Minh time.

    Naive values are refused: a clerk's PC clock and a hub in another zone must agree on what a time means.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused; use an aware datetime")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(VN_TZ)
