"""Engines and transactions.

SQLite: WAL, foreign keys, synchronous=FULL (an acknowledged dossier survives a power cut) and a busy timeout.
Writers start with BEGIN IMMEDIATE so two processes never deadlock upgrading a read lock; readers use a
separate engine with deferred transactions so a long list query never blocks the counter.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from counter_app.db.errors import translate_sqlite_error

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def _install_sqlite_pragmas(engine: Engine, *, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """The application's database: one SQLite file (a commune) or a PostgreSQL URL (a hub)."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.write_engine = create_engine(url, echo=echo)
            self.read_engine = create_engine(url, echo=echo)
            _install_sqlite_pragmas(self.write_engine, immediate=True)
            _install_sqlite_pragmas(self.read_engine, immediate=False)
        else:
            self.write_engine = create_engine(url, echo=echo, pool_pre_ping=True)
            self.read_engine = self.write_engine

    @classmethod
    def for_path(cls, path: Path | str) -> Database:
        return cls(sqlite_url(path))

    @property
    def path(self) -> Path | None:
        return Path(self.write_engine.url.database) if self.is_sqlite and self.write_engine.url.database else None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back entirely on any error."""
        try:
            with Session(self.write_engine, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as exc:
            storage_error = translate_sqlite_error(exc)
            if storage_error is None:
                raise
            raise storage_error from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with Session(self.read_engine, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as exc:
            storage_error = translate_sqlite_error(exc)
            if storage_error is None:
                raise
            raise storage_error from exc

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
