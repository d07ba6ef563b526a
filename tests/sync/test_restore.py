"""A database restored from a backup takes a new node identity: its next packages neither reuse event
counters nor package numbers that the lost copy already sent, and the hub accepts them without conflict."""

from __future__ import annotations

import shutil
from pathlib import Path

from counter_app.db.bootstrap import backup_sqlite, open_sqlite
from counter_app.services.context import CounterContext
from counter_app.services.unit import take_new_node_identity
from counter_app.services.users import get_actor
from counter_app.sync.export import export_package
from counter_app.sync.hub_board import hub_board
from counter_app.sync.hub_import import import_folder
from tests.conftest import vn
from tests.sync.conftest import Commune, Hub
from tests.sync.helpers import hub_state, open_package


def test_restored_database_never_reuses_counters_or_numbers(hub: Hub, commune_factory, usb: Path,
                                                           tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=hub)
    commune.receive("A", at=vn(2026, 3, 2, 8))
    export_package(commune.ctx, usb)
    path = commune.ctx.db.path
    assert path is not None
    backup = backup_sqlite(path, tmp_path / "backups", "nightly")
    commune.receive("B", at=vn(2026, 3, 2, 9))  # then the disk dies: B and package 2 exist only at the hub
    second = export_package(commune.ctx, usb)
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    commune.ctx.db.dispose()

    shutil.copyfile(backup, path)  # the restore, then the new identity (as the restore service does)
    database = open_sqlite(path).database
    with database.write() as session:
        change = take_new_node_identity(session, commune.started)
    restored = Commune(CounterContext(database, change.new_node_id, now=commune.ctx.now),
                       get_actor(database, "canbo1"), commune.code, commune.name, commune.started)
    restored.receive("C", at=vn(2026, 3, 3, 8))
    third = export_package(restored.ctx, usb)
    assert third.sequence == 1 and third.path is not None  # a new stream: numbering starts again
    _, manifest, payload = open_package(hub.db, third.path.read_bytes())
    _, old_manifest, _ = open_package(hub.db, second.path.read_bytes())  # type: ignore[union-attr]
    assert manifest["sender"]["stream_id"] != old_manifest["sender"]["stream_id"]
    assert [e["node_id"] for e in payload["events"]] == [change.new_node_id]

    report = import_folder(hub.db, usb, hub.workspace)
    assert sorted(o.status for o in report.outcomes) == ["applied", "duplicate", "duplicate"]
    assert len(hub_state(hub.db)["events"]) == 3  # A, B (from the lost copy) and C: nothing overwritten
    assert hub_board(hub.db, commune.started)[0].missing == ()
    database.dispose()
