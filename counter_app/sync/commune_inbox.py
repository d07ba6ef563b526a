"""Commune: verify and apply a return package from the hub, in one transaction, idempotently.

- acknowledgements: exports up to the hub's contiguous number are marked acknowledged; per workstation the
  acknowledged counter moves up (never down). Numbers the hub reports missing are marked lost and the
  export marks fall back to the acknowledged ones, so the next export carries them again;
- catalogue: applied through the same parser and importer as an admin's file (identical rows change nothing);
- calendar: the hub's overrides file is checked with the calendar parser and stored (setting
  `calendar.hub_overrides`); older return packages never overwrite a newer catalogue or calendar;
- results of dossiers forwarded upward: each applied once (by result id) as "result ready" or "refused",
  recorded by the actor `cap_tren` (the upper level);
- a newer hub identity inside the package is trusted only through a valid rotation chain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from counter_app.core.calendar_data import CalendarFileError, parse_overrides
from counter_app.core.catalog import CATALOG_COLUMNS, specs_from_rows
from counter_app.core.states import DossierAction, DossierState, allowed_actions
from counter_app.core.text import nfc
from counter_app.db.models import Dossier
from counter_app.db.models_sync import SyncAppliedResult, SyncExport, SyncInbox, SyncNodeMark
from counter_app.messages import sync as msg
from counter_app.services import audit
from counter_app.services.actions import transition_in_session
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.catalog import apply_specs
from counter_app.services.context import SYSTEM_ACTOR, Actor, CounterContext, Role
from counter_app.services.settings import get_setting, set_setting
from counter_app.services.unit import current_unit
from counter_app.sync.canonical import canonical_json, sha256_hex
from counter_app.sync.envelope import DEFAULT_LIMITS, Limits, OuterHeader, inflate, open_sealed, read_header
from counter_app.sync.errors import PackageRejected, SyncError
from counter_app.sync.fileio import read_limited
from counter_app.sync.identity import (
    ROLE_COMMUNE,
    accept_hub_identity,
    add_peer,
    all_own_keypairs,
    peer_keys,
    peer_rows,
    stream_id,
)
from counter_app.sync.keys import PublicKeys, follow_chain, parse_identity
from counter_app.sync.schema import SchemaViolation, validator

HUB_CALENDAR = "calendar.hub_overrides"  # {"csv", "sha256", "sequence", "hub_id"}: the hub's overrides file
CATALOG_STATE = "sync.catalog_from_hub"  # {"sha256", "sequence"}
UPPER_LEVEL = Actor(user_id=None, username="cap_tren", full_name="Cấp trên (liên thông)", role=Role.CLERK)


@dataclass(frozen=True)
class ReturnImport:
    sequence: int
    already: bool
    acked_exports: int = 0
    results_applied: int = 0
    catalog_changed: bool = False
    calendar_changed: bool = False
    warnings: tuple[str, ...] = field(default=())
    message: str = ""


def import_return(ctx: CounterContext, path: Path, *, actor: Actor | None = None, limits: Limits = DEFAULT_LIMITS
                  ) -> ReturnImport:
    """Apply one return package file. Raises PackageRejected / SyncError; nothing changes then."""
    imported_by = actor.username if actor is not None else "system"
    name = Path(path).name
    try:
        data = read_limited(Path(path), limits.max_file_bytes)
    except OverflowError as exc:
        raise PackageRejected(msg.PKG_FILE_TOO_LARGE.format(name=name, size=exc.args[0],
                                                            limit=limits.max_file_bytes), "too_large") from None
    except OSError as exc:
        raise SyncError(msg.PKG_READ_FAILED.format(name=name, detail=exc.strerror or exc), "unreadable") from exc
    header = read_header(data)
    if header.kind != "return":
        raise PackageRejected(msg.PKG_NOT_A_PACKAGE, "not_a_package")
    with ctx.db.read() as session:
        ours = current_unit(session).agency_code
        keys = all_own_keypairs(session, ROLE_COMMUNE)
        if session.execute(select(SyncInbox.id).where(SyncInbox.hub_id == header.sender,
                                                      SyncInbox.sequence == header.sequence)).first():
            return ReturnImport(header.sequence, True, message=msg.RETURN_ALREADY.format(sequence=header.sequence))
        trusted = {r.fingerprint: peer_keys(r) for r in peer_rows(session, "hub", header.sender)}
    if header.recipient != ours:
        raise PackageRejected(msg.RETURN_NOT_FOR_US.format(recipient=header.recipient, ours=ours), "wrong_recipient")
    if not keys:
        raise PackageRejected(msg.RETURN_NO_KEYS, "wrong_recipient")
    key = keys.get(header.recipient_key)
    if key is None:
        raise PackageRejected(msg.PKG_UNKNOWN_RECIPIENT_KEY.format(recipient=ours, fingerprint=header.recipient_key),
                              "wrong_recipient")
    manifest, payload, signer, rotated = _open(data, header, key, trusted, limits)
    with ctx.db.write() as session:
        if actor is not None:
            require_in_session(session, actor, Permission.EXCHANGE_PACKAGES)
        if rotated:
            for row in peer_rows(session, "hub", header.sender):
                row.status, row.retired_at = "retired", ctx.now()
            add_peer(session, "hub", header.sender, manifest["sender"]["hub_name"], signer, "trusted", name,
                     ctx.now())
        session.add(SyncInbox(hub_id=header.sender, sequence=header.sequence, file_name=name,
                              file_sha256=sha256_hex(data), applied_at=ctx.now(), summary={}))
        session.flush()
        outcome = _apply(session, ctx, header.sequence, header.sender, payload, name)
        inbox = session.execute(select(SyncInbox).where(SyncInbox.hub_id == header.sender,
                                                        SyncInbox.sequence == header.sequence)).scalar_one()
        inbox.summary = {"acked": outcome.acked_exports, "results": outcome.results_applied,
                         "catalog": outcome.catalog_changed, "calendar": outcome.calendar_changed,
                         "warnings": list(outcome.warnings), "imported_by": imported_by}
        audit.record(session, actor or SYSTEM_ACTOR, "sync.return_import", target_type="package", target_id=name,
                     after=dict(inbox.summary, hub=header.sender, sequence=header.sequence), node_id=ctx.node_id,
                     at=ctx.now())
    if outcome.calendar_changed:
        ctx.reload_calendar()
    return outcome


def _open(data: bytes, header: OuterHeader, key: Any, trusted: dict[str, PublicKeys], limits: Limits
          ) -> tuple[dict[str, Any], dict[str, Any], PublicKeys, bool]:
    opened = open_sealed(data, header, key)
    manifest = opened.manifest
    try:
        validator("returnManifest")(manifest, "")
    except SchemaViolation as exc:
        raise PackageRejected(msg.PKG_INVALID_AT.format(path="manifest" + exc.path, problem=exc.problem),
                              "invalid_content") from None
    agrees = (manifest["sender"]["hub_id"] == header.sender and manifest["recipient"]["unit_code"] == header.recipient
              and manifest["sequence"] == header.sequence and manifest["created_at"] == header.fields["created_at"]
              and manifest["recipient"]["fingerprint"] == header.recipient_key)
    if not agrees:
        raise PackageRejected(msg.PKG_SENDER_MISMATCH, "sender_mismatch")
    signer = PublicKeys.from_dict(manifest["sender"]["keys"])
    if signer.fingerprint != manifest["sender"]["fingerprint"] or not opened.signature_valid(signer):
        raise PackageRejected(msg.PKG_BAD_SIGNATURE.format(sender=header.sender), "bad_signature")
    rotated = False
    if signer.fingerprint not in trusted:
        if follow_chain(trusted, header.sender, manifest["sender"]["rotation_chain"], signer) is None:
            raise PackageRejected(msg.PKG_BAD_SIGNATURE.format(sender=header.sender), "unknown_unit_key")
        rotated = True
    payload_bytes = inflate(opened, limits)
    try:
        payload = json.loads(payload_bytes.decode("utf-8"))
        validator("returnPayload")(payload, "")
    except SchemaViolation as exc:
        raise PackageRejected(msg.PKG_INVALID_AT.format(path=exc.path, problem=exc.problem), "invalid_content") from None
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: absurdly deep JSON
        raise PackageRejected(msg.PKG_INVALID.format(detail="JSON"), "invalid_content") from None
    return manifest, payload, signer, rotated


def _apply(session: Session, ctx: CounterContext, sequence: int, hub_id: str, payload: dict[str, Any],
           name: str) -> ReturnImport:
    acked = _apply_acks(session, payload["acks"], ctx.now())
    catalog_changed = _apply_catalog(session, sequence, payload["catalog"])
    calendar_changed = _apply_calendar(session, sequence, hub_id, payload["calendar"])
    applied, warnings = _apply_results(session, ctx, payload["results"])
    try:
        identity = parse_identity(payload["hub_identity"])
    except SyncError:
        identity = None
    if identity is not None and identity.hub_id == hub_id:
        try:
            accept_hub_identity(session, identity, replace=False, source=name, now=ctx.now())
        except SyncError as exc:  # an identity not endorsed by the trusted key is ignored, not trusted
            warnings.append(str(exc))
    word = {True: msg.UPDATED, False: msg.UNCHANGED}
    message = msg.RETURN_APPLIED.format(sequence=sequence, hub=hub_id, acked=acked, results=applied,
                                        catalog=word[catalog_changed], calendar=word[calendar_changed])
    return ReturnImport(sequence, False, acked, applied, catalog_changed, calendar_changed, tuple(warnings), message)


def _apply_acks(session: Session, acks: dict[str, Any], now: datetime) -> int:
    ours = acks["streams"].get(stream_id(session))
    count = 0
    if ours is not None:
        count = session.execute(update(SyncExport).where(
            SyncExport.stream_id == stream_id(session), SyncExport.sequence <= ours["contiguous"],
            SyncExport.acked_at.is_(None)).values(acked_at=now)).rowcount or 0
        if ours["missing"]:
            session.execute(update(SyncExport).where(
                SyncExport.stream_id == stream_id(session), SyncExport.sequence.in_(ours["missing"]),
                SyncExport.acked_at.is_(None)).values(status="lost"))
    marks = {m.node_id: m for m in session.execute(select(SyncNodeMark)).scalars()}
    for node_id, counter in acks["nodes"].items():
        mark = marks.get(node_id)
        if mark is None:
            continue  # not a workstation of this database (e.g. one retired by a restore elsewhere)
        mark.acked_counter = max(mark.acked_counter, counter)
        if ours is not None and ours["missing"]:
            mark.exported_counter = min(mark.exported_counter, mark.acked_counter)  # send the lost part again
    return count


def _newer(session: Session, key: str, sequence: int, digest: str) -> bool:
    state = get_setting(session, key) or {}
    return sequence > int(state.get("sequence", 0)) and digest != state.get("sha256")


def _apply_catalog(session: Session, sequence: int, catalog: dict[str, Any] | None) -> bool:
    if catalog is None or not _newer(session, CATALOG_STATE, sequence, catalog["sha256"]):
        return False
    if sha256_hex(canonical_json(catalog["rows"])) != catalog["sha256"]:
        raise PackageRejected(msg.CATALOG_BAD.format(detail="sha256"), "invalid_content")
    rows: list[list[object]] = [list(CATALOG_COLUMNS)]
    rows += [[row[c] for c in CATALOG_COLUMNS] for row in catalog["rows"]]
    parsed = specs_from_rows(rows)
    if parsed.errors:
        raise PackageRejected(msg.CATALOG_BAD.format(detail="; ".join(e.describe() for e in parsed.errors[:5])),
                              "invalid_content")
    report = apply_specs(session, parsed.specs)
    set_setting(session, CATALOG_STATE, {"sha256": catalog["sha256"], "sequence": sequence})
    return bool(report.added or report.updated)


def _apply_calendar(session: Session, sequence: int, hub_id: str, calendar: dict[str, Any] | None) -> bool:
    if calendar is None or not _newer(session, HUB_CALENDAR, sequence, calendar["sha256"]):
        return False
    text = calendar["csv"]
    if sha256_hex(text.encode()) != calendar["sha256"]:
        raise PackageRejected(msg.CALENDAR_BAD.format(detail="sha256"), "invalid_content")
    try:
        parse_overrides(text, origin="gói trả về")
    except CalendarFileError as exc:
        raise PackageRejected(msg.CALENDAR_BAD.format(detail=exc), "invalid_content") from None
    previous = (get_setting(session, HUB_CALENDAR) or {}).get("csv")
    set_setting(session, HUB_CALENDAR, {"csv": text, "sha256": calendar["sha256"], "sequence": sequence,
                                        "hub_id": hub_id})
    return previous != text


def _apply_results(session: Session, ctx: CounterContext, results: list[dict[str, Any]]
                   ) -> tuple[int, list[str]]:
    applied, warnings = 0, []
    for result in results:
        if session.get(SyncAppliedResult, result["id"]) is not None:
            continue
        dossier = session.get(Dossier, result["dossier_id"])
        outcome = "applied"
        if dossier is None:
            outcome = "unknown_dossier"
            warnings.append(msg.RESULT_UNKNOWN_DOSSIER.format(code=result["dossier_code"]))
        else:
            action = DossierAction.MARK_RESULT_READY if result["outcome"] == "result_ready" else DossierAction.REFUSE
            if action not in allowed_actions(DossierState(dossier.state)):
                outcome = f"skipped:{dossier.state}"
                warnings.append(msg.RESULT_SKIPPED.format(code=dossier.code, state=dossier.state))
            else:
                _record_result(session, ctx, dossier, action, result)
                applied += 1
        session.add(SyncAppliedResult(result_id=result["id"], dossier_id=result["dossier_id"], outcome=outcome,
                                      applied_at=ctx.now()))
    return applied, warnings


def _record_result(session: Session, ctx: CounterContext, dossier: Dossier, action: DossierAction,
                   result: dict[str, Any]) -> None:
    def finish(d: Dossier, when: datetime) -> None:
        d.finished_at = when
        d.clock_paused_at = None

    payload = {"upper_result_id": result["id"], "outcome": result["outcome"]}
    payload["reason" if action is DossierAction.REFUSE else "note"] = nfc(result["note"]) or UPPER_LEVEL.full_name
    transition_in_session(session, ctx, UPPER_LEVEL, dossier.id, action, payload, ctx.now(), finish)
