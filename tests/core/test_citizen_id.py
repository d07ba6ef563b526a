"""Checks of the personal ID number a clerk types or scans at the counter."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.core.citizen_id import PROVINCE_CODES, IdKind, century_gender_digit, validate_citizen_id
from counter_app.core.people import Gender

# --- the acceptance examples of issue 2 --------------------------------------------------------------


def test_matching_number_birth_year_and_gender_is_valid_without_warnings():
    check = validate_citizen_id("001099012345", birth_date=date(1999, 3, 14), gender=Gender.MALE)
    assert check.is_valid
    assert check.errors == () and check.warnings == ()
    assert check.kind is IdKind.CCCD_12
    assert check.normalized == "001099012345"


def test_eleven_digits_is_an_error():
    check = validate_citizen_id("00109901234")
    assert not check.is_valid
    assert check.kind is None
    assert "12 chữ số" in check.errors[0] and "11 chữ số" in check.errors[0]


def test_birth_year_that_disagrees_with_the_number_is_a_warning():
    check = validate_citizen_id("001199012345", birth_date=date(1985, 6, 1))
    assert check.is_valid
    assert len(check.warnings) == 1
    assert "1999" in check.warnings[0] and "1985" in check.warnings[0]


# --- normalisation and kinds -------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["001 099 012 345", " 001.099.012.345 ", "001-099-012-345\n"])
def test_grouped_or_padded_numbers_are_normalised_to_digits(typed):
    check = validate_citizen_id(typed, birth_date=date(1999, 1, 1), gender=Gender.MALE)
    assert check.normalized == "001099012345"
    assert check.is_valid and not check.warnings


def test_old_nine_digit_cmnd_is_accepted_and_labelled():
    check = validate_citizen_id("168 123 456", birth_date=date(1970, 1, 1), gender=Gender.FEMALE)
    assert check.is_valid and not check.warnings
    assert check.kind is IdKind.CMND_9
    assert check.label == "CMND 9 số (cũ)"
    assert check.normalized == "168123456"


def test_twelve_digit_number_is_labelled_as_can_cuoc():
    # The 12-digit CMND of 2012–2016 shares the structure, so one label covers both.
    assert "căn cước" in validate_citizen_id("001099012345").label


@pytest.mark.parametrize("typed", ["", "   ", " . - "])
def test_empty_number_is_an_error(typed):
    check = validate_citizen_id(typed)
    assert not check.is_valid
    assert check.errors == ("Chưa nhập số định danh cá nhân.",)


def test_letters_are_an_error_naming_them():
    check = validate_citizen_id("00109901234O")  # letter O typed for zero
    assert not check.is_valid
    assert "«O»" in check.errors[0]


@pytest.mark.parametrize("length", [1, 8, 10, 11, 13, 16])
def test_other_lengths_are_errors(length):
    check = validate_citizen_id("0" * length)
    assert not check.is_valid
    assert f"có {length} chữ số" in check.errors[0]


# --- what the number says ----------------------------------------------------------------------------


def test_the_number_reveals_province_birth_year_and_gender():
    check = validate_citizen_id("079305012345")
    assert (check.province_code, check.province_name) == ("079", "Thành phố Hồ Chí Minh")
    assert (check.birth_year, check.gender) == (2005, Gender.FEMALE)


def test_province_table_holds_the_63_pre_2025_codes():
    assert len(PROVINCE_CODES) == 63
    assert min(PROVINCE_CODES) == "001" and max(PROVINCE_CODES) == "096"
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)
    assert PROVINCE_CODES["038"] == "Thanh Hóa" and PROVINCE_CODES["022"] == "Quảng Ninh"


def test_every_known_province_code_passes_without_warning():
    for code in PROVINCE_CODES:
        check = validate_citizen_id(f"{code}099012345", birth_date=date(1999, 1, 1), gender=Gender.MALE)
        assert check.warnings == (), code


@pytest.mark.parametrize("code", ["000", "003", "050", "097", "999"])
def test_unknown_province_code_is_only_a_warning(code):
    # Citizens whose birth was registered abroad carry a country code here.
    check = validate_citizen_id(f"{code}099012345", birth_date=date(1999, 1, 1), gender=Gender.MALE)
    assert check.is_valid
    assert len(check.warnings) == 1 and f"«{code}»" in check.warnings[0]
    assert check.province_name is None


def test_gender_that_disagrees_with_the_number_is_a_warning():
    check = validate_citizen_id("001099012345", birth_date=date(1999, 1, 1), gender=Gender.FEMALE)
    assert check.is_valid
    assert check.warnings == (
        "Số định danh ghi giới tính nam, nhưng giới tính đã chọn là nữ; hãy kiểm tra lại.",
    )


def test_century_digit_that_disagrees_with_the_date_of_birth_is_a_warning():
    # 2 = male born 2000–2099, but the clerk entered 1999 (the year digits alone agree).
    check = validate_citizen_id("001299012345", birth_date=date(1999, 1, 1), gender=Gender.MALE)
    assert len(check.warnings) == 1 and "2099" in check.warnings[0]


def test_a_22nd_century_digit_is_flagged_even_without_a_date_of_birth():
    check = validate_citizen_id("001405012345")
    assert check.is_valid
    assert len(check.warnings) == 1 and "2100" in check.warnings[0]


def test_without_date_or_gender_a_plausible_number_has_no_warnings():
    assert validate_citizen_id("038185012345").warnings == ()


@given(
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2399, 12, 31)),
    gender=st.sampled_from(Gender),
    province=st.sampled_from(sorted(PROVINCE_CODES)),
    serial=st.integers(0, 999_999),
)
def test_a_number_built_by_the_rules_always_agrees(birth, gender, province, serial):
    number = f"{province}{century_gender_digit(birth.year, gender)}{birth.year % 100:02d}{serial:06d}"
    check = validate_citizen_id(number, birth_date=birth, gender=gender)
    assert check.is_valid and check.warnings == ()
    assert (check.birth_year, check.gender) == (birth.year, gender)


def test_century_gender_digit_follows_the_table():
    assert [century_gender_digit(y, g) for y in (1950, 2010, 2150) for g in (Gender.MALE, Gender.FEMALE)] == [
        0, 1, 2, 3, 4, 5
    ]
    with pytest.raises(ValueError):
        century_gender_digit(1899, Gender.MALE)
