"""The database file: pragmas, migrations that match the models, newer schemas refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from counter_app.db.bootstrap import head_revision, open_sqlite, read_sqlite_revision
from counter_app.db.errors import DatabaseTooNew, NotADatabase
from counter_app.db.models import Base, compared_with_models


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_wal_fk_full_sync_and_busy_timeout(tmp_path: Path) -> None:
    database = open_sqlite(tmp_path / "new.sqlite3").database
    with database.write() as session:
        pragmas = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 10_000}
    database.dispose()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    database = open_sqlite(tmp_path / "m.sqlite3").database
    with database.write_engine.connect() as conn:
        opts = {"compare_type": True, "include_name": compared_with_models}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    database.dispose()
    assert diff == []


def test_events_are_append_only_at_the_engine(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite3"
    open_sqlite(path).database.dispose()
    conn = sqlite3.connect(path)
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    conn.close()
    assert {"dossier_events_no_update", "dossier_events_no_delete"} <= triggers


def test_database_from_a_newer_version_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_sqlite(path).database.dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _sha(path)
    siblings_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DatabaseTooNew) as excinfo:
        open_sqlite(path)
    assert "9999_from_the_future" in str(excinfo.value)
    assert "phiên bản phần mềm mới hơn" in str(excinfo.value)
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings_before  # no backup, no new file


def test_older_schema_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    conn.commit()
    conn.close()  # an empty stamped-at-base file: everything must be created by migrations
    result = open_sqlite(path)
    assert result.previous_revision is None and result.revision == head_revision()
    assert read_sqlite_revision(path) == head_revision()
    result.database.dispose()


def test_a_file_that_is_not_a_database_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite3"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 4096)
    before = _sha(path)
    with pytest.raises(NotADatabase) as excinfo:
        open_sqlite(path)
    assert "không phải là cơ sở dữ liệu" in str(excinfo.value)
    assert _sha(path) == before
