"""Sổ theo dõi hồ sơ (TT 01/2018 Mẫu 06, TT 03/2025 Mẫu 07) for a date range: one line per dossier
received in the range, in the order of receipt.

Columns (domain-vn §1.1): the 'Hẹn trả kết quả' is the promise printed on the slip; an extension is
noted as 'Hẹn lại: …'. 'Chuyển hồ sơ đến cơ quan giải quyết' is the first hand-over (forward event),
'Nhận kết quả từ cơ quan giải quyết' the moment the result was ready, 'Cơ quan chủ trì' the upper
office a dossier was sent to (liên thông), otherwise the commune's own authority (UBND xã).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from counter_app.core.states import DossierState
from counter_app.db.models import Dossier, DossierEvent
from counter_app.db.types import VN_TZ
from counter_app.messages import reports as msg
from counter_app.reports.header import ReportHeader

_RESULT_STATES = (DossierState.RESULT_READY.value, DossierState.RETURNED.value)


@dataclass(frozen=True)
class LedgerLine:
    ordinal: int
    code: str
    procedure_name: str
    sets_count: int
    applicant_name: str
    address_phone: str
    handling_agency: str
    received_at: datetime
    due_at: datetime
    transferred_at: datetime | None
    result_received_at: datetime | None
    returned_at: datetime | None
    note: str
    agency_code: str
    state: str


def _bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    start = datetime.combine(date_from, time(0, 0), tzinfo=VN_TZ)
    return start, datetime.combine(date_to + timedelta(days=1), time(0, 0), tzinfo=VN_TZ)


def _note(state: str, channel: str, extended_to: datetime | None) -> str:
    parts = []
    if extended_to is not None:
        parts.append(msg.LEDGER_NOTE_EXTENDED.format(date=f"{extended_to:%d/%m/%Y}"))
    if state in msg.LEDGER_NOTE_STATE:
        parts.append(msg.LEDGER_NOTE_STATE[state])
    if channel == "online":
        parts.append(msg.LEDGER_NOTE_ONLINE)
    elif channel == "post":
        parts.append(msg.LEDGER_NOTE_POST)
    return "; ".join(parts)


def ledger_lines(
    session: Session, date_from: date, date_to: date, *, header: ReportHeader, agency_code: str | None = None
) -> list[LedgerLine]:
    start, end = _bounds(date_from, date_to)
    d = Dossier
    forwarded = (
        select(func.min(DossierEvent.at))
        .where(DossierEvent.dossier_id == d.id, DossierEvent.kind == "forward")
        .correlate(Dossier)
        .scalar_subquery()
    )
    condition = and_(d.received_at >= start, d.received_at < end)
    if agency_code:
        condition = and_(condition, d.agency_code == agency_code)
    stmt = (
        select(
            d.code,
            d.procedure_name,
            d.sets_count,
            d.applicant_name,
            d.applicant_address,
            d.applicant_phone,
            d.handler,
            d.forwarded_upward,
            d.received_at,
            d.promised_due_at,
            d.current_due_at,
            d.extension_count,
            d.finished_at,
            d.returned_at,
            d.state,
            d.channel,
            d.agency_code,
            forwarded.label("forwarded_at"),
        )
        .where(condition)
        .order_by(d.received_at, d.code)
    )
    own_authority = header.parent_body or header.reporting_unit
    lines = []
    for n, r in enumerate(session.execute(stmt), start=1):
        extended_to = r.current_due_at if r.extension_count and r.current_due_at is not None else None
        lines.append(
            LedgerLine(
                ordinal=n,
                code=r.code,
                procedure_name=r.procedure_name,
                sets_count=r.sets_count,
                applicant_name=r.applicant_name,
                address_phone=", ".join(x for x in (r.applicant_address, r.applicant_phone) if x),
                handling_agency=r.handler if r.forwarded_upward and r.handler else own_authority,
                received_at=r.received_at,
                due_at=r.promised_due_at,
                transferred_at=r.forwarded_at,
                result_received_at=r.finished_at if r.state in _RESULT_STATES else None,
                returned_at=r.returned_at,
                note=_note(r.state, r.channel, extended_to),
                agency_code=r.agency_code,
                state=r.state,
            )
        )
    return lines


def ledger_pdf(
    lines: list[LedgerLine],
    header: ReportHeader,
    date_from: date,
    date_to: date,
    printed_at: datetime,
    book: int | str = "",
) -> bytes:
    """The Sổ theo dõi as PDF, through the printing builder of Mẫu 07 (A4 landscape)."""
    from counter_app.printing import FormId, LedgerData, LedgerEntry, UnitHeader, build_form

    unit = UnitHeader(
        parent_body=header.parent_body.upper(),
        unit_name=header.reporting_unit.upper(),
        place_name=header.place_name,
        phone=header.phone,
        address=header.address,
    )
    entries = tuple(
        LedgerEntry(
            ordinal=line.ordinal,
            dossier_code=line.code,
            procedure_name=line.procedure_name,
            sets_count=line.sets_count,
            applicant_name=line.applicant_name,
            address_phone=line.address_phone,
            handling_agency=line.handling_agency,
            received_at=line.received_at,
            due_at=line.due_at,
            transferred_at=line.transferred_at,
            result_received_at=line.result_received_at,
            returned_at=line.returned_at,
            note=line.note,
        )
        for line in lines
    )
    data = LedgerData(
        unit=unit, date_from=date_from, date_to=date_to, entries=entries, printed_at=printed_at, book=book
    )
    return build_form(FormId.LEDGER, data)
