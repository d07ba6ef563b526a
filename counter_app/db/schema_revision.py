"""The schema revision this build expects, and the one a file carries, with the standard library only.

A start-up on a file already at the head needs neither Alembic (≈ 0.25 s to import) nor SQLAlchemy to
know that: `bootstrap.open_sqlite` skips the migration machinery then, and the GUI decides what to show
before loading either. HEAD_REVISION must name the newest migration in migrations/versions/:
tests/db/test_head_revision.py compares it with Alembic's own answer and fails when a migration is added.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from counter_app.db.errors import NotADatabase, translate_sqlite_error
from counter_app.messages import storage as msg

HEAD_REVISION = "0006_name_search"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that writes no byte. Raises sqlite3.Error when the file cannot be opened."""
    # Without a -wal file the main file is the whole database: immutable=1 then reads it without creating
    # -wal/-shm files, so a refused database's folder is left exactly as it was.
    wal_exists = path.with_name(path.name + "-wal").exists()
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if wal_exists else "&immutable=1")
    return sqlite3.connect(uri, uri=True)


def revision_of(conn: sqlite3.Connection, path: Path) -> str | None:
    """The revision stamped through `conn`; None for an empty database. NotADatabase for a foreign one."""
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            if tables:
                raise NotADatabase(msg.DB_NOT_SQLITE.format(path=path))
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.OperationalError as exc:
        # Locked, unreadable, full…: a real database in trouble, not a foreign file.
        raise (translate_sqlite_error(exc) or NotADatabase(msg.DB_NOT_SQLITE.format(path=path))) from exc
    except sqlite3.DatabaseError as exc:
        raise NotADatabase(msg.DB_NOT_SQLITE.format(path=path)) from exc


def read_sqlite_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, read without writing a byte. None for a new/empty file."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise NotADatabase(msg.DB_NOT_SQLITE.format(path=path)) from exc
    try:
        return revision_of(conn, path)
    finally:
        conn.close()
