"""Read-only questions about one dossier: its current view and its history.

Lists and searches live in services/dossier_list.py (paged, indexed, used by the counter screen)."""

from __future__ import annotations

from sqlalchemy import select

from counter_app.db.models import DossierEvent
from counter_app.services.actions import load_dossier
from counter_app.services.context import CounterContext
from counter_app.services.views import DossierView, EventView, dossier_view, event_view


def get_dossier(ctx: CounterContext, ref: str) -> DossierView:
    with ctx.db.read() as session:
        return dossier_view(load_dossier(session, ref))


def dossier_history(ctx: CounterContext, ref: str) -> list[EventView]:
    with ctx.db.read() as session:
        dossier = load_dossier(session, ref)
        rows = session.execute(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.at, DossierEvent.node_counter)
        ).scalars()
        return [event_view(r) for r in rows]
