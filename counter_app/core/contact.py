"""Checks of contact details: Vietnamese phone numbers (normalised to 0xxxxxxxxx) and a light e-mail check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from counter_app.messages import validation as msg

_SEPARATORS = re.compile(r"[\s.\-()/]+")
_NOT_DIGIT = re.compile(r"[^0-9]")
_MOBILE_LENGTH = 10
_LANDLINE_LENGTH = 11  # 0 + 2-3 digit area code 2x/2xx + subscriber number: always 11 since 2017

# The 11-digit mobile prefixes switched to 10 digits in 2018 (QĐ 798/QĐ-BTTTT); citizens still quote them.
OLD_MOBILE_PREFIXES: dict[str, str] = {
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037",
    "0168": "038", "0169": "039",  # Viettel
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",  # MobiFone
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",  # VinaPhone
    "0186": "056", "0188": "058",  # Vietnamobile
    "0199": "059",  # Gmobile
}


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"


@dataclass(frozen=True, slots=True)
class PhoneCheck:
    kind: PhoneKind | None
    normalized: str  # 0xxxxxxxxx when valid; otherwise the input without separators
    errors: tuple[str, ...] = ()

    @property
    def is_valid(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class EmailCheck:
    normalized: str  # trimmed, domain in lower case
    errors: tuple[str, ...] = ()

    @property
    def is_valid(self) -> bool:
        return not self.errors


def _national_number(digits: str) -> str | None:
    """The number in national form (leading 0), or None if it carries a foreign country code."""
    if digits.startswith("+"):
        if not digits.startswith("+84"):
            return None
        digits = digits[3:]
    elif digits.startswith("0084"):
        digits = digits[4:]
    elif digits.startswith("84") and len(digits) in (11, 12):  # 84 + 9 or 10 digits: no national number
        digits = digits[2:]  # starts with 8 (they all start with 0), so this is the country code
    else:
        return digits
    return digits if digits.startswith("0") else "0" + digits  # "+84 (0) 912…" keeps its 0


def validate_phone(value: str) -> PhoneCheck:
    """Mobile: 10 digits, 03/05/07/08/09. Landline: 11 digits, 02x… . Accepts +84 / 84 / 0084 and
    spaces, dots, dashes, slashes and brackets ("+84 912.345.678", "(0236) 3822 123")."""
    compact = _SEPARATORS.sub("", value)
    if not compact:
        return PhoneCheck(None, "", (msg.PHONE_EMPTY,))
    number = _national_number(compact)
    if number is None:
        return PhoneCheck(None, compact, (msg.PHONE_FOREIGN,))
    bad = sorted(set(_NOT_DIGIT.findall(number)))
    if bad:
        return PhoneCheck(None, number, (msg.PHONE_NOT_DIGITS.format(chars=" ".join(bad)),))
    second = number[1:2]
    if number.startswith("0") and second in ("3", "5", "7", "8", "9"):
        if len(number) != _MOBILE_LENGTH:
            return PhoneCheck(None, number, (msg.PHONE_MOBILE_LENGTH.format(count=len(number)),))
        return PhoneCheck(PhoneKind.MOBILE, number)
    if number.startswith("02"):
        if len(number) != _LANDLINE_LENGTH:
            return PhoneCheck(None, number, (msg.PHONE_LANDLINE_LENGTH.format(count=len(number)),))
        return PhoneCheck(PhoneKind.LANDLINE, number)
    old_prefix = number[:4]
    if len(number) == 11 and old_prefix in OLD_MOBILE_PREFIXES:
        suggestion = OLD_MOBILE_PREFIXES[old_prefix] + number[4:]
        return PhoneCheck(
            None, number, (msg.PHONE_OLD_11_DIGITS.format(old_prefix=old_prefix, suggestion=suggestion),)
        )
    return PhoneCheck(None, number, (msg.PHONE_BAD_PREFIX,))


_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_EMAIL_MAX_LENGTH = 254  # RFC 5321 path limit


def validate_email(value: str) -> EmailCheck:
    """A light check (one @, a dotted domain, no spaces); only a sent message proves an address."""
    text = value.strip()
    if not text:
        return EmailCheck("", (msg.EMAIL_EMPTY,))
    if len(text) > _EMAIL_MAX_LENGTH:
        return EmailCheck(text, (msg.EMAIL_TOO_LONG,))
    if not _EMAIL.fullmatch(text):
        return EmailCheck(text, (msg.EMAIL_INVALID,))
    local, domain = text.rsplit("@", 1)
    return EmailCheck(f"{local}@{domain.lower()}")
