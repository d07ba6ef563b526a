"""The clerk's actions on a received dossier. Each is one transaction: new state + event + audit row, or nothing.

Roles are checked inside that transaction (authz): extending (Mẫu 04) needs a leader, stopping (Mẫu 05) too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.core.clock import ClockEvent, ClockEventKind, current_due
from counter_app.core.states import DossierAction, DossierState, next_state
from counter_app.core.text import nfc
from counter_app.core.time_limits import ClockMode, TimeLimit, TimeUnit
from counter_app.db.models import Dossier, DossierEvent, Procedure
from counter_app.messages import dossier as msg
from counter_app.services import audit
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import Actor, CounterContext
from counter_app.services.errors import NotFound, ValidationFailed
from counter_app.services.events import append_event
from counter_app.services.unit import current_unit
from counter_app.services.views import DossierView, dossier_view

SATISFACTION = ("hai_long", "binh_thuong", "khong_hai_long", "")

# Which recorded events move the clock, and how.
_CLOCK_KINDS = {
    DossierAction.REQUEST_SUPPLEMENT.value: ClockEventKind.PAUSE,
    DossierAction.RECORD_SUPPLEMENT.value: ClockEventKind.RESUME,
    DossierAction.EXTEND.value: ClockEventKind.EXTEND,
    DossierAction.STOP.value: ClockEventKind.STOP,
}


# Who may take each action; everything not listed is the clerk's ordinary work.
_ACTION_PERMISSIONS = {
    DossierAction.EXTEND: Permission.APPROVE_EXTENSION,
    DossierAction.STOP: Permission.STOP_PROCESSING,
}


def permission_for(action: DossierAction) -> Permission:
    return _ACTION_PERMISSIONS.get(action, Permission.HANDLE_DOSSIER)


def load_dossier(session: Session, ref: str) -> Dossier:
    """A dossier by its id or its mã hồ sơ."""
    dossier = session.get(Dossier, ref)
    if dossier is None:
        dossier = session.execute(
            select(Dossier).where(Dossier.code == ref.strip().upper())
        ).scalar_one_or_none()
    if dossier is None:
        raise NotFound(msg.DOSSIER_NOT_FOUND.format(ref=ref))
    return dossier


def clock_events_of(session: Session, dossier_id: str) -> list[ClockEvent]:
    rows = session.execute(
        select(DossierEvent)
        .where(DossierEvent.dossier_id == dossier_id, DossierEvent.kind.in_(list(_CLOCK_KINDS)))
        .order_by(DossierEvent.at, DossierEvent.node_counter)
    ).scalars()
    events = []
    for row in rows:
        new_due = row.payload.get("new_due_at") if row.payload else None
        events.append(
            ClockEvent(
                kind=_CLOCK_KINDS[row.kind],
                at=row.at,
                new_due_at=datetime.fromisoformat(new_due) if new_due else None,
            )
        )
    return events


def recompute_current_due(session: Session, ctx: CounterContext, dossier: Dossier) -> None:
    """The current due date from the receipt time and the clock events; the promised date never moves."""
    procedure = session.get(Procedure, dossier.procedure_id)
    assert procedure is not None
    limit = TimeLimit(procedure.time_value, TimeUnit(procedure.time_unit), procedure.mountain_extra_days)
    state = current_due(
        ctx.calendar,
        dossier.received_at,
        limit,
        clock_events_of(session, dossier.id),
        ClockMode(procedure.clock_mode),
        mountainous=current_unit(session).mountainous,
    )
    dossier.current_due_at = state.due_at
    dossier.accountable_due_at = state.accountable_due_at
    dossier.due_explanation = state.explanation


def _transition(
    ctx: CounterContext,
    actor: Actor,
    ref: str,
    action: DossierAction,
    payload: dict[str, Any],
    at: datetime | None,
    apply: Any = None,
    session: Session | None = None,
) -> DossierView:
    """Run inside the caller's transaction when given one (batch work), else in a transaction of its own."""
    if session is not None:
        return transition_in_session(session, ctx, actor, ref, action, payload, at, apply)
    with ctx.db.write() as own:
        return transition_in_session(own, ctx, actor, ref, action, payload, at, apply)


