"""Text helpers for printed forms: NFC, markup escaping, Vietnamese dates, times and money."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def markup(value: object) -> str:
    """A value made safe for a ReportLab Paragraph: NFC and XML-escaped."""
    return escape(nfc(str(value)))


def local(moment: datetime) -> datetime:
    """The moment on the counter's wall clock (Asia/Ho_Chi_Minh); naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("printed times must be timezone-aware")
    return moment.astimezone(VN_TZ)


def date_parts(day: date) -> dict[str, str]:
    """Day, month and year as NĐ 30/2020 writes them: a leading zero for days < 10 and months 1–2."""
    return {
        "day": f"{day.day:02d}",
        "month": f"{day.month:02d}" if day.month < 3 else str(day.month),
        "year": str(day.year),
    }


def time_parts(moment: datetime) -> dict[str, str]:
    """Hour, minute, day, month and year of an aware datetime, in the counter's time zone."""
    moment = local(moment)
    return {"hour": f"{moment.hour:02d}", "minute": f"{moment.minute:02d}", **date_parts(moment.date())}


def short_date(day: date | datetime) -> str:
    """dd/mm/yyyy, for table cells where the long form does not fit."""
    if isinstance(day, datetime):
        day = local(day).date()
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def short_time(moment: datetime) -> str:
    moment = local(moment)
    return f"{moment.hour:02d}:{moment.minute:02d}"


def group_thousands(amount: int) -> str:
    """50000 -> '50.000' (Vietnamese thousands separator)."""
    return f"{amount:,}".replace(",", ".")
