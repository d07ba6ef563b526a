"""Hub: import a folder of export packages from many communes.

For each file: read (size-capped) → clear header (format version, recipient) → fast duplicate check →
decrypt → manifest schema and header agreement → signature with a key the unit may use (first contact is
held for the officer to confirm its fingerprint; a rotation must be endorsed by a trusted key) → inflate
(capped) → payload schema → consistency → apply in one transaction. A refused file is copied into the
quarantine folder with a `.reason.txt` beside it; the source file is never modified or deleted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.db.engine import Database
from counter_app.db.models_sync import HubPackage, HubQuarantine, HubUnit
from counter_app.messages import sync as msg
from counter_app.services.context import vn_now
from counter_app.sync.canonical import PACKAGE_SUFFIX, RETURN_PREFIX, sha256_hex
from counter_app.sync.envelope import (
    DEFAULT_LIMITS,
    Limits,
    Opened,
    OuterHeader,
    inflate,
    open_sealed,
    read_header,
)
from counter_app.sync.errors import PackageRejected, SyncCancelled
from counter_app.sync.fileio import Cancel, Progress, never_cancel, no_progress, read_limited
from counter_app.sync.hub_apply import apply_package, check_consistency
from counter_app.sync.identity import ROLE_HUB, add_peer, all_own_keypairs, hub_id_of, peer_keys, peer_rows
from counter_app.sync.keys import PublicKeys, follow_chain
from counter_app.sync.schema import SchemaViolation, validator


@dataclass(frozen=True)
class FileOutcome:
    name: str
    status: str  # applied | duplicate | held | quarantined | unreadable | skipped
    message: str
    unit_code: str | None = None
    reason_code: str | None = None
    new_events: int = 0


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def summary(self) -> str:
        return msg.HUB_IMPORT_SUMMARY.format(files=len(self.outcomes), applied=self.count("applied"),
                                             duplicates=self.count("duplicate"), held=self.count("held"),
                                             quarantined=self.count("quarantined"))


@dataclass(frozen=True)
class Workspace:
    """The hub's own folder: quarantine/, held/ (awaiting key confirmation) and archive/<unit>/."""

    root: Path

    def sub(self, *parts: str) -> Path:
        path = self.root.joinpath(*parts)
        path.mkdir(parents=True, exist_ok=True)
        return path


def package_files(folder: Path) -> list[Path]:
    """Export packages in a folder (return packages, TRA_…, are for communes and are left alone)."""
    return sorted(p for p in Path(folder).iterdir()
                  if p.is_file() and p.name.endswith(PACKAGE_SUFFIX) and not p.name.startswith(RETURN_PREFIX))


def import_folder(
    db: Database, folder: Path, workspace: Workspace, *, limits: Limits = DEFAULT_LIMITS, trust_new: bool = False,
    now: Callable[[], datetime] = vn_now, progress: Progress = no_progress, cancel: Cancel = never_cancel,
) -> ImportReport:
    """Import every package of `folder`. Each file is all-or-nothing; cancel stops between files."""
    files = package_files(folder)
    report = ImportReport()
    for index, path in enumerate(files):
        if cancel():
            raise SyncCancelled(msg.CANCELLED, "cancelled")
        progress("import", index, len(files))
        report.outcomes.append(import_file(db, path, workspace, limits=limits, trust_new=trust_new, now=now()))
    progress("import", len(files), len(files))
    return report


def import_file(db: Database, path: Path, workspace: Workspace, *, limits: Limits = DEFAULT_LIMITS,
                trust_new: bool = False, now: datetime | None = None) -> FileOutcome:
    now = now or vn_now()
    name = Path(path).name
    try:
        data = read_limited(Path(path), limits.max_file_bytes)
    except OverflowError as exc:
        rejected = PackageRejected(msg.PKG_FILE_TOO_LARGE.format(name=name, size=exc.args[0],
                                                                 limit=limits.max_file_bytes), "too_large")
        return _quarantine(db, workspace, name, None, rejected, now, unit=None)
    except OSError as exc:
        return FileOutcome(name, "unreadable", msg.PKG_READ_FAILED.format(name=name, detail=exc.strerror or exc))
    unit: str | None = None
    try:
        header = read_header(data)
        if header.kind != "export":
            return FileOutcome(name, "skipped", msg.PKG_NOT_A_PACKAGE)
        unit = header.sender
        return _import_verified(db, workspace, name, data, header, limits, trust_new, now)
    except PackageRejected as rejected:
        return _quarantine(db, workspace, name, data, rejected, now, unit=unit)


