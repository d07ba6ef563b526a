"""Phone and e-mail checks on the intake form."""

from __future__ import annotations

import pytest

from counter_app.core.contact import OLD_MOBILE_PREFIXES, PhoneKind, validate_email, validate_phone


@pytest.mark.parametrize(
    "typed",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84912345678",
        "+84 912 345 678",
        "+84 (0) 912 345 678",
        "84912345678",
        "0084 912 345 678",
    ],
)
def test_mobile_numbers_in_any_common_writing_are_normalised(typed):
    check = validate_phone(typed)
    assert check.is_valid
    assert (check.kind, check.normalized) == (PhoneKind.MOBILE, "0912345678")


@pytest.mark.parametrize("prefix", ["03", "05", "07", "08", "09"])
def test_every_mobile_prefix_is_accepted(prefix):
    assert validate_phone(prefix + "12345678").kind is PhoneKind.MOBILE


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("024 3825 1234", "02438251234"),
        ("(0236) 3822 123", "02363822123"),
        ("+84 236 3822 123", "02363822123"),
    ],
)
def test_landlines_with_area_code_are_accepted(typed, normalized):
    check = validate_phone(typed)
    assert check.is_valid
    assert (check.kind, check.normalized) == (PhoneKind.LANDLINE, normalized)


def test_empty_phone_is_an_error():
    assert validate_phone("  ").errors == ("Chưa nhập số điện thoại.",)


def test_short_mobile_names_the_digit_count():
    check = validate_phone("091234567")
    assert not check.is_valid
    assert "10 chữ số" in check.errors[0] and "9 chữ số" in check.errors[0]


def test_landline_without_full_area_code_is_an_error():
    check = validate_phone("38251234")  # the local number alone
    assert not check.is_valid
    check = validate_phone("0238251234")  # 10 digits starting 02
    assert not check.is_valid and "11 chữ số" in check.errors[0]


@pytest.mark.parametrize("typed", ["0412345678", "0612345678", "0012345678", "1900 1234"])
def test_unknown_prefixes_are_errors(typed):
    check = validate_phone(typed)
    assert not check.is_valid and check.kind is None
    assert "03, 05, 07, 08, 09" in check.errors[0]


def test_letters_are_named():
    check = validate_phone("09l2345678")  # letter l typed for one
    assert not check.is_valid and "«l»" in check.errors[0]


def test_foreign_numbers_are_refused():
    check = validate_phone("+1 555 123 4567")
    assert not check.is_valid and "+84" in check.errors[0]


def test_old_eleven_digit_mobile_suggests_the_new_number():
    check = validate_phone("0166 234 5678")
    assert not check.is_valid
    assert "0362345678" in check.errors[0]


def test_every_old_prefix_maps_to_a_valid_mobile_prefix():
    assert len(OLD_MOBILE_PREFIXES) == 21
    for old, new in OLD_MOBILE_PREFIXES.items():
        assert len(old) == 4 and old.startswith("01") and len(new) == 3
        assert validate_phone(new + "1234567").kind is PhoneKind.MOBILE


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [("an.nguyen@gmail.com", "an.nguyen@gmail.com"), ("  Ha.Tran@UBND.Xa.VN ", "Ha.Tran@ubnd.xa.vn")],
)
def test_plausible_email_addresses_pass(typed, normalized):
    check = validate_email(typed)
    assert check.is_valid and check.normalized == normalized


@pytest.mark.parametrize(
    "typed",
    ["an.nguyen", "an@gmail", "an nguyen@gmail.com", "@gmail.com", "an@@gmail.com", "an@.vn", "an@gmail..com",
     "an@gmail.com."],
)
def test_malformed_email_addresses_are_errors(typed):
    check = validate_email(typed)
    assert not check.is_valid and "thư điện tử" in check.errors[0]


def test_empty_and_overlong_email_have_their_own_messages():
    assert validate_email(" ").errors == ("Chưa nhập địa chỉ thư điện tử.",)
    assert "254" in validate_email("a" * 250 + "@x.vn").errors[0]
