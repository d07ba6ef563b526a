"""Helpers of the trust tests: a received dossier, and a digest that proves "nothing changed"."""

from __future__ import annotations

import hashlib
from datetime import date

from counter_app.services.catalog import procedures_in_force
from counter_app.services.context import Actor, CounterContext
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from counter_app.services.views import DossierView
from tests.conftest import vn

CITIZEN_ID = "038199012345"


def procedure_code(ctx: CounterContext) -> str:
    return next(p.code for p in procedures_in_force(ctx.db, date(2026, 3, 1))
                if p.time_unit == "working_days" and p.time_value >= 3 and p.clock_mode == "pause")


def receive(ctx: CounterContext, clerk: Actor, name: str = "Lương Thị Nguyệt", **applicant) -> DossierView:  # type: ignore[no-untyped-def]
    fields = {"id_number": CITIZEN_ID, "birth_date": date(1999, 5, 4), "gender": "female", "phone": "0978123456",
              "address": "Bản Pù Toong, xã Mường Lát"}
    fields.update(applicant)
    request = IntakeRequest(procedure_code(ctx), ApplicantInput(name, **fields))
    return receive_dossier(ctx, clerk, request, at=vn(2026, 3, 2, 9, 0)).dossier


def db_digest(ctx: CounterContext) -> str:
    """SHA-256 of the whole database's SQL dump: equal digests mean not one row changed."""
    with ctx.db.write_engine.connect() as conn:
        return hashlib.sha256("\n".join(conn.connection.iterdump()).encode()).hexdigest()
