"""One rule for "overdue now" and "finished on time", used by the commune and by the hub on the same fields,
so the hub's overdue list for a commune is the commune's own list.

- Overdue now: the dossier is in a state where the clock runs (received, forwarded, supplemented, extended)
  and `core.timeliness.is_overdue(current due date, now)` holds (day granularity). A dossier waiting for the
  citizen's supplement, or with a result, is not overdue.
- Finished on time: a dossier with a result (result ready or returned) finished early or on time against its
  current due date — or, once extended, against the earlier of the promised and current dates (the
  apology letter does not erase lateness).
"""

from __future__ import annotations

from datetime import datetime

from counter_app.core.states import DossierState, clock_running
from counter_app.core.timeliness import FinishedOutcome, classify_finished, is_overdue

RESULT_STATES = frozenset({DossierState.RESULT_READY.value, DossierState.RETURNED.value})


def overdue_now(state: str, current_due_at: datetime | None, promised_due_at: datetime, at: datetime) -> bool:
    if not clock_running(DossierState(state)):
        return False
    return is_overdue(current_due_at or promised_due_at, at)


def finished_on_time(current_due_at: datetime | None, promised_due_at: datetime, finished_at: datetime,
                     extension_count: int) -> bool:
    outcome = classify_finished(
        current_due_at or promised_due_at,
        finished_at,
        promised_due_at=promised_due_at if extension_count > 0 else None,
    )
    return outcome is not FinishedOutcome.LATE