def transition_in_session(
    session: Session,
    ctx: CounterContext,
    actor: Actor,
    ref: str,
    action: DossierAction,
    payload: dict[str, Any],
    at: datetime | None = None,
    apply: Any = None,
) -> DossierView:
    require_in_session(session, actor, permission_for(action))
    when = at or ctx.now()
    dossier = load_dossier(session, ref)
    before = DossierState(dossier.state)
    after = next_state(before, action)  # raises IllegalTransition before anything is written
    due_before = dossier.current_due_at
    dossier.state = after.value
    dossier.updated_at = when
    if apply is not None:
        apply(dossier, when)
    event = append_event(
        session,
        dossier_id=dossier.id,
        kind=action.value,
        at=when,
        actor=actor,
        node_id=ctx.node_id,
        from_state=before.value,
        to_state=after.value,
        payload=payload,
    )
    session.flush()
    if action.value in _CLOCK_KINDS:
        recompute_current_due(session, ctx, dossier)
    audit.record(
        session, actor, f"dossier.{action.value}", target_type="dossier", target_id=dossier.code,
        node_id=ctx.node_id, at=ctx.now(),
        before={"state": before, "current_due_at": due_before},
        after={"state": after, "current_due_at": dossier.current_due_at, "at": when, "event_id": event.id,
               "node_counter": event.node_counter, **payload},
    )
    return dossier_view(dossier)


def _required(text: str, message: str) -> str:
    value = nfc(text)
    if not value:
        raise ValidationFailed([message])
    return value


def forward(
    ctx: CounterContext, actor: Actor, ref: str, handler: str, *, upward: bool = False, note: str = "",
    at: datetime | None = None,
    session: Session | None = None,
) -> DossierView:
    """Chuyển hồ sơ cho người/cơ quan xử lý (upward = liên thông lên cấp trên)."""
    handler = _required(handler, msg.HANDLER_REQUIRED)

    def apply(d: Dossier, _when: datetime) -> None:
        d.handler = handler
        d.forwarded_upward = d.forwarded_upward or upward

    payload = {"handler": handler, "upward": upward, "note": nfc(note)}
    return _transition(ctx, actor, ref, DossierAction.FORWARD, payload, at, apply, session)


def request_supplement(
    ctx: CounterContext, actor: Actor, ref: str, reason: str, items: list[str] | tuple[str, ...] = (),
    *, at: datetime | None = None,
    session: Session | None = None,
) -> DossierView:
    """Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): the clock pauses."""
    reason = _required(reason, msg.REASON_REQUIRED)

    def apply(d: Dossier, when: datetime) -> None:
        d.clock_paused_at = when
        d.supplement_count += 1

    payload = {"reason": reason, "items": [nfc(i) for i in items if nfc(i)]}
    return _transition(ctx, actor, ref, DossierAction.REQUEST_SUPPLEMENT, payload, at, apply, session)


def record_supplement(
    ctx: CounterContext, actor: Actor, ref: str, note: str = "", *, at: datetime | None = None,
    session: Session | None = None,
) -> DossierView:
    """Công dân đã bổ sung: the clock resumes (or restarts, per the procedure)."""

    def apply(d: Dossier, _when: datetime) -> None:
        d.clock_paused_at = None

    return _transition(ctx, actor, ref, DossierAction.RECORD_SUPPLEMENT, {"note": nfc(note)}, at, apply, session)


def mark_result_ready(
    ctx: CounterContext, actor: Actor, ref: str, note: str = "", *, at: datetime | None = None,
    session: Session | None = None,
) -> DossierView:
    def apply(d: Dossier, when: datetime) -> None:
        d.finished_at = when

    return _transition(ctx, actor, ref, DossierAction.MARK_RESULT_READY, {"note": nfc(note)}, at, apply, session)


