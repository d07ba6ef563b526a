"""Every form on every paper, ordinary and stress data: the text a person reads is there exactly,
every font is embedded, and the barcodes scan back to the dossier code from a 200-dpi raster."""

from __future__ import annotations

import pytest

from counter_app.printing import FormId, Paper
from tests.printing.cases import BARCODE_CASES, CASES, Case, data_for, expected_values, pdf_for, short_code
from tests.printing.pdfcheck import decode, font_problems, has_images, missing_values, page_sizes_mm


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_input_value_is_printed_exactly(case: Case) -> None:
    assert missing_values(pdf_for(case), expected_values(case)) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_font_is_embedded_and_no_base14_font_is_referenced(case: Case) -> None:
    assert font_problems(pdf_for(case)) == []


@pytest.mark.parametrize("case", BARCODE_CASES, ids=lambda c: c.id)
def test_code128_and_qr_decode_to_the_dossier_code_at_200_dpi(case: Case) -> None:
    code = data_for(case.form_id, case.variant).dossier_code
    found = decode(pdf_for(case))
    bars = short_code(code) if case.paper == Paper.ROLL_80MM else code
    assert found.get("Code128") == [bars]
    assert found.get("QRCode") == [code]


@pytest.mark.parametrize("case", BARCODE_CASES, ids=lambda c: c.id)
def test_barcodes_are_vectors_not_images(case: Case) -> None:
    assert not has_images(pdf_for(case))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_paper_size(case: Case) -> None:
    sizes = set(page_sizes_mm(pdf_for(case)))
    if case.form_id == FormId.LEDGER:
        assert sizes == {(297.0, 210.0)}
    elif case.paper == Paper.A4:
        assert sizes == {(210.0, 297.0)}
    elif case.paper == Paper.A5:
        assert sizes == {(148.0, 210.0)}
    else:
        ((width, height),) = sizes
        assert width == 80.0 and 100 < height < 250
