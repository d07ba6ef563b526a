"""What travels upward: the commune's rows reduced to what the upper level needs (personal-data minimisation).

Decided here and documented in docs/sync-format.md §Minimisation:
- dossier snapshots carry the code, procedure, state, channel, fee, delivery mode, dates and counters, the
  handler (an office or officer) and satisfaction — never the applicant's birth date, gender, phone, e-mail,
  address, the submitter (người nộp thay) or the delivery address;
- the applicant's name and citizen ID number travel only for dossiers forwarded upward (liên thông), which
  the upper level itself processes; for all others `applicant` is null;
- event payloads keep only the keys in EVENT_PAYLOAD_KEYS (codes, dates, reasons, handler, form ids); free
  notes, the receiver's name and ID number, printer names and reprint reasons stay in the commune;
- no document images or attachments exist in the format at all; the schema refuses any unknown field.
"""

from __future__ import annotations

from typing import Any

from counter_app.db.models import Dossier, DossierEvent
from counter_app.sync.canonical import canonical_json, iso, iso_or_none, sha256_hex

EVENT_PAYLOAD_KEYS = frozenset({
    "code", "procedure_code", "procedure_version", "received_at", "promised_due_at", "handler", "upward",
    "reason", "items", "new_due_at", "old_due_at", "satisfaction", "form", "copies", "upper_result_id", "outcome",
})
_TEXT_LIMITS = {"code": 60, "procedure_code": 40, "handler": 200, "reason": 2000, "satisfaction": 20, "form": 40,
                "outcome": 20}


def _minimal_payload(payload: dict[str, Any] | None) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in (payload or {}).items():
        if key not in EVENT_PAYLOAD_KEYS or value is None:
            continue
        if key in _TEXT_LIMITS and isinstance(value, str):
            value = value[: _TEXT_LIMITS[key]]
        elif key == "items" and isinstance(value, list):
            value = [str(item)[:500] for item in value[:100]]
        kept[key] = value
    return kept


def event_record(row: DossierEvent) -> dict[str, Any]:
    return {
        "id": row.id,
        "dossier_id": row.dossier_id,
        "kind": row.kind,
        "at": iso(row.at),
        "username": row.username,
        "node_id": row.node_id,
        "node_counter": row.node_counter,
        "from_state": row.from_state,
        "to_state": row.to_state,
        "payload": _minimal_payload(row.payload),
    }


def event_hash(record: dict[str, Any]) -> str:
    """Identity of an event's content: the same id with another hash is a conflict, never an overwrite."""
    return sha256_hex(canonical_json(record))


def snapshot_of(row: Dossier, rev: int) -> dict[str, Any]:
    applicant = None
    if row.forwarded_upward:
        applicant = {"name": row.applicant_name, "id_number": row.applicant_id_number}
    return {
        "id": row.id,
        "code": row.code,
        "unit_code": row.agency_code,
        "procedure_code": row.procedure_code,
        "procedure_name": row.procedure_name,
        "field": row.field,
        "state": row.state,
        "channel": row.channel,
        "sets_count": row.sets_count,
        "fee": row.fee,
        "delivery": row.delivery,
        "received_at": iso(row.received_at),
        "promised_due_at": iso(row.promised_due_at),
        "current_due_at": iso_or_none(row.current_due_at),
        "clock_paused_at": iso_or_none(row.clock_paused_at),
        "finished_at": iso_or_none(row.finished_at),
        "returned_at": iso_or_none(row.returned_at),
        "forwarded_upward": bool(row.forwarded_upward),
        "handler": row.handler,
        "supplement_count": row.supplement_count,
        "extension_count": row.extension_count,
        "satisfaction": row.satisfaction,
        "applicant": applicant,
        "rev": rev,
    }
