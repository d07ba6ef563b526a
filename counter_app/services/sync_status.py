"""Commune-side sync services for screens and the CLI: keys, the hub identity, reminders, automatic export,
and the commune's own "overdue now" list (the same rule the hub applies to the commune's packages).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from counter_app.core.states import IN_PROGRESS
from counter_app.db.models import Dossier
from counter_app.db.models_sync import SyncExport
from counter_app.messages import sync as msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import SYSTEM_ACTOR, Actor, CounterContext
from counter_app.services.settings import get_setting, set_setting
from counter_app.services.unit import current_unit
from counter_app.sync.errors import SyncError
from counter_app.sync.export import ExportResult, export_package
from counter_app.sync.fileio import Cancel, Progress, never_cancel, no_progress
from counter_app.sync.identity import (
    ROLE_COMMUNE,
    accept_hub_identity,
    current_own_key,
    ensure_own_key,
    rotate_own_key,
    trusted_hub,
)
from counter_app.sync.keys import read_identity_file
from counter_app.sync.rules import overdue_now

REMINDER_DAYS = "sync.reminder_days"  # remind when the last verified export is older than this
UNACKED_DAYS = "sync.unacked_days"  # suggest a re-send when exports stay unacknowledged this long
AUTO_EXPORT_FOLDER = "sync.auto_export_folder"  # None: no automatic export
AUTO_EXPORT_HOURS = "sync.auto_export_hours"
DEFAULTS = {REMINDER_DAYS: 7, UNACKED_DAYS: 14, AUTO_EXPORT_FOLDER: None, AUTO_EXPORT_HOURS: 24}


def _setting(session, key: str):  # type: ignore[no-untyped-def]
    value = get_setting(session, key)
    return DEFAULTS[key] if value is None else value


@dataclass(frozen=True)
class SyncOverview:
    fingerprint: str | None
    hub_id: str | None
    hub_name: str | None
    hub_fingerprint: str | None
    last_export_at: datetime | None
    last_sequence: int | None
    unacknowledged: int


def overview(ctx: CounterContext) -> SyncOverview:
    with ctx.db.read() as session:
        own = current_own_key(session, ROLE_COMMUNE)
        hub = trusted_hub(session)
        last = session.execute(select(SyncExport).where(SyncExport.status == "verified")
                               .order_by(SyncExport.verified_at.desc()).limit(1)).scalar_one_or_none()
        unacked = session.execute(select(func.count()).select_from(SyncExport).where(
            SyncExport.status == "verified", SyncExport.acked_at.is_(None))).scalar_one()
        return SyncOverview(own.fingerprint if own else None, hub.peer_id if hub else None,
                            hub.peer_name if hub else None, hub.fingerprint if hub else None,
                            last.verified_at if last else None, last.sequence if last else None, unacked)


def commune_fingerprint(ctx: CounterContext, actor: Actor | None = None) -> str:
    """The commune's key fingerprint (created on first use), to read to the hub officer on the phone."""
    with ctx.db.write() as session:
        if actor is not None:
            require_in_session(session, actor, Permission.EXCHANGE_PACKAGES)
        return ensure_own_key(session, ROLE_COMMUNE, current_unit(session).agency_code, ctx.now()).fingerprint


def rotate_commune_keys(ctx: CounterContext, actor: Actor | None = None) -> str:
    with ctx.db.write() as session:
        if actor is not None:
            require_in_session(session, actor, Permission.MANAGE_SETTINGS)
        unit = current_unit(session).agency_code
        ensure_own_key(session, ROLE_COMMUNE, unit, ctx.now())
        old, new = rotate_own_key(session, ROLE_COMMUNE, unit, ctx.now())
        audit.record(session, actor or SYSTEM_ACTOR, "sync.keys_rotate", target_type="key", target_id=new,
                     before={"fingerprint": old}, after={"fingerprint": new}, node_id=ctx.node_id, at=ctx.now())
    return msg.KEYS_ROTATED.format(fingerprint=new, old=old)


