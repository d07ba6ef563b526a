"""Property: for random dossier histories in 2–5 communes, importing their packages in any order, with
duplicates, gives the same hub state as importing each once in order (idempotence and order independence)."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.core.states import DossierAction, DossierState, allowed_actions
from counter_app.db.bootstrap import open_sqlite
from counter_app.services import actions
from counter_app.services.sync_status import import_hub_identity
from counter_app.sync.export import export_package
from counter_app.sync.hub import init_hub, write_identity_file
from counter_app.sync.hub_import import Workspace, import_file
from tests.conftest import vn
from tests.sync.conftest import Commune, make_commune
from tests.sync.helpers import hub_state

OPS = ("receive", "receive", "forward", "upward", "supplement", "supplied", "ready", "return", "refuse",
       "export", "resend", "full")
ACTION_OF = {"forward": DossierAction.FORWARD, "upward": DossierAction.FORWARD,
             "supplement": DossierAction.REQUEST_SUPPLEMENT, "supplied": DossierAction.RECORD_SUPPLEMENT,
             "ready": DossierAction.MARK_RESULT_READY, "return": DossierAction.RETURN_RESULT,
             "refuse": DossierAction.REFUSE}


def _play(commune: Commune, ops: list[tuple[str, int]], out: Path) -> None:
    codes: list[str] = []
    moment = vn(2026, 3, 2, 8)
    ctx, clerk = commune.ctx, commune.clerk
    for op, pick in ops:
        moment += timedelta(minutes=13)
        if op == "receive":
            codes.append(commune.receive(f"Công dân {len(codes)}", at=moment).code)
        elif op in ("export", "resend", "full"):
            mode = {"export": "incremental"}.get(op, op)
            export_package(ctx, out, mode=mode)
        elif codes:
            code = codes[pick % len(codes)]
            with ctx.db.read() as session:
                from counter_app.services.actions import load_dossier

                state = DossierState(load_dossier(session, code).state)
            if ACTION_OF[op] not in allowed_actions(state):
                continue
            if op in ("forward", "upward"):
                actions.forward(ctx, clerk, code, "Công chức", upward=op == "upward", at=moment)
            elif op == "supplement":
                actions.request_supplement(ctx, clerk, code, "Thiếu giấy tờ", at=moment)
            elif op == "supplied":
                actions.record_supplement(ctx, clerk, code, at=moment)
            elif op == "ready":
                actions.mark_result_ready(ctx, clerk, code, at=moment)
            elif op == "return":
                actions.return_result(ctx, clerk, code, "Người nhận", at=moment)
            else:
                actions.refuse(ctx, clerk, code, "Không đủ điều kiện", at=moment)
    export_package(ctx, out)  # whatever is left


history = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 50)), min_size=2, max_size=14)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=st.data(), histories=st.lists(history, min_size=2, max_size=5))
def test_any_order_with_duplicates_gives_the_same_state(template_db: Path, tmp_path_factory, data, histories
                                                        ) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("prop")
    reference_path = root / "hub-ref.sqlite3"
    reference = open_sqlite(reference_path).database
    init_hub(reference, "HUB.THANHHOA", "Tỉnh", now=vn(2026, 1, 5, 8))
    identity = write_identity_file(reference, root)
    reference.dispose()
    shutil.copyfile(reference_path, root / "hub-mix.sqlite3")  # the same hub (same keys), another history
    reference = open_sqlite(reference_path).database
    mixed = open_sqlite(root / "hub-mix.sqlite3").database
    out = root / "packages"
    out.mkdir()
    communes = []
    try:
        for index, ops in enumerate(histories):
            commune = make_commune(template_db, root / "communes", f"000.21.27.H{60 + index}", f"xã {index}")
            communes.append(commune)
            import_hub_identity(commune.ctx, identity)
            _play(commune, ops, out)
        files = sorted(out.iterdir(), key=lambda p: (p.name.split("_")[1], p.name.split("_")[2]))
        for path in files:
            assert import_file(reference, path, Workspace(root / "ref"), trust_new=True).status == "applied"
        # a history may hold no receipt at all: then no package exists, and nothing may be duplicated
        extra = data.draw(st.lists(st.sampled_from(files), max_size=len(files))) if files else []
        shuffled = data.draw(st.permutations(files + extra))
        statuses = {import_file(mixed, path, Workspace(root / "mix"), trust_new=True).status for path in shuffled}
        assert statuses <= {"applied", "duplicate"}
        assert hub_state(mixed) == hub_state(reference)
    finally:
        for commune in communes:
            commune.ctx.db.dispose()
        reference.dispose()
        mixed.dispose()