def _import_verified(db: Database, workspace: Workspace, name: str, data: bytes, header: OuterHeader,
                     limits: Limits, trust_new: bool, now: datetime) -> FileOutcome:
    file_sha = sha256_hex(data)
    with db.read() as session:
        hub_id, _ = hub_id_of(session)
        keys = all_own_keypairs(session, ROLE_HUB)
        known = _package(session, header.sender, header.stream, header.sequence)
        if known is not None and known.file_sha256 == file_sha:
            return _repeat(name, known)
    if header.recipient != hub_id:
        raise PackageRejected(msg.PKG_WRONG_RECIPIENT.format(recipient=header.recipient, ours=hub_id),
                              "wrong_recipient")
    key = keys.get(header.recipient_key)
    if key is None:
        raise PackageRejected(msg.PKG_UNKNOWN_RECIPIENT_KEY.format(recipient=hub_id,
                                                                   fingerprint=header.recipient_key),
                              "wrong_recipient")
    opened = open_sealed(data, header, key)
    manifest = _checked_manifest(opened)
    signer = PublicKeys.from_dict(manifest["sender"]["keys"])
    if signer.fingerprint != manifest["sender"]["fingerprint"] or not opened.signature_valid(signer):
        raise PackageRejected(msg.PKG_BAD_SIGNATURE.format(sender=header.sender), "bad_signature")
    unit = manifest["sender"]["unit_code"]
    with db.read() as session:
        trust = _trust(session, manifest, signer, trust_new)
    payload = inflate(opened, limits)
    try:
        doc = json.loads(payload.decode("utf-8"))
        validator("exportPayload")(doc, "")
    except SchemaViolation as exc:
        raise PackageRejected(msg.PKG_INVALID_AT.format(path=exc.path, problem=exc.problem), "invalid_content") from None
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: absurdly deep JSON
        raise PackageRejected(msg.PKG_INVALID.format(detail="JSON"), "invalid_content") from None
    check_consistency(manifest, doc)
    payload_sha = manifest["payload"]["sha256"]
    if known is not None:
        if known.payload_sha256 == payload_sha:
            return _repeat(name, known)
        raise PackageRejected(msg.PKG_SEQUENCE_REUSED.format(sequence=header.sequence, unit=unit), "sequence_reused")
    if trust == "hold":
        return _hold(db, workspace, name, data, manifest, signer, file_sha, payload_sha, now)
    archive = workspace.sub("archive", unit) / name
    copied = _copy_in(data, archive)
    try:
        with db.write() as session:
            if trust != "trusted":
                _rotate_unit_key(session, manifest, signer, trust, name, now)
            new = apply_package(session, manifest=manifest, doc=doc, file_name=name, file_sha256=file_sha,
                                payload_sha256=payload_sha, stored_as=str(archive), now=now)
    except IntegrityError:
        if copied:
            archive.unlink(missing_ok=True)
        raise PackageRejected(msg.PKG_CONFLICT.format(event="(node, counter)"), "conflict") from None
    except BaseException:
        if copied:
            archive.unlink(missing_ok=True)
        raise
    return FileOutcome(name, "applied", msg.HUB_APPLIED.format(name=name, new=new, events=len(doc["events"]),
                                                              dossiers=len(doc["dossiers"])), unit, None, new)


def _repeat(name: str, known: HubPackage) -> FileOutcome:
    if known.status == "held":
        return FileOutcome(name, "held", msg.HUB_HELD.format(name=name, unit=known.unit_code), known.unit_code)
    return FileOutcome(name, "duplicate", msg.HUB_DUPLICATE.format(name=name), known.unit_code)


def _package(session: Session, unit: str, stream: str, sequence: int) -> HubPackage | None:
    return session.execute(select(HubPackage).where(
        HubPackage.unit_code == unit, HubPackage.stream_id == stream, HubPackage.sequence == sequence)
    ).scalar_one_or_none()


def _checked_manifest(opened: Opened) -> dict[str, Any]:
    manifest = opened.manifest
    try:
        validator("exportManifest")(manifest, "")
    except SchemaViolation as exc:
        raise PackageRejected(msg.PKG_INVALID_AT.format(path="manifest" + exc.path, problem=exc.problem),
                              "invalid_content") from None
    header = opened.header
    agrees = (
        manifest["sender"]["unit_code"] == header.sender
        and manifest["sender"]["stream_id"] == header.stream
        and manifest["sequence"] == header.sequence
        and manifest["created_at"] == header.fields["created_at"]
        and manifest["recipient"]["hub_id"] == header.recipient
        and manifest["recipient"]["fingerprint"] == header.recipient_key
    )
    if not agrees:
        raise PackageRejected(msg.PKG_SENDER_MISMATCH, "sender_mismatch")
    return manifest


