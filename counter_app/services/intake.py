"""Receiving a dossier: validate, allocate the mã hồ sơ and ledger number, compute the due date, record."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.core.citizen_id import validate_citizen_id
from counter_app.core.contact import validate_email, validate_phone
from counter_app.core.dossier_code import OrdinalBlock, format_dossier_code, next_ordinal
from counter_app.core.due_dates import compute_due
from counter_app.core.people import Gender
from counter_app.core.states import DossierAction, DossierState
from counter_app.core.text import nfc, vn_fold
from counter_app.core.time_limits import TimeLimit, TimeUnit
from counter_app.db.models import CodeCounter, Dossier, DossierDocument, LedgerCounter, Node, Procedure
from counter_app.messages import dossier as msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.catalog import current_procedure
from counter_app.services.clock_sanity import require_clock_ok
from counter_app.services.context import Actor, CounterContext
from counter_app.services.errors import ServiceError, ValidationFailed
from counter_app.services.events import append_event
from counter_app.services.unit import current_unit
from counter_app.services.views import DossierView, dossier_view

CHANNELS = ("direct", "post", "online")
DELIVERIES = ("counter", "post")


@dataclass(frozen=True)
class ApplicantInput:
    full_name: str
    id_number: str = ""
    birth_date: date | None = None
    gender: str = ""  # "male" | "female" | ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class SubmitterInput:
    """The person who submits on the applicant's behalf (ủy quyền)."""

    full_name: str
    id_number: str = ""
    phone: str = ""


@dataclass(frozen=True)
class DocumentInput:
    name: str
    form: str
    count: int = 1
    note: str = ""


@dataclass(frozen=True)
class IntakeRequest:
    procedure_code: str
    applicant: ApplicantInput
    documents: tuple[DocumentInput, ...] = ()
    submitter: SubmitterInput | None = None
    sets_count: int = 1
    channel: str = "direct"
    delivery: str = "counter"
    delivery_address: str = ""
    fee: int | None = None  # None: the catalogue fee


@dataclass(frozen=True)
class ReceiptResult:
    dossier: DossierView
    warnings: tuple[str, ...] = field(default=())


def check_intake(request: IntakeRequest) -> tuple[list[str], list[str], IntakeRequest]:
    """Errors, warnings and the request with every text normalised (NFC, ID digits, phone 0xxxxxxxxx)."""
    errors: list[str] = []
    warnings: list[str] = []
    a = request.applicant
    name = nfc(a.full_name)
    if not name:
        errors.append(msg.APPLICANT_NAME_REQUIRED)
    id_number = ""
    if a.id_number.strip():
        gender = Gender(a.gender) if a.gender else None
        check = validate_citizen_id(a.id_number, birth_date=a.birth_date, gender=gender)
        errors += list(check.errors)
        warnings += list(check.warnings)
        id_number = check.normalized
    phone = ""
    if a.phone.strip():
        phone_check = validate_phone(a.phone)
        errors += list(phone_check.errors)
        phone = phone_check.normalized
    email = a.email.strip()
    if email:
        errors += list(validate_email(email).errors)
    if request.sets_count < 1:
        errors.append(msg.SETS_COUNT_INVALID)
    if request.fee is not None and request.fee < 0:
        errors.append(msg.FEE_INVALID)
    if request.channel not in CHANNELS or request.delivery not in DELIVERIES:
        raise ValueError("unknown channel or delivery")
    if request.delivery == "post" and not nfc(request.delivery_address):
        errors.append(msg.POST_ADDRESS_REQUIRED)
    submitter = request.submitter
    if submitter is not None and nfc(submitter.full_name):
        submitter = SubmitterInput(nfc(submitter.full_name), submitter.id_number.strip(), submitter.phone.strip())
    else:
        submitter = None
    clean = IntakeRequest(
        procedure_code=request.procedure_code.strip(),
        applicant=ApplicantInput(
            full_name=name,
            id_number=id_number,
            birth_date=a.birth_date,
            gender=a.gender,
            phone=phone,
            email=email,
            address=nfc(a.address),
        ),
        documents=tuple(
            DocumentInput(nfc(d.name), nfc(d.form), max(1, d.count), nfc(d.note)) for d in request.documents
        ),
        submitter=submitter,
        sets_count=request.sets_count,
        channel=request.channel,
        delivery=request.delivery,
        delivery_address=nfc(request.delivery_address),
        fee=request.fee,
    )
    return errors, warnings, clean


def allocate_code(session: Session, node: Node, agency_code: str, day: date) -> str:
    """The next mã hồ sơ of this node for the day, from the node's own ordinal block.

    Runs inside a BEGIN IMMEDIATE transaction, so concurrent writers are serialised; the UNIQUE constraint
    on dossiers.code is the last line of defence.
    """
    counter = session.get(CodeCounter, (day, node.id))
    block = OrdinalBlock(node.ordinal_start, node.ordinal_end)
    ordinal = next_ordinal(block, counter.last_ordinal if counter else None)
    if counter is None:
        session.add(CodeCounter(day=day, node_id=node.id, last_ordinal=ordinal))
    else:
        counter.last_ordinal = ordinal
    return format_dossier_code(agency_code, day, ordinal)


