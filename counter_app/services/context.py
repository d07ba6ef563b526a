"""What every service call needs: the database, this workstation, the calendar, the clock, and who acts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from counter_app.core.tz import VN_TZ  # the same zone as db.types.VN_TZ, without loading SQLAlchemy

if TYPE_CHECKING:  # kept light: the sign-in window and the CLI's parser import this before SQLAlchemy
    from counter_app.core.calendar import WorkingCalendar
    from counter_app.db.engine import Database


class Role(StrEnum):
    CLERK = "clerk"
    LEADER = "leader"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    username: str
    full_name: str
    role: Role


SYSTEM_ACTOR = Actor(user_id=None, username="system", full_name="Hệ thống", role=Role.ADMIN)


def vn_now() -> datetime:
    return datetime.now(VN_TZ)


@dataclass
class CounterContext:
    """One open database seen from one workstation (node)."""

    db: Database
    node_id: str
    now: Callable[[], datetime] = field(default=vn_now)

    @cached_property
    def calendar(self) -> WorkingCalendar:
        from counter_app.services.calendar_settings import calendar_for

        return calendar_for(self.db)

    def reload_calendar(self) -> None:
        self.__dict__.pop("calendar", None)
