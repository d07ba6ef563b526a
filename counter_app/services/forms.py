"""The printed forms' data, read from the database: a dossier (or an intake draft) plus the unit's identity
turned into the plain data classes of `counter_app.printing` (which then build the PDF).

Each function is one read transaction and returns frozen data, so the screen can build the PDF for
any paper without touching the database again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.core.states import DossierAction
from counter_app.core.time_limits import TimeUnit
from counter_app.core.timeliness import classify_finished
from counter_app.db.models import Dossier, DossierEvent, Procedure, User
from counter_app.messages import calendar as cal_msg
from counter_app.messages import ui as msg
from counter_app.printing.data import (
    ApologyExtensionData,
    ControlSheetData,
    Delivery,
    DeliveryMethod,
    DocumentRow,
    HandoverStep,
    Person,
    RejectionData,
    SlipData,
    StopNoticeData,
    SupplementItem,
    SupplementRequestData,
    UnitHeader,
)
from counter_app.services.actions import load_dossier
from counter_app.services.context import CounterContext
from counter_app.services.intake import ApplicantInput
from counter_app.services.unit import current_unit


def unit_header(session: Session) -> UnitHeader:
    unit = current_unit(session)
    return UnitHeader(
        parent_body=unit.parent_body,
        unit_name=unit.name,
        place_name=unit.place_name or unit.name,
        phone=unit.phone,
        address=unit.address,
    )


def processing_time_text(
    value: int, unit: str, mountain_extra_days: int = 0, mountainous: bool = False
) -> str:
    """How the slip states the time limit: "05 ngày làm việc", "trong ngày", "15 ngày"."""
    time_unit = TimeUnit(unit)
    extra = mountain_extra_days if mountainous else 0
    if time_unit is TimeUnit.SAME_DAY:
        base = cal_msg.LIMIT_SAME_DAY
        if extra:
            base += " " + msg.PLUS_WORKING_DAYS.format(n=extra)
        return base
    template = (
        cal_msg.LIMIT_WORKING_DAYS if time_unit is TimeUnit.WORKING_DAYS else cal_msg.LIMIT_CALENDAR_DAYS
    )
    return template.format(n=f"{value + extra:02d}")


def _applicant(d: Dossier) -> Person:
    return Person(
        name=d.applicant_name,
        address=d.applicant_address,
        phone=d.applicant_phone,
        email=d.applicant_email,
        id_number=d.applicant_id_number,
    )


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.execute(select(User.full_name).where(User.id == user_id)).scalar_one_or_none() or ""


def slip_for(ctx: CounterContext, ref: str) -> SlipData:
    """Mẫu 01 for a received dossier, exactly as it was received (the promised due date)."""
    with ctx.db.read() as session:
        d = load_dossier(session, ref)
        procedure = session.get(Procedure, d.procedure_id)
        unit = current_unit(session)
        assert procedure is not None
        submitter = None
        if d.submitter_name:
            submitter = Person(
                name=d.submitter_name, phone=d.submitter_phone, id_number=d.submitter_id_number
            )
        return SlipData(
            unit=unit_header(session),
            dossier_code=d.code,
            applicant=_applicant(d),
            procedure_name=d.procedure_name,
            documents=tuple(DocumentRow(doc.name, doc.form, doc.count, doc.note) for doc in d.documents),
            sets_count=d.sets_count,
            processing_time=processing_time_text(
                procedure.time_value, procedure.time_unit, procedure.mountain_extra_days, unit.mountainous
            ),
            received_at=d.received_at,
            due_at=d.promised_due_at,
            receiver_name=_user_name(session, d.received_by),
            submitter=submitter,
            delivery=Delivery(DeliveryMethod(d.delivery), d.delivery_address),
            fee=d.fee,
            ledger_book=d.ledger_book,
            ledger_ordinal=d.ledger_ordinal,
        )


def _items(items: Sequence[str]) -> tuple[SupplementItem, ...]:
    return tuple(SupplementItem(text) for text in items if text.strip())


def supplement_request_for(
    ctx: CounterContext,
    ref: str,
    items: Sequence[str],
    reason: str,
    guide_name: str,
    *,
    contact_name: str = "",
    contact_phone: str = "",
    issued_at: datetime | None = None,
) -> SupplementRequestData:
    """Mẫu 02 for a dossier already received (the clock pauses while the citizen completes it)."""
    with ctx.db.read() as session:
        d = load_dossier(session, ref)
        return SupplementRequestData(
            unit=unit_header(session),
            dossier_code=d.code,
            applicant=_applicant(d),
            procedure_name=d.procedure_name,
            items=_items(items) or _items([reason]),
            issued_at=issued_at or ctx.now(),
            guide_name=guide_name,
            contact_name=contact_name,
            contact_phone=contact_phone,
            reason=reason,
        )


def _draft_person(applicant: ApplicantInput) -> Person:
    return Person(
        name=applicant.full_name,
        address=applicant.address,
        phone=applicant.phone,
        email=applicant.email,
        id_number=applicant.id_number,
    )


def intake_supplement_request(
    ctx: CounterContext,
    applicant: ApplicantInput,
    procedure_name: str,
    items: Sequence[str],
    guide_name: str,
    *,
    reason: str = "",
    contact_name: str = "",
    contact_phone: str = "",
) -> SupplementRequestData:
    """Mẫu 02 handed over at the counter for an incomplete dossier that is not received (no code yet)."""
    with ctx.db.read() as session:
        header = unit_header(session)
    return SupplementRequestData(
        unit=header,
        dossier_code="",
        applicant=_draft_person(applicant),
        procedure_name=procedure_name,
        items=_items(items) or _items([reason]),
        issued_at=ctx.now(),
        guide_name=guide_name,
        contact_name=contact_name,
        contact_phone=contact_phone,
        reason=reason,
    )


def intake_rejection(
    ctx: CounterContext,
    applicant: ApplicantInput,
    procedure_name: str,
    reasons: Sequence[str],
    receiver_name: str,
) -> RejectionData:
    """Mẫu 03: the counter refuses to receive; no dossier is created."""
    with ctx.db.read() as session:
        header = unit_header(session)
    return RejectionData(
        unit=header,
        dossier_code="",
        applicant=_draft_person(applicant),
        procedure_name=procedure_name,
        reasons=tuple(r for r in reasons if r.strip()),
        issued_at=ctx.now(),
        receiver_name=receiver_name,
    )


def apology_extension_for(
    ctx: CounterContext,
    ref: str,
    new_due_at: datetime,
    reason: str,
    signer_title: str,
    signer_name: str,
    *,
    old_due_at: datetime | None = None,
) -> ApologyExtensionData:
    """Mẫu 04. `old_due_at`: the date being extended (read before the extension is recorded)."""
    with ctx.db.read() as session:
        d = load_dossier(session, ref)
        return ApologyExtensionData(
            unit=unit_header(session),
            dossier_code=d.code,
            applicant=_applicant(d),
            procedure_name=d.procedure_name,
            received_at=d.received_at,
            due_at=old_due_at or d.promised_due_at,
            new_due_at=new_due_at,
            reason=reason,
            issued_at=ctx.now(),
            signer_title=signer_title,
            signer_name=signer_name,
        )


def stop_notice_for(
    ctx: CounterContext, ref: str, reason: str, signer_title: str, signer_name: str
) -> StopNoticeData:
    """Mẫu 05."""
    with ctx.db.read() as session:
        d = load_dossier(session, ref)
        return StopNoticeData(
            unit=unit_header(session),
            dossier_code=d.code,
            applicant=_applicant(d),
            procedure_name=d.procedure_name,
            received_at=d.received_at,
            reason=reason,
            issued_at=ctx.now(),
            signer_title=signer_title,
            signer_name=signer_name,
        )


def control_sheet_for(ctx: CounterContext, ref: str) -> ControlSheetData:
    """Mẫu 06, the handover record: one row per hand-over found in the dossier's history, then blank
    rows for the steps still to come."""
    with ctx.db.read() as session:
        d = load_dossier(session, ref)
        counter_name = current_unit(session).name
        events = (
            session.execute(
                select(DossierEvent)
                .where(DossierEvent.dossier_id == d.id)
                .order_by(DossierEvent.at, DossierEvent.node_counter)
            )
            .scalars()
            .all()
        )
        steps: list[HandoverStep] = []
        handler = d.handler or msg.HANDLER_UNKNOWN
        due = d.current_due_at or d.promised_due_at

        def result_at(at: datetime) -> str:
            return classify_finished(due, at, promised_due_at=d.accountable_due_at).label

        for event in events:
            payload = event.payload or {}
            if event.kind == DossierAction.FORWARD.value:
                handler = payload.get("handler") or handler
                steps.append(HandoverStep(counter_name, handler, event.at, note=payload.get("note", "")))
            elif event.kind == DossierAction.MARK_RESULT_READY.value:
                steps.append(HandoverStep(handler, counter_name, event.at, result_at(event.at)))
            elif event.kind == DossierAction.RETURN_RESULT.value:
                receiver = msg.HANDOVER_CITIZEN
                if d.receiver_name:
                    receiver = f"{receiver}: {d.receiver_name}"
                steps.append(
                    HandoverStep(counter_name, receiver, event.at, result_at(d.finished_at or event.at))
                )
        return ControlSheetData(
            unit=unit_header(session),
            dossier_code=d.code,
            applicant_name=d.applicant_name,
            procedure_name=d.procedure_name,
            received_at=d.received_at,
            due_at=d.promised_due_at,
            steps=tuple(steps),
            blank_rows=0 if d.returned_at else max(0, 3 - len(steps)),
        )