def allocate_ledger(session: Session, year: int, book: int) -> int:
    counter = session.get(LedgerCounter, (year, book))
    if counter is None:
        session.add(LedgerCounter(year=year, book=book, last_ordinal=1))
        return 1
    counter.last_ordinal += 1
    return counter.last_ordinal


def receive_in_session(
    session: Session, ctx: CounterContext, actor: Actor, request: IntakeRequest, at: datetime | None = None
) -> ReceiptResult:
    require_in_session(session, actor, Permission.RECEIVE)
    require_clock_ok(session, ctx)  # a reset PC clock would date the receipt and the promise wrongly
    errors, warnings, req = check_intake(request)
    if errors:
        raise ValidationFailed(errors)
    received_at = at or ctx.now()
    unit = current_unit(session)
    procedure: Procedure = current_procedure(session, req.procedure_code, received_at.date())
    node = session.get(Node, ctx.node_id)
    if node is None:
        raise ServiceError(msg.NOT_SETUP)
    limit = TimeLimit(procedure.time_value, TimeUnit(procedure.time_unit), procedure.mountain_extra_days)
    due = compute_due(ctx.calendar, received_at, limit, mountainous=unit.mountainous)
    day = received_at.date()
    code = allocate_code(session, node, unit.agency_code, day)
    ledger_ordinal = allocate_ledger(session, day.year, node.ledger_book)
    documents = req.documents or tuple(
        DocumentInput(d.name, d.form, d.count) for d in procedure.documents if d.mandatory
    )
    a = req.applicant
    sub = req.submitter
    dossier = Dossier(
        id=str(uuid.uuid4()),
        code=code,
        agency_code=unit.agency_code,
        procedure_id=procedure.id,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        field=procedure.field,
        state=DossierState.RECEIVED.value,
        channel=req.channel,
        sets_count=req.sets_count,
        fee=procedure.fee if req.fee is None else req.fee,
        delivery=req.delivery,
        delivery_address=req.delivery_address,
        applicant_name=a.full_name,
        applicant_name_key=vn_fold(a.full_name),
        applicant_id_number=a.id_number,
        applicant_birth_date=a.birth_date,
        applicant_gender=a.gender,
        applicant_phone=a.phone,
        applicant_email=a.email,
        applicant_address=a.address,
        submitter_name=sub.full_name if sub else "",
        submitter_id_number=sub.id_number if sub else "",
        submitter_phone=sub.phone if sub else "",
        received_at=received_at,
        received_by=actor.user_id,
        node_id=node.id,
        promised_due_at=due.due_at,
        current_due_at=due.due_at,
        accountable_due_at=due.due_at,
        due_explanation=due.explanation,
        ledger_year=day.year,
        ledger_book=node.ledger_book,
        ledger_ordinal=ledger_ordinal,
        updated_at=received_at,
        documents=[
            DossierDocument(position=i, name=d.name, form=d.form, count=d.count, note=d.note)
            for i, d in enumerate(documents, start=1)
        ],
    )
    session.add(dossier)
    session.flush()
    event = append_event(
        session,
        dossier_id=dossier.id,
        kind=DossierAction.RECEIVE.value,
        at=received_at,
        actor=actor,
        node_id=node.id,
        to_state=DossierState.RECEIVED.value,
        payload={
            "code": code,
            "procedure_code": procedure.code,
            "procedure_version": procedure.version,
            "received_at": received_at.isoformat(),
            "promised_due_at": due.due_at.isoformat(),
            # The warnings' text quotes birth years and gender: personal data stays out of the history.
            "warning_count": len(warnings),
        },
    )
    audit.record(
        session, actor, "dossier.receive", target_type="dossier", target_id=code, node_id=node.id, at=ctx.now(),
        after={"state": dossier.state, "procedure_code": procedure.code, "procedure_version": procedure.version,
               "received_at": received_at, "promised_due_at": due.due_at, "event_id": event.id,
               "node_counter": event.node_counter},
    )
    return ReceiptResult(dossier_view(dossier), tuple(warnings))


def receive_dossier(
    ctx: CounterContext, actor: Actor, request: IntakeRequest, at: datetime | None = None
) -> ReceiptResult:
    """Tiếp nhận hồ sơ: one transaction; the dossier, its event and its audit row exist together or not at all."""
    with ctx.db.write() as session:
        return receive_in_session(session, ctx, actor, request, at)


def find_returning_citizen(ctx: CounterContext, id_number: str) -> ApplicantInput | None:
    """The applicant's details from their latest dossier, to fill the intake form for a returning citizen."""
    digits = "".join(ch for ch in id_number if ch.isdigit())
    if not digits:
        return None
    with ctx.db.read() as session:
        row = session.execute(
            select(Dossier)
            .where(Dossier.applicant_id_number == digits)
            .order_by(Dossier.received_at.desc())
            .limit(1)
        ).scalar_one_or_none()
        if row is None:
            return None
        return ApplicantInput(
            full_name=row.applicant_name,
            id_number=row.applicant_id_number,
            birth_date=row.applicant_birth_date,
            gender=row.applicant_gender,
            phone=row.applicant_phone,
            email=row.applicant_email,
            address=row.applicant_address,
        )