def return_result(
    ctx: CounterContext, actor: Actor, ref: str, receiver_name: str, *, receiver_id_number: str = "",
    satisfaction: str = "", note: str = "", at: datetime | None = None,
    session: Session | None = None,
) -> DossierView:
    """Trả kết quả: who collected it and, optionally, the citizen's satisfaction."""
    receiver_name = _required(receiver_name, msg.RECEIVER_REQUIRED)
    if satisfaction not in SATISFACTION:
        raise ValueError(f"unknown satisfaction {satisfaction!r}")

    receiver_id = "".join(ch for ch in receiver_id_number if ch.isdigit())

    def apply(d: Dossier, when: datetime) -> None:
        d.returned_at = when
        d.satisfaction = satisfaction
        # Personal data: on the row (erasable on request), not in the append-only event.
        d.receiver_name = receiver_name
        d.receiver_id_number = receiver_id

    payload = {"satisfaction": satisfaction, "note": nfc(note)}
    return _transition(ctx, actor, ref, DossierAction.RETURN_RESULT, payload, at, apply, session)


def _finishing(action: DossierAction):  # type: ignore[no-untyped-def]
    def run(
        ctx: CounterContext, actor: Actor, ref: str, reason: str, *, at: datetime | None = None,
        session: Session | None = None,
    ) -> DossierView:
        text = _required(reason, msg.REASON_REQUIRED)

        def apply(d: Dossier, when: datetime) -> None:
            d.finished_at = when
            d.clock_paused_at = None

        return _transition(ctx, actor, ref, action, {"reason": text}, at, apply, session)

    return run


refuse = _finishing(DossierAction.REFUSE)
refuse.__doc__ = "Từ chối giải quyết (during processing), with the reason."
stop = _finishing(DossierAction.STOP)
stop.__doc__ = "Dừng giải quyết hồ sơ (Mẫu 05), with the reason."
withdraw = _finishing(DossierAction.WITHDRAW)
withdraw.__doc__ = "The citizen withdraws the dossier."


def extend(
    ctx: CounterContext, actor: Actor, ref: str, new_due_at: datetime, reason: str, *, at: datetime | None = None,
    session: Session | None = None,
) -> DossierView:
    """Xin lỗi và gia hạn (Mẫu 04): a new due date; the dossier still counts as late against its promise."""
    reason = _required(reason, msg.REASON_REQUIRED)
    if session is None:
        with ctx.db.write() as own:
            return extend(ctx, actor, ref, new_due_at, reason, at=at, session=own)
    require_in_session(session, actor, Permission.APPROVE_EXTENSION)
    dossier = load_dossier(session, ref)
    current = dossier.current_due_at or dossier.promised_due_at
    if new_due_at.tzinfo is None or new_due_at <= current:
        raise ValidationFailed([msg.NEW_DUE_REQUIRED])

    def apply(d: Dossier, _when: datetime) -> None:
        d.extension_count += 1

    payload = {"reason": reason, "new_due_at": new_due_at.isoformat(), "old_due_at": current.isoformat()}
    return transition_in_session(session, ctx, actor, ref, DossierAction.EXTEND, payload, at, apply)


def record_print(
    ctx: CounterContext, actor: Actor, ref: str, form_id: str, copies: int, *, printer: str = "",
    reprint_reason: str = "", at: datetime | None = None,
) -> None:
    """A successful print of a form for this dossier (never called for a print that failed)."""
    with ctx.db.write() as session:
        require_in_session(session, actor, Permission.HANDLE_DOSSIER)
        dossier = load_dossier(session, ref)
        payload = {"form": form_id, "copies": copies, "printer": printer, "reprint_reason": nfc(reprint_reason)}
        event = append_event(
            session,
            dossier_id=dossier.id,
            kind="print",
            at=at or ctx.now(),
            actor=actor,
            node_id=ctx.node_id,
            from_state=dossier.state,
            to_state=dossier.state,
            payload=payload,
        )
        audit.record(session, actor, "dossier.print", target_type="dossier", target_id=dossier.code,
                     node_id=ctx.node_id, at=ctx.now(),
                     after={"event_id": event.id, "node_counter": event.node_counter, **payload})
