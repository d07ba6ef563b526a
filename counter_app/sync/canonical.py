"""Canonical bytes and names shared by the package format: JSON, base64, hashes, file names, id patterns."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from datetime import datetime
from typing import Any

from counter_app.db.types import VN_TZ

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
UNIT_CODE_RE = re.compile(r"^[0-9A-Z]+(\.[0-9A-Z]+)*$")  # and at most 35 characters (agency code)
HUB_ID_RE = re.compile(r"^[0-9A-Z][0-9A-Z.-]{0,39}$")  # no "/" or "\\": safe inside a file name
PACKAGE_SUFFIX = ".cappkg"
EXPORT_PREFIX = "XA_"
RETURN_PREFIX = "TRA_"


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same value always gives the same bytes (hashes and signatures)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: object, length: int | None = None) -> bytes:
    """Strict base64 (raises ValueError on anything else, or on a wrong decoded length)."""
    if not isinstance(text, str):
        raise ValueError("base64 text expected")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("bad base64") from exc
    if length is not None and len(data) != length:
        raise ValueError(f"expected {length} bytes, got {len(data)}")
    return data


def iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime refused")
    return moment.astimezone(VN_TZ).isoformat()


def iso_or_none(moment: datetime | None) -> str | None:
    return None if moment is None else iso(moment)


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(VN_TZ)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(VN_TZ).strftime("%Y%m%d-%H%M%S")


def export_file_name(unit_code: str, sequence: int, created_at: datetime, stream_id: str) -> str:
    """Who, which sequence, when: `XA_<unit code>_<sequence:6>_<YYYYMMDD-HHMMSS>_<stream:4>.cappkg`.

    The stream tag tells apart the numbering of a database restored from a backup (a new stream)."""
    if not UNIT_CODE_RE.match(unit_code) or not UUID_RE.match(stream_id):
        raise ValueError((unit_code, stream_id))
    return f"{EXPORT_PREFIX}{unit_code}_{sequence:06d}_{_stamp(created_at)}_{stream_id[:4]}{PACKAGE_SUFFIX}"


def return_file_name(hub_id: str, unit_code: str, sequence: int, created_at: datetime) -> str:
    """`TRA_<hub id>_<unit code>_<sequence:6>_<YYYYMMDD-HHMMSS>.cappkg` (hub → commune)."""
    if not HUB_ID_RE.match(hub_id) or not UNIT_CODE_RE.match(unit_code):
        raise ValueError((hub_id, unit_code))
    return f"{RETURN_PREFIX}{hub_id}_{unit_code}_{sequence:06d}_{_stamp(created_at)}{PACKAGE_SUFFIX}"
