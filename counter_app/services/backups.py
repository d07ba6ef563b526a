"""Backups as the admin sees them: settings, the daily backup, listing, and restore with a new node identity.

The mechanics (snapshot, encryption, rotation, file swap) are in db/backup.py; here are the rules: who may
do it, where the files go, the audit rows, and the new identity a restored database takes so that event
counters, ledger numbers and today's codes issued after the backup are never issued twice.
Long work: the UI runs these on a worker thread (a backup of a year's database takes about a second).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from counter_app.db import backup as files
from counter_app.db import backup_crypto as crypto
from counter_app.db.bootstrap import head_revision, known_revisions, open_sqlite, read_sqlite_revision
from counter_app.db.engine import Database
from counter_app.db.instance_lock import acquire_instance_lock
from counter_app.db.models import Dossier, DossierEvent
from counter_app.messages import trust as msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_db, require_in_session
from counter_app.services.context import SYSTEM_ACTOR, Actor, vn_now
from counter_app.services.errors import ValidationFailed
from counter_app.services.settings import get_setting, set_setting
from counter_app.services.unit import NodeChange, take_new_node_identity

SECOND_FOLDER = "backup.second_folder"
ENCRYPTION = "backup.encryption"  # the keyring: public key + passphrase-wrapped private key, never the passphrase
MIN_PASSPHRASE_LENGTH = 10


@dataclass(frozen=True)
class BackupSettings:
    primary_folder: Path
    second_folder: Path | None
    keyring: dict[str, Any] | None

    @property
    def encrypted(self) -> bool:
        return self.keyring is not None


@dataclass(frozen=True)
class BackupResult:
    primary: Path
    second: Path | None
    second_error: str  # Vietnamese; empty if the second copy succeeded or none is configured
    deleted: tuple[Path, ...] = field(default=())


@dataclass(frozen=True)
class RestoreResult:
    backup: Path
    aside: Path | None
    dossiers: int
    events: int
    node: NodeChange
    message: str


def _db_path(db: Database) -> Path:
    if db.path is None:
        raise ValueError("backups are for a commune's SQLite database")
    return db.path


def primary_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def backup_settings(db: Database) -> BackupSettings:
    with db.read() as session:
        second = get_setting(session, SECOND_FOLDER)
        keyring = get_setting(session, ENCRYPTION)
    return BackupSettings(primary_folder(_db_path(db)), Path(second) if second else None, keyring or None)


def set_second_folder(db: Database, actor: Actor, folder: Path | str | None) -> None:
    value = str(Path(folder).resolve()) if folder else None
    with db.write() as session:
        require_in_session(session, actor, Permission.MANAGE_BACKUPS)
        before = get_setting(session, SECOND_FOLDER)
        set_setting(session, SECOND_FOLDER, value)
        audit.record(session, actor, "setting.change", target_type="setting", target_id=SECOND_FOLDER,
                     before={"value": before}, after={"value": value})


def enable_encryption(db: Database, actor: Actor, passphrase: str, *, old_passphrase: str | None = None,
                      scrypt_n: int = crypto.SCRYPT_N) -> None:
    """Turn encryption on, or change its passphrase (then `old_passphrase` is needed; same key pair)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationFailed([msg.BACKUP_PASSPHRASE_WEAK.format(n=MIN_PASSPHRASE_LENGTH)])
    require_db(db, actor, Permission.MANAGE_BACKUPS)
    current = backup_settings(db).keyring
    if current is not None and old_passphrase is not None:
        try:
            keyring = crypto.rewrap_keyring(current, old_passphrase, passphrase)
        except crypto.WrongPassphrase:
            raise ValidationFailed([msg.BACKUP_WRONG_PASSPHRASE]) from None
    else:
        keyring = crypto.new_keyring(passphrase, scrypt_n=scrypt_n)
    with db.write() as session:
        require_in_session(session, actor, Permission.MANAGE_BACKUPS)
        set_setting(session, ENCRYPTION, keyring)
        audit.record(session, actor, "backup.encryption", target_type="setting", target_id=ENCRYPTION,
                     before={"encrypted": current is not None},
                     after={"encrypted": True, "public_key": keyring["public_key"]})


def disable_encryption(db: Database, actor: Actor) -> None:
    with db.write() as session:
        require_in_session(session, actor, Permission.MANAGE_BACKUPS)
        if get_setting(session, ENCRYPTION) is None:
            return
        set_setting(session, ENCRYPTION, None)
        audit.record(session, actor, "backup.encryption", target_type="setting", target_id=ENCRYPTION,
                     before={"encrypted": True}, after={"encrypted": False})


