"""Commune export: what each mode carries, atomic writing to a stick that may be pulled or full, cancel,
the reminder and the automatic export. Every failure leaves the database's export marks where they were, so
the next package carries everything again."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.db.models_sync import SyncExport, SyncNodeMark
from counter_app.services import actions, sync_status
from counter_app.services.errors import PermissionDenied
from counter_app.services.users import get_actor
from counter_app.sync import fileio
from counter_app.sync.errors import MediaError, SyncCancelled, SyncError
from counter_app.sync.export import export_package
from tests.conftest import vn
from tests.sync.helpers import open_package


def _marks(ctx) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as session:
        return {m.node_id: (m.exported_counter, m.acked_counter) for m in session.execute(select(SyncNodeMark))
                .scalars()}


def _exports(ctx) -> list[tuple[int, str, list[int]]]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as session:
        return [(e.sequence, e.status, e.supersedes) for e in session.execute(
            select(SyncExport).order_by(SyncExport.sequence)).scalars()]


def test_export_needs_the_hub_identity_first(commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory()
    commune.receive()
    with pytest.raises(SyncError) as caught:
        export_package(commune.ctx, usb)
    assert "định danh của cấp trên" in str(caught.value)
    assert list(usb.iterdir()) == []


def test_modes_carry_the_right_events(sqlite_hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=sqlite_hub)
    first = commune.receive("Lò Thị Mai", at=vn(2026, 3, 2, 9))
    one = export_package(commune.ctx, usb)
    assert (one.sequence, one.event_count, one.dossier_count) == (1, 1, 1)
    assert one.path is not None and one.path.name.startswith("XA_000.21.27.H56_000001_")
    assert "có thể rút USB" in one.message
    assert export_package(commune.ctx, usb).sequence is None  # nothing new: no empty package

    actions.forward(commune.ctx, commune.clerk, first.code, "Công chức Tư pháp", at=vn(2026, 3, 2, 10))
    commune.receive("Hà Văn Nam", at=vn(2026, 3, 2, 11))
    two = export_package(commune.ctx, usb)
    _, manifest, payload = open_package(sqlite_hub.db, two.path.read_bytes())  # type: ignore[union-attr]
    assert (two.event_count, two.dossier_count) == (2, 2)
    assert [e["kind"] for e in payload["events"]] == ["forward", "receive"]
    assert manifest["counters"] == {commune.ctx.node_id: [2, 3]} and manifest["supersedes"] == []
    assert {d["rev"] for d in payload["dossiers"]} == {1, 2}

    resend = export_package(commune.ctx, usb, mode="resend")  # nothing acknowledged yet: all of it
    _, manifest, payload = open_package(sqlite_hub.db, resend.path.read_bytes())  # type: ignore[union-attr]
    assert resend.event_count == 3 and manifest["supersedes"] == [1, 2]
    full = export_package(commune.ctx, usb, mode="full")
    assert full.event_count == 3 and full.sequence == 4
    assert [s for s, _status, _ in _exports(commune.ctx)] == [1, 2, 3, 4]


def test_clerk_may_export_admin_account_is_checked(sqlite_hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=sqlite_hub)
    commune.receive()
    assert export_package(commune.ctx, usb, actor=commune.clerk).sequence == 1
    commune.receive("Hà Văn Nam")
    leader = get_actor(commune.ctx.db, "lanhdao")
    assert export_package(commune.ctx, usb, actor=leader).sequence == 2
    with pytest.raises(PermissionDenied):
        sync_status.configure_auto_export(commune.ctx, usb, actor=commune.clerk)


def test_pulled_stick_loses_nothing(sqlite_hub, commune_factory, usb: Path, monkeypatch: pytest.MonkeyPatch
                                    ) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=sqlite_hub)
    commune.receive()
    pulled = {"done": False}

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "write" and done == total and not pulled["done"]:
            pulled["done"] = True
            shutil.rmtree(usb)  # the stick is pulled out after the bytes went to the OS, before the rename

    with pytest.raises(MediaError) as caught:
        export_package(commune.ctx, usb, progress=progress)
    assert caught.value.code == "media_gone" and "USB đã bị rút" in str(caught.value)
    assert "không mất" in str(caught.value)
    assert _exports(commune.ctx) == [(1, "failed", [])]
    assert _marks(commune.ctx)[commune.ctx.node_id] == (0, 0)

    usb.mkdir()  # plugged in again: the next package carries everything and says which number it replaces
    again = export_package(commune.ctx, usb)
    assert (again.sequence, again.event_count) == (2, 1)
    assert _exports(commune.ctx)[-1] == (2, "verified", [1])
    assert [p.name for p in usb.iterdir()] == [again.path.name]  # type: ignore[union-attr]


@pytest.mark.parametrize(("failing_errno", "code", "words"), [
    (errno.ENOSPC, "media_full", "đã đầy"),
    (errno.EIO, "media_io", "Lỗi ghi"),
    (errno.EROFS, "media_read_only", "chỉ đọc"),
])
def test_write_errors_at_the_os_boundary(sqlite_hub, commune_factory, usb: Path, monkeypatch: pytest.MonkeyPatch,
                                         failing_errno: int, code: str, words: str) -> None:  # type: ignore[no-untyped-def]
    """A full disk is simulated by os.write raising ENOSPC (a tiny tmpfs needs root to mount)."""
    commune = commune_factory(hub=sqlite_hub)
    for i in range(30):
        commune.receive(f"Công dân {i}", at=vn(2026, 3, 2, 8, i))
    real_write = os.write
    written = {"bytes": 0}

    def failing(fd: int, data: bytes) -> int:
        if written["bytes"] > 0:
            raise OSError(failing_errno, os.strerror(failing_errno))
        written["bytes"] += 16
        return real_write(fd, bytes(data)[:16])

    monkeypatch.setattr(fileio.os, "write", failing)
    with pytest.raises(MediaError) as caught:
        export_package(commune.ctx, usb)
    monkeypatch.undo()
    assert caught.value.code == code and words in str(caught.value)
    assert list(usb.iterdir()) == []  # the half-written temp file is gone
    assert _marks(commune.ctx)[commune.ctx.node_id][0] == 0
    assert export_package(commune.ctx, usb).event_count == 30


def test_cancel_writes_and_changes_nothing(sqlite_hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=sqlite_hub)
    commune.receive()
    phases: list[str] = []
    with pytest.raises(SyncCancelled) as caught:
        export_package(commune.ctx, usb, progress=lambda phase, done, total: phases.append(phase),
                       cancel=lambda: "seal" in phases)
    assert "Đã hủy" in str(caught.value)
    assert list(usb.iterdir()) == [] and _marks(commune.ctx)[commune.ctx.node_id] == (0, 0)


def test_read_back_mismatch_is_reported_and_the_file_removed(sqlite_hub, commune_factory, usb: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=sqlite_hub)
    commune.receive()
    monkeypatch.setattr(fileio, "read_sha256", lambda path: "0" * 64)  # a stick that returns other bytes
    with pytest.raises(MediaError) as caught:
        export_package(commune.ctx, usb)
    assert caught.value.code == "verify_failed" and "USB khác" in str(caught.value)
    assert list(usb.iterdir()) == []


def test_reminder_after_n_days_and_for_unacknowledged(sqlite_hub, commune_factory, usb: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=sqlite_hub)
    start = commune.started
    assert sync_status.export_reminder(commune.ctx) is None  # nothing received, nothing to send
    commune.receive()
    assert "chưa từng xuất" in str(sync_status.export_reminder(commune.ctx))
    export_package(commune.ctx, usb)
    assert sync_status.export_reminder(commune.ctx, start + timedelta(days=3)) is None
    late = sync_status.export_reminder(commune.ctx, start + timedelta(days=7))
    assert late is not None and "7 ngày" in late and start.strftime("%d/%m/%Y") in late
    commune.set_now(start + timedelta(days=20))
    commune.receive("Hà Văn Nam")
    export_package(commune.ctx, usb)
    unacked = sync_status.export_reminder(commune.ctx, start + timedelta(days=21))
    assert unacked is not None and "chưa xác nhận" in unacked and "Gửi lại" in unacked


def test_automatic_export_to_a_configured_folder(sqlite_hub, commune_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune = commune_factory(hub=sqlite_hub)
    share = tmp_path / "share"
    assert sync_status.auto_export_if_due(commune.ctx) is None  # not configured
    sync_status.configure_auto_export(commune.ctx, share, every_hours=12)
    commune.receive()
    with pytest.raises(SyncError) as caught:
        sync_status.auto_export_if_due(commune.ctx)
    assert "không tồn tại" in str(caught.value)
    share.mkdir()
    done = sync_status.auto_export_if_due(commune.ctx)
    assert done is not None and done.sequence == 1 and done.path is not None and done.path.parent == share
    commune.receive("Hà Văn Nam")
    commune.set_now(commune.started + timedelta(hours=3))
    assert sync_status.auto_export_if_due(commune.ctx) is None  # 3 hours later: not due yet
    commune.set_now(commune.started + timedelta(hours=13))
    assert sync_status.auto_export_if_due(commune.ctx).event_count == 1  # type: ignore[union-attr]