def import_hub_identity(ctx: CounterContext, path: Path, *, replace: bool = False, actor: Actor | None = None
                        ) -> str:
    """Trust the hub whose public identity file the upper level gave (setup), or its rotated identity."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SyncError(msg.PKG_READ_FAILED.format(name=Path(path).name, detail=exc.strerror or exc),
                        "unreadable") from exc
    identity = read_identity_file(data)
    with ctx.db.write() as session:
        if actor is not None:
            require_in_session(session, actor, Permission.MANAGE_SETTINGS)
        ensure_own_key(session, ROLE_COMMUNE, current_unit(session).agency_code, ctx.now())
        message = accept_hub_identity(session, identity, replace=replace, source=Path(path).name, now=ctx.now())
        audit.record(session, actor or SYSTEM_ACTOR, "sync.hub_identity", target_type="hub", target_id=identity.hub_id,
                     after={"fingerprint": identity.fingerprint, "replace": replace}, node_id=ctx.node_id,
                     at=ctx.now())
        return message


def export_reminder(ctx: CounterContext, at: datetime | None = None) -> str | None:
    """A Vietnamese reminder when the last export is too old (or exports stay unacknowledged), else None."""
    at = at or ctx.now()
    with ctx.db.read() as session:
        days = int(_setting(session, REMINDER_DAYS))
        unacked_days = int(_setting(session, UNACKED_DAYS))
        last = session.execute(select(func.max(SyncExport.verified_at)).where(SyncExport.status == "verified")
                               ).scalar()
        has_dossiers = session.execute(select(Dossier.id).limit(1)).first() is not None
        stale = session.execute(select(func.count()).select_from(SyncExport).where(
            SyncExport.status == "verified", SyncExport.acked_at.is_(None),
            SyncExport.verified_at < at - timedelta(days=unacked_days))).scalar_one()
    if last is None:
        return msg.REMINDER_NEVER if has_dossiers else None
    age = (at - last).days
    if age >= days:
        return msg.REMINDER_OLD.format(days=age, when=last.strftime("%d/%m/%Y"))
    if stale:
        return msg.REMINDER_UNACKED.format(count=stale, days=unacked_days)
    return None


def configure_auto_export(ctx: CounterContext, folder: Path | None, every_hours: int = 24,
                          actor: Actor | None = None) -> None:
    with ctx.db.write() as session:
        if actor is not None:
            require_in_session(session, actor, Permission.MANAGE_SETTINGS)
        before = {"folder": get_setting(session, AUTO_EXPORT_FOLDER), "hours": get_setting(session, AUTO_EXPORT_HOURS)}
        set_setting(session, AUTO_EXPORT_FOLDER, str(folder) if folder else None)
        set_setting(session, AUTO_EXPORT_HOURS, int(every_hours))
        audit.record(session, actor or SYSTEM_ACTOR, "setting.change", target_type="setting",
                     target_id=AUTO_EXPORT_FOLDER, before=before,
                     after={"folder": str(folder) if folder else None, "hours": int(every_hours)},
                     node_id=ctx.node_id, at=ctx.now())


def auto_export_if_due(ctx: CounterContext, *, progress: Progress = no_progress, cancel: Cancel = never_cancel
                       ) -> ExportResult | None:
    """For a timer or the app's closing: an incremental export to the configured folder when one is due.

    None when no folder is configured, the last export is recent, or there is nothing new. A folder that is
    missing (shared drive offline) raises SyncError with a Vietnamese message; nothing is lost.
    """
    with ctx.db.read() as session:
        folder = _setting(session, AUTO_EXPORT_FOLDER)
        hours = int(_setting(session, AUTO_EXPORT_HOURS))
        last = session.execute(select(func.max(SyncExport.verified_at)).where(SyncExport.status == "verified")
                               ).scalar()
    if not folder:
        return None
    if last is not None and ctx.now() - last < timedelta(hours=hours):
        return None
    if not Path(folder).is_dir():
        raise SyncError(msg.AUTO_EXPORT_FOLDER_MISSING.format(folder=folder), "media_gone")
    result = export_package(ctx, Path(folder), mode="incremental", progress=progress, cancel=cancel)
    return result if result.sequence is not None else None


def commune_overdue_codes(ctx: CounterContext, at: datetime | None = None) -> list[str]:
    """The commune's own "overdue now" list — the rule of counter_app.sync.rules, as the hub applies it."""
    at = at or ctx.now()
    with ctx.db.read() as session:
        rows = session.execute(select(Dossier.code, Dossier.state, Dossier.current_due_at, Dossier.promised_due_at)
                               .where(Dossier.state.in_([s.value for s in IN_PROGRESS])))
        return sorted(code for code, state, due, promised in rows if overdue_now(state, due, promised, at))
