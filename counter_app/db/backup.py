"""Backup files: SQLite's online backup API, optional encryption, rotation, and a careful restore.

Every file is written as `<name>.part`, fsynced and renamed, so a power cut or a pulled USB stick leaves
either the old set of backups or the new one, never a half file under a backup's name. The plaintext
snapshot is taken beside the live database (which already holds the same data) and only the encrypted
form goes to the backup folders. Restore checks the file before touching anything and keeps the current
database aside under a dated name.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from counter_app.db import backup_crypto as crypto
from counter_app.db.errors import NotADatabase, StorageError
from counter_app.messages import trust as msg

BACKUP_RE = re.compile(r"^backup-(\d{8})-(\d{6})(?:-\d+)?\.(sqlite3|ctrbak)$")
SQLITE_MAGIC = b"SQLite format 3\x00"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_WITHIN = timedelta(hours=24)  # every backup of the last day stays: a manual one before a risky change too


class BackupError(StorageError):
    """A backup or restore refused for a reason the admin can act on; nothing was overwritten."""


class PassphraseRequired(BackupError):
    pass


class WrongBackupPassphrase(BackupError):
    pass


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # local time of the PC, from the file name
    encrypted: bool
    size: int


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows has no directory fsync; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def snapshot(db_path: Path, dest: Path) -> None:
    """A consistent copy of a live database (other connections may keep writing), as one self-contained file."""
    src = sqlite3.connect(db_path, timeout=30)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")  # no -wal companion: the copy is a single file
        finally:
            out.close()
    finally:
        src.close()
    _fsync_file(dest)


def read_only_uri(path: Path) -> str:
    """A URI that reads without creating -wal/-shm files when there is no -wal (as bootstrap does)."""
    wal = path.with_name(path.name + "-wal").exists()
    return f"{path.resolve().as_uri()}?mode=ro" + ("" if wal else "&immutable=1")


def sqlite_problems(path: Path) -> list[str]:
    """PRAGMA integrity_check of a standalone file, plus: is it one of our databases at all?"""
    try:
        with open(path, "rb") as f:
            if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return ["not a SQLite database"]
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [r for r in rows if r != "ok"]
    missing = {"alembic_version", "dossiers", "dossier_events", "nodes"} - tables
    return problems + ([f"missing tables: {sorted(missing)}"] if missing else [])


def backup_name(taken_at: datetime, *, encrypted: bool) -> str:
    return f"backup-{taken_at:%Y%m%d-%H%M%S}.{'ctrbak' if encrypted else 'sqlite3'}"


def _free_name(folder: Path, name: str) -> Path:
    path, n = folder / name, 2
    stem, suffix = name.rsplit(".", 1)
    while path.exists():
        path, n = folder / f"{stem}-{n}.{suffix}", n + 1
    return path


def write_backup(db_path: Path, folder: Path, *, taken_at: datetime, keyring: dict[str, Any] | None,
                 meta: dict[str, Any]) -> Path:
    """Snapshot → integrity check → (encrypt) → `<name>.part` → fsync → rename. Returns the final path."""
    folder.mkdir(parents=True, exist_ok=True)
    plain = db_path.parent / f".backup-{uuid.uuid4().hex}.tmp"
    final = _free_name(folder, backup_name(taken_at, encrypted=keyring is not None))
    part = final.with_name(final.name + ".part")
    try:
        snapshot(db_path, plain)
        problems = sqlite_problems(plain)
        if problems:
            raise BackupError(msg.BACKUP_SOURCE_BAD.format(detail="; ".join(problems[:5])))
        if keyring is None:
            shutil.copyfile(plain, part)
        else:
            with open(plain, "rb") as src, open(part, "wb") as dst:
                crypto.encrypt_stream(src, dst, keyring, meta)
        _fsync_file(part)
        os.replace(part, final)
        fsync_dir(folder)
        return final
    finally:
        for leftover in (plain, part):
            leftover.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_verified(src: Path, folder: Path) -> Path:
    """Copy a finished backup to a second folder (USB) and read it back before calling it done."""
    folder.mkdir(parents=True, exist_ok=True)
    final = _free_name(folder, src.name)
    part = final.with_name(final.name + ".part")
    try:
        shutil.copyfile(src, part)
        _fsync_file(part)
        if _sha256(part) != _sha256(src):
            raise OSError("copy differs from the original")
        os.replace(part, final)
        fsync_dir(folder)
        return final
    finally:
        part.unlink(missing_ok=True)


def list_backup_files(folder: Path) -> list[BackupFile]:
    """Our backups in `folder`, newest first (other files, e.g. copies taken before upgrades, are ignored)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = BACKUP_RE.match(path.name)
        if match and path.is_file():
            taken = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
            found.append(BackupFile(path, taken, match.group(3) == "ctrbak", path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _kept_positions(newest_first: list[datetime], daily: int, weekly: int, monthly: int) -> set[int]:
    keep = {i for i, t in enumerate(newest_first) if newest_first[0] - t < KEEP_WITHIN}
    buckets: list[tuple[int, Callable[[datetime], Any]]] = [
        (daily, lambda t: t.date()),
        (weekly, lambda t: tuple(t.isocalendar())[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ]
    for limit, bucket_of in buckets:
        seen: set[Any] = set()
        for i, stamp in enumerate(newest_first):
            bucket = bucket_of(stamp)
            if bucket not in seen and len(seen) < limit:
                seen.add(bucket)
                keep.add(i)
    return keep


def select_to_keep(stamps: Iterable[datetime], *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
                   monthly: int = KEEP_MONTHLY) -> set[datetime]:
    """Every backup of the last 24 h, and the newest of each of the last `daily` days, `weekly` ISO weeks and
    `monthly` months that have one."""
    newest_first = sorted(set(stamps), reverse=True)
    return {newest_first[i] for i in _kept_positions(newest_first, daily, weekly, monthly)}


def rotate(folder: Path, *, protect: Path | None = None) -> list[Path]:
    """Delete the backups outside the 24 h / 7-daily / 4-weekly / 12-monthly schedule; returns what was deleted.

    `protect` (the backup just written) is never deleted, even beside an older file of the same second.
    """
    files = sorted(list_backup_files(folder),
                   key=lambda b: (b.taken_at, b.path == protect, b.path.stat().st_mtime_ns), reverse=True)
    keep = _kept_positions([b.taken_at for b in files], KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY)
    deleted = []
    for i, b in enumerate(files):
        if i not in keep and b.path != protect:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted


def has_backup_on(folder: Path, day: date) -> bool:
    return any(b.taken_at.date() == day for b in list_backup_files(folder))


# --- restore ------------------------------------------------------------------------------------------


def prepare_restore(backup: Path, work_dir: Path, passphrase: str | None,
                    known_revisions: set[str], read_revision: Callable[[Path], str | None]) -> Path:
    """A checked plaintext copy of `backup` in `work_dir` (same disk as the database), or BackupError."""
    if not backup.is_file():
        raise BackupError(msg.BACKUP_NOT_FOUND.format(path=backup))
    tmp = work_dir / f".restore-{uuid.uuid4().hex}.sqlite3"
    try:
        if crypto.is_encrypted(backup):
            if not passphrase:
                raise PassphraseRequired(msg.BACKUP_PASSPHRASE_REQUIRED.format(path=backup))
            try:
                with open(backup, "rb") as src, open(tmp, "wb") as dst:
                    crypto.decrypt_stream(src, dst, passphrase)
            except crypto.WrongPassphrase:
                raise WrongBackupPassphrase(msg.BACKUP_WRONG_PASSPHRASE) from None
            except crypto.CorruptBackup as exc:
                raise BackupError(msg.BACKUP_CORRUPT.format(path=backup, detail=exc)) from None
        else:
            with open(backup, "rb") as f:
                if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                    raise BackupError(msg.BACKUP_NOT_OURS.format(path=backup))
            shutil.copyfile(backup, tmp)
        problems = sqlite_problems(tmp)
        if problems:
            raise BackupError(msg.BACKUP_CORRUPT.format(path=backup, detail="; ".join(problems[:5])))
        try:
            revision = read_revision(tmp)
        except NotADatabase:
            raise BackupError(msg.BACKUP_NOT_OURS.format(path=backup)) from None
        if revision is None:
            raise BackupError(msg.BACKUP_NOT_OURS.format(path=backup))
        if revision not in known_revisions:
            raise BackupError(msg.BACKUP_TOO_NEW.format(found=revision))
        _fsync_file(tmp)
        return tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _checkpoint(db_path: Path) -> None:
    """Fold the -wal into the main file so the copy kept aside is one file; harmless if it fails."""
    try:
        conn = sqlite3.connect(db_path, timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def swap_in(restored: Path, db_path: Path, stamp: datetime) -> Path | None:
    """Keep the current database (and its -wal/-shm) aside under a dated name, then move `restored` in."""
    aside: Path | None = None
    if db_path.exists():
        _checkpoint(db_path)
        aside = _free_name(db_path.parent, f"{db_path.stem}.before-restore-{stamp:%Y%m%d-%H%M%S}{db_path.suffix}")
        for suffix in ("-wal", "-shm"):
            companion = db_path.with_name(db_path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
        os.replace(db_path, aside)
    os.replace(restored, db_path)
    fsync_dir(db_path.parent)
    return aside
