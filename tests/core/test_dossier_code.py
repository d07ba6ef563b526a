"""The mã hồ sơ, the ordinal blocks of the workstations, and the ledger position."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.dossier_code import (
    AGENCY_CODE_RE,
    NATIONAL_FORMAT,
    DossierCodeError,
    DossierCodeFormat,
    LedgerPosition,
    OrdinalBlock,
    OrdinalBlockExhausted,
    format_dossier_code,
    ledger_book_label,
    next_ordinal,
    parse_dossier_code,
    split_blocks,
)

# --- agency codes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["000.17.22.H56", "H15.50.05.13", "000.00.00.H49", "G01", "A" * 35])
def test_agency_codes_of_the_standard_are_accepted(code):
    assert AGENCY_CODE_RE.fullmatch(code)


@pytest.mark.parametrize(
    "code", ["", "000.17.22.h56", "000..22.H56", ".H56", "H56.", "000.17.22.H56 ", "H-56", "A" * 36, "Đ01"]
)
def test_malformed_agency_codes_are_refused(code):
    assert AGENCY_CODE_RE.fullmatch(code) is None
    assert AGENCY_CODE_RE.match(code) is None or AGENCY_CODE_RE.match(code).end() != len(code)


# --- format and parse --------------------------------------------------------------------------------


def test_the_national_examples():
    assert format_dossier_code("000.17.22.H56", date(2021, 5, 31), 1) == "000.17.22.H56-210531-0001"
    assert format_dossier_code("H15.50.05.13", date(2026, 10, 8), 975) == "H15.50.05.13-261008-0975"
    parts = parse_dossier_code("H15.50.05.13-261008-0975")
    assert parts is not None
    assert (parts.agency_code, parts.day, parts.ordinal) == ("H15.50.05.13", date(2026, 10, 8), 975)


@pytest.mark.parametrize(
    "scanned",
    ["000.17.22.H56-210531-0001\r\n", "  000.17.22.h56-210531-0001\t", "000.17.22.H56 - 210531 - 0001",
     "０００.１７.２２.Ｈ５６-２１０５３１-０００１"],
)
def test_scanner_and_keyboard_noise_is_tolerated(scanned):
    parts = parse_dossier_code(scanned)
    assert parts is not None
    assert parts.code == "000.17.22.H56-210531-0001"


@pytest.mark.parametrize(
    "text",
    ["", "000.17.22.H56-210531", "000.17.22.H56-210531-001", "000.17.22.H56-210531-00001",
     "000.17.22.H56-210231-0001", "000.17.22.H56-211331-0001", "000.17.22.H56-210531-0000",
     "000.17.22.H56_210531_0001", "Nguyễn Văn An", "A" * 36 + "-210531-0001"],
)
def test_text_that_is_not_a_code_parses_to_none(text):
    assert parse_dossier_code(text) is None


def test_invalid_agency_code_or_ordinal_cannot_be_formatted():
    with pytest.raises(DossierCodeError, match="Mã định danh cơ quan"):
        format_dossier_code("000.17.22.h56", date(2021, 5, 31), 1)
    for ordinal in (0, 10_000):
        with pytest.raises(DossierCodeError, match="1–9999"):
            format_dossier_code("000.17.22.H56", date(2021, 5, 31), ordinal)


agency_codes = st.lists(st.text("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=5),
                        min_size=1, max_size=5).map(".".join).filter(lambda c: len(c) <= 35)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2068, 12, 31))  # %y reads 00–68 as 20xx


@given(agency_codes, days, st.integers(1, 9999))
def test_format_then_parse_gives_back_the_parts(agency, day, ordinal):
    code = format_dossier_code(agency, day, ordinal)
    parts = parse_dossier_code(code)
    assert parts is not None
    assert (parts.agency_code, parts.day, parts.ordinal, parts.code) == (agency, day, ordinal, code)
    assert parse_dossier_code(f" {code.lower()}\n") == parts


@given(agency_codes, st.dates(date(2000, 1, 1), date(2999, 12, 31)), st.integers(1, 999_999))
def test_a_configured_format_round_trips_too(agency, day, ordinal):
    fmt = DossierCodeFormat(prefix="BNV:", separator="/", date_format="%Y%m%d", ordinal_width=6)
    code = format_dossier_code(agency, day, ordinal, fmt)
    assert code.startswith(f"BNV:{agency}/{day:%Y%m%d}/")
    parts = parse_dossier_code(code, fmt)
    assert parts is not None and (parts.agency_code, parts.day, parts.ordinal) == (agency, day, ordinal)
    assert parse_dossier_code(code) is None  # not a national code


@pytest.mark.parametrize(
    "kwargs",
    [{"date_format": "%d/%m/%y"}, {"date_format": "%b%d"}, {"separator": "."}, {"separator": ""},
     {"separator": "X"}, {"separator": " "}, {"ordinal_width": 0}, {"ordinal_width": 10}, {"prefix": "abc"}],
)
def test_ambiguous_formats_are_refused(kwargs):
    with pytest.raises(ValueError):
        DossierCodeFormat(**kwargs)


def test_national_format_is_the_circular_default():
    assert (NATIONAL_FORMAT.separator, NATIONAL_FORMAT.date_format, NATIONAL_FORMAT.ordinal_width) == (
        "-", "%y%m%d", 4
    )
    assert NATIONAL_FORMAT.max_ordinal == 9999


# --- ordinal blocks ----------------------------------------------------------------------------------


def test_two_workstations_split_the_day_in_halves():
    assert split_blocks(2) == [OrdinalBlock(1, 4999), OrdinalBlock(5000, 9999)]
    assert [b.label() for b in split_blocks(2)] == ["0001–4999", "5000–9999"]
    assert split_blocks(1) == [OrdinalBlock(1, 9999)]


@given(st.integers(1, 6).flatmap(lambda w: st.tuples(st.just(w), st.integers(1, min(10**w // 2, 500)))))
def test_blocks_never_overlap_and_cover_every_ordinal(width_and_nodes):
    width, n_nodes = width_and_nodes
    blocks = split_blocks(n_nodes, width)
    assert len(blocks) == n_nodes
    assert blocks[0].start == 1 and blocks[-1].end == 10**width - 1
    for before, after in zip(blocks, blocks[1:], strict=False):
        assert after.start == before.end + 1 and not before.overlaps(after)
    sizes = [b.size for b in blocks]
    assert max(sizes) - min(sizes) <= 2  # fair shares (the first block has no ordinal 0)


@pytest.mark.parametrize(("n_nodes", "width"), [(0, 4), (-1, 4), (5001, 4), (6, 1)])
def test_impossible_splits_are_refused(n_nodes, width):
    with pytest.raises(DossierCodeError, match="Số máy tiếp nhận"):
        split_blocks(n_nodes, width)


@pytest.mark.parametrize(("start", "end", "width"), [(0, 10, 4), (20, 10, 4), (1, 10_000, 4), (1, 100, 2)])
def test_invalid_blocks_are_refused(start, end, width):
    with pytest.raises(DossierCodeError, match="Dải số thứ tự"):
        OrdinalBlock(start, end, width)


def test_a_workstation_issues_its_block_in_order_then_stops():
    block = OrdinalBlock(5000, 5002)
    issued = [next_ordinal(block, None)]
    while True:
        try:
            issued.append(next_ordinal(block, issued[-1]))
        except OrdinalBlockExhausted as exhausted:
            assert "5000–5002" in str(exhausted) and "máy khác" in str(exhausted)
            break
    assert issued == [5000, 5001, 5002]


def test_a_block_moved_during_the_day_restarts_or_stops():
    assert next_ordinal(OrdinalBlock(5000, 9999), 12) == 5000  # moved up: start the new block
    with pytest.raises(OrdinalBlockExhausted):
        next_ordinal(OrdinalBlock(1, 4999), 5012)  # moved down below what was issued: stop


# --- ledger ------------------------------------------------------------------------------------------


def test_ledger_book_label_is_written_as_on_the_cover():
    assert ledger_book_label(2026) == "Quyển số 01/2026"
    assert ledger_book_label(2026, 12) == "Quyển số 12/2026"


def test_ledger_positions_start_at_one_and_order_by_book_then_ordinal():
    assert sorted([LedgerPosition(2, 1), LedgerPosition(1, 9), LedgerPosition(1, 10)]) == [
        LedgerPosition(1, 9), LedgerPosition(1, 10), LedgerPosition(2, 1)
    ]
    for book, ordinal in ((0, 1), (1, 0)):
        with pytest.raises(DossierCodeError, match="Quyển số"):
            LedgerPosition(book, ordinal)
