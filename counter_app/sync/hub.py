"""Hub administration: identity, confirming a commune's key, resetting it, recording upper-level results."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from counter_app.core.calendar_data import CalendarFileError, parse_overrides
from counter_app.core.text import nfc
from counter_app.db.engine import Database
from counter_app.db.models import Procedure
from counter_app.db.models_sync import HubDossier, HubPackage, HubResult, HubUnit
from counter_app.messages import sync as msg
from counter_app.services import audit
from counter_app.services.catalog import import_default_catalog
from counter_app.services.context import SYSTEM_ACTOR, vn_now
from counter_app.services.settings import set_setting
from counter_app.sync.canonical import HUB_ID_RE
from counter_app.sync.envelope import DEFAULT_LIMITS, Limits
from counter_app.sync.errors import SyncError
from counter_app.sync.fileio import write_verified
from counter_app.sync.hub_import import FileOutcome, Workspace, import_file
from counter_app.sync.identity import (
    HUB_ID,
    HUB_NAME,
    ROLE_HUB,
    current_own_key,
    ensure_own_key,
    hub_id_of,
    hub_identity_doc,
    peer_rows,
    rotate_own_key,
)
from counter_app.sync.keys import identity_file_bytes

HUB_CALENDAR_CSV = "sync.hub_calendar_csv"  # the overrides file the hub distributes (default: the shipped one)


def init_hub(db: Database, hub_id: str, name: str, *, now: datetime | None = None) -> str:
    """Create the hub's identity (keys, id, name). The hub also gets the shipped catalogue to distribute."""
    hub_id = hub_id.strip().upper()
    if not HUB_ID_RE.match(hub_id):
        raise SyncError(msg.HUB_ID_INVALID.format(hub_id=hub_id), "invalid_hub_id")
    now = now or vn_now()
    with db.write() as session:
        if current_own_key(session, ROLE_HUB) is not None:
            existing, _ = hub_id_of(session)
            raise SyncError(msg.HUB_ALREADY.format(hub_id=existing), "hub_exists")
        set_setting(session, HUB_ID, hub_id)
        set_setting(session, HUB_NAME, nfc(name) or hub_id)
        key = ensure_own_key(session, ROLE_HUB, hub_id, now)
        if session.execute(select(Procedure.id).limit(1)).first() is None:
            import_default_catalog(session)
        return msg.HUB_INITIALISED.format(name=nfc(name) or hub_id, hub_id=hub_id, fingerprint=key.fingerprint)


def write_identity_file(db: Database, folder: Path) -> Path:
    """The public identity a commune imports at setup (no secret in it), written and verified."""
    with db.read() as session:
        document = hub_identity_doc(session)
    name = f"DINH-DANH_{document['hub_id']}_{document['fingerprint'][:4]}.json"
    return write_verified(Path(folder), name, identity_file_bytes(document))


def rotate_hub_keys(db: Database, *, now: datetime | None = None) -> str:
    with db.write() as session:
        hub_id, _ = hub_id_of(session)
        old, new = rotate_own_key(session, ROLE_HUB, hub_id, now or vn_now())
        audit.record(session, SYSTEM_ACTOR, "sync.keys_rotate", target_type="key", target_id=new,
                     before={"fingerprint": old}, after={"fingerprint": new}, at=now)
    return msg.KEYS_ROTATED.format(fingerprint=new, old=old)


