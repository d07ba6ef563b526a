"""build_form's contract: right data for the form, offered papers only, NFC and escaped text,
same bytes for the same data, times on the counter's clock, copy labels and fee wording."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from counter_app.printing import (
    CopyLabel,
    FormId,
    Paper,
    Person,
    SlipData,
    build_form,
    supported_papers,
)
from counter_app.printing.samples import sample
from tests.printing.pdfcheck import decode, page_texts, squash


def slip_text(data: SlipData, paper: Paper = Paper.A4) -> str:
    return squash(" ".join(page_texts(build_form(FormId.SLIP, data, paper))))


def test_wrong_data_for_the_form_is_refused() -> None:
    with pytest.raises(TypeError):
        build_form(FormId.REJECTION, sample(FormId.SLIP))


@pytest.mark.parametrize(
    ("form_id", "paper"), [(FormId.LEDGER, Paper.A5), (FormId.REJECTION, Paper.ROLL_80MM)]
)
def test_papers_a_form_is_not_offered_on_are_refused(form_id: FormId, paper: Paper) -> None:
    assert paper not in supported_papers(form_id)
    with pytest.raises(ValueError):
        build_form(form_id, sample(form_id), paper)


def test_a4_is_the_default_paper_of_every_form() -> None:
    assert all(supported_papers(f)[0] == Paper.A4 for f in FormId)


def test_same_data_gives_the_same_bytes() -> None:
    data = sample(FormId.SLIP)
    assert build_form(FormId.SLIP, data) == build_form(FormId.SLIP, data)


def test_decomposed_input_is_stored_and_printed_composed() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ngọc Ẩn")
    data = replace(sample(FormId.SLIP), applicant=Person(name=nfd))
    assert unicodedata.is_normalized("NFC", data.applicant.name)
    text = slip_text(data)
    assert "Nguyễn Thị Ngọc Ẩn" in text and nfd not in text


def test_markup_characters_in_values_print_literally() -> None:
    data = replace(sample(FormId.SLIP), procedure_name="Cấp bản sao <b>trích lục</b> & chứng thực")
    assert "Cấp bản sao <b>trích lục</b> & chứng thực" in slip_text(data)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        replace(sample(FormId.SLIP), received_at=datetime(2026, 11, 23, 8, 30))


def test_times_given_in_utc_print_on_the_counter_clock() -> None:
    data = replace(sample(FormId.SLIP), received_at=datetime(2026, 11, 23, 1, 30, tzinfo=UTC))
    assert "4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 23 tháng 11 năm 2026" in slip_text(data)


def test_nd30_leading_zeros_in_the_place_and_date_line() -> None:
    data = replace(sample(FormId.SLIP), received_at=datetime(2027, 2, 5, 9, 5, tzinfo=UTC))
    assert "Đông Tiến, ngày 05 tháng 02 năm 2027" in slip_text(data)


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (CopyLabel.KEPT, "(Liên 1: Lưu tại Bộ phận Một cửa)"),
        (CopyLabel.APPLICANT, "(Liên 2: Giao người nộp hồ sơ)"),
    ],
)
def test_copy_label(label: CopyLabel, text: str) -> None:
    assert text in slip_text(replace(sample(FormId.SLIP), copy_label=label))


def test_no_copy_label_when_none_is_asked() -> None:
    assert "Liên" not in slip_text(replace(sample(FormId.SLIP), copy_label=None))


def test_a_free_procedure_says_no_fee_is_charged() -> None:
    text = slip_text(replace(sample(FormId.SLIP), fee=0))
    assert "7. Phí, lệ phí: không thu" in text and "đồng" not in text


def test_slip_without_submitter_signs_with_the_applicants_name() -> None:
    data = replace(sample(FormId.SLIP), submitter=None)
    text = slip_text(data)
    assert "nộp thay" not in text
    assert text.count(data.applicant.name) == 2  # "tiếp nhận hồ sơ của" and the signature


LONG_CODE = "AB.CD.EF.GH.IJ.KL.MN.OP.QR.ST.UV.WX.YZ.AB.CD-261123-0001"  # 162 mm of bars at 0.25 mm


def test_a_code_too_long_to_sit_beside_the_qr_is_stacked_above_it_and_both_scan() -> None:
    found = decode(build_form(FormId.SLIP, replace(sample(FormId.SLIP), dossier_code=LONG_CODE), Paper.A4))
    assert found == {"Code128": [LONG_CODE], "QRCode": [LONG_CODE]}


def test_a_code_too_long_for_the_line_is_printed_as_qr_only_never_with_thinner_bars() -> None:
    found = decode(build_form(FormId.SLIP, replace(sample(FormId.SLIP), dossier_code=LONG_CODE), Paper.A5))
    assert found == {"QRCode": [LONG_CODE]}
