"""Commune → hub: build, seal, write and verify an export package.

Modes:
- incremental: every event not yet in a verified package (per workstation: counter > exported mark);
- resend: every event the hub has not acknowledged (counter > acknowledged mark) — survives lost sticks;
- full: every event of the database.

A sequence number is reserved (row `writing`) before anything is written, so a number is never reused; the
package supersedes earlier numbers that failed (and, for resend/full, all unacknowledged ones), so the hub
never waits for a package that will not come. Marks move only after the file has been read back and
verified. Reading happens in one read transaction (a consistent snapshot that does not block the counter).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import counter_app
from counter_app.db.models import Dossier, DossierEvent, Node
from counter_app.db.models_sync import SyncExport, SyncNodeMark
from counter_app.messages import sync as msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import SYSTEM_ACTOR, Actor, CounterContext
from counter_app.services.errors import ServiceError
from counter_app.services.unit import current_unit
from counter_app.sync.canonical import canonical_json, export_file_name, iso
from counter_app.sync.envelope import FORMAT_VERSION, seal
from counter_app.sync.errors import SyncCancelled, SyncError
from counter_app.sync.fileio import Cancel, Progress, never_cancel, no_progress, write_verified
from counter_app.sync.identity import (
    ROLE_COMMUNE,
    ensure_own_key,
    keypair_of,
    peer_keys,
    stream_id,
    trusted_hub,
)
from counter_app.sync.keys import KeyPair, PublicKeys
from counter_app.sync.payload import event_record, snapshot_of

MODES = ("incremental", "resend", "full")
BATCH = 500


@dataclass(frozen=True)
class ExportResult:
    sequence: int | None  # None: nothing to export
    mode: str
    path: Path | None
    event_count: int
    dossier_count: int
    message: str


@dataclass(frozen=True)
class _Plan:
    export_id: int
    sequence: int
    stream: str
    hub_id: str
    selection: dict[str, tuple[int, int]]  # node id → (above this counter, up to this counter)
    supersedes: list[int]
    created_at: datetime
    unit_code: str
    unit_name: str
    key: KeyPair
    rotation_chain: list[Any]
    hub_keys: PublicKeys


@cache
def schema_version() -> str:
    from counter_app.db.bootstrap import head_revision

    return head_revision()


def _marks(session: Session) -> dict[str, SyncNodeMark]:
    marks = {m.node_id: m for m in session.execute(select(SyncNodeMark)).scalars()}
    for node_id in session.execute(select(Node.id)).scalars():
        if node_id not in marks:
            marks[node_id] = SyncNodeMark(node_id=node_id, exported_counter=0, acked_counter=0)
            session.add(marks[node_id])
    return marks


def _plan(session: Session, ctx: CounterContext, mode: str, allow_empty: bool, actor: Actor | None
          ) -> _Plan | None:
    if actor is not None:
        require_in_session(session, actor, Permission.EXCHANGE_PACKAGES)
    try:
        unit = current_unit(session)
    except ServiceError:
        raise SyncError(msg.NOT_SET_UP, "not_set_up") from None
    hub = trusted_hub(session)
    if hub is None:
        raise SyncError(msg.NO_HUB_IDENTITY, "no_hub_identity")
    now = ctx.now()
    key = ensure_own_key(session, ROLE_COMMUNE, unit.agency_code, now)
    stream = stream_id(session)
    tops = dict(session.execute(select(Node.id, Node.event_counter)).all())
    selection: dict[str, tuple[int, int]] = {}
    for node_id, mark in _marks(session).items():
        floor = {"incremental": mark.exported_counter, "resend": mark.acked_counter, "full": 0}[mode]
        top = tops.get(node_id, 0)
        if top > floor:
            selection[node_id] = (floor, top)
    if not selection and not allow_empty:
        return None
    earlier = list(session.execute(select(SyncExport).where(SyncExport.stream_id == stream)).scalars())
    sequence = max((e.sequence for e in earlier), default=0) + 1
    if mode == "full":
        supersedes = [e.sequence for e in earlier]
    elif mode == "resend":
        supersedes = [e.sequence for e in earlier if e.acked_at is None]
    else:
        supersedes = [e.sequence for e in earlier if e.status != "verified" and e.acked_at is None]
    row = SyncExport(stream_id=stream, sequence=sequence, hub_id=hub.peer_id, mode=mode, status="writing",
                     file_name=export_file_name(unit.agency_code, sequence, now, stream), created_at=now,
                     supersedes=sorted(supersedes))
    session.add(row)
    session.flush()
    return _Plan(row.id, sequence, stream, hub.peer_id, selection, sorted(supersedes), now, unit.agency_code,
                 unit.name, keypair_of(key), list(key.rotation_chain), peer_keys(hub))


def _chunks(items: list[str], size: int = BATCH) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _read(session: Session, plan: _Plan, progress: Progress, cancel: Cancel
          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, list[int]]]:
    events: list[dict[str, Any]] = []
    counters: dict[str, list[int]] = {}
    total = sum(top - floor for floor, top in plan.selection.values())
    table = DossierEvent.__table__
    for node_id, (floor, top) in sorted(plan.selection.items()):
        rows = session.execute(
            select(table).where(table.c.node_id == node_id, table.c.node_counter > floor,
                                table.c.node_counter <= top).order_by(table.c.node_counter)
        )
        first = last = None
        for row in rows:
            events.append(event_record(row))  # type: ignore[arg-type]
            first = row.node_counter if first is None else first
            last = row.node_counter
            if len(events) % BATCH == 0:
                progress("read", len(events), total)
                if cancel():
                    raise SyncCancelled(msg.CANCELLED, "cancelled")
        if first is not None and last is not None:
            counters[node_id] = [first, last]
    dossier_ids = sorted({e["dossier_id"] for e in events})
    revs: dict[str, int] = {}
    dossiers: list[dict[str, Any]] = []
    dtable = Dossier.__table__
    for chunk in _chunks(dossier_ids):
        revs.update(session.execute(
            select(table.c.dossier_id, func.count()).where(table.c.dossier_id.in_(chunk)).group_by(table.c.dossier_id)
        ).all())
        for row in session.execute(select(dtable).where(dtable.c.id.in_(chunk)).order_by(dtable.c.id)):
            dossiers.append(snapshot_of(row, revs[row.id]))  # type: ignore[arg-type]
        if cancel():
            raise SyncCancelled(msg.CANCELLED, "cancelled")
    progress("read", total, total)
    return dossiers, events, counters


def build_manifest(plan: _Plan, mode: str, counters: dict[str, list[int]], n_events: int, n_dossiers: int,
                   node_id: str) -> dict[str, Any]:
    return {
        "format": "counter-app-package",
        "format_version": FORMAT_VERSION,
        "kind": "export",
        "app_version": counter_app.__version__,
        "schema_version": schema_version(),
        "sender": {
            "unit_code": plan.unit_code,
            "unit_name": plan.unit_name,
            "node_id": node_id,
            "stream_id": plan.stream,
            "keys": plan.key.public.to_dict(),
            "fingerprint": plan.key.public.fingerprint,
            "rotation_chain": plan.rotation_chain,
        },
        "recipient": {"hub_id": plan.hub_id, "fingerprint": plan.hub_keys.fingerprint},
        "sequence": plan.sequence,
        "mode": mode,
        "created_at": iso(plan.created_at),
        "supersedes": plan.supersedes,
        "counters": counters,
        "counts": {"events": n_events, "dossiers": n_dossiers},
    }


def export_package(
    ctx: CounterContext,
    folder: Path,
    *,
    mode: str = "incremental",
    allow_empty: bool = False,
    actor: Actor | None = None,
    progress: Progress = no_progress,
    cancel: Cancel = never_cancel,
    rng: Callable[[int], bytes] = os.urandom,
) -> ExportResult:
    """Write one package into `folder` (a USB stick or shared folder) and verify it by reading it back."""
    if mode not in MODES:
        raise ValueError(mode)
    folder = Path(folder)
    if not folder.is_dir():
        raise SyncError(msg.NOT_A_FOLDER.format(folder=folder), "media_gone")
    with ctx.db.write() as session:
        plan = _plan(session, ctx, mode, allow_empty, actor)
    if plan is None:
        return ExportResult(None, mode, None, 0, 0, msg.EXPORT_NOTHING)
    try:
        with ctx.db.read() as session:
            dossiers, events, counters = _read(session, plan, progress, cancel)
        manifest = build_manifest(plan, mode, counters, len(events), len(dossiers), ctx.node_id)
        progress("seal", 0, 1)
        routing = {"kind": "export", "from": plan.unit_code, "to": plan.hub_id, "stream": plan.stream,
                   "sequence": plan.sequence, "created_at": manifest["created_at"]}
        sealed = seal(routing=routing, manifest=manifest,
                      payload=canonical_json({"dossiers": dossiers, "events": events}),
                      sender=plan.key, recipient=plan.hub_keys, rng=rng)
        progress("seal", 1, 1)
        if cancel():
            raise SyncCancelled(msg.CANCELLED, "cancelled")
        file_name = export_file_name(plan.unit_code, plan.sequence, plan.created_at, plan.stream)
        path = write_verified(folder, file_name, sealed.data, progress=progress, cancel=cancel)
    except BaseException as exc:
        _mark_failed(ctx, plan.export_id, exc)
        raise
    with ctx.db.write() as session:
        row = session.get(SyncExport, plan.export_id)
        assert row is not None
        row.status, row.verified_at, row.folder = "verified", ctx.now(), str(folder)
        row.file_sha256, row.event_count, row.dossier_count = sealed.file_sha256, len(events), len(dossiers)
        row.counters = counters
        marks = _marks(session)
        for node_id, (_first, last) in counters.items():
            marks[node_id].exported_counter = max(marks[node_id].exported_counter, last)
        audit.record(session, actor or SYSTEM_ACTOR, "sync.export", target_type="package", target_id=row.file_name,
                     after={"sequence": plan.sequence, "mode": mode, "events": len(events),
                            "dossiers": len(dossiers), "folder": str(folder)}, node_id=ctx.node_id, at=ctx.now())
    message = msg.EXPORT_DONE.format(sequence=plan.sequence, events=len(events), dossiers=len(dossiers), path=path)
    return ExportResult(plan.sequence, mode, path, len(events), len(dossiers), message)


def _mark_failed(ctx: CounterContext, export_id: int, exc: BaseException) -> None:
    try:
        with ctx.db.write() as session:
            row = session.get(SyncExport, export_id)
            if row is not None:
                row.status, row.error = "failed", str(exc)[:2000]
    except Exception:  # noqa: BLE001 - the original error is the one the clerk must see
        pass