def backup_now(db: Database, *, actor: Actor | None = None, now: datetime | None = None) -> BackupResult:
    """Back up to the data folder and, if configured, the second folder; rotate both; record it."""
    who = actor or SYSTEM_ACTOR
    if actor is not None:
        require_db(db, actor, Permission.MANAGE_BACKUPS)
    now = now or vn_now()
    settings = backup_settings(db)
    seq, head_hash = audit.chain_head(db)
    meta = {"created_at": now.isoformat(), "revision": head_revision(), "audit_head": [seq, head_hash],
            "source": _db_path(db).name}
    primary = files.write_backup(_db_path(db), settings.primary_folder, taken_at=now, keyring=settings.keyring,
                                 meta=meta)
    deleted = files.rotate(settings.primary_folder, protect=primary)
    second, second_error = None, ""
    if settings.second_folder is not None:
        try:  # a missing USB stick must not cost the main backup
            second = files.copy_verified(primary, settings.second_folder)
            deleted += files.rotate(settings.second_folder, protect=second)
        except OSError as exc:
            second_error = msg.BACKUP_SECOND_FAILED.format(folder=settings.second_folder, detail=exc)
    audit.record_db(db, who, "backup.create", target_type="backup", target_id=primary.name, at=now,
                    after={"encrypted": settings.encrypted, "second_copy": bool(second), "audit_head": seq,
                           "deleted": [p.name for p in deleted]})
    return BackupResult(primary, second, second_error, tuple(deleted))


def run_daily_backup(db: Database, *, now: datetime | None = None) -> BackupResult | None:
    """The automatic backup: call at start-up and now and then; does nothing if today's backup exists."""
    now = now or vn_now()
    if files.has_backup_on(primary_folder(_db_path(db)), now.date()):
        return None
    return backup_now(db, now=now)


def list_backups(db: Database) -> list[files.BackupFile]:
    settings = backup_settings(db)
    found = files.list_backup_files(settings.primary_folder)
    if settings.second_folder is not None:
        found += files.list_backup_files(settings.second_folder)
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def restore_backup(db_path: Path, backup: Path, *, passphrase: str | None = None, actor: Actor | None = None,
                   now: datetime | None = None) -> RestoreResult:
    """Check `backup`, keep the current database aside, put the backup in place, take a new node identity.

    The caller closes its own Database first (the UI: ctx.db.dispose()) and reopens afterwards; the
    instance lock keeps other programs out meanwhile. A bad file or passphrase raises BackupError and
    leaves the current database untouched.
    """
    db_path, backup = Path(db_path), Path(backup)
    now = now or vn_now()
    with acquire_instance_lock(db_path):
        previous_head = _authorise_and_read_head(db_path, actor)
        restored = files.prepare_restore(backup, db_path.parent, passphrase, known_revisions(),
                                         read_sqlite_revision)
        aside = files.swap_in(restored, db_path, now)
        database = open_sqlite(db_path).database  # upgrades an older backup's schema
        try:
            with database.write() as session:
                node = take_new_node_identity(session, now)
                dossiers = session.scalar(select(func.count()).select_from(Dossier)) or 0
                events = session.scalar(select(func.count()).select_from(DossierEvent)) or 0
                audit.record(session, actor or SYSTEM_ACTOR, "backup.restore", target_type="backup",
                             target_id=backup.name, node_id=node.new_node_id, at=now,
                             after={"aside": aside.name if aside else None, "replaced_audit_head": previous_head,
                                    "old_node": node.old_node_id, "new_node": node.new_node_id,
                                    "ledger_book": node.ledger_book, "next_ordinal": node.next_ordinal_today})
        finally:
            database.dispose()
    message = msg.RESTORE_DONE.format(backup=backup.name, dossiers=dossiers, events=events, aside=aside or "-",
                                      book=node.ledger_book, ordinal=node.next_ordinal_today)
    return RestoreResult(backup, aside, dossiers, events, node, message)


def _authorise_and_read_head(db_path: Path, actor: Actor | None) -> list[Any] | None:
    """The admin's right is checked against the database being replaced; its chain head goes in the record.

    Read-only connections: a refused restore must leave the current file byte-identical.
    """
    if not db_path.exists():
        return None
    if actor is not None:
        uri = files.read_only_uri(db_path)
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
        try:
            with Session(engine) as session:
                require_in_session(session, actor, Permission.MANAGE_BACKUPS)
        finally:
            engine.dispose()
    try:
        conn = sqlite3.connect(files.read_only_uri(db_path), uri=True)
        try:
            row = conn.execute("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").fetchone()
        finally:
            conn.close()
        return list(row) if row else None
    except sqlite3.Error:  # a damaged current file is a reason to restore, not a reason to refuse
        return None
