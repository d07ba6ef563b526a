"""Clock sanity: a PC clock earlier than the latest recorded time, or far ahead of it, stops intake until
a leader or an admin confirms it; the confirmation is recorded and becomes the new reference."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from counter_app.db.models_audit import AuditEntry
from counter_app.services.clock_sanity import ClockNeedsConfirmation, ClockStatus, check_clock, confirm_clock
from counter_app.services.context import vn_now
from counter_app.services.errors import PermissionDenied
from counter_app.services.users import login
from tests.conftest import CLERK_PASSWORD
from tests.trust.helpers import receive


def _at(ctx, moment):  # type: ignore[no-untyped-def]
    """The same database seen from a PC whose clock shows `moment`."""
    return replace(ctx, now=lambda: moment)


def test_a_clock_set_back_stops_intake_until_a_leader_confirms(ctx, clerk, leader) -> None:  # type: ignore[no-untyped-def]
    receive(ctx, clerk)  # recorded now
    reset = _at(ctx, vn_now().replace(year=2000, month=1, day=1))  # the dead CMOS battery
    check = check_clock(reset)
    assert check.status is ClockStatus.BEHIND and check.needs_confirmation
    assert "01/01/2000" in check.message and "sớm hơn" in check.message
    with pytest.raises(ClockNeedsConfirmation, match="xác nhận"):
        receive(reset, clerk)
    with pytest.raises(PermissionDenied):
        confirm_clock(reset, clerk)
    confirm_clock(reset, leader, "Đã kiểm tra với lịch treo tường")
    assert not check_clock(reset).needs_confirmation
    assert receive(reset, clerk).code
    with ctx.db.read() as session:
        row = session.execute(select(AuditEntry).where(AuditEntry.action == "clock.confirm")).scalar_one()
    assert row.username == "lanhdao" and row.before["status"] == "behind"
    assert row.after["note"] == "Đã kiểm tra với lịch treo tường"


def test_a_clock_far_ahead_needs_confirmation_but_a_long_holiday_does_not(ctx, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    receive(ctx, clerk)
    after_tet = _at(ctx, vn_now() + timedelta(days=12))
    assert check_clock(after_tet).status is ClockStatus.OK
    wrong_year = _at(ctx, vn_now() + timedelta(days=366))
    check = check_clock(wrong_year)
    assert check.status is ClockStatus.JUMPED_AHEAD and "366 ngày" in check.message
    with pytest.raises(ClockNeedsConfirmation):
        receive(wrong_year, clerk)
    confirm_clock(wrong_year, admin)  # an admin may confirm too
    assert receive(wrong_year, clerk).code


def test_a_login_on_a_wrong_clock_does_not_quietly_make_the_wrong_time_the_reference(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    wrong = vn_now() + timedelta(days=400)
    login(ctx.db, "canbo1", CLERK_PASSWORD, now=wrong)  # an audit row stamped a year ahead
    assert check_clock(_at(ctx, wrong)).status is ClockStatus.JUMPED_AHEAD
    assert check_clock(ctx).status is ClockStatus.OK  # and the right clock is still right
