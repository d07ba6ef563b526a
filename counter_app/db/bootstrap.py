"""The start-up protocol for a database: refuse newer, back up, upgrade with Alembic, stop on failure.

Nothing here writes to a file whose schema this build does not know: the revision is read through a
read-only connection first, so a database from a newer version is left byte-identical. A file already at
HEAD_REVISION (the usual start) is opened without loading Alembic at all (schema_revision.py).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.db.engine import Database, sqlite_url
from counter_app.db.errors import DatabaseTooNew, StorageError, UpgradeFailed
from counter_app.db.schema_revision import HEAD_REVISION, read_sqlite_revision
from counter_app.messages import storage as msg
from counter_app.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config


@dataclass(frozen=True)
class OpenResult:
    database: Database
    previous_revision: str | None  # None: a new file
    revision: str
    backup_path: Path | None  # the copy taken before an upgrade


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """Alembic's answer (loads Alembic and reads every migration); HEAD_REVISION is the cheap one."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return {rev.revision for rev in script.walk_revisions()}


def backup_sqlite(path: Path, dest_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe while other connections are open)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = dest_dir / f"{path.stem}-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    return dest


def open_sqlite(path: Path, *, backup_dir: Path | None = None) -> OpenResult:
    """Open (creating if needed) a commune database file and bring it to the current schema."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    current = read_sqlite_revision(path)
    if current == HEAD_REVISION:  # nothing to upgrade: Alembic is not even loaded
        return OpenResult(Database(sqlite_url(path)), current, current, None)
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(msg.DB_TOO_NEW.format(path=path, found=current, known=head))
    backup: Path | None = None
    if current is not None and current != head:
        backup = backup_sqlite(path, backup_dir or path.parent / "backups", f"before-{head}")
    database = Database(sqlite_url(path))
    if current != head:
        try:
            upgrade(database)
        except StorageError:
            raise
        except Exception as exc:  # a failed upgrade stops the app and points to the copy
            database.dispose()
            raise UpgradeFailed(msg.DB_UPGRADE_FAILED.format(detail=exc, backup=backup or "-")) from exc
    return OpenResult(database, current, head, backup)


def upgrade(database: Database) -> None:
    from alembic import command

    cfg = alembic_config(database.url)
    with database.write_engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()


def current_revision(database: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with database.write_engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_url(url: str) -> OpenResult:
    """Open a hub database (PostgreSQL or SQLite URL), refusing newer schemas and upgrading older ones."""
    if url.startswith("sqlite:///"):
        return open_sqlite(Path(url.removeprefix("sqlite:///")))
    database = Database(url)
    current = current_revision(database)
    head = head_revision()
    if current is not None and current not in known_revisions():
        database.dispose()
        raise DatabaseTooNew(msg.DB_TOO_NEW.format(path=url, found=current, known=head))
    if current != head:
        upgrade(database)
    return OpenResult(database, current, head, None)


def integrity_check(database: Database) -> list[str]:
    """PRAGMA integrity_check (SQLite) — an empty list means the file is sound."""
    if not database.is_sqlite:
        return []
    with database.write_engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    problems = [r for r in rows if r != "ok"]
    problems += [f"foreign key: {tuple(r)}" for r in fk]
    return problems
