"""What the sign-in window shows, read with the standard library before SQLAlchemy is loaded.

The GUI paints the sign-in window first and opens the database on the worker while the clerk types
(issue 9: SQLAlchemy, the models and the services cost ≈ 1 s to import). These few reads mirror the
services — unit.is_set_up and default_node_id, unit_view.current_unit_info(…).name,
setup.is_demo_database — and tests/services/test_sign_in_view.py checks that they agree on real files.
Anything unusual (a new file, another revision, no unit yet, a read error) gives None: the caller then
runs the full start-up protocol, exactly as before.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.db.schema_revision import HEAD_REVISION, connect_read_only, revision_of

# The keys of services.settings.DEFAULT_NODE_ID and services.setup.DEMO_SETTING (the test checks them).
DEFAULT_NODE_ID_KEY = "node.default_id"
DEMO_KEY = "app.demo"

# The demo commune's accounts, published in the README and shown on its sign-in window.
DEMO_PASSWORDS = {"admin": "QuanTri@2026", "canbo1": "TiepNhan@2026", "canbo2": "TiepNhan@2026",
                  "lanhdao": "LanhDao@2026"}


@dataclass(frozen=True)
class SignInView:
    node_id: str  # this workstation's node (CounterContext.node_id)
    unit_name: str
    demo: bool


def _setting(conn: sqlite3.Connection, key: str) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None or row[0] is None else json.loads(row[0])


def read_sign_in_view(path: Path) -> SignInView | None:
    """The sign-in window's data from a set-up file at the head revision; None in every other case.

    Raises NotADatabase (a StorageError) for a file that is not ours, as open_sqlite would.
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        if revision_of(conn, path) != HEAD_REVISION:
            return None
        unit = conn.execute(
            "SELECT name FROM unit_profiles ORDER BY valid_from DESC, id DESC LIMIT 1"
        ).fetchone()
        node_id = _setting(conn, DEFAULT_NODE_ID_KEY)
        if unit is None or not node_id:
            return None
        return SignInView(node_id=str(node_id), unit_name=str(unit[0]), demo=bool(_setting(conn, DEMO_KEY)))
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()
