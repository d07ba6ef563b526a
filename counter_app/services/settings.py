"""Typed access to the `settings` table (business settings live in the database, not in QSettings)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from counter_app.db.models import Setting
from counter_app.services.context import vn_now

DEFAULT_NODE_ID = "node.default_id"
CALENDAR_CULTURE_DAY_OFF = "calendar.culture_day_off"
CALENDAR_SESSIONS = "calendar.sessions"
CALENDAR_EXTRA_OVERRIDES = "calendar.extra_overrides"
DUE_SOON_WORKING_DAYS = "timeliness.due_soon_working_days"
TIMELINESS_GRANULARITY = "timeliness.granularity"

DEFAULTS: dict[str, Any] = {
    CALENDAR_CULTURE_DAY_OFF: True,
    CALENDAR_SESSIONS: None,  # None: the national default sessions
    CALENDAR_EXTRA_OVERRIDES: [],
    DUE_SOON_WORKING_DAYS: 1,
    TIMELINESS_GRANULARITY: "day",
}


def get_setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return row.value if row is not None else DEFAULTS.get(key)


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value, updated_at=vn_now()))
    else:
        row.value = value
        row.updated_at = vn_now()
