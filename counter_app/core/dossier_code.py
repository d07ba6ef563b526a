"""The mã hồ sơ ``<agency code>-<YYMMDD>-<NNNN>`` (TT 01/2018/TT-VPCP Art. 19), ordinal blocks per
workstation, and the ledger position (Quyển số, Số thứ tự).

TT 03/2025 may change the code format (not confirmed), so the format is a `DossierCodeFormat` value that
the unit's settings can carry; `NATIONAL_FORMAT` is the format in force. Unique allocation under
concurrent writers belongs to the database layer; this module only says what is valid.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import pairwise

from counter_app.messages import validation as msg

# QCVN 102:2016/BTTTT and QĐ 20/2020/QĐ-TTg: groups of 0-9A-Z separated by dots, at most 35 characters
# ("000.17.22.H56", "H15.50.05.13"). Use with fullmatch.
AGENCY_CODE_RE = re.compile(r"(?=[0-9A-Z.]{1,35}\Z)[0-9A-Z]+(?:\.[0-9A-Z]+)*\Z")


class DossierCodeError(ValueError):
    """A code, ordinal or block that breaks the rules; the message is Vietnamese, for the clerk."""


class OrdinalBlockExhausted(DossierCodeError):
    """The workstation has used every ordinal of its block for the day."""


@dataclass(frozen=True, slots=True)
class DossierCodeFormat:
    """How a unit writes its codes. `date_format` must give a fixed number of digits (%y %Y %m %d)."""

    prefix: str = ""  # literal text before the agency code; empty in the national format
    separator: str = "-"
    date_format: str = "%y%m%d"
    ordinal_width: int = 4

    def __post_init__(self) -> None:
        sample = date(2000, 12, 31).strftime(self.date_format)
        if not sample.isdigit() or len(date(2001, 1, 2).strftime(self.date_format)) != len(sample):
            raise ValueError(f"date format {self.date_format!r} must give a fixed number of digits")
        if not self.separator or any(c.isalnum() or c.isspace() or c == "." for c in self.separator):
            raise ValueError(f"separator {self.separator!r} would be ambiguous in a code")
        if not 1 <= self.ordinal_width <= 9:
            raise ValueError("the ordinal width is 1 to 9 digits")
        if self.prefix != self.prefix.strip().upper():
            raise ValueError("the prefix is upper case without spaces (codes are read upper-cased)")

    @property
    def max_ordinal(self) -> int:
        return 10**self.ordinal_width - 1


@lru_cache(maxsize=8)
def _code_pattern(fmt: DossierCodeFormat) -> re.Pattern[str]:
    sep = re.escape(fmt.separator)
    date_digits = len(date(2000, 12, 31).strftime(fmt.date_format))
    return re.compile(
        rf"{re.escape(fmt.prefix)}(?P<agency>[0-9A-Z]+(?:\.[0-9A-Z]+)*)"
        rf"{sep}(?P<day>[0-9]{{{date_digits}}}){sep}(?P<ordinal>[0-9]{{{fmt.ordinal_width}}})"
    )


NATIONAL_FORMAT = DossierCodeFormat()


@dataclass(frozen=True, slots=True)
class DossierCodeParts:
    agency_code: str
    day: date
    ordinal: int
    code: str  # the code as normalised (upper case, no stray spaces)


def is_valid_agency_code(code: str) -> bool:
    return AGENCY_CODE_RE.fullmatch(code) is not None


def format_dossier_code(
    agency_code: str, day: date, ordinal: int, fmt: DossierCodeFormat = NATIONAL_FORMAT
) -> str:
    """``format_dossier_code("000.17.22.H56", date(2021, 5, 31), 1)`` → ``"000.17.22.H56-210531-0001"``."""
    if not is_valid_agency_code(agency_code):
        raise DossierCodeError(msg.AGENCY_CODE_INVALID.format(code=agency_code))
    if not 1 <= ordinal <= fmt.max_ordinal:
        raise DossierCodeError(msg.ORDINAL_OUT_OF_RANGE.format(ordinal=ordinal, max_ordinal=fmt.max_ordinal))
    sep, width = fmt.separator, fmt.ordinal_width
    return f"{fmt.prefix}{agency_code}{sep}{day.strftime(fmt.date_format)}{sep}{ordinal:0{width}d}"


# A scanner types into whatever has focus: tolerate trailing Enter/Tab, spaces and full-width forms.
_NOISE = re.compile(r"[\s\x00-\x1f\x7f]+")


def parse_dossier_code(text: str, fmt: DossierCodeFormat = NATIONAL_FORMAT) -> DossierCodeParts | None:
    """The parts of a typed or scanned code, or None if it is not a code in this format."""
    code = _NOISE.sub("", unicodedata.normalize("NFKC", text)).upper()
    match = _code_pattern(fmt).fullmatch(code)
    if match is None or not is_valid_agency_code(match["agency"]):  # ≤ 35 characters
        return None
    try:
        day = datetime.strptime(match["day"], fmt.date_format).date()
    except ValueError:  # 31 February and the like
        return None
    ordinal = int(match["ordinal"])
    if ordinal == 0:
        return None
    return DossierCodeParts(match["agency"], day, ordinal, code)


# --- ordinal blocks: each workstation issues ordinals from its own range, so offline PCs never collide ---


@dataclass(frozen=True, slots=True)
class OrdinalBlock:
    start: int
    end: int
    width: int = 4

    def __post_init__(self) -> None:
        max_ordinal = 10**self.width - 1
        if not 1 <= self.start <= self.end <= max_ordinal:
            raise DossierCodeError(
                msg.BLOCK_INVALID.format(start=self.start, end=self.end, max_ordinal=max_ordinal)
            )

    def __contains__(self, ordinal: object) -> bool:
        return isinstance(ordinal, int) and self.start <= ordinal <= self.end

    @property
    def size(self) -> int:
        return self.end - self.start + 1

    def overlaps(self, other: OrdinalBlock) -> bool:
        return self.start <= other.end and other.start <= self.end

    def label(self) -> str:
        """``"0001–4999"``, as the clerk sees it in codes."""
        return f"{self.start:0{self.width}d}–{self.end:0{self.width}d}"


def split_blocks(n_nodes: int, width: int = 4) -> list[OrdinalBlock]:
    """Equal blocks for `n_nodes` workstations: 2 → 0001–4999, 5000–9999; 3 → 0001–3332, 3333–6665,
    6666–9999."""
    span = 10**width
    if not 1 <= n_nodes <= span // 2:
        raise DossierCodeError(msg.BLOCK_COUNT_INVALID.format(max_nodes=span // 2))
    bounds = [i * span // n_nodes for i in range(n_nodes + 1)]
    return [OrdinalBlock(max(1, lo), hi - 1, width) for lo, hi in pairwise(bounds)]


def next_ordinal(block: OrdinalBlock, last_used: int | None) -> int:
    """The ordinal after `last_used` (this node's last one today, None if none yet) within `block`.

    If an administrator moved the node's block during the day, a `last_used` below the new block starts
    it afresh and one above it counts as exhausted; the database's unique code is the final guard.
    """
    if last_used is None or last_used < block.start:
        return block.start
    if last_used >= block.end:
        raise OrdinalBlockExhausted(msg.BLOCK_EXHAUSTED.format(block=block.label()))
    return last_used + 1


# --- the ledger (Sổ theo dõi hồ sơ): book and ordinal, restarting every year ------------------------------


@dataclass(frozen=True, slots=True, order=True)
class LedgerPosition:
    book: int  # Quyển số
    ordinal: int  # Số thứ tự within the book and year

    def __post_init__(self) -> None:
        if self.book < 1 or self.ordinal < 1:
            raise DossierCodeError(msg.LEDGER_POSITION_INVALID)


def ledger_book_label(year: int, book: int = 1) -> str:
    """``ledger_book_label(2026)`` → ``"Quyển số 01/2026"``, the number written on the ledger's cover."""
    return msg.LEDGER_BOOK_LABEL.format(book=book, year=year)
