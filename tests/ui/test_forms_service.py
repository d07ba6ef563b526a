"""The printed forms' data comes from the dossier as received, and every form builds to a PDF."""

from __future__ import annotations

from datetime import timedelta

import pypdf
import pytest

from counter_app.printing import build_form
from counter_app.printing.data import FormId
from counter_app.services import actions, forms
from counter_app.services.intake import (
    ApplicantInput,
    DocumentInput,
    IntakeRequest,
    SubmitterInput,
    receive_dossier,
)
from tests.conftest import vn


def pdf_text(pdf: bytes) -> str:
    import io
    import unicodedata

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return unicodedata.normalize("NFC", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def dossier(ctx, clerk):
    request = IntakeRequest(
        "1.004845",
        ApplicantInput(
            "Trần Thị Ngọc Ánh", id_number="038190012345", phone="0912345678", address="Bản Xim, xã Mường Lát"
        ),
        documents=(DocumentInput("Tờ khai đăng ký chấm dứt giám hộ", "bản chính"),),
        submitter=SubmitterInput("Lò Văn Thay", "038090011111"),
        sets_count=2,
        fee=15000,
    )
    return receive_dossier(ctx, clerk, request, at=vn(2026, 3, 2, 9)).dossier


def test_slip_carries_the_dossier_as_received(ctx, dossier) -> None:
    slip = forms.slip_for(ctx, dossier.id)
    assert slip.dossier_code == dossier.code
    assert (
        slip.applicant.name == "Trần Thị Ngọc Ánh" and slip.submitter and slip.submitter.name == "Lò Văn Thay"
    )
    assert slip.due_at == dossier.promised_due_at and slip.processing_time == "02 ngày làm việc"
    assert slip.receiver_name == "Hà Thị Thu Hương" and slip.sets_count == 2 and slip.fee == 15000
    assert [d.name for d in slip.documents] == ["Tờ khai đăng ký chấm dứt giám hộ"]
    text = pdf_text(build_form(FormId.SLIP, slip))
    assert dossier.code in text and "Trần Thị Ngọc Ánh" in text


def test_letters_and_the_control_sheet_follow_the_history(ctx, clerk, leader, dossier) -> None:
    actions.forward(ctx, clerk, dossier.id, "Công chức Tư pháp – Hộ tịch", at=vn(2026, 3, 2, 10))
    old_due = dossier.current_due_at
    new_due = old_due + timedelta(days=7)
    data = forms.apology_extension_for(
        ctx, dossier.id, new_due, "Cần xác minh", "GIÁM ĐỐC", "Phạm Ngọc Ánh", old_due_at=old_due
    )
    assert data.due_at == old_due and data.new_due_at == new_due
    assert "Cần xác minh" in pdf_text(build_form(FormId.APOLOGY_EXTENSION, data))
    actions.mark_result_ready(ctx, clerk, dossier.id, at=vn(2026, 3, 3, 9))
    actions.return_result(ctx, clerk, dossier.id, "Lò Văn Thay", at=vn(2026, 3, 3, 10))
    sheet = forms.control_sheet_for(ctx, dossier.id)
    assert [s.receiver_unit for s in sheet.steps] == [
        "Công chức Tư pháp – Hộ tịch",
        ctx_unit_name(ctx),
        "Tổ chức, cá nhân: Lò Văn Thay",
    ]
    assert sheet.steps[1].result == "Trước hạn"
    assert "Lò Văn Thay" in pdf_text(build_form(FormId.CONTROL_SHEET, sheet))
    stop = forms.stop_notice_for(ctx, dossier.id, "Công dân đề nghị", "GIÁM ĐỐC", "Phạm Ngọc Ánh")
    assert "Công dân đề nghị" in pdf_text(build_form(FormId.STOP_NOTICE, stop))


def ctx_unit_name(ctx) -> str:
    from counter_app.services.unit_view import current_unit_info

    return current_unit_info(ctx.db).name


def test_forms_at_intake_need_no_dossier(ctx) -> None:
    applicant = ApplicantInput("Giàng Thị Dịu", address="Bản Pù Toong")
    supplement = forms.intake_supplement_request(
        ctx, applicant, "Đăng ký khai sinh", ["Giấy chứng sinh"], "Hà Thị Thu Hương"
    )
    assert "Giấy chứng sinh" in pdf_text(build_form(FormId.SUPPLEMENT_REQUEST, supplement))
    refusal = forms.intake_rejection(
        ctx, applicant, "Đăng ký khai sinh", ["Không thuộc thẩm quyền"], "Hà Thị Thu Hương"
    )
    assert "Không thuộc thẩm quyền" in pdf_text(build_form(FormId.REJECTION, refusal))
