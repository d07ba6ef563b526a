"""After a calendar change: recompute open dossiers' current due dates explicitly, and record each change.

The promised date printed on the slip never moves; only `current_due_at` / `accountable_due_at` follow the
new calendar, and each change is an event a clerk can see in the dossier's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from counter_app.core.states import FINISHED
from counter_app.db.models import Dossier
from counter_app.services import audit
from counter_app.services.actions import recompute_current_due
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import Actor, CounterContext
from counter_app.services.events import append_event

RECOMPUTE_EVENT = "recompute_due"


@dataclass(frozen=True)
class RecomputeReport:
    examined: int
    changed: tuple[str, ...]  # codes of the dossiers whose due date moved


def recompute_open_due_dates(ctx: CounterContext, actor: Actor, *, at: datetime | None = None) -> RecomputeReport:
    ctx.reload_calendar()
    fingerprint = ctx.calendar.fingerprint
    when = at or ctx.now()
    changed: list[str] = []
    with ctx.db.write() as session:
        require_in_session(session, actor, Permission.MANAGE_CALENDAR)
        open_states = [s.value for s in FINISHED]
        dossiers = session.execute(select(Dossier).where(Dossier.state.not_in(open_states))).scalars().all()
        for dossier in dossiers:
            old_due, old_accountable = dossier.current_due_at, dossier.accountable_due_at
            recompute_current_due(session, ctx, dossier)
            if (dossier.current_due_at, dossier.accountable_due_at) == (old_due, old_accountable):
                continue
            changed.append(dossier.code)
            append_event(
                session,
                dossier_id=dossier.id,
                kind=RECOMPUTE_EVENT,
                at=when,
                actor=actor,
                node_id=ctx.node_id,
                from_state=dossier.state,
                to_state=dossier.state,
                payload={
                    "old_due_at": old_due.isoformat() if old_due else None,
                    "new_due_at": dossier.current_due_at.isoformat() if dossier.current_due_at else None,
                    "promised_due_at": dossier.promised_due_at.isoformat(),
                    "calendar": fingerprint,
                },
            )
        audit.record(
            session, actor, "due.recompute", target_type="calendar", target_id=fingerprint,
            after={"examined": len(dossiers), "changed": len(changed)}, node_id=ctx.node_id, at=when,
        )
    return RecomputeReport(len(dossiers), tuple(changed))
