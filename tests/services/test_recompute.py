"""A calendar change after printing: the promise stays, recomputation is explicit and recorded."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.services import settings as keys
from counter_app.services.catalog import procedures_in_force
from counter_app.services.errors import PermissionDenied
from counter_app.services.intake import ApplicantInput, IntakeRequest, receive_dossier
from counter_app.services.queries import dossier_history, get_dossier
from counter_app.services.recompute import RECOMPUTE_EVENT, recompute_open_due_dates
from counter_app.services.settings import set_setting
from tests.conftest import vn


def test_new_day_off_moves_current_due_but_never_the_promise(ctx, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    procedure = next(p for p in procedures_in_force(ctx.db, date(2026, 3, 1))
                     if p.time_unit == "working_days" and p.time_value == 3)
    request = IntakeRequest(procedure.code, ApplicantInput("Sầm Văn Tường"))
    affected = receive_dossier(ctx, clerk, request, at=vn(2026, 3, 2, 9)).dossier  # due Thu 05/03 09:00
    untouched = receive_dossier(ctx, clerk, request, at=vn(2026, 3, 9, 9)).dossier  # due Thu 12/03
    assert affected.promised_due_at == vn(2026, 3, 5, 9)
    # Nothing moves silently: changing the calendar alone changes no stored date.
    with ctx.db.write() as session:
        set_setting(session, keys.CALENDAR_EXTRA_OVERRIDES,
                    [{"date": "2026-03-04", "kind": "off", "name": "Nghỉ bầu cử", "source": "QĐ UBND tỉnh"}])
    assert get_dossier(ctx, affected.code).current_due_at == vn(2026, 3, 5, 9)
    with pytest.raises(PermissionDenied):  # a clerk cannot re-plan promises
        recompute_open_due_dates(ctx, clerk, at=vn(2026, 3, 3, 8))
    report = recompute_open_due_dates(ctx, admin, at=vn(2026, 3, 3, 8))
    assert report.changed == (affected.code,) and report.examined == 2
    after = get_dossier(ctx, affected.code)
    assert after.current_due_at == vn(2026, 3, 6, 9)
    assert after.promised_due_at == vn(2026, 3, 5, 9)
    assert get_dossier(ctx, untouched.code).current_due_at == untouched.current_due_at
    recorded = [e for e in dossier_history(ctx, affected.code) if e.kind == RECOMPUTE_EVENT]
    assert len(recorded) == 1 and recorded[0].payload["new_due_at"].startswith("2026-03-06T09:00")
    assert recompute_open_due_dates(ctx, admin).changed == ()  # idempotent


def test_unit_settings_shape_the_calendar(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    from counter_app.core.calendar import WeeklySessions
    from counter_app.core.calendar_data import Session

    saturday_reception = WeeklySessions.standard(saturday_reception=[Session.parse("07:30-11:30")])
    with ctx.db.write() as session:
        set_setting(session, keys.CALENDAR_SESSIONS, saturday_reception.to_mapping())
        set_setting(session, keys.CALENDAR_CULTURE_DAY_OFF, False)
    ctx.reload_calendar()
    calendar = ctx.calendar
    assert calendar.reception_sessions(date(2026, 3, 7))  # Saturday morning reception…
    assert not calendar.is_counting_day(date(2026, 3, 7))  # …does not make Saturday count
    assert calendar.is_counting_day(date(2026, 11, 24))  # 24/11 switched off by this unit


def test_upper_level_calendar_is_layered_under_the_units_own_days(ctx) -> None:  # type: ignore[no-untyped-def]
    from counter_app.services.calendar_settings import HUB_CALENDAR

    hub_csv = ("date,kind,name,source\n"
               "2027-02-13,work,Làm bù Tết 2027,Công văn VPCP (giả định)\n"
               "2027-02-11,off,Nghỉ Tết 2027,Công văn VPCP (giả định)\n")
    with ctx.db.write() as session:
        set_setting(session, HUB_CALENDAR, {"csv": hub_csv, "sha256": "x", "sequence": 1, "hub_id": "hub"})
        set_setting(session, keys.CALENDAR_EXTRA_OVERRIDES,
                    [{"date": "2027-02-13", "kind": "off", "name": "Lễ hội địa phương", "source": "UBND xã"}])
    ctx.reload_calendar()
    assert not ctx.calendar.is_counting_day(date(2027, 2, 11))  # from the upper level
    assert not ctx.calendar.is_counting_day(date(2027, 2, 13))  # the unit's own day wins
