"""Environment problems (full disk, read-only media, locked or damaged file) as plain Vietnamese errors.

Bugs stay bugs; only conditions a clerk can act on are translated (style lesson L12).
"""

from __future__ import annotations

from counter_app.messages import storage as msg


class StorageError(Exception):
    """A storage problem the user can understand and act on. str(err) is the Vietnamese message."""


class DatabaseTooNew(StorageError):
    pass


class UpgradeFailed(StorageError):
    pass


class NotADatabase(StorageError):
    pass


def translate_sqlite_error(exc: BaseException) -> StorageError | None:
    """Map a sqlite3/SQLAlchemy OperationalError to a StorageError, or None if it looks like a bug."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError(msg.DB_DISK_FULL)
    if "readonly" in text or "read-only" in text or "attempt to write a readonly" in text:
        return StorageError(msg.DB_READ_ONLY)
    if "database is locked" in text or "database is busy" in text:
        return StorageError(msg.DB_BUSY)
    if "disk i/o error" in text or "unable to open database" in text:
        return StorageError(msg.DB_IO_ERROR.format(detail=text))
    if "malformed" in text or "not a database" in text:
        return StorageError(msg.DB_CORRUPT.format(detail=text))
    return None