def confirm_unit(db: Database, workspace: Workspace, unit_code: str, fingerprint: str, *,
                 limits: Limits = DEFAULT_LIMITS, now: datetime | None = None) -> tuple[str, list[FileOutcome]]:
    """The officer read the fingerprint to the commune on the phone and it matched: trust the key and apply
    the packages held meanwhile."""
    now = now or vn_now()
    given = fingerprint.strip().upper()
    with db.write() as session:
        pending = peer_rows(session, "unit", unit_code, ("pending",))
        if not pending:
            raise SyncError(msg.HUB_NOTHING_PENDING.format(unit=unit_code), "nothing_pending")
        key = pending[-1]
        if key.fingerprint.replace("-", "") != given.replace("-", "").replace(" ", ""):
            raise SyncError(msg.HUB_CONFIRM_MISMATCH.format(given=fingerprint, unit=unit_code,
                                                            pending=key.fingerprint), "fingerprint_mismatch")
        key.status, key.confirmed_at = "trusted", now
        audit.record(session, SYSTEM_ACTOR, "sync.unit_confirm", target_type="unit", target_id=unit_code,
                     after={"fingerprint": key.fingerprint}, at=now)
        unit = session.get(HubUnit, unit_code)
        if unit is not None:
            unit.status, unit.confirmed_at = "confirmed", now
        held = list(session.execute(select(HubPackage).where(HubPackage.unit_code == unit_code,
                                                             HubPackage.status == "held")
                                    .order_by(HubPackage.sequence)).scalars())
        files = [Path(p.stored_as) for p in held]
        for package in held:
            session.delete(package)
    outcomes = [import_file(db, path, workspace, limits=limits, now=now) for path in files if path.exists()]
    applied = sum(1 for o in outcomes if o.status == "applied")
    return msg.HUB_CONFIRMED.format(unit=unit_code, applied=applied), outcomes


def reset_unit_key(db: Database, unit_code: str, *, now: datetime | None = None) -> str:
    """Forget trust in a commune's key (e.g. its PC was reinstalled without its database)."""
    now = now or vn_now()
    with db.write() as session:
        unit = session.get(HubUnit, unit_code)
        if unit is None:
            raise SyncError(msg.HUB_UNIT_UNKNOWN.format(unit=unit_code), "unknown_unit")
        for row in peer_rows(session, "unit", unit_code, ("trusted", "pending")):
            row.status, row.retired_at = "retired", now
        unit.status = "pending"
        audit.record(session, SYSTEM_ACTOR, "sync.unit_key_reset", target_type="unit", target_id=unit_code, at=now)
    return msg.HUB_KEY_RESET.format(unit=unit_code)


def record_result(db: Database, dossier_ref: str, outcome: str, note: str = "", *, recorded_by: str = "",
                  decided_at: datetime | None = None) -> str:
    """A result decided at the upper level for a dossier forwarded upward; it travels in the next return."""
    if outcome not in ("result_ready", "refused"):
        raise ValueError(outcome)
    with db.write() as session:
        dossier = session.get(HubDossier, dossier_ref) or session.execute(
            select(HubDossier).where(HubDossier.code == dossier_ref.strip().upper())).scalar_one_or_none()
        if dossier is None:
            raise SyncError(msg.HUB_DOSSIER_NOT_FOUND.format(ref=dossier_ref), "not_found")
        if not dossier.forwarded_upward:
            raise SyncError(msg.HUB_RESULT_NOT_UPWARD.format(code=dossier.code), "not_upward")
        session.add(HubResult(id=str(uuid.uuid4()), dossier_id=dossier.id, unit_code=dossier.unit_code,
                              outcome=outcome, note=nfc(note)[:2000], decided_at=decided_at or vn_now(),
                              recorded_by=recorded_by))
        audit.record(session, SYSTEM_ACTOR, "sync.upper_result", target_type="dossier", target_id=dossier.code,
                     after={"outcome": outcome, "by": recorded_by})
        return msg.HUB_RESULT_RECORDED.format(code=dossier.code)


def set_hub_calendar(db: Database, path: Path) -> int:
    """Distribute this overrides file (resources/calendar/overrides.csv format) in return packages."""
    text = Path(path).read_bytes().decode("utf-8-sig")
    try:
        days = parse_overrides(text, origin=str(path))
    except CalendarFileError as exc:
        raise SyncError(str(exc), "invalid_calendar") from None
    with db.write() as session:
        hub_id_of(session)
        set_setting(session, HUB_CALENDAR_CSV, text)
    return len(days)
