"""Builds the unit's working calendar from the shipped overrides plus the unit's own settings."""

from __future__ import annotations

from datetime import date

from counter_app.core.calendar import (
    CalendarOverride,
    WeeklySessions,
    WorkingCalendar,
    load_calendar,
    parse_overrides,
)
from counter_app.db.engine import Database
from counter_app.services import settings as keys
from counter_app.services.settings import get_setting

HUB_CALENDAR = "calendar.hub_overrides"  # written by sync.commune_inbox from a return package


def calendar_for(db: Database) -> WorkingCalendar:
    with db.read() as session:
        culture_day_off = bool(get_setting(session, keys.CALENDAR_CULTURE_DAY_OFF))
        extra = get_setting(session, keys.CALENDAR_EXTRA_OVERRIDES) or []
        stored_sessions = get_setting(session, keys.CALENDAR_SESSIONS)
        hub_calendar = get_setting(session, HUB_CALENDAR)
    sessions = None
    if stored_sessions:  # the unit's own hours, e.g. Saturday-morning reception (which does not count)
        sessions = WeeklySessions.from_mapping(
            stored_sessions["hours"],
            counting_weekdays=stored_sessions.get("counting_weekdays", range(5)),
            extra_day_sessions=stored_sessions.get("extra_day_sessions"),
            same_day_cutoff=stored_sessions.get("same_day_cutoff", "15:00"),
        )
    # Layers, later wins for a date: the shipped file, the upper level's file, then the unit's own days.
    layered: dict[date, CalendarOverride] = {}
    if hub_calendar and hub_calendar.get("csv"):
        for override in parse_overrides(hub_calendar["csv"], origin="hub"):
            layered[override.day] = override
    unit_days = [
        CalendarOverride(
            day=date.fromisoformat(item["date"]),
            kind=item["kind"],
            name=item["name"],
            source=item.get("source", ""),
        )
        for item in extra
    ]
    for override in unit_days:
        layered[override.day] = override
    overrides = list(layered.values())
    return load_calendar(sessions=sessions, culture_day_off=culture_day_off, extra_overrides=overrides)
