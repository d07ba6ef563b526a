"""Is the PC clock believable? Dead CMOS batteries and hand-set clocks are routine in mountain communes.

The reference is the latest plausible time the program ever recorded (kept with the audit chain's head, so
it costs one row read). The clock is suspect when it is earlier than the reference (a reset clock would
date receipts and due dates in the past) or far ahead of it (a wrong year). Intake then stops until a
leader or an admin confirms the clock — the confirmation is an audit row and becomes the new reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from counter_app.db.models_audit import AuditHead
from counter_app.messages import trust as msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import Actor, CounterContext
from counter_app.services.errors import ServiceError

# NTP corrections and two processes' clocks differ by seconds; anything beyond this is a clock set back.
BEHIND_TOLERANCE = timedelta(minutes=10)
JUMP_AHEAD_LIMIT = audit.CLOCK_JUMP_LIMIT  # longer than Tết: a counter is never closed for a month


class ClockStatus(StrEnum):
    OK = "ok"
    BEHIND = "behind"  # earlier than the latest recorded time
    JUMPED_AHEAD = "jumped_ahead"


@dataclass(frozen=True)
class ClockCheck:
    status: ClockStatus
    pc_time: datetime
    reference_at: datetime | None  # the latest plausible time recorded before
    message: str  # Vietnamese; empty when the clock is fine

    @property
    def needs_confirmation(self) -> bool:
        return self.status is not ClockStatus.OK


class ClockNeedsConfirmation(ServiceError):
    def __init__(self, check: ClockCheck) -> None:
        self.check = check
        super().__init__(check.message + " " + msg.CLOCK_CONFIRM_NEEDED)


def _fmt(at: datetime) -> str:
    return at.strftime("%H:%M ngày %d/%m/%Y")


def check_clock_in_session(session: Session, now: datetime) -> ClockCheck:
    with session.no_autoflush:
        head = session.get(AuditHead, 1)
    reference = head.clock_reference_at if head else None
    if reference is None:
        return ClockCheck(ClockStatus.OK, now, None, "")
    if now < reference - BEHIND_TOLERANCE:
        text = msg.CLOCK_BEHIND.format(now=_fmt(now), reference=_fmt(reference))
        return ClockCheck(ClockStatus.BEHIND, now, reference, text)
    if now > reference + JUMP_AHEAD_LIMIT:
        text = msg.CLOCK_AHEAD.format(now=_fmt(now), reference=_fmt(reference), days=(now - reference).days)
        return ClockCheck(ClockStatus.JUMPED_AHEAD, now, reference, text)
    return ClockCheck(ClockStatus.OK, now, reference, "")


def check_clock(ctx: CounterContext) -> ClockCheck:
    """For the main window at start-up and before intake: warn, and offer a leader/admin confirmation."""
    with ctx.db.read() as session:
        return check_clock_in_session(session, ctx.now())


def require_clock_ok(session: Session, ctx: CounterContext) -> None:
    """Intake refuses to continue on a suspect clock until it has been confirmed."""
    check = check_clock_in_session(session, ctx.now())
    if check.needs_confirmation:
        raise ClockNeedsConfirmation(check)


def confirm_clock(ctx: CounterContext, actor: Actor, note: str = "") -> ClockCheck:
    """A leader or admin states that the PC clock is right; recorded, and intake continues from now on."""
    with ctx.db.write() as session:
        require_in_session(session, actor, Permission.CONFIRM_CLOCK)
        check = check_clock_in_session(session, ctx.now())
        if not check.needs_confirmation:
            return check
        audit.record(
            session, actor, audit.CLOCK_CONFIRM_ACTION, target_type="clock", node_id=ctx.node_id, at=check.pc_time,
            before={"reference_at": check.reference_at, "status": check.status},
            after={"pc_time": check.pc_time, "note": note.strip()},
        )
    return ClockCheck(ClockStatus.OK, check.pc_time, check.pc_time, "")