def _trust(session: Session, manifest: dict[str, Any], signer: PublicKeys, trust_new: bool) -> str:
    """'trusted', 'hold', 'new' (first key, auto-trusted), or 'rotate:<old fingerprint>'. Raises if refused."""
    unit = manifest["sender"]["unit_code"]
    rows = peer_rows(session, "unit", unit, ("trusted", "pending", "retired"))
    trusted = {r.fingerprint: peer_keys(r) for r in rows if r.status == "trusted"}
    if signer.fingerprint in trusted:
        return "trusted"
    stream, sequence = manifest["sender"]["stream_id"], manifest["sequence"]
    for row in rows:
        if (row.status == "retired" and row.fingerprint == signer.fingerprint and row.retired_stream == stream
                and row.retired_before_seq is not None and sequence < row.retired_before_seq):
            return "trusted"  # signed before the rotation took effect
    if trusted:
        origin = follow_chain(trusted, unit, manifest["sender"]["rotation_chain"], signer)
        if origin is None:
            raise PackageRejected(msg.PKG_UNKNOWN_UNIT_KEY.format(unit=unit, fingerprint=signer.fingerprint),
                                  "unknown_unit_key")
        return f"rotate:{origin}"
    pending = [r for r in rows if r.status == "pending"]
    if pending:
        if pending[-1].fingerprint != signer.fingerprint:
            raise PackageRejected(msg.PKG_PENDING_KEY_MISMATCH.format(
                unit=unit, fingerprint=signer.fingerprint, pending=pending[-1].fingerprint), "pending_key")
        return "hold"
    if any(r.status == "retired" for r in rows) and not trust_new:
        return "hold"  # the unit's keys were reset: a new key is confirmed like a first one
    return "new" if trust_new else "hold"


def _rotate_unit_key(session: Session, manifest: dict[str, Any], signer: PublicKeys, trust: str, name: str,
                     now: datetime) -> None:
    sender = manifest["sender"]
    if trust.startswith("rotate:"):
        old_fp = trust.removeprefix("rotate:")
        for row in peer_rows(session, "unit", sender["unit_code"]):
            if row.fingerprint == old_fp:
                row.status, row.retired_at = "retired", now
                row.retired_stream, row.retired_before_seq = sender["stream_id"], manifest["sequence"]
    add_peer(session, "unit", sender["unit_code"], sender["unit_name"], signer, "trusted", name, now)


def _hold(db: Database, workspace: Workspace, name: str, data: bytes, manifest: dict[str, Any], signer: PublicKeys,
          file_sha: str, payload_sha: str, now: datetime) -> FileOutcome:
    sender = manifest["sender"]
    unit = sender["unit_code"]
    held = workspace.sub("held", unit) / name
    _copy_in(data, held)
    with db.write() as session:
        if session.get(HubUnit, unit) is None:
            session.add(HubUnit(unit_code=unit, unit_name=sender["unit_name"], status="pending", first_seen_at=now))
        if not peer_rows(session, "unit", unit, ("pending",)):
            add_peer(session, "unit", unit, sender["unit_name"], signer, "pending", name, now)
        session.add(HubPackage(
            unit_code=unit, stream_id=sender["stream_id"], sequence=manifest["sequence"], mode=manifest["mode"],
            status="held", file_name=name, stored_as=str(held), file_sha256=file_sha, payload_sha256=payload_sha,
            created_at=datetime.fromisoformat(manifest["created_at"]), imported_at=now,
            event_count=manifest["counts"]["events"], dossier_count=manifest["counts"]["dossiers"],
            supersedes=manifest["supersedes"]))
    text = msg.HUB_NEW_UNIT.format(name=sender["unit_name"], unit=unit, fingerprint=signer.fingerprint)
    return FileOutcome(name, "held", text, unit, "pending_key")


def _copy_in(data: bytes, target: Path) -> bool:
    """Keep a copy of a package in the hub's folder; False when an identical copy is already there."""
    if target.exists() and sha256_hex(target.read_bytes()) == sha256_hex(data):
        return False
    temp = target.with_name(target.name + ".tmp")
    temp.write_bytes(data)
    temp.replace(target)
    return True


def _quarantine(db: Database, workspace: Workspace, name: str, data: bytes | None, rejected: PackageRejected,
                now: datetime, *, unit: str | None) -> FileOutcome:
    digest = sha256_hex(data) if data is not None else ""
    unit_code = unit if unit and len(unit) <= 35 else None
    with db.write() as session:
        earlier = None
        if digest:
            earlier = session.execute(select(HubQuarantine).where(HubQuarantine.file_sha256 == digest)
                                      .limit(1)).scalar_one_or_none()
        if earlier is not None:
            text = msg.HUB_ALREADY_QUARANTINED.format(name=name, reason=earlier.reason)
            return FileOutcome(name, "quarantined", text, unit_code, earlier.reason_code)
        stored = ""
        if data is not None:
            folder = workspace.sub("quarantine", now.strftime("%Y%m%d"))
            target = folder / f"{now.strftime('%H%M%S')}_{digest[:8]}_{name}"
            target.write_bytes(data)
            target.with_name(target.name + ".reason.txt").write_text(f"{rejected.code}\n{rejected}\n", "utf-8")
            stored = str(target)
        session.add(HubQuarantine(file_name=name[:300], stored_as=stored, file_sha256=digest,
                                  reason_code=rejected.code, reason=str(rejected), unit_code=unit_code, at=now))
    return FileOutcome(name, "quarantined", msg.HUB_QUARANTINED.format(name=name, reason=rejected), unit_code,
                       rejected.code)


__all__ = ["FileOutcome", "ImportReport", "Workspace", "import_file", "import_folder", "package_files"]
