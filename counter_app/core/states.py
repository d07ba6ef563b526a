"""Dossier states and the actions that move a dossier between them.

Follows the one-stop flow of NĐ 118/2025/NĐ-CP and the TT 03/2025/TT-VPCP forms: received (Mẫu 01),
supplement requested (Mẫu 02), extension with apology (Mẫu 04), processing stopped (Mẫu 05).
A refusal at intake (Mẫu 03) never creates a dossier, so REFUSED here is a refusal during processing.
"""

from __future__ import annotations

from enum import StrEnum


class DossierState(StrEnum):
    RECEIVED = "received"  # đã tiếp nhận
    FORWARDED = "forwarded"  # đã chuyển xử lý (incl. upward, liên thông)
    AWAITING_SUPPLEMENT = "awaiting_supplement"  # chờ bổ sung, hoàn thiện
    SUPPLEMENTED = "supplemented"  # đã bổ sung
    EXTENDED = "extended"  # đã xin lỗi, gia hạn
    RESULT_READY = "result_ready"  # có kết quả, chờ trả
    RETURNED = "returned"  # đã trả kết quả
    REFUSED = "refused"  # từ chối giải quyết
    STOPPED = "stopped"  # dừng giải quyết
    WITHDRAWN = "withdrawn"  # công dân rút hồ sơ


class DossierAction(StrEnum):
    RECEIVE = "receive"
    FORWARD = "forward"
    REQUEST_SUPPLEMENT = "request_supplement"
    RECORD_SUPPLEMENT = "record_supplement"
    MARK_RESULT_READY = "mark_result_ready"
    RETURN_RESULT = "return_result"
    REFUSE = "refuse"
    EXTEND = "extend"
    STOP = "stop"
    WITHDRAW = "withdraw"


S = DossierState
# Open states in which the agency is working on the dossier and the clock runs.
IN_PROGRESS: frozenset[DossierState] = frozenset({S.RECEIVED, S.FORWARDED, S.SUPPLEMENTED, S.EXTENDED})
TERMINAL: frozenset[DossierState] = frozenset({S.RETURNED, S.REFUSED, S.STOPPED, S.WITHDRAWN})
# The result exists (or processing ended): the clock no longer runs in these states.
FINISHED: frozenset[DossierState] = TERMINAL | {S.RESULT_READY}

_TRANSITIONS: dict[DossierAction, tuple[frozenset[DossierState], DossierState]] = {
    DossierAction.FORWARD: (IN_PROGRESS, S.FORWARDED),
    DossierAction.REQUEST_SUPPLEMENT: (IN_PROGRESS, S.AWAITING_SUPPLEMENT),
    DossierAction.RECORD_SUPPLEMENT: (frozenset({S.AWAITING_SUPPLEMENT}), S.SUPPLEMENTED),
    DossierAction.MARK_RESULT_READY: (IN_PROGRESS, S.RESULT_READY),
    DossierAction.RETURN_RESULT: (frozenset({S.RESULT_READY}), S.RETURNED),
    DossierAction.REFUSE: (IN_PROGRESS | {S.AWAITING_SUPPLEMENT}, S.REFUSED),
    DossierAction.EXTEND: (IN_PROGRESS, S.EXTENDED),
    DossierAction.STOP: (IN_PROGRESS | {S.AWAITING_SUPPLEMENT}, S.STOPPED),
    DossierAction.WITHDRAW: (IN_PROGRESS | {S.AWAITING_SUPPLEMENT}, S.WITHDRAWN),
}


class IllegalTransition(Exception):
    """An action that the dossier's current state does not allow."""

    def __init__(self, state: DossierState, action: DossierAction) -> None:
        from counter_app.messages.dossier import ACTION_LABELS, ILLEGAL_TRANSITION, STATE_LABELS

        self.state = state
        self.action = action
        super().__init__(
            ILLEGAL_TRANSITION.format(action=ACTION_LABELS[action], state=STATE_LABELS[state])
        )


def next_state(state: DossierState, action: DossierAction) -> DossierState:
    """The state after `action`, or IllegalTransition if the current state does not allow it."""
    if action is DossierAction.RECEIVE:
        raise IllegalTransition(state, action)  # receiving creates a dossier; it never moves one
    allowed_from, target = _TRANSITIONS[action]
    if state not in allowed_from:
        raise IllegalTransition(state, action)
    return target


def allowed_actions(state: DossierState) -> list[DossierAction]:
    """The actions a clerk may take on a dossier in this state, in menu order."""
    return [action for action, (sources, _) in _TRANSITIONS.items() if state in sources]


def is_open(state: DossierState) -> bool:
    return state not in TERMINAL


def clock_running(state: DossierState) -> bool:
    return state in IN_PROGRESS
