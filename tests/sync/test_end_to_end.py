"""Two communes, three rounds through real files: export → hub import → return package → commune import.
At the end both sides agree on the counts, every export is acknowledged, the hub's overdue list for each
commune is the commune's own, and a liên thông result decided at the hub is back in the commune's dossier."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from counter_app.core.states import DossierState
from counter_app.db.models import Dossier, DossierEvent
from counter_app.db.models_sync import HubDossier, HubEvent, HubResult, SyncExport
from counter_app.services import actions, sync_status
from counter_app.services.queries import get_dossier
from counter_app.sync.commune_inbox import import_return
from counter_app.sync.export import export_package
from counter_app.sync.hub import confirm_unit, record_result
from counter_app.sync.hub_board import hub_board, overdue_codes
from counter_app.sync.hub_import import import_folder
from counter_app.sync.hub_return import write_return
from tests.conftest import vn
from tests.sync.conftest import Commune, Hub


def _round(hub: Hub, communes: list[Commune], stick: Path) -> None:
    """Each commune exports to its stick; the officer imports all sticks, writes returns onto them."""
    for commune in communes:
        folder = stick / commune.code
        folder.mkdir(parents=True, exist_ok=True)
        export_package(commune.ctx, folder)
        report = import_folder(hub.db, folder, hub.workspace)
        for outcome in report.outcomes:
            if outcome.status == "held":  # first contact: the officer phones the commune
                confirm_unit(hub.db, hub.workspace, commune.code, sync_status.commune_fingerprint(commune.ctx))
        assert report.count("quarantined") == 0
    for commune in communes:
        returned = write_return(hub.db, commune.code, stick / commune.code)
        assert import_return(commune.ctx, returned.path, actor=commune.clerk).already is False


def test_three_rounds_two_communes(hub: Hub, commune_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = commune_factory("000.21.27.H56", "xã Mường Lát", hub=hub)
    b = commune_factory("000.21.27.H57", "xã Quang Chiểu", hub=hub)
    stick = tmp_path / "sticks"

    # Round 1: intake on both sides; one dossier of A goes up to the province (liên thông).
    upward = a.receive("Lò Văn Pọm", at=vn(2026, 3, 2, 8), id_number="038190001234")
    actions.forward(a.ctx, a.clerk, upward.code, "Sở Tài nguyên và Môi trường", upward=True, at=vn(2026, 3, 2, 9))
    slow = a.receive("Hà Thị Lan", at=vn(2026, 3, 2, 10))
    for i in range(4):
        b.receive(f"Vàng A {i}", at=vn(2026, 3, 3, 8, i))
    _round(hub, [a, b], stick)

    # Round 2: work goes on; the province decides the forwarded dossier.
    actions.request_supplement(a.ctx, a.clerk, slow.code, "Thiếu bản sao sổ hộ khẩu", at=vn(2026, 3, 3, 9))
    actions.record_supplement(a.ctx, a.clerk, slow.code, at=vn(2026, 3, 4, 9))
    b_first = b.receive("Sùng A Tủa", at=vn(2026, 3, 4, 8))
    actions.mark_result_ready(b.ctx, b.clerk, b_first.code, at=vn(2026, 3, 5, 8))
    record_result(hub.db, upward.code, "result_ready", "Đã cấp giấy chứng nhận", decided_at=vn(2026, 3, 6, 9))
    _round(hub, [a, b], stick)
    assert get_dossier(a.ctx, upward.code).state is DossierState.RESULT_READY

    # Round 3: the commune hands the result over; everything is reported and acknowledged.
    actions.return_result(a.ctx, a.clerk, upward.code, "Lò Văn Pọm", at=vn(2026, 3, 9, 9))
    _round(hub, [a, b], stick)

    for commune in (a, b):
        with commune.ctx.db.read() as session:
            dossiers = session.execute(select(func.count()).select_from(Dossier)).scalar_one()
            events = session.execute(select(func.count()).select_from(DossierEvent)).scalar_one()
            unacked = session.execute(select(func.count()).select_from(SyncExport).where(
                SyncExport.acked_at.is_(None))).scalar_one()
        with hub.db.read() as session:
            hub_dossiers = session.execute(select(func.count()).select_from(HubDossier).where(
                HubDossier.unit_code == commune.code)).scalar_one()
            hub_events = session.execute(select(func.count()).select_from(HubEvent).where(
                HubEvent.unit_code == commune.code)).scalar_one()
            states = dict(session.execute(select(HubDossier.code, HubDossier.state).where(
                HubDossier.unit_code == commune.code)).all())
        assert (hub_dossiers, hub_events) == (dossiers, events), commune.code
        assert unacked == 0
        with commune.ctx.db.read() as session:
            assert states == dict(session.execute(select(Dossier.code, Dossier.state)).all())
        for days in (0, 5, 10, 30):  # same instant, same rule, same list
            at = commune.started + timedelta(days=days)
            assert overdue_codes(hub.db, commune.code, at) == sync_status.commune_overdue_codes(commune.ctx, at)
    assert overdue_codes(hub.db, a.code, vn(2026, 4, 30, 9)) == [slow.code]
    with hub.db.read() as session:
        assert session.execute(select(HubResult.delivered_at)).scalar_one() is not None
        forwarded = session.get(HubDossier, upward.id)
        local = session.execute(select(HubDossier).where(HubDossier.id == slow.id)).scalar_one()
    assert forwarded is not None and forwarded.applicant_id_number == "038190001234"
    assert local.applicant_name is None and local.applicant_id_number is None  # stayed in the commune
    rows = {r.unit_code: r for r in hub_board(hub.db, vn(2026, 3, 10, 9))}
    assert rows[a.code].missing == () and rows[b.code].dossiers == 5
    assert import_return(a.ctx, next((stick / a.code).glob("TRA_*000001_*"))).already
