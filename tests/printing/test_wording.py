"""Wording is data: each form prints with the set in force on its date, every set is complete, and a
new set dropped into resources/forms is used without code changes."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from counter_app.paths import resources_dir
from counter_app.printing import FormId, build_form
from counter_app.printing.samples import sample
from counter_app.printing.textfmt import VN_TZ
from counter_app.printing.wording import (
    WordingError,
    available_forms,
    form_wording,
    set_in_force,
    wording_sets,
)
from tests.printing.pdfcheck import page_texts, squash

SET_FORMS = [(s.id, f) for s in wording_sets() for f in available_forms(s.id)]


def text_of(pdf: bytes) -> str:
    return squash(" ".join(page_texts(pdf)))


def test_the_2025_set_takes_over_on_1_july_2025() -> None:
    assert set_in_force(date(2025, 6, 30)).id == "tt-01-2018"
    assert set_in_force(date(2025, 7, 1)).id == "tt-03-2025"


def test_the_2025_set_has_seven_forms_and_the_2018_set_six() -> None:
    assert len(available_forms("tt-03-2025")) == 7
    assert FormId.STOP_NOTICE not in available_forms("tt-01-2018")
    assert len(available_forms("tt-01-2018")) == 6


@pytest.mark.parametrize(("set_id", "form_id"), SET_FORMS, ids=lambda v: str(v))
def test_every_form_of_every_set_builds_with_its_title(set_id: str, form_id: FormId) -> None:
    data = sample(form_id)
    if form_id == FormId.LEDGER:
        data = replace(data, entries=data.entries[:3])
    pdf = build_form(form_id, data, wording_set=set_id)
    assert squash(form_wording(form_id, date.today(), set_id).title) in text_of(pdf)


def test_a_reprint_of_a_june_2025_apology_keeps_the_2018_title() -> None:
    data = replace(sample(FormId.APOLOGY_EXTENSION), issued_at=datetime(2025, 6, 2, 9, 0, tzinfo=VN_TZ))
    text = text_of(build_form(FormId.APOLOGY_EXTENSION, data))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "ĐỀ NGHỊ GIA HẠN" not in text


def test_a_stop_notice_dated_before_the_2025_set_is_refused() -> None:
    data = replace(sample(FormId.STOP_NOTICE), issued_at=datetime(2025, 6, 2, 9, 0, tzinfo=VN_TZ))
    with pytest.raises(WordingError):
        build_form(FormId.STOP_NOTICE, data)


def test_a_new_circular_is_a_new_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "resources"
    shutil.copytree(resources_dir() / "forms", root / "forms")
    (root / "fonts").symlink_to(resources_dir() / "fonts")
    shutil.copytree(root / "forms" / "tt-03-2025", root / "forms" / "tt-99-2027")
    slip = root / "forms" / "tt-99-2027" / "slip.toml"
    slip.write_text(
        slip.read_text(encoding="utf-8").replace(
            'title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"', 'title = "PHIẾU HẸN TRẢ KẾT QUẢ (MẪU MỚI)"'
        ),
        encoding="utf-8",
    )
    with open(root / "forms" / "index.toml", "a", encoding="utf-8") as index:
        index.write(
            '\n[[sets]]\nid = "tt-99-2027"\ntitle = "Thông tư giả định"\neffective_from = 2027-01-01\n'
        )
    monkeypatch.setenv("COUNTER_APP_RESOURCES", str(root))
    data = sample(FormId.SLIP)
    later = replace(
        data,
        received_at=datetime(2027, 1, 4, 8, 0, tzinfo=VN_TZ),
        due_at=datetime(2027, 1, 6, 8, 0, tzinfo=VN_TZ),
    )
    assert "PHIẾU HẸN TRẢ KẾT QUẢ (MẪU MỚI)" in text_of(build_form(FormId.SLIP, later))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text_of(build_form(FormId.SLIP, data))
