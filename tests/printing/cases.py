"""The forms under test, built once per process, and the values each must show."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from counter_app.printing import (
    ApologyExtensionData,
    ControlSheetData,
    DeliveryMethod,
    FormData,
    FormId,
    LedgerData,
    Paper,
    Person,
    RejectionData,
    SlipData,
    StopNoticeData,
    SupplementRequestData,
    UnitHeader,
    build_form,
    supported_papers,
)
from counter_app.printing.samples import sample, stress
from tests.printing.pdfcheck import VN, vn_time


@dataclass(frozen=True)
class Case:
    form_id: FormId
    paper: Paper
    variant: str  # "sample" or "stress"

    @property
    def id(self) -> str:
        return f"{self.form_id}-{self.paper}-{self.variant}"


CASES = [
    Case(form_id, paper, variant)
    for variant in ("sample", "stress")
    for form_id in FormId
    for paper in supported_papers(form_id)
]
BARCODE_CASES = [c for c in CASES if c.form_id != FormId.LEDGER]


@cache
def data_for(form_id: FormId, variant: str) -> FormData:
    return sample(form_id) if variant == "sample" else stress(form_id)


@cache
def pdf_for(case: Case) -> bytes:
    return build_form(case.form_id, data_for(case.form_id, case.variant), case.paper)


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đồng"


def unit_values(unit: UnitHeader) -> list[str]:
    return [unit.parent_body.upper(), unit.unit_name.upper(), unit.place_name]


def person_values(person: Person) -> list[str]:
    return [v for v in (person.name, person.address, person.phone, person.email, person.id_number) if v]


def short_code(code: str) -> str:
    return code.rsplit(".", 1)[-1]


def roll_values(d: SlipData) -> list[str]:
    values = [
        d.unit.unit_name.upper(),
        d.dossier_code,
        short_code(d.dossier_code),
        d.applicant.name,
        d.procedure_name,
        vn_time(d.received_at),
        vn_time(d.due_at),
        d.unit.phone,
        money(d.fee),
    ]
    values.append(d.delivery.address if d.delivery.method == DeliveryMethod.POST else d.unit.unit_name)
    return values


def slip_values(d: SlipData) -> list[str]:
    values = unit_values(d.unit) + [d.unit.phone, d.dossier_code, "(Liên 2: Giao người nộp hồ sơ)"]
    values += person_values(d.applicant) + (person_values(d.submitter) if d.submitter else [])
    values += [
        d.procedure_name,
        d.processing_time,
        f"{d.sets_count} (bộ)",
        vn_time(d.received_at),
        vn_time(d.due_at),
        money(d.fee),
        f"Quyển số: {d.ledger_book}",
        f"Số thứ tự: {d.ledger_ordinal}",
        d.receiver_name,
    ]
    values.append(d.delivery.address if d.delivery.method == DeliveryMethod.POST else d.unit.unit_name)
    for doc in d.documents:
        values += [doc.name, doc.form] + ([doc.note] if doc.note else [])
    return values


def expected_values(case: Case) -> list[str]:
    d = data_for(case.form_id, case.variant)
    if isinstance(d, SlipData):
        return roll_values(d) if case.paper == Paper.ROLL_80MM else slip_values(d)
    if isinstance(d, SupplementRequestData):
        values = unit_values(d.unit) + person_values(d.applicant)
        values += [
            d.dossier_code,
            d.procedure_name,
            d.reason,
            d.contact_name,
            d.contact_phone,
            d.guide_name,
            f"Số: {d.doc_number}/{d.unit.number_suffix}",
        ]
        for item in d.items:
            values += [item.content] + ([item.note] if item.note else [])
        return values
    if isinstance(d, RejectionData):
        return (
            unit_values(d.unit)
            + person_values(d.applicant)
            + [
                d.dossier_code,
                d.procedure_name,
                *d.reasons,
                d.receiver_name,
                f"Số: ……/{d.unit.number_suffix}",
            ]
        )
    if isinstance(d, ApologyExtensionData):
        return (
            unit_values(d.unit)
            + person_values(d.applicant)
            + [
                d.dossier_code,
                d.procedure_name,
                vn_time(d.received_at),
                vn_time(d.due_at),
                vn_time(d.new_due_at),
                d.reason,
                d.responsible_unit,
                *d.recipients,
                d.signer_title,
                d.signer_name,
                f"Số: {d.doc_number}/{d.unit.number_suffix}",
            ]
        )
    if isinstance(d, StopNoticeData):
        return (
            unit_values(d.unit)
            + person_values(d.applicant)
            + [
                d.dossier_code,
                d.procedure_name,
                vn_time(d.received_at),
                d.reason,
                d.legal_basis,
                *d.recipients,
                d.signer_title,
                d.signer_name,
                f"Số: {d.doc_number}/{d.unit.number_suffix}",
            ]
        )
    if isinstance(d, ControlSheetData):
        values = unit_values(d.unit) + [
            d.dossier_code,
            d.applicant_name,
            d.procedure_name,
            vn_time(d.received_at),
            vn_time(d.due_at),
        ]
        for step in d.steps:
            values += [
                v
                for v in (
                    step.giver_unit,
                    step.receiver_unit,
                    step.result,
                    step.note,
                    step.giver_name,
                    step.receiver_name,
                )
                if v
            ]
            if step.handed_at:
                values.append(vn_time(step.handed_at))
        return values
    if isinstance(d, LedgerData):
        values = unit_values(d.unit) + [
            f"Từ ngày {d.date_from:%d/%m/%Y} đến ngày {d.date_to:%d/%m/%Y}",
            f"Tổng số: {len(d.entries)} hồ sơ",
        ]
        for e in d.entries:
            values += [
                e.dossier_code,
                e.procedure_name,
                e.applicant_name,
                e.address_phone,
                e.handling_agency,
                f"{e.received_at.astimezone(VN):%d/%m/%Y}",
            ] + ([e.note] if e.note else [])
        return values
    raise AssertionError(f"no expectations for {case}")
