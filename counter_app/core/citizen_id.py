"""Checks of the personal ID number: the 12-digit số định danh cá nhân (căn cước) and the old 9-digit CMND.

Structure of the 12 digits (NĐ 137/2015 Art. 7, TT 07/2016 and TT 59/2021/BCA; unchanged by NĐ 70/2024 and
the 2025 province mergers): ``PPP G YY RRRRRR`` = province (or country) of birth registration, century and
gender, last two digits of the birth year, six random digits. There is no check digit, so only the length
is an error; a code or digit that disagrees with what the clerk entered is a warning to look again.
The 12-digit CMND issued 2012–2016 has the same structure, so a 12-digit number is simply "căn cước".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from counter_app.core.people import Gender
from counter_app.messages import validation as msg

# Province code of birth registration → the pre-2025 province name (the codes outlived the mergers).
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh",
    "030": "Hải Dương", "031": "Hải Phòng", "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam",
    "036": "Nam Định", "037": "Ninh Bình", "038": "Thanh Hóa",
    "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng", "049": "Quảng Nam",
    "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận",
    "060": "Bình Thuận", "062": "Kon Tum", "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Thành phố Hồ Chí Minh",
    "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
    "087": "Đồng Tháp", "089": "An Giang",
    "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu",
    "096": "Cà Mau",
}

# People write the number in groups ("001 099 012 345", "001.099.012.345"); the separators carry nothing.
_SEPARATORS = re.compile(r"[\s.\-]+")
_NOT_DIGIT = re.compile(r"[^0-9]")


class IdKind(StrEnum):
    CCCD_12 = "cccd_12"  # số định danh cá nhân / căn cước / CCCD, and the 12-digit CMND of 2012–2016
    CMND_9 = "cmnd_9"  # the old 9-digit CMND, still on legacy papers


_KIND_LABELS = {IdKind.CCCD_12: msg.ID_LABEL_12, IdKind.CMND_9: msg.ID_LABEL_CMND_9}


@dataclass(frozen=True, slots=True)
class IdCheck:
    """The outcome of a check: errors make the number unusable, warnings ask the clerk to look again.

    For a 12-digit number, `province_code`, `birth_year` and `gender` are what the number itself says.
    """

    kind: IdKind | None
    normalized: str
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    province_code: str | None = None
    birth_year: int | None = None
    gender: Gender | None = None

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def label(self) -> str:
        """What to call the number on screen and on paper ("CMND 9 số (cũ)" …); empty when invalid."""
        return _KIND_LABELS[self.kind] if self.kind else ""

    @property
    def province_name(self) -> str | None:
        return PROVINCE_CODES.get(self.province_code or "")


def century_gender_digit(birth_year: int, gender: Gender) -> int:
    """The 4th digit for a person born in `birth_year` (1900–2399): 0/1 for 19xx, 2/3 for 20xx …"""
    if not 1900 <= birth_year <= 2399:
        raise ValueError(f"no century digit for birth year {birth_year}")
    return (birth_year // 100 - 19) * 2 + (gender is Gender.FEMALE)


def validate_citizen_id(
    value: str, *, birth_date: date | None = None, gender: Gender | None = None
) -> IdCheck:
    """Check an ID number as typed or scanned; `birth_date` and `gender` are what the clerk entered."""
    normalized = _SEPARATORS.sub("", value)
    if not normalized:
        return IdCheck(None, "", errors=(msg.ID_EMPTY,))
    bad = sorted(set(_NOT_DIGIT.findall(normalized)))
    if bad:
        return IdCheck(None, normalized, errors=(msg.ID_NOT_DIGITS.format(chars=" ".join(bad)),))
    if len(normalized) == 9:
        return IdCheck(IdKind.CMND_9, normalized)  # its own numbering scheme: nothing more to compare
    if len(normalized) != 12:
        return IdCheck(None, normalized, errors=(msg.ID_WRONG_LENGTH.format(count=len(normalized)),))

    province, g, yy = normalized[:3], int(normalized[3]), int(normalized[4:6])
    id_gender = Gender.FEMALE if g % 2 else Gender.MALE
    century_start = 1900 + (g // 2) * 100
    id_year = century_start + yy
    warnings: list[str] = []
    if province not in PROVINCE_CODES:
        warnings.append(msg.ID_UNKNOWN_PROVINCE.format(code=province))
    if birth_date is not None:
        if birth_date.year != id_year:
            warnings.append(msg.ID_BIRTH_YEAR_MISMATCH.format(id_year=id_year, entered_year=birth_date.year))
    elif century_start >= 2100:  # nobody alive was born in the 22nd century: most likely a typing slip
        warnings.append(msg.ID_FUTURE_CENTURY.format(digit=g, first_year=century_start))
    if gender is not None and gender != id_gender:
        warnings.append(
            msg.ID_GENDER_MISMATCH.format(
                id_gender=msg.GENDER_LABELS[id_gender], entered_gender=msg.GENDER_LABELS[gender]
            )
        )
    return IdCheck(
        IdKind.CCCD_12,
        normalized,
        warnings=tuple(warnings),
        province_code=province,
        birth_year=id_year,
        gender=id_gender,
    )
