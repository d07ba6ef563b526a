"""Sync benchmark cases: a commune's export package, and the hub importing it (SQLite and PostgreSQL).

The communes are made once by benchmarks/generate_db.py and kept in the work folder (a copy is used per
run, since an export writes to the commune's database). The hub is new for each run.
"""

from __future__ import annotations

import math
import shutil
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from cases import open_ctx
from figures import Figure, need, timed_ms

HUB_ID, HUB_NAME = "HUB.BENCH", "Trung tâm Phục vụ hành chính công tỉnh (đo hiệu năng)"
EVENTS_PER_DOSSIER = 4.1  # what generate_db produces on a few years of data


def commune_template(work: Path, dossiers: int, years: int) -> Path:
    """A generated commune database, made on first use and kept."""
    path = work / f"commune-{dossiers}.sqlite3"
    if not path.exists():
        generate = need("generate_db", "generate")
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generate(partial, dossiers=dossiers, years=years, progress=False)
        partial.rename(path)
    return path


def _fresh_copy(template: Path, run_dir: Path) -> Path:
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    copy = run_dir / "commune.sqlite3"
    shutil.copyfile(template, copy)
    return copy


def _sqlite_hub(folder: Path) -> tuple[Any, Path]:
    open_sqlite = need("counter_app.db.bootstrap", "open_sqlite")
    init_hub, write_identity_file = need("counter_app.sync.hub", "init_hub", "write_identity_file")
    hub = open_sqlite(folder / "hub.sqlite3").database
    init_hub(hub, HUB_ID, HUB_NAME)
    return hub, write_identity_file(hub, folder)


def _export(commune_path: Path, identity: Path, usb: Path) -> tuple[float, Any]:
    import_hub_identity = need("counter_app.services.sync_status", "import_hub_identity")
    export_package = need("counter_app.sync.export", "export_package")
    ctx = open_ctx(str(commune_path))
    import_hub_identity(ctx, identity)
    usb.mkdir(exist_ok=True)
    try:
        return timed_ms(lambda: export_package(ctx, usb, mode="full"))
    finally:
        ctx.db.dispose()


def _import(hub: Any, usb: Path, workspace: Path, expected: int) -> float:
    Workspace, import_folder = need("counter_app.sync.hub_import", "Workspace", "import_folder")  # noqa: N806
    ms, report = timed_ms(lambda: import_folder(hub, usb, Workspace(workspace), trust_new=True))
    [outcome] = report.outcomes
    if outcome.status != "applied" or outcome.new_events != expected:
        raise RuntimeError(f"hub import: {outcome.status} {outcome.new_events}/{expected}: {outcome.message}")
    return ms


def _raw_read_ms(db: Path) -> float:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return timed_ms(lambda: (conn.execute("SELECT * FROM dossiers").fetchall(),
                                 conn.execute("SELECT * FROM dossier_events").fetchall()))[0]
    finally:
        conn.close()


def _raw_insert_ms(folder: Path, rows: int) -> float:
    """The floor of an import: `rows` event-sized rows inserted in one transaction, nothing checked."""
    path = folder / "floor.sqlite3"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE e (id TEXT PRIMARY KEY, dossier_id TEXT, kind TEXT, at TEXT, user_id INTEGER, "
                 "username TEXT, node_id TEXT, node_counter INTEGER, from_state TEXT, to_state TEXT, payload TEXT)")
    data = ((str(uuid.uuid4()), str(uuid.uuid4()), "forward", "2026-03-02 02:00:00.000000", 1, "canbo1",
             "node", n, "received", "forwarded", '{"handler": "Công chức Tư pháp – Hộ tịch"}') for n in range(rows))

    def insert() -> None:
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO e VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", data)
        conn.execute("COMMIT")

    try:
        return timed_ms(insert)[0]
    finally:
        conn.close()
        path.unlink(missing_ok=True)


def export_10k(cfg: dict[str, Any]) -> list[Figure]:
    work = Path(cfg["work"])
    template = commune_template(work, 10_000, 1)
    run = work / "run-export"
    commune = _fresh_copy(template, run)
    hub, identity = _sqlite_hub(run)
    hub.dispose()
    ms, result = _export(commune, identity, run / "usb")
    size_mb = result.path.stat().st_size / 1e6
    return [Figure("export", f"export of {result.dossier_count:,} dossiers ({result.event_count:,} events)", ms,
                   "ms", "raw SQLite: read every dossier and event row", _raw_read_ms(commune),
                   note=f"sealed package {size_mb:.1f} MB, written and read back")]


