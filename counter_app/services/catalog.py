"""The procedure catalogue in the database: versioned by effective dates, imported all-or-nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from counter_app.core.text import vn_fold
from counter_app.db.engine import Database
from counter_app.db.models import Procedure, ProcedureDocument
from counter_app.messages import dossier as msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_db, require_in_session
from counter_app.services.context import SYSTEM_ACTOR, Actor, vn_now
from counter_app.services.errors import NotFound, ValidationFailed


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class ProcedureView:
    id: int
    code: str
    version: int
    name: str
    field: str
    time_value: int
    time_unit: str
    mountain_extra_days: int
    fee: int
    fee_note: str
    handling_level: str
    clock_mode: str
    documents: tuple[tuple[str, str, int, bool], ...]  # name, form, count, mandatory


def _effective_on(day: date):  # type: ignore[no-untyped-def]
    return (Procedure.effective_from <= day) & or_(
        Procedure.effective_to.is_(None), Procedure.effective_to >= day
    )


def current_procedure(session: Session, code: str, day: date) -> Procedure:
    """The newest version of a procedure in force on `day`."""
    procedure = session.execute(
        select(Procedure)
        .where(Procedure.code == code, _effective_on(day))
        .order_by(Procedure.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    if procedure is None:
        raise NotFound(msg.PROCEDURE_NOT_FOUND.format(ref=code))
    return procedure


def _spec_signature(spec) -> tuple:  # type: ignore[no-untyped-def]
    return (
        spec.name,
        spec.field,
        spec.time_limit.value,
        str(spec.time_limit.unit),
        spec.time_limit.mountain_extra_days,
        spec.fee,
        spec.fee_note,
        str(spec.handling_level),
        str(spec.clock_mode),
        spec.effective_from,
        spec.effective_to,
        spec.legal_basis,
        spec.note,
        tuple((d.name, str(d.form), d.count, d.mandatory) for d in spec.documents),
    )


def _row_signature(row: Procedure) -> tuple:
    return (
        row.name,
        row.field,
        row.time_value,
        row.time_unit,
        row.mountain_extra_days,
        row.fee,
        row.fee_note,
        row.handling_level,
        row.clock_mode,
        row.effective_from,
        row.effective_to,
        row.legal_basis,
        row.note,
        tuple((d.name, d.form, d.count, d.mandatory) for d in row.documents),
    )


def apply_specs(session: Session, specs) -> ImportReport:  # type: ignore[no-untyped-def]
    """Add each spec as a new procedure or a new version; identical specs change nothing."""
    added = updated = unchanged = 0
    now = vn_now()
    for spec in specs:
        latest = session.execute(
            select(Procedure)
            .options(selectinload(Procedure.documents))
            .where(Procedure.code == spec.code)
            .order_by(Procedure.version.desc())
            .limit(1)
        ).scalar_one_or_none()
        if latest is not None and _row_signature(latest) == _spec_signature(spec):
            unchanged += 1
            continue
        version = 1 if latest is None else latest.version + 1
        session.add(
            Procedure(
                code=spec.code,
                version=version,
                name=spec.name,
                name_key=vn_fold(f"{spec.code} {spec.name}"),
                field=spec.field,
                time_value=spec.time_limit.value,
                time_unit=str(spec.time_limit.unit),
                mountain_extra_days=spec.time_limit.mountain_extra_days,
                fee=spec.fee,
                fee_note=spec.fee_note,
                handling_level=str(spec.handling_level),
                clock_mode=str(spec.clock_mode),
                effective_from=spec.effective_from,
                effective_to=spec.effective_to,
                legal_basis=spec.legal_basis,
                note=spec.note,
                imported_at=now,
                documents=[
                    ProcedureDocument(
                        position=i, name=d.name, form=str(d.form), count=d.count, mandatory=d.mandatory
                    )
                    for i, d in enumerate(spec.documents, start=1)
                ],
            )
        )
        if latest is None:
            added += 1
        else:
            updated += 1
    return ImportReport(added, updated, unchanged)


def import_catalog_file(db: Database, path: Path, *, actor: Actor | None = None) -> ImportReport:
    """Import a CSV/XLSX catalogue. Any bad row: ValidationFailed naming the rows, and nothing imported.

    From a screen pass the admin as `actor`; without one it is the system path (the CLI).
    """
    from counter_app.core.catalog_io import parse_catalog

    who = actor or SYSTEM_ACTOR
    if actor is not None:
        require_db(db, actor, Permission.MANAGE_CATALOG)  # before reading the file: refuse early
    result = parse_catalog(Path(path))
    if result.errors:
        raise ValidationFailed([e.describe() for e in result.errors])
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    with db.write() as session:
        if actor is not None:
            require_in_session(session, actor, Permission.MANAGE_CATALOG)
        report = apply_specs(session, result.specs)
        audit.record(session, who, "catalog.import", target_type="catalog", target_id=Path(path).name[:100],
                     after={"sha256": digest, "added": report.added, "updated": report.updated,
                            "unchanged": report.unchanged})
        return report


def import_default_catalog(session: Session) -> ImportReport:
    from counter_app.core.catalog_io import load_default_catalog

    return apply_specs(session, load_default_catalog())


def _procedure_view(row: Procedure) -> ProcedureView:
    return ProcedureView(
        id=row.id,
        code=row.code,
        version=row.version,
        name=row.name,
        field=row.field,
        time_value=row.time_value,
        time_unit=row.time_unit,
        mountain_extra_days=row.mountain_extra_days,
        fee=row.fee,
        fee_note=row.fee_note,
        handling_level=row.handling_level,
        clock_mode=row.clock_mode,
        documents=tuple((d.name, d.form, d.count, d.mandatory) for d in row.documents),
    )


def procedures_in_force(db: Database, day: date) -> list[ProcedureView]:
    """Every procedure in force on `day` (its newest version), sorted by field then name."""
    with db.read() as session:
        newest = (
            select(Procedure.code, func.max(Procedure.version).label("version"))
            .where(_effective_on(day))
            .group_by(Procedure.code)
            .subquery()
        )
        rows = session.execute(
            select(Procedure)
            .options(selectinload(Procedure.documents))
            .join(newest, (Procedure.code == newest.c.code) & (Procedure.version == newest.c.version))
        ).scalars()
        views = [_procedure_view(r) for r in rows]
    from counter_app.core.text import vn_sort_key

    return sorted(views, key=lambda v: (vn_sort_key(v.field), vn_sort_key(v.name)))


def search_procedures(procedures: list[ProcedureView], query: str) -> list[ProcedureView]:
    """Match every word of the query against code and name, with or without diacritics."""
    words = vn_fold(query).split()
    if not words:
        return list(procedures)
    return [p for p in procedures if all(w in vn_fold(f"{p.code} {p.name}") for w in words)]
