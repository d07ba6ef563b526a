"""Appending to a dossier's history: every change is an event numbered by the node that made it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from counter_app.db.models import DossierEvent, Node
from counter_app.services.context import Actor

# Events are append-only and shipped to the upper level, so they can never be erased: personal data of
# citizens stays on the dossier row (erasable on request), never in a payload. A tripwire for programmers.
PERSONAL_PAYLOAD_KEYS = frozenset({
    "applicant_name", "applicant_id_number", "applicant_birth_date", "applicant_phone", "applicant_email",
    "applicant_address", "submitter_name", "submitter_id_number", "submitter_phone", "receiver_name",
    "receiver_id_number", "delivery_address", "id_number", "phone", "email", "address", "full_name",
})


def next_node_counter(session: Session, node_id: str) -> int:
    """Increment and return the node's event counter.

    Safe without a row lock because every write transaction starts with BEGIN IMMEDIATE (SQLite) — writers
    are serialised — and the (node_id, node_counter) UNIQUE constraint catches any mistake.
    """
    node = session.get(Node, node_id)
    if node is None:
        raise LookupError(f"unknown node {node_id}")
    node.event_counter += 1
    return node.event_counter


def append_event(
    session: Session,
    *,
    dossier_id: str,
    kind: str,
    at: datetime,
    actor: Actor,
    node_id: str,
    from_state: str = "",
    to_state: str = "",
    payload: dict[str, Any] | None = None,
) -> DossierEvent:
    leaked = PERSONAL_PAYLOAD_KEYS & set(payload or {})
    if leaked:
        raise ValueError(f"personal data in an event payload: {sorted(leaked)}")
    event = DossierEvent(
        id=str(uuid.uuid4()),
        dossier_id=dossier_id,
        kind=kind,
        at=at,
        user_id=actor.user_id,
        username=actor.username,
        node_id=node_id,
        node_counter=next_node_counter(session, node_id),
        from_state=from_state,
        to_state=to_state,
        payload=payload or {},
    )
    session.add(event)
    return event
