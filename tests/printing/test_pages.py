"""A form meant for one page stays one page; what cannot fit flows on with its table header repeated
and the pages numbered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from counter_app.printing import FormId, HandoverStep, Paper, build_form
from counter_app.printing.samples import sample, stress
from tests.printing.cases import CASES, Case, data_for, pdf_for
from tests.printing.pdfcheck import page_texts, squash

ONE_PAGE_CASES = [
    c
    for c in CASES
    if c.form_id != FormId.LEDGER and not (c.form_id == FormId.SLIP and c.variant == "stress")
]


@pytest.mark.parametrize("case", ONE_PAGE_CASES, ids=lambda c: c.id)
def test_one_page_forms_stay_on_one_page_with_long_names_and_addresses(case: Case) -> None:
    assert len(page_texts(pdf_for(case))) == 1


@pytest.mark.parametrize("paper", [Paper.A4, Paper.A5, Paper.ROLL_80MM])
def test_slip_with_15_documents_long_name_and_address_fits_one_page(paper: Paper) -> None:
    data = stress(FormId.SLIP, documents=15)
    texts = page_texts(build_form(FormId.SLIP, data, paper))
    assert len(texts) == 1


def test_slip_with_40_documents_flows_onto_page_two_with_the_table_header_repeated() -> None:
    data = stress(FormId.SLIP, documents=40)
    texts = [squash(t) for t in page_texts(build_form(FormId.SLIP, data, Paper.A4))]
    assert len(texts) == 2
    for text in texts:
        assert "Tên giấy tờ" in text and "Hình thức (bản chính, bản sao, bản chụp)" in text
    assert "Trang 2/2" in texts[1] and "Trang" not in texts[0]  # NĐ 30: no number on page 1
    whole = " ".join(texts)
    for doc in data.documents:
        assert whole.count(squash(doc.name)) == 1, doc.name
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in texts[-1]


def test_control_sheet_with_many_handovers_repeats_its_header() -> None:
    base = sample(FormId.CONTROL_SHEET)
    steps = tuple(
        HandoverStep(
            f"Đơn vị giao số {i}",
            f"Đơn vị nhận số {i}",
            base.received_at,
            "Đúng hạn",
            "",
            "Trần Thị Ngọc Ánh",
            "Phạm Quốc Hưng",
        )
        for i in range(1, 13)
    )
    texts = [squash(t) for t in page_texts(build_form(FormId.CONTROL_SHEET, replace(base, steps=steps)))]
    assert len(texts) >= 2
    assert all("THỜI GIAN GIAO, NHẬN HỒ SƠ" in t for t in texts)
    assert all(f"Đơn vị nhận số {i}" in " ".join(texts) for i in range(1, 13))


def test_ledger_runs_over_many_pages_with_header_rows_and_page_numbers() -> None:
    case = Case(FormId.LEDGER, Paper.A4, "stress")
    data = data_for(case.form_id, case.variant)
    texts = [squash(t) for t in page_texts(pdf_for(case))]
    total = len(texts)
    assert total >= 5
    for number, text in enumerate(texts, 1):
        assert "Mã hồ sơ" in text and "Ngày, tháng, năm" in text and "(14)" in text
        assert f"Trang {number}/{total}" in text
    whole = " ".join(texts)
    for entry in data.entries:
        assert whole.count(entry.dossier_code) == 1, entry.dossier_code


def test_ledger_for_an_empty_range_says_so() -> None:
    data = replace(sample(FormId.LEDGER), entries=())
    (text,) = page_texts(build_form(FormId.LEDGER, data))
    assert "Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này." in squash(text)
