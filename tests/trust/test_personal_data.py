"""Personal data: kept out of the append-only history, minimised for the upper level, exported and (for
finished dossiers) erased on a citizen's request — each request recorded without the data itself."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from counter_app.db.models import Dossier, DossierEvent
from counter_app.db.models_audit import AuditEntry
from counter_app.messages.trust import ERASED_NAME, INTAKE_NOTICE
from counter_app.services import actions
from counter_app.services.events import append_event
from counter_app.services.intake import find_returning_citizen
from counter_app.services.personal_data import (
    PERSONAL_FIELDS,
    UPPER_LEVEL_FIELDS,
    CitizenQuery,
    erase_citizen_data,
    export_citizen_data,
    find_citizen_dossiers,
    minimise,
)
from tests.conftest import vn
from tests.trust.helpers import CITIZEN_ID, receive

RECEIVER_ID = "038080001111"


@pytest.fixture
def history(ctx, clerk):  # type: ignore[no-untyped-def]
    """The citizen's finished dossier (collected by a relative) and an open one."""
    done = receive(ctx, clerk)
    actions.forward(ctx, clerk, done.code, "Công chức Tư pháp", at=vn(2026, 3, 2, 10))
    actions.mark_result_ready(ctx, clerk, done.code, at=vn(2026, 3, 3, 10))
    actions.return_result(ctx, clerk, done.code, "Lương Văn Tâm", receiver_id_number=RECEIVER_ID,
                          satisfaction="hai_long", at=vn(2026, 3, 4, 10))
    still_open = receive(ctx, clerk)
    other = receive(ctx, clerk, "Vàng A Páo", id_number="038080002222", phone="0912000111")
    return done.code, still_open.code, other.code


def test_no_event_payload_holds_personal_data(ctx, history) -> None:  # type: ignore[no-untyped-def]
    with ctx.db.read() as session:
        payloads = json.dumps([e.payload for e in session.execute(select(DossierEvent)).scalars()],
                              ensure_ascii=False)
        done = session.execute(select(Dossier).where(Dossier.code == history[0])).scalar_one()
        assert (done.receiver_name, done.receiver_id_number) == ("Lương Văn Tâm", RECEIVER_ID)
    for personal in ("Lương", "Tâm", RECEIVER_ID, CITIZEN_ID, "0978123456", "Pù Toong", "1999"):
        assert personal not in payloads, personal


def test_a_payload_with_personal_data_is_refused_by_the_tripwire(ctx, clerk, received) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="personal data"), ctx.db.write() as session:
        append_event(session, dossier_id=received.id, kind="note", at=vn(2026, 3, 2, 9), actor=clerk,
                     node_id=ctx.node_id, payload={"receiver_name": "Lương Văn Tâm"})


def test_the_upper_level_gets_no_identity_unless_it_handles_the_dossier() -> None:
    record = {"code": "X", "state": "received", "applicant_name": "Lò Văn Minh", "applicant_id_number": CITIZEN_ID,
              "receiver_name": "Lò Thị Mai", "forwarded_upward": False}
    assert minimise(record) == {"code": "X", "state": "received", "forwarded_upward": False}
    upward = minimise({**record, "forwarded_upward": True})
    assert upward["applicant_name"] == "Lò Văn Minh" and "receiver_name" not in upward
    assert not set(PERSONAL_FIELDS) & set(UPPER_LEVEL_FIELDS)


def test_the_intake_notice_names_the_law_the_purpose_and_the_rights() -> None:
    assert "91/2025/QH15" in INTAKE_NOTICE and "mục đích" in INTAKE_NOTICE and "xóa" in INTAKE_NOTICE


def test_an_admin_exports_everything_held_about_one_citizen(ctx, admin, history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    found = find_citizen_dossiers(ctx, admin, CitizenQuery(id_number=CITIZEN_ID))
    assert [d.code for d in found] == list(history[:2]) and found[0].roles == ("applicant",)
    as_receiver = find_citizen_dossiers(ctx, admin, CitizenQuery(id_number=RECEIVER_ID))
    assert [(d.code, d.roles) for d in as_receiver] == [(history[0], ("receiver",))]
    by_name = find_citizen_dossiers(ctx, admin, CitizenQuery(full_name="luong thi nguyet",
                                                            birth_date=date(1999, 5, 4)))
    assert [d.code for d in by_name] == list(history[:2])

    n = export_citizen_data(ctx, admin, CitizenQuery(id_number=CITIZEN_ID), tmp_path / "nguyet.json")
    document = json.loads((tmp_path / "nguyet.json").read_text(encoding="utf-8"))
    assert n == 2 and [d["code"] for d in document["dossiers"]] == list(history[:2])
    first = document["dossiers"][0]
    assert first["personal_data"]["applicant_id_number"] == CITIZEN_ID
    assert "receiver_name" not in first["personal_data"]  # the relative's data is not hers to receive
    assert [h["kind"] for h in first["history"]] == ["receive", "forward", "mark_result_ready", "return_result"]

    export_citizen_data(ctx, admin, CitizenQuery(id_number=CITIZEN_ID), tmp_path / "nguyet.xlsx")
    book = load_workbook(tmp_path / "nguyet.xlsx")
    rows = list(book["Hồ sơ"].iter_rows(values_only=True))
    assert len(rows) == 3 and "Lương Thị Nguyệt" in rows[1] and len(list(book["Lịch sử"].iter_rows())) == 6
    with ctx.db.read() as session:
        trail = session.execute(select(AuditEntry).where(AuditEntry.action == "personal_data.export")).scalars().all()
    assert [r.after["format"] for r in trail] == [".json", ".xlsx"]
    assert CITIZEN_ID not in json.dumps([r.after for r in trail])


def test_erasure_anonymises_finished_dossiers_and_keeps_open_ones(ctx, admin, history) -> None:  # type: ignore[no-untyped-def]
    done, still_open, other = history
    result = erase_citizen_data(ctx, admin, CitizenQuery(id_number=CITIZEN_ID), "Đơn đề nghị số 12 ngày 05/3/2026")
    assert result.erased == (done,) and result.kept_open == (still_open,) and still_open in result.message
    with ctx.db.read() as session:
        rows = {d.code: d for d in session.execute(select(Dossier)).scalars()}
        erased = rows[done]
        assert (erased.applicant_name, erased.applicant_id_number, erased.applicant_phone,
                erased.applicant_address, erased.applicant_birth_date) == (ERASED_NAME, "", "", "", None)
        assert erased.receiver_name == "Lương Văn Tâm"  # the relative did not ask
        assert rows[still_open].applicant_id_number == CITIZEN_ID
        assert rows[other].applicant_name == "Vàng A Páo"
        row = session.execute(select(AuditEntry).where(AuditEntry.action == "personal_data.erase")).scalar_one()
    assert row.after["dossiers"] == [done] and CITIZEN_ID not in json.dumps(row.after)
    assert find_returning_citizen(ctx, CITIZEN_ID).address == "Bản Pù Toong, xã Mường Lát"  # from the open one
    erase_citizen_data(ctx, admin, CitizenQuery(id_number=RECEIVER_ID), "Đơn đề nghị số 13")
    with ctx.db.read() as session:
        assert session.execute(select(Dossier.receiver_name).where(Dossier.code == done)).scalar_one() == ERASED_NAME
