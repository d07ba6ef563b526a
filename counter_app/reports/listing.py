"""One line of a follow-up list (overdue, extended several times…): what a clerk needs to act on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.sql import Select

from counter_app.core.calendar import WorkingCalendar
from counter_app.db.models import Dossier
from counter_app.reports.bieu06 import reference_due


@dataclass(frozen=True)
class DossierLine:
    code: str
    applicant_name: str
    applicant_phone: str
    procedure_name: str
    field: str
    handler: str
    state: str
    received_at: datetime
    due_at: datetime  # the date the dossier is judged against (accountable)
    current_due_at: datetime | None  # differs after an extension
    extension_count: int
    agency_code: str
    days_late: int = 0  # working days past `due_at` (0 when not late)

    @property
    def extended(self) -> bool:
        return self.current_due_at is not None and self.current_due_at > self.due_at


def line_columns() -> tuple[Any, ...]:
    d = Dossier
    return (
        d.code,
        d.applicant_name,
        d.applicant_phone,
        d.procedure_name,
        d.field,
        d.handler,
        d.state,
        d.received_at,
        reference_due().label("ref_due"),
        d.current_due_at,
        d.extension_count,
        d.agency_code,
    )


def line_select() -> Select[Any]:
    return select(*line_columns())


def days_late(calendar: WorkingCalendar, due_at: datetime, today: date) -> int:
    """Working days from the due day to `today` (at least 1 once the due day has passed)."""
    due_day = due_at.date()
    if today <= due_day:
        return 0
    return max(1, calendar.count_working_days(due_day, today))


def to_line(row: Any, calendar: WorkingCalendar | None = None, today: date | None = None) -> DossierLine:
    late = days_late(calendar, row.ref_due, today) if calendar is not None and today is not None else 0
    return DossierLine(
        row.code,
        row.applicant_name,
        row.applicant_phone,
        row.procedure_name,
        row.field,
        row.handler,
        row.state,
        row.received_at,
        row.ref_due,
        row.current_due_at,
        row.extension_count,
        row.agency_code,
        late,
    )
