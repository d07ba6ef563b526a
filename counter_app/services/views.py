"""Plain data returned by services: no ORM object ever leaves a transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from counter_app.core.states import DossierAction, DossierState, allowed_actions
from counter_app.db.models import Dossier, DossierEvent


@dataclass(frozen=True, slots=True)
class DocumentView:
    name: str
    form: str
    count: int
    note: str


@dataclass(frozen=True, slots=True)
class EventView:
    id: str
    kind: str
    at: datetime
    username: str
    node_id: str
    node_counter: int
    from_state: str
    to_state: str
    payload: dict


@dataclass(frozen=True, slots=True)
class DossierView:
    id: str
    code: str
    state: DossierState
    procedure_code: str
    procedure_name: str
    field: str
    channel: str
    sets_count: int
    fee: int
    delivery: str
    delivery_address: str
    applicant_name: str
    applicant_id_number: str
    applicant_birth_date: date | None
    applicant_gender: str
    applicant_phone: str
    applicant_email: str
    applicant_address: str
    submitter_name: str
    submitter_id_number: str
    submitter_phone: str
    received_at: datetime
    promised_due_at: datetime
    current_due_at: datetime | None
    accountable_due_at: datetime
    due_explanation: str
    clock_paused_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    handler: str
    forwarded_upward: bool
    supplement_count: int
    extension_count: int
    satisfaction: str
    receiver_name: str
    receiver_id_number: str
    ledger_year: int
    ledger_book: int
    ledger_ordinal: int
    documents: tuple[DocumentView, ...]

    @property
    def allowed_actions(self) -> list[DossierAction]:
        return allowed_actions(self.state)


def dossier_view(row: Dossier) -> DossierView:
    return DossierView(
        id=row.id,
        code=row.code,
        state=DossierState(row.state),
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        field=row.field,
        channel=row.channel,
        sets_count=row.sets_count,
        fee=row.fee,
        delivery=row.delivery,
        delivery_address=row.delivery_address,
        applicant_name=row.applicant_name,
        applicant_id_number=row.applicant_id_number,
        applicant_birth_date=row.applicant_birth_date,
        applicant_gender=row.applicant_gender,
        applicant_phone=row.applicant_phone,
        applicant_email=row.applicant_email,
        applicant_address=row.applicant_address,
        submitter_name=row.submitter_name,
        submitter_id_number=row.submitter_id_number,
        submitter_phone=row.submitter_phone,
        received_at=row.received_at,
        promised_due_at=row.promised_due_at,
        current_due_at=row.current_due_at,
        accountable_due_at=row.accountable_due_at,
        due_explanation=row.due_explanation,
        clock_paused_at=row.clock_paused_at,
        finished_at=row.finished_at,
        returned_at=row.returned_at,
        handler=row.handler,
        forwarded_upward=row.forwarded_upward,
        supplement_count=row.supplement_count,
        extension_count=row.extension_count,
        satisfaction=row.satisfaction,
        receiver_name=row.receiver_name,
        receiver_id_number=row.receiver_id_number,
        ledger_year=row.ledger_year,
        ledger_book=row.ledger_book,
        ledger_ordinal=row.ledger_ordinal,
        documents=tuple(DocumentView(d.name, d.form, d.count, d.note) for d in row.documents),
    )


def event_view(row: DossierEvent) -> EventView:
    return EventView(
        id=row.id,
        kind=row.kind,
        at=row.at,
        username=row.username,
        node_id=row.node_id,
        node_counter=row.node_counter,
        from_state=row.from_state,
        to_state=row.to_state,
        payload=dict(row.payload or {}),
    )
