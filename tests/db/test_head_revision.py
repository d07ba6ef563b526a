"""The cheap head-revision constant, and a start on an up-to-date file that never loads Alembic."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from counter_app.db.bootstrap import head_revision, read_sqlite_revision
from counter_app.db.schema_revision import HEAD_REVISION


def test_the_head_constant_names_the_newest_migration() -> None:
    # When this fails a migration was added: set HEAD_REVISION in counter_app/db/schema_revision.py to it.
    assert HEAD_REVISION == head_revision(), (
        f"migrations/ ends at {head_revision()!r}: update HEAD_REVISION in counter_app/db/schema_revision.py"
    )


def _open_in_a_new_process(path: Path) -> dict[str, object]:
    """open_sqlite and a first query in a fresh interpreter, and whether Alembic got imported."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from counter_app.db.bootstrap import open_sqlite\n"
        f"result = open_sqlite(Path({str(path)!r}))\n"
        "with result.database.read() as session:\n"
        "    session.connection().exec_driver_sql('SELECT 1')\n"
        "result.database.dispose()\n"
        "print(json.dumps({'alembic': 'alembic' in sys.modules, 'revision': result.revision,\n"
        "                  'previous': result.previous_revision, 'backup': str(result.backup_path or '')}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_opening_a_file_already_at_the_head_does_not_load_alembic(db_path: Path) -> None:
    assert read_sqlite_revision(db_path) == HEAD_REVISION
    assert _open_in_a_new_process(db_path) == {"alembic": False, "revision": HEAD_REVISION,
                                               "previous": HEAD_REVISION, "backup": ""}


def _one_migration_behind(path: Path) -> str:
    """A real file of the previous release: every migration but the last."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from counter_app.db.bootstrap import alembic_config
    from counter_app.db.engine import Database, sqlite_url

    previous = ScriptDirectory.from_config(alembic_config("sqlite://")).get_revision(HEAD_REVISION).down_revision
    assert isinstance(previous, str)
    database = Database(sqlite_url(path))
    cfg = alembic_config(database.url)
    with database.write_engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, previous)
        conn.commit()
    database.dispose()
    return previous


def test_a_file_one_migration_behind_is_still_backed_up_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "behind.sqlite3"
    previous = _one_migration_behind(path)
    assert read_sqlite_revision(path) == previous
    opened = _open_in_a_new_process(path)
    assert opened["alembic"] is True and opened["previous"] == previous and opened["revision"] == HEAD_REVISION
    assert opened["backup"] and Path(str(opened["backup"])).is_file()  # the copy taken before the upgrade
    assert read_sqlite_revision(path) == HEAD_REVISION
