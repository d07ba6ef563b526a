"""The life of a dossier after intake: each action one transaction, illegal ones change nothing."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest

from counter_app.core.states import DossierState, IllegalTransition
from counter_app.services import actions
from counter_app.services.catalog import procedures_in_force
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from counter_app.services.queries import dossier_history, get_dossier
from tests.conftest import vn


@pytest.fixture
def received(ctx, clerk):  # type: ignore[no-untyped-def]
    procedure = next(p for p in procedures_in_force(ctx.db, date(2026, 3, 1))
                     if p.time_unit == "working_days" and p.time_value >= 3 and p.clock_mode == "pause")
    request = IntakeRequest(procedure.code, ApplicantInput("Lương Thị Nguyệt", phone="0978123456"))
    return receive_dossier(ctx, clerk, request, at=vn(2026, 3, 2, 9, 0)).dossier


def _db_digest(ctx) -> str:  # type: ignore[no-untyped-def]
    with ctx.db.write_engine.connect() as conn:
        return hashlib.sha256("\n".join(conn.connection.iterdump()).encode()).hexdigest()


def test_full_life_records_one_event_per_action(ctx, clerk, received) -> None:  # type: ignore[no-untyped-def]
    code = received.code
    actions.forward(ctx, clerk, code, "Công chức Tư pháp – Hộ tịch", at=vn(2026, 3, 2, 10))
    actions.mark_result_ready(ctx, clerk, code, at=vn(2026, 3, 3, 15))
    done = actions.return_result(ctx, clerk, code, "Lương Thị Nguyệt", satisfaction="hai_long",
                                 at=vn(2026, 3, 4, 8))
    assert done.state is DossierState.RETURNED and done.satisfaction == "hai_long"
    assert done.handler == "Công chức Tư pháp – Hộ tịch" and done.returned_at == vn(2026, 3, 4, 8)
    kinds = [(e.kind, e.from_state, e.to_state) for e in dossier_history(ctx, code)]
    assert kinds == [("receive", "", "received"), ("forward", "received", "forwarded"),
                     ("mark_result_ready", "forwarded", "result_ready"), ("return_result", "result_ready", "returned")]
    counters = [e.node_counter for e in dossier_history(ctx, code)]
    assert counters == sorted(counters) and len(set(counters)) == 4


def test_illegal_transition_raises_and_leaves_the_database_unchanged(ctx, clerk, received) -> None:  # type: ignore[no-untyped-def]
    actions.refuse(ctx, clerk, received.code, "Hồ sơ không thuộc thẩm quyền", at=vn(2026, 3, 2, 10))
    before = _db_digest(ctx)
    with pytest.raises(IllegalTransition) as excinfo:
        actions.return_result(ctx, clerk, received.code, "Lương Thị Nguyệt", at=vn(2026, 3, 3, 9))
    assert "Từ chối giải quyết" in str(excinfo.value) and "trả kết quả" in str(excinfo.value)
    assert _db_digest(ctx) == before
    assert get_dossier(ctx, received.code).state is DossierState.REFUSED


def test_supplement_pauses_the_clock_and_resumes_it(ctx, clerk, received) -> None:  # type: ignore[no-untyped-def]
    promised = received.promised_due_at
    paused = actions.request_supplement(ctx, clerk, received.code, "Thiếu giấy chứng sinh", ["Giấy chứng sinh"],
                                        at=vn(2026, 3, 3, 9, 0))
    assert paused.state is DossierState.AWAITING_SUPPLEMENT and paused.clock_paused_at == vn(2026, 3, 3, 9)
    # resumed exactly one week later (5 working days paused): the due date moves by those days
    resumed = actions.record_supplement(ctx, clerk, received.code, at=vn(2026, 3, 10, 9, 0))
    assert resumed.clock_paused_at is None and resumed.supplement_count == 1
    assert resumed.promised_due_at == promised  # the printed promise never moves
    assert resumed.current_due_at is not None and resumed.current_due_at - promised >= timedelta(days=7)


def test_extension_sets_a_new_due_date_but_keeps_the_promise(ctx, clerk, leader, received) -> None:  # type: ignore[no-untyped-def]
    new_due = received.promised_due_at + timedelta(days=5)
    with pytest.raises(Exception, match="ngày hẹn trả mới"):
        actions.extend(ctx, leader, received.code, received.promised_due_at - timedelta(days=1), "Chờ xác minh")
    extended = actions.extend(ctx, leader, received.code, new_due, "Chờ xác minh", at=vn(2026, 3, 3, 9))
    assert extended.state is DossierState.EXTENDED and extended.extension_count == 1
    assert extended.current_due_at == new_due and extended.promised_due_at == received.promised_due_at


@pytest.mark.parametrize("action", ["stop", "withdraw", "refuse"])
def test_finishing_actions_need_a_reason(ctx, clerk, leader, received, action: str) -> None:  # type: ignore[no-untyped-def]
    actor = leader if action == "stop" else clerk  # stopping (Mẫu 05) is a leader's decision
    with pytest.raises(Exception, match="lý do"):
        getattr(actions, action)(ctx, actor, received.code, "  ")
    result = getattr(actions, action)(ctx, actor, received.code, "Công dân đề nghị", at=vn(2026, 3, 3, 9))
    assert result.state in {DossierState.STOPPED, DossierState.WITHDRAWN, DossierState.REFUSED}
    assert result.allowed_actions == []


def test_print_is_recorded_as_an_event(ctx, clerk, received) -> None:  # type: ignore[no-untyped-def]
    actions.record_print(ctx, clerk, received.code, "mau_01", 2, printer="HP LaserJet", at=vn(2026, 3, 2, 9, 1))
    printed = [e for e in dossier_history(ctx, received.code) if e.kind == "print"]
    assert printed[0].payload == {"form": "mau_01", "copies": 2, "printer": "HP LaserJet", "reprint_reason": ""}
