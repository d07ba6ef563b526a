"""Receiving dossiers through the service layer, on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from counter_app.core.dossier_code import parse_dossier_code
from counter_app.core.states import DossierState
from counter_app.db.models import Dossier, DossierEvent
from counter_app.services.catalog import procedures_in_force
from counter_app.services.dossier_list import ListQuery, list_page
from counter_app.services.errors import ValidationFailed
from counter_app.services.intake import (
    ApplicantInput,
    DocumentInput,
    IntakeRequest,
    SubmitterInput,
    find_returning_citizen,
    receive_dossier,
)
from counter_app.services.queries import dossier_history
from tests.conftest import vn


def _procedure(ctx, unit: str):  # type: ignore[no-untyped-def]
    return next(p for p in procedures_in_force(ctx.db, date(2026, 3, 1)) if p.time_unit == unit and p.time_value)


def _request(code: str, **applicant) -> IntakeRequest:  # type: ignore[no-untyped-def]
    fields = {"full_name": "Nguyễn Văn Đức", "id_number": "038099012345", "birth_date": date(1999, 5, 4),
              "gender": "male", "phone": "0912 345 678", "address": "Bản Xim, xã Mường Lát"}
    fields.update(applicant)
    return IntakeRequest(procedure_code=code, applicant=ApplicantInput(**fields))


def test_receive_assigns_code_ledger_due_date_and_event(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    procedure = _procedure(ctx, "working_days")
    result = receive_dossier(ctx, clerk, _request(procedure.code), at=vn(2026, 3, 2, 9, 15))
    d = result.dossier
    assert d.code == "000.21.27.H56-260302-0001"
    parts = parse_dossier_code(d.code)
    assert parts is not None and parts.ordinal == 1 and parts.day == date(2026, 3, 2)
    assert d.state is DossierState.RECEIVED
    assert (d.ledger_year, d.ledger_book, d.ledger_ordinal) == (2026, 1, 1)
    assert d.promised_due_at == d.current_due_at and d.promised_due_at > d.received_at
    assert d.due_explanation
    assert d.applicant_phone == "0912345678"
    # the documents checklist defaults to the catalogue's mandatory documents
    assert [doc.name for doc in d.documents] == [n for n, _f, _c, m in procedure.documents if m]
    history = dossier_history(ctx, d.code)
    assert [(e.kind, e.to_state, e.username) for e in history] == [("receive", "received", "canbo1")]
    second = receive_dossier(ctx, clerk, _request(procedure.code), at=vn(2026, 3, 2, 9, 20)).dossier
    assert second.code.endswith("-0002") and second.ledger_ordinal == 2
    next_day = receive_dossier(ctx, clerk, _request(procedure.code), at=vn(2026, 3, 3, 8, 0)).dossier
    assert next_day.code == "000.21.27.H56-260303-0001"  # the daily ordinal restarts
    assert next_day.ledger_ordinal == 3  # the ledger runs through the year


def test_text_is_stored_nfc_and_searchable_without_diacritics(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    import unicodedata

    procedure = _procedure(ctx, "working_days")
    decomposed = unicodedata.normalize("NFD", "Đặng Thị Hường")
    d = receive_dossier(ctx, clerk, _request(procedure.code, full_name=f"  {decomposed} ", id_number=""),
                        at=vn(2026, 3, 2, 10)).dossier
    assert d.applicant_name == "Đặng Thị Hường"
    assert unicodedata.is_normalized("NFC", d.applicant_name)
    for query in ("dang thi huong", "ĐẶNG THỊ", "huong", d.code, "0912345678"):
        assert [r.code for r in list_page(ctx, ListQuery(search=query)).rows] == [d.code], query


def test_invalid_input_is_refused_with_vietnamese_messages_and_nothing_written(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    procedure = _procedure(ctx, "working_days")
    bad = _request(procedure.code, full_name=" ", id_number="00109901234", phone="12345")
    with pytest.raises(ValidationFailed) as excinfo:
        receive_dossier(ctx, clerk, bad, at=vn(2026, 3, 2, 9))
    text = str(excinfo.value)
    assert "họ tên" in text and "định danh" in text and "điện thoại" in text
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 0
        assert session.scalar(select(func.count()).select_from(DossierEvent)) == 0


def test_id_warnings_do_not_block_but_are_reported(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    procedure = _procedure(ctx, "working_days")
    result = receive_dossier(
        ctx, clerk, _request(procedure.code, id_number="001199012345", birth_date=date(1985, 1, 1)),
        at=vn(2026, 3, 2, 9),
    )
    assert result.warnings and result.dossier.applicant_id_number == "001199012345"


def test_post_delivery_needs_an_address(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    procedure = _procedure(ctx, "working_days")
    request = IntakeRequest(procedure.code, ApplicantInput("Lò Văn Minh"), delivery="post")
    with pytest.raises(ValidationFailed, match="bưu chính"):
        receive_dossier(ctx, clerk, request, at=vn(2026, 3, 2, 9))


def test_submitter_documents_and_returning_citizen(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    procedure = _procedure(ctx, "working_days")
    request = IntakeRequest(
        procedure.code,
        ApplicantInput("Vàng Thị Mỷ", "038305001234", date(2005, 2, 1), "female", "0387 111 222"),
        documents=(DocumentInput("Tờ khai", "Bản chính"), DocumentInput("Giấy chứng sinh", "Bản sao", 2)),
        submitter=SubmitterInput("Vàng A Páo", "038080001111", "0912000111"),
        sets_count=2,
        fee=8000,
    )
    d = receive_dossier(ctx, clerk, request, at=vn(2026, 3, 2, 14)).dossier
    assert d.submitter_name == "Vàng A Páo" and d.sets_count == 2 and d.fee == 8000
    assert [(x.name, x.form, x.count) for x in d.documents] == [("Tờ khai", "Bản chính", 1),
                                                                  ("Giấy chứng sinh", "Bản sao", 2)]
    again = find_returning_citizen(ctx, "038 305 001 234")
    assert again is not None and again.full_name == "Vàng Thị Mỷ" and again.phone == "0387111222"
    assert find_returning_citizen(ctx, "038305009999") is None
