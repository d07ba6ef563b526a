"""Hub → commune: return packages with acknowledgements, the catalogue, the calendar and liên thông results.

Sealed like exports: signed by the hub, encrypted to the commune's confirmed key. The sequence number is
reserved before the file is written, so a number never names two different packages.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import counter_app
from counter_app.core.calendar_data import parse_overrides
from counter_app.core.catalog import DocumentForm, RequiredDocument, format_documents
from counter_app.db.engine import Database
from counter_app.db.models import Procedure
from counter_app.db.models_sync import HubNodeMark, HubResult, HubReturn, HubUnit
from counter_app.messages import sync as msg
from counter_app.paths import resource
from counter_app.services.context import vn_now
from counter_app.services.settings import get_setting
from counter_app.sync.canonical import canonical_json, iso, return_file_name, sha256_hex
from counter_app.sync.envelope import FORMAT_VERSION, seal
from counter_app.sync.errors import SyncError
from counter_app.sync.export import schema_version
from counter_app.sync.fileio import Cancel, Progress, never_cancel, no_progress, write_verified
from counter_app.sync.hub import HUB_CALENDAR_CSV
from counter_app.sync.hub_board import stream_gaps
from counter_app.sync.identity import (
    ROLE_HUB,
    current_own_key,
    hub_id_of,
    hub_identity_doc,
    keypair_of,
    peer_keys,
    peer_rows,
)


@dataclass(frozen=True)
class ReturnResult:
    unit_code: str
    sequence: int
    path: Path
    message: str


def catalog_rows(session: Session) -> list[dict[str, Any]]:
    """The newest version of every procedure, as rows of the catalogue file format (docs/catalog-format.md)."""
    newest = select(Procedure.code, func.max(Procedure.version).label("version")).group_by(Procedure.code).subquery()
    rows = session.execute(select(Procedure).join(newest, (Procedure.code == newest.c.code)
                                                  & (Procedure.version == newest.c.version))
                           .order_by(Procedure.code)).scalars()
    return [{
        "code": p.code, "name": p.name, "field": p.field, "time_value": p.time_value, "time_unit": p.time_unit,
        "mountain_extra_days": p.mountain_extra_days, "fee": p.fee, "fee_note": p.fee_note,
        "handling_level": p.handling_level, "clock_mode": p.clock_mode,
        "effective_from": p.effective_from.isoformat(),
        "effective_to": p.effective_to.isoformat() if p.effective_to else "",
        "legal_basis": p.legal_basis,
        "documents": format_documents(RequiredDocument(d.name, DocumentForm(d.form), d.count, d.mandatory)
                                      for d in p.documents),
        "note": p.note,
    } for p in rows]


def _calendar_text(session: Session) -> str:
    text = get_setting(session, HUB_CALENDAR_CSV)
    return str(text) if text else resource("calendar", "overrides.csv").read_bytes().decode("utf-8-sig")


def _payload(session: Session, unit_code: str) -> dict[str, Any]:
    streams = {g.stream_id: {"contiguous": g.contiguous, "missing": list(g.missing)}
               for g in stream_gaps(session, unit_code, applied_only=True)}
    nodes = dict(session.execute(select(HubNodeMark.node_id, HubNodeMark.contiguous_counter)
                                 .where(HubNodeMark.unit_code == unit_code)).all())
    rows = catalog_rows(session)
    calendar = _calendar_text(session)
    results = session.execute(select(HubResult).where(HubResult.unit_code == unit_code,
                                                      HubResult.delivered_at.is_(None))
                              .order_by(HubResult.decided_at, HubResult.id)).scalars()
    return {
        "acks": {"streams": streams, "nodes": nodes},
        "catalog": {"sha256": sha256_hex(canonical_json(rows)), "rows": rows} if rows else None,
        "calendar": {"sha256": sha256_hex(calendar.encode()), "csv": calendar},
        "results": [{"id": r.id, "dossier_id": r.dossier_id, "dossier_code": _code(session, r.dossier_id),
                     "outcome": r.outcome, "note": r.note, "decided_at": iso(r.decided_at)} for r in results],
        "hub_identity": hub_identity_doc(session),
    }


def _code(session: Session, dossier_id: str) -> str:
    from counter_app.db.models_sync import HubDossier

    row = session.get(HubDossier, dossier_id)
    return row.code if row else ""


def write_return(
    db: Database, unit_code: str, folder: Path, *, now: datetime | None = None,
    progress: Progress = no_progress, cancel: Cancel = never_cancel, rng: Callable[[int], bytes] = os.urandom,
) -> ReturnResult:
    now = now or vn_now()
    with db.write() as session:
        hub_id, hub_name = hub_id_of(session)
        if session.get(HubUnit, unit_code) is None:
            raise SyncError(msg.HUB_UNIT_UNKNOWN.format(unit=unit_code), "unknown_unit")
        unit_keys = peer_rows(session, "unit", unit_code)
        if not unit_keys:
            raise SyncError(msg.HUB_NO_UNIT_KEY.format(unit=unit_code), "no_unit_key")
        recipient = peer_keys(unit_keys[-1])
        own = current_own_key(session, ROLE_HUB)
        assert own is not None
        sequence = (session.execute(select(func.max(HubReturn.sequence)).where(HubReturn.unit_code == unit_code))
                    .scalar() or 0) + 1
        payload = _payload(session, unit_code)
        name = return_file_name(hub_id, unit_code, sequence, now)
        session.add(HubReturn(unit_code=unit_code, sequence=sequence, created_at=now, file_name=name,
                              acks=payload["acks"]))
        sender = keypair_of(own)
        chain = list(own.rotation_chain)
    manifest = {
        "format": "counter-app-package", "format_version": FORMAT_VERSION, "kind": "return",
        "app_version": counter_app.__version__, "schema_version": schema_version(),
        "sender": {"hub_id": hub_id, "hub_name": hub_name, "keys": sender.public.to_dict(),
                   "fingerprint": sender.public.fingerprint, "rotation_chain": chain},
        "recipient": {"unit_code": unit_code, "fingerprint": recipient.fingerprint},
        "sequence": sequence, "created_at": iso(now),
        "counts": {"results": len(payload["results"]),
                   "catalog_rows": len(payload["catalog"]["rows"]) if payload["catalog"] else 0,
                   "calendar_days": len(parse_overrides(payload["calendar"]["csv"]))},
    }
    routing = {"kind": "return", "from": hub_id, "to": unit_code, "stream": "", "sequence": sequence,
               "created_at": manifest["created_at"]}
    sealed = seal(routing=routing, manifest=manifest, payload=canonical_json(payload), sender=sender,
                  recipient=recipient, rng=rng)
    path = write_verified(Path(folder), name, sealed.data, progress=progress, cancel=cancel)
    return ReturnResult(unit_code, sequence, path,
                        msg.HUB_RETURN_WRITTEN.format(sequence=sequence, unit=unit_code, path=path))