def _pg_hub(url: str, sqlite_hub: Any) -> tuple[Any, Any]:
    """A PostgreSQL hub in a fresh schema, holding the same keys as the SQLite hub (one package fits both)."""
    from sqlalchemy import create_engine, delete, insert, select, text
    from sqlalchemy.engine import make_url

    open_url = need("counter_app.db.bootstrap", "open_url")
    init_hub = need("counter_app.sync.hub", "init_hub")
    SyncOwnKey = need("counter_app.db.models_sync", "SyncOwnKey")  # noqa: N806
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    hub = open_url(make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
                   .render_as_string(hide_password=False)).database
    init_hub(hub, HUB_ID, HUB_NAME)
    table = SyncOwnKey.__table__
    with sqlite_hub.read() as source:
        keys = [dict(row._mapping) for row in source.execute(select(table))]
    with hub.write() as session:
        session.execute(delete(table))
        session.execute(insert(table), keys)

    def drop() -> None:
        hub.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return hub, drop


def _pg_copy_ms(url: str, rows: int) -> float:
    """The floor on PostgreSQL: COPY of `rows` event-sized rows into a temporary table."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database) as conn:
        conn.execute("CREATE TEMP TABLE e (id uuid, dossier_id uuid, kind text, at timestamptz, user_id int, "
                     "username text, node_id text, node_counter int, from_state text, to_state text, payload jsonb)")

        def copy() -> None:
            with conn.cursor().copy("COPY e FROM STDIN") as cp:
                for n in range(rows):
                    cp.write_row((uuid.uuid4(), uuid.uuid4(), "forward", "2026-03-02 09:00+07", 1, "canbo1", "node",
                                  n, "received", "forwarded", '{"handler": "Công chức Tư pháp – Hộ tịch"}'))
            conn.commit()

        return timed_ms(copy)[0]


def hub_import(cfg: dict[str, Any]) -> list[Figure]:
    work = Path(cfg["work"])
    wanted = int(cfg.get("hub_events", 100_000))
    dossiers = math.ceil(wanted / EVENTS_PER_DOSSIER)
    template = commune_template(work, dossiers, max(1, min(10, dossiers // 100_000)))
    run = work / "run-hub"
    commune = _fresh_copy(template, run)
    hub, identity = _sqlite_hub(run)
    export_ms, result = _export(commune, identity, run / "usb")
    events = result.event_count
    size_mb = result.path.stat().st_size / 1e6
    sqlite_ms = _import(hub, run / "usb", run / "workspace", events)
    floor_sqlite = _raw_insert_ms(run, events)
    figures = [
        Figure("hub", f"export of {events:,} events ({result.dossier_count:,} dossiers)", export_ms / 1000, "s",
               "raw SQLite: read every dossier and event row", _raw_read_ms(commune) / 1000,
               note=f"package {size_mb:.0f} MB"),
        Figure("hub", f"hub import of {events:,} events, SQLite", sqlite_ms / 1000, "s",
               "raw SQLite: INSERT the same number of rows", floor_sqlite / 1000,
               note=f"{events / (sqlite_ms / 1000):,.0f} events/s"),
    ]
    url = cfg.get("pg_url") or ""
    if not url:
        figures.append(Figure("hub", f"hub import of {events:,} events, PostgreSQL", None, "s",
                              note="n/a (no PostgreSQL URL: --pg-url or COUNTER_TEST_PG_URL)"))
        hub.dispose()
        return figures
    try:
        pg, drop = _pg_hub(url, hub)
    except Exception as exc:  # an unreachable server is a missing figure, not a failed run
        if "connect" not in str(exc).lower():
            raise
        figures.append(Figure("hub", f"hub import of {events:,} events, PostgreSQL", None, "s",
                              note=f"n/a (PostgreSQL not reachable at {url})"))
        hub.dispose()
        return figures
    hub.dispose()
    try:
        pg_ms = _import(pg, run / "usb", run / "workspace-pg", events)
    finally:
        drop()
    figures.append(Figure("hub", f"hub import of {events:,} events, PostgreSQL", pg_ms / 1000, "s",
                          "raw PostgreSQL: COPY the same number of rows", _pg_copy_ms(url, events) / 1000,
                          note=f"{events / (pg_ms / 1000):,.0f} events/s"))
    return figures


SYNC_CASES = {"export_10k": export_10k, "hub_import": hub_import}
