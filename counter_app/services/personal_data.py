"""Personal data of citizens (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, NĐ 356/2025/NĐ-CP).

* Minimisation: `UPPER_LEVEL_FIELDS` is what a package to the upper level may carry for a dossier; only a
  dossier forwarded upward for handling (liên thông) adds the applicant's identity (`UPWARD_HANDLING_FIELDS`).
* A citizen's request: an admin exports everything held about one person (JSON or XLSX) and, where the law
  allows, erases it — the applicant/submitter/receiver columns of finished dossiers are anonymised; dossiers
  still being processed keep their data (the agency needs it to return the result).
* Events are append-only and shipped upward, so they never hold personal data (events.PERSONAL_PAYLOAD_KEYS);
  audit rows name dossiers by code only. Both requests are recorded in the audit trail.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from counter_app.core.states import TERMINAL, DossierState
from counter_app.core.text import nfc, vn_fold
from counter_app.db.models import Dossier, DossierEvent
from counter_app.messages import trust as msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import Actor, CounterContext
from counter_app.services.errors import NotFound, ValidationFailed

APPLICANT_FIELDS = (
    "applicant_name", "applicant_id_number", "applicant_birth_date", "applicant_gender", "applicant_phone",
    "applicant_email", "applicant_address",
)
SUBMITTER_FIELDS = ("submitter_name", "submitter_id_number", "submitter_phone")
RECEIVER_FIELDS = ("receiver_name", "receiver_id_number")
# Every dossier column that identifies a person (plus the search key derived from the name).
PERSONAL_FIELDS = (*APPLICANT_FIELDS, "applicant_name_key", *SUBMITTER_FIELDS, *RECEIVER_FIELDS, "delivery_address")
# What the upper level needs for statistics (Biểu 06), the ledger and timeliness — no one's identity.
UPPER_LEVEL_FIELDS = (
    "id", "code", "agency_code", "procedure_code", "procedure_name", "field", "state", "channel", "sets_count",
    "fee", "delivery", "received_at", "promised_due_at", "current_due_at", "accountable_due_at", "finished_at",
    "returned_at", "forwarded_upward", "supplement_count", "extension_count", "satisfaction", "ledger_year",
    "ledger_book", "ledger_ordinal", "node_id",
)
# A dossier forwarded upward is handled there: the handler needs to know whose it is and how to reach them.
UPWARD_HANDLING_FIELDS = (*UPPER_LEVEL_FIELDS, *APPLICANT_FIELDS, *SUBMITTER_FIELDS, "delivery_address")


def upper_level_fields(*, forwarded_upward: bool) -> tuple[str, ...]:
    return UPWARD_HANDLING_FIELDS if forwarded_upward else UPPER_LEVEL_FIELDS


def minimise(record: Mapping[str, Any], *, forwarded_upward: bool | None = None) -> dict[str, Any]:
    """Only the fields the upper level needs for this dossier (for sync packages and exports upward)."""
    upward = bool(record.get("forwarded_upward")) if forwarded_upward is None else forwarded_upward
    allowed = upper_level_fields(forwarded_upward=upward)
    return {k: v for k, v in record.items() if k in allowed}


@dataclass(frozen=True)
class CitizenQuery:
    """One person: by ID number; or by full name with date of birth; or by phone number."""

    id_number: str = ""
    full_name: str = ""
    birth_date: date | None = None
    phone: str = ""

    def digits(self, text: str) -> str:
        return "".join(ch for ch in text if ch.isdigit())


@dataclass(frozen=True)
class CitizenDossier:
    code: str
    state: DossierState
    received_at: datetime
    procedure_name: str
    roles: tuple[str, ...]  # "applicant" | "submitter" | "receiver"


@dataclass(frozen=True)
class ErasureResult:
    erased: tuple[str, ...]  # codes of dossiers whose personal data is now anonymised
    kept_open: tuple[str, ...] = field(default=())  # still being processed: data kept
    message: str = ""


def _roles(query: CitizenQuery, d: Dossier) -> tuple[str, ...]:
    id_number, phone = query.digits(query.id_number), query.digits(query.phone)
    name_key = vn_fold(query.full_name) if nfc(query.full_name) else ""
    roles = []
    if ((id_number and d.applicant_id_number == id_number) or (phone and d.applicant_phone == phone)
            or (name_key and query.birth_date and d.applicant_name_key == name_key
                and d.applicant_birth_date == query.birth_date)):
        roles.append("applicant")
    if (id_number and d.submitter_id_number == id_number) or (phone and d.submitter_phone == phone):
        roles.append("submitter")
    if id_number and d.receiver_id_number == id_number:
        roles.append("receiver")
    return tuple(roles)


def _matching(session: Session, query: CitizenQuery) -> list[tuple[Dossier, tuple[str, ...]]]:
    id_number, phone = query.digits(query.id_number), query.digits(query.phone)
    conditions = []
    if id_number:
        conditions += [Dossier.applicant_id_number == id_number, Dossier.submitter_id_number == id_number,
                       Dossier.receiver_id_number == id_number]
    if phone:
        conditions += [Dossier.applicant_phone == phone, Dossier.submitter_phone == phone]
    if nfc(query.full_name) and query.birth_date:
        conditions.append(and_(Dossier.applicant_name_key == vn_fold(query.full_name),
                               Dossier.applicant_birth_date == query.birth_date))
    if not conditions:
        raise ValidationFailed([msg.CITIZEN_QUERY_EMPTY])
    rows = session.execute(select(Dossier).where(or_(*conditions)).order_by(Dossier.received_at)).scalars()
    return [(d, roles) for d in rows if (roles := _roles(query, d))]


def find_citizen_dossiers(ctx: CounterContext, actor: Actor, query: CitizenQuery) -> list[CitizenDossier]:
    with ctx.db.read() as session:
        require_in_session(session, actor, Permission.MANAGE_PERSONAL_DATA)
        return [CitizenDossier(d.code, DossierState(d.state), d.received_at, d.procedure_name, roles)
                for d, roles in _matching(session, query)]


# --- export -------------------------------------------------------------------------------------------


def _personal_part(d: Dossier, roles: Iterable[str]) -> dict[str, Any]:
    names = {"applicant": (*APPLICANT_FIELDS, "delivery_address"), "submitter": SUBMITTER_FIELDS,
             "receiver": RECEIVER_FIELDS}
    return {name: audit.jsonable(getattr(d, name)) for role in roles for name in names[role]}


def _dossier_record(session: Session, d: Dossier, roles: tuple[str, ...]) -> dict[str, Any]:
    events = session.execute(
        select(DossierEvent).where(DossierEvent.dossier_id == d.id).order_by(DossierEvent.at, DossierEvent.node_counter)
    ).scalars()
    return {
        "code": d.code, "procedure": d.procedure_name, "state": d.state, "roles": list(roles),
        "received_at": d.received_at.isoformat(), "promised_due_at": d.promised_due_at.isoformat(),
        "returned_at": d.returned_at.isoformat() if d.returned_at else None,
        "personal_data": _personal_part(d, roles),
        "documents": [{"name": doc.name, "form": doc.form, "count": doc.count} for doc in d.documents],
        "history": [{"at": e.at.isoformat(), "kind": e.kind, "by": e.username, "from": e.from_state,
                     "to": e.to_state, "details": audit.jsonable(e.payload or {})} for e in events],
    }


def export_citizen_data(ctx: CounterContext, actor: Actor, query: CitizenQuery, path: Path) -> int:
    """Write everything held about one person to `path` (.json or .xlsx); returns the number of dossiers."""
    path = Path(path)
    if path.suffix.lower() not in {".json", ".xlsx"}:
        raise ValidationFailed([msg.EXPORT_FORMAT_INVALID])
    with ctx.db.write() as session:
        require_in_session(session, actor, Permission.MANAGE_PERSONAL_DATA)
        matches = _matching(session, query)
        if not matches:
            raise NotFound(msg.CITIZEN_NOT_FOUND)
        records = [_dossier_record(session, d, roles) for d, roles in matches]
        if path.suffix.lower() == ".json":
            document = {"exported_at": ctx.now().isoformat(), "legal_basis": "Luật 91/2025/QH15",
                        "dossiers": records}
            path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            _write_xlsx(path, records)
        audit.record(session, actor, "personal_data.export", target_type="citizen", node_id=ctx.node_id,
                     at=ctx.now(), after={"dossiers": [r["code"] for r in records], "format": path.suffix.lower()})
    return len(records)


def _write_xlsx(path: Path, records: list[dict[str, Any]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = msg.EXPORT_SHEET_DOSSIERS
    personal_keys = sorted({k for r in records for k in r["personal_data"]})
    sheet.append(["code", "procedure", "state", "roles", "received_at", "returned_at", *personal_keys])
    labels = {"applicant": msg.EXPORT_ROLE_APPLICANT, "submitter": msg.EXPORT_ROLE_SUBMITTER,
              "receiver": msg.EXPORT_ROLE_RECEIVER}
    for r in records:
        sheet.append([r["code"], r["procedure"], r["state"], ", ".join(labels[x] for x in r["roles"]),
                      r["received_at"], r["returned_at"], *(r["personal_data"].get(k, "") for k in personal_keys)])
    history = book.create_sheet(msg.EXPORT_SHEET_HISTORY)
    history.append(["code", "at", "kind", "by", "from", "to", "details"])
    for r in records:
        for e in r["history"]:
            history.append([r["code"], e["at"], e["kind"], e["by"], e["from"], e["to"],
                            json.dumps(e["details"], ensure_ascii=False)])
    book.save(path)


# --- erasure ------------------------------------------------------------------------------------------


def _anonymise(d: Dossier, roles: tuple[str, ...]) -> None:
    if "applicant" in roles:
        d.applicant_name = msg.ERASED_NAME
        d.applicant_name_key = vn_fold(msg.ERASED_NAME)
        d.applicant_id_number = d.applicant_phone = d.applicant_email = d.applicant_address = ""
        d.applicant_gender = ""
        d.applicant_birth_date = None
        d.delivery_address = ""
    if "submitter" in roles:
        d.submitter_name = msg.ERASED_NAME
        d.submitter_id_number = d.submitter_phone = ""
    if "receiver" in roles:
        d.receiver_name = msg.ERASED_NAME
        d.receiver_id_number = ""


def erase_citizen_data(ctx: CounterContext, actor: Actor, query: CitizenQuery, reason: str) -> ErasureResult:
    """Anonymise one person's data in every finished dossier; open dossiers keep it (and are listed)."""
    reason = nfc(reason)
    if not reason:
        raise ValidationFailed([msg.ERASE_REASON_REQUIRED])
    with ctx.db.write() as session:
        require_in_session(session, actor, Permission.MANAGE_PERSONAL_DATA)
        matches = _matching(session, query)
        if not matches:
            raise NotFound(msg.CITIZEN_NOT_FOUND)
        erased, kept = [], []
        for d, roles in matches:
            if DossierState(d.state) in TERMINAL:
                _anonymise(d, roles)
                d.updated_at = ctx.now()
                erased.append(d.code)
            else:
                kept.append(d.code)
        audit.record(session, actor, "personal_data.erase", target_type="citizen", node_id=ctx.node_id,
                     at=ctx.now(), after={"dossiers": erased, "kept_open": kept, "reason": reason})
    note = msg.ERASE_OPEN_DOSSIERS.format(n=len(kept), codes=", ".join(kept)) if kept else ""
    return ErasureResult(tuple(erased), tuple(kept), note)
