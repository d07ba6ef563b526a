"""Hub behaviour a provincial officer relies on: first contact held until the fingerprint is confirmed,
re-import changes nothing, gaps reported per commune and closed by a re-send, key rotation on both sides,
and the board."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from counter_app.services import actions, sync_status
from counter_app.sync.commune_inbox import import_return
from counter_app.sync.errors import SyncError
from counter_app.sync.export import export_package
from counter_app.sync.hub import confirm_unit, reset_unit_key, rotate_hub_keys, write_identity_file
from counter_app.sync.hub_board import hub_board
from counter_app.sync.hub_import import import_folder
from counter_app.sync.hub_return import write_return
from tests.conftest import vn
from tests.sync.conftest import Hub
from tests.sync.helpers import hub_state


def test_first_package_is_held_until_the_fingerprint_is_confirmed(hub: Hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=hub)
    commune.receive()
    export_package(commune.ctx, usb)
    fingerprint = sync_status.commune_fingerprint(commune.ctx)  # what the clerk reads on the phone
    report = import_folder(hub.db, usb, hub.workspace)
    [held] = report.outcomes
    assert held.status == "held" and fingerprint in held.message and "gọi điện" in held.message
    assert hub_state(hub.db)["events"] == []
    assert hub_board(hub.db, commune.started)[0].status == "pending"

    with pytest.raises(SyncError) as caught:
        confirm_unit(hub.db, hub.workspace, commune.code, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert "không khớp" in str(caught.value)
    assert import_folder(hub.db, usb, hub.workspace).outcomes[0].status == "held"  # still waiting

    message, outcomes = confirm_unit(hub.db, hub.workspace, commune.code, fingerprint.lower())
    assert "đã áp dụng 1 gói" in message and [o.status for o in outcomes] == ["applied"]
    assert len(hub_state(hub.db)["events"]) == 1
    assert import_folder(hub.db, usb, hub.workspace).outcomes[0].status == "duplicate"


def test_reimport_changes_nothing(hub: Hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=hub)
    for i in range(5):
        commune.receive(f"Công dân {i}", at=vn(2026, 3, 2, 8, i))
    export_package(commune.ctx, usb)
    export_package(commune.ctx, usb, mode="full")
    first = import_folder(hub.db, usb, hub.workspace, trust_new=True)
    assert [o.status for o in first.outcomes] == ["applied", "applied"]
    assert [o.new_events for o in first.outcomes] == [5, 0]  # the full export repeats all 5: nothing new
    before = hub_state(hub.db)
    again = import_folder(hub.db, usb, hub.workspace, trust_new=True)
    assert [o.status for o in again.outcomes] == ["duplicate", "duplicate"]
    assert "đã được nhập trước đây" in again.outcomes[0].message
    assert hub_state(hub.db) == before


def test_gaps_are_reported_and_closed_by_a_resend(hub: Hub, commune_factory, usb: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=hub)
    lost_stick = tmp_path / "lost"
    lost_stick.mkdir()
    commune.receive("A", at=vn(2026, 3, 2, 8))
    export_package(commune.ctx, usb)
    commune.receive("B", at=vn(2026, 3, 2, 9))
    export_package(commune.ctx, lost_stick)  # package 2 never reaches the hub
    commune.receive("C", at=vn(2026, 3, 2, 10))
    export_package(commune.ctx, usb)
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    [row] = hub_board(hub.db, commune.started)
    assert row.missing == (2,) and row.dossiers == 2
    assert [(g.contiguous, g.max_counter) for g in row.node_gaps] == [(1, 3)]

    # The return package tells the commune; its next package carries the lost events again.
    ret = write_return(hub.db, commune.code, usb)
    outcome = import_return(commune.ctx, ret.path)
    assert outcome.acked_exports == 1
    commune.receive("D", at=vn(2026, 3, 3, 8))
    again = export_package(commune.ctx, usb)
    assert again.event_count == 3  # B, C (not yet acknowledged) and D
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    [row] = hub_board(hub.db, commune.started)
    assert row.missing == () and row.node_gaps == () and row.dossiers == 4


def test_commune_key_rotation_is_accepted_through_the_old_key(hub: Hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=hub)
    commune.receive("A")
    export_package(commune.ctx, usb)
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    commune.receive("B")
    before_rotation = export_package(commune.ctx, usb.parent)  # made with the old key, delivered late
    old = sync_status.commune_fingerprint(commune.ctx)
    assert "khóa cũ" in sync_status.rotate_commune_keys(commune.ctx)
    new = sync_status.commune_fingerprint(commune.ctx)
    assert new != old
    commune.receive("C")
    export_package(commune.ctx, usb)
    outcomes = import_folder(hub.db, usb, hub.workspace).outcomes
    assert [o.status for o in outcomes] == ["duplicate", "applied"]
    assert ("000.21.27.H56", new, "trusted") in hub_state(hub.db)["unit_keys"]
    assert ("000.21.27.H56", old, "retired") in hub_state(hub.db)["unit_keys"]
    late = before_rotation.path  # a package signed before the rotation still counts
    assert late is not None
    late.rename(usb / late.name)
    statuses = sorted(o.status for o in import_folder(hub.db, usb, hub.workspace).outcomes)
    assert statuses == ["applied", "duplicate", "duplicate"]
    assert len(hub_state(hub.db)["events"]) == 3


def test_hub_key_rotation_reaches_communes_through_return_packages(hub: Hub, commune_factory, usb: Path,
                                                                  tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=hub)
    commune.receive("A")
    export_package(commune.ctx, usb)
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    old_hub = sync_status.overview(commune.ctx).hub_fingerprint
    assert "khóa cũ" in rotate_hub_keys(hub.db)
    commune.receive("B")
    export_package(commune.ctx, usb)  # still sealed to the old hub key: the hub keeps it to open this
    assert [o.status for o in import_folder(hub.db, usb, hub.workspace).outcomes] == ["duplicate", "applied"]
    ret = write_return(hub.db, commune.code, tmp_path)  # signed with the new key, endorsed by the old one
    import_return(commune.ctx, ret.path)
    new_hub = sync_status.overview(commune.ctx).hub_fingerprint
    assert new_hub != old_hub
    commune.receive("C")
    third = export_package(commune.ctx, usb)
    assert third.path is not None
    assert [o.status for o in import_folder(hub.db, usb, hub.workspace).outcomes][-1] == "applied"
    # the new public identity file is accepted by a commune that trusts the old one (endorsed chain)
    (tmp_path / "id2").mkdir()
    identity = write_identity_file(hub.db, tmp_path / "id2")
    other = commune_factory("000.21.27.H57", "xã Quang Chiểu", hub=hub)  # set up with the old file
    assert "đã đổi khóa" in sync_status.import_hub_identity(other.ctx, identity)


def test_an_unendorsed_hub_identity_is_refused(hub: Hub, commune_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.sync.conftest import make_hub

    commune = commune_factory(hub=hub)
    impostor = next(make_hub("sqlite", tmp_path / "impostor"))  # same hub id, another key
    with pytest.raises(SyncError) as caught:
        sync_status.import_hub_identity(commune.ctx, impostor.identity_file)
    assert "không được khóa cấp trên đang tin cậy" in str(caught.value)
    replaced = sync_status.import_hub_identity(commune.ctx, impostor.identity_file, replace=True)
    assert "Đã nhập định danh" in replaced  # an explicit decision of the admin (the hub really changed)
    impostor.db.dispose()


def test_reset_key_makes_the_next_key_wait_for_confirmation(hub: Hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=hub)
    commune.receive("A")
    export_package(commune.ctx, usb)
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    assert "hủy tin cậy" in reset_unit_key(hub.db, commune.code)
    from counter_app.db.models_sync import SyncOwnKey

    with commune.ctx.db.write() as session:  # the commune's PC was reinstalled
        for row in session.query(SyncOwnKey).all():
            session.delete(row)
    commune.receive("B")
    export_package(commune.ctx, usb)
    statuses = [o.status for o in import_folder(hub.db, usb, hub.workspace).outcomes]
    assert statuses == ["duplicate", "held"]
    message, _ = confirm_unit(hub.db, hub.workspace, commune.code, sync_status.commune_fingerprint(commune.ctx))
    assert "đã áp dụng 1 gói" in message


def test_board_per_commune(hub: Hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    a = commune_factory("000.21.27.H56", "xã Mường Lát", hub=hub)
    b = commune_factory("000.21.27.H57", "xã Quang Chiểu", hub=hub)
    late = a.receive("Quá hạn", at=vn(2026, 3, 2, 9))
    on_time = a.receive("Đúng hạn", at=vn(2026, 3, 2, 9, 5))
    actions.mark_result_ready(a.ctx, a.clerk, on_time.code, at=vn(2026, 3, 3, 9))
    finished_late = a.receive("Trễ", at=vn(2026, 3, 2, 9, 10))
    actions.mark_result_ready(a.ctx, a.clerk, finished_late.code, at=finished_late.promised_due_at + timedelta(days=2))
    b.receive("Mới", at=vn(2026, 3, 20, 9))
    for commune in (a, b):
        export_package(commune.ctx, usb)
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    at = late.promised_due_at + timedelta(days=3)
    rows = {r.unit_code: r for r in hub_board(hub.db, at, silent_after_days=14)}
    assert (rows[a.code].dossiers, rows[a.code].overdue, rows[a.code].finished, rows[a.code].on_time) == (3, 1, 2, 1)
    assert rows[a.code].on_time_rate == 0.5 and rows[b.code].on_time_rate is None
    assert rows[b.code].overdue == 0
    later = a.started + timedelta(days=20)
    silent = {r.unit_code: r.silent for r in hub_board(hub.db, later, silent_after_days=14)}
    assert silent == {a.code: True, b.code: True}
    assert not any(r.silent for r in hub_board(hub.db, a.started + timedelta(days=2), silent_after_days=14))


def _hub_catalog_with_fee(hub: Hub, code: str, fee: int, path: Path) -> None:
    """The province edits its catalogue as an admin does: a CSV file imported with the same importer."""
    import csv

    from counter_app.core.catalog import CATALOG_COLUMNS
    from counter_app.services.catalog import import_catalog_file
    from counter_app.sync.hub_return import catalog_rows

    with hub.db.read() as session:
        rows = catalog_rows(session)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CATALOG_COLUMNS)
        for row in rows:
            writer.writerow([fee if (column == "fee" and row["code"] == code) else row[column]
                             for column in CATALOG_COLUMNS])
    import_catalog_file(hub.db, path)


def test_return_packages_update_catalogue_and_calendar_never_backwards(hub: Hub, commune_factory, usb: Path,
                                                                       tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from counter_app.paths import resource
    from counter_app.services.catalog import current_procedure
    from counter_app.services.settings import get_setting
    from counter_app.sync.commune_inbox import HUB_CALENDAR
    from counter_app.sync.hub import set_hub_calendar
    from tests.sync.conftest import default_procedure

    commune = commune_factory(hub=hub)
    commune.receive()
    export_package(commune.ctx, usb)
    import_folder(hub.db, usb, hub.workspace, trust_new=True)
    code = default_procedure(commune.ctx)

    _hub_catalog_with_fee(hub, code, 15_000, tmp_path / "v1.csv")
    calendar = tmp_path / "overrides.csv"
    calendar.write_text(resource("calendar", "overrides.csv").read_text("utf-8")
                        + "2026-12-31,off,Nghỉ địa phương,Quyết định 12/QĐ-UBND tỉnh\n", "utf-8")
    assert set_hub_calendar(hub.db, calendar) > 0
    older = write_return(hub.db, commune.code, tmp_path)
    _hub_catalog_with_fee(hub, code, 20_000, tmp_path / "v2.csv")
    newer = write_return(hub.db, commune.code, tmp_path)

    first = import_return(commune.ctx, newer.path)
    assert first.catalog_changed and first.calendar_changed
    with commune.ctx.db.read() as session:
        assert current_procedure(session, code, commune.started.date()).fee == 20_000
        assert "2026-12-31,off,Nghỉ địa phương" in get_setting(session, HUB_CALENDAR)["csv"]
    late = import_return(commune.ctx, older.path)  # delivered after the newer one: applied, but no downgrade
    assert not late.already and not late.catalog_changed and not late.calendar_changed
    with commune.ctx.db.read() as session:
        assert current_procedure(session, code, commune.started.date()).fee == 20_000
    assert import_return(commune.ctx, newer.path).already
