"""The dossier clock: supplement requests, extensions and stops applied to a due date (domain-vn §3.3–3.4).

Rules (each is a choice a clerk can read back in `ClockState.explanation`):

- `pause` (yêu cầu bổ sung) stops the count. Several pauses on one dossier are fine, one at a time.
- `resume` (hồ sơ bổ sung đầy đủ):
  - ClockMode.PAUSE: the due date moves by the working days the pause covered, keeping its clock
    time. Both ends are first moved to working time, then k = counting days from the pause day to the
    resume day. A zero-length pause, or one within a single working day, moves nothing; a pause from
    Monday 10:00 to Wednesday 10:00 moves the due date by exactly 2 working days.
  - ClockMode.RESTART ("kể từ ngày nhận đủ hồ sơ hợp lệ"): the count starts again from zero, as a
    fresh receipt at the resume time.
- A supplement request made on a day after the due day cannot wipe the lateness: the dossier stays
  judged against the date it already missed (`accountable_due_at` no longer moves). This is the
  counterpart of the peer complaint where repeated requests made dossiers overdue.
- `extend` (văn bản xin lỗi, gia hạn) sets a new due date (`new_due_at`), but the dossier is still judged
  against the date before the extension: pass `accountable_due_at` as `promised_due_at` to timeliness.
- `stop` (dừng giải quyết) ends the clock; nothing may follow it.

Events are applied in time order (a stable sort keeps the given order for equal times, so a pause and
a resume at the same minute are a zero-length pause). Inconsistent sequences raise `ClockError` with a
Vietnamese message, so the service can refuse to record them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from counter_app.core.calendar import WorkingCalendar
from counter_app.core.due_dates import DueDate, compute_due, shift_by_working_days
from counter_app.core.time_limits import ClockMode, TimeLimit
from counter_app.core.tz import require_aware
from counter_app.messages import calendar as msg


class ClockEventKind(StrEnum):
    PAUSE = "pause"  # supplement request (Phiếu yêu cầu bổ sung)
    RESUME = "resume"  # the supplement is complete
    EXTEND = "extend"  # apology and new due date (Mẫu 04)
    STOP = "stop"  # processing stopped (Mẫu 05)


class ClockError(ValueError):
    """An event sequence that cannot happen (message in Vietnamese)."""


@dataclass(frozen=True, slots=True)
class ClockEvent:
    kind: ClockEventKind
    at: datetime
    new_due_at: datetime | None = None  # only for EXTEND

    def __post_init__(self) -> None:
        try:
            kind = ClockEventKind(self.kind)
        except ValueError:
            raise ClockError(msg.CLOCK_ERROR_UNKNOWN_KIND.format(kind=self.kind)) from None
        object.__setattr__(self, "kind", kind)
        at = require_aware(self.at, "ClockEvent.at")
        object.__setattr__(self, "at", at)
        if kind is ClockEventKind.EXTEND:
            if self.new_due_at is None:
                raise ClockError(msg.CLOCK_ERROR_EXTEND_NO_DATE.format(instant=msg.fmt_instant(at)))
            object.__setattr__(self, "new_due_at", require_aware(self.new_due_at, "ClockEvent.new_due_at"))
        elif self.new_due_at is not None:
            raise ClockError(msg.CLOCK_ERROR_DATE_NOT_EXPECTED.format(instant=msg.fmt_instant(at)))


@dataclass(frozen=True)
class ClockState:
    """Where the clock of one dossier stands after its events.

    - `due_at`: the current due date (pauses, restarts and extensions applied). While paused it is the
      due date as it stood when the pause began; it moves when the dossier is resumed.
    - `accountable_due_at`: the date the dossier is judged against — like `due_at` but never moved by an
      extension, nor by a supplement request made after it was already missed.
    """

    initial: DueDate  # the computation from the receipt (the date printed on the slip)
    basis: DueDate  # the latest computation from a receipt or a restart
    due_at: datetime
    accountable_due_at: datetime
    paused: bool
    paused_since: datetime | None
    extended: bool
    stopped: bool
    stopped_at: datetime | None
    paused_working_days: int  # total shift from pauses (ClockMode.PAUSE)
    restarts: int
    history: tuple[str, ...]  # one Vietnamese line per event

    @property
    def counted_from(self) -> datetime:
        return self.basis.counted_from

    @property
    def explanation(self) -> str:
        lines = [self.initial.explanation, *self.history]
        if self.paused and self.paused_since is not None:
            lines.append(msg.CLOCK_STATE_PAUSED.format(instant=msg.fmt_instant(self.paused_since)))
        return "\n".join(lines)


def current_due(
    calendar: WorkingCalendar,
    received_at: datetime,
    limit: TimeLimit,
    events: Iterable[ClockEvent],
    mode: ClockMode,
    *,
    mountainous: bool = False,
) -> ClockState:
    """Replay `events` over the due date computed from `received_at` and return the clock's state."""
    mode = ClockMode(mode)
    initial = compute_due(calendar, received_at, limit, mountainous=mountainous)
    basis = initial
    due = accountable = initial.due_at
    paused_since: datetime | None = None
    stopped_at: datetime | None = None
    extended = False
    paused_days = restarts = 0
    history: list[str] = []
    for event in sorted(events, key=lambda e: e.at):
        instant = msg.fmt_instant(event.at)
        if event.at < initial.received_at:
            raise ClockError(
                msg.CLOCK_ERROR_BEFORE_RECEIPT.format(instant=instant, received=msg.fmt_instant(initial.received_at))
            )
        if stopped_at is not None:
            raise ClockError(msg.CLOCK_ERROR_STOPPED.format(since=msg.fmt_instant(stopped_at), instant=instant))
        kind = event.kind
        if kind is ClockEventKind.PAUSE:
            if paused_since is not None:
                raise ClockError(
                    msg.CLOCK_ERROR_ALREADY_PAUSED.format(since=msg.fmt_instant(paused_since), instant=instant)
                )
            paused_since = event.at
            if _missed(accountable, event.at):
                history.append(msg.CLOCK_PAUSED_WHEN_OVERDUE.format(instant=instant, due=msg.fmt_instant(accountable)))
            else:
                history.append(msg.CLOCK_PAUSED.format(instant=instant))
        elif kind is ClockEventKind.RESUME:
            if paused_since is None:
                raise ClockError(msg.CLOCK_ERROR_NOT_PAUSED.format(instant=instant))
            keep_accountable = _missed(accountable, paused_since)
            if mode is ClockMode.PAUSE:
                shift = pause_shift(calendar, paused_since, event.at)
                due = shift_by_working_days(calendar, due, shift)
                if not keep_accountable:
                    accountable = shift_by_working_days(calendar, accountable, shift)
                paused_days += shift
                history.append(msg.CLOCK_RESUMED.format(instant=instant, days=shift, due=msg.fmt_instant(due)))
            else:
                basis = compute_due(calendar, event.at, limit, mountainous=mountainous)
                due = basis.due_at
                if not keep_accountable:
                    accountable = due
                restarts += 1
                history.append(msg.CLOCK_RESTARTED.format(instant=instant, due=msg.fmt_instant(due)))
            paused_since = None
        elif kind is ClockEventKind.EXTEND:
            if paused_since is not None:
                raise ClockError(msg.CLOCK_ERROR_EXTEND_WHILE_PAUSED.format(instant=instant))
            assert event.new_due_at is not None
            if event.new_due_at <= due:
                raise ClockError(
                    msg.CLOCK_ERROR_EXTEND_NOT_LATER.format(
                        new_due=msg.fmt_instant(event.new_due_at), due=msg.fmt_instant(due)
                    )
                )
            due = event.new_due_at
            extended = True
            history.append(
                msg.CLOCK_EXTENDED.format(
                    instant=instant, new_due=msg.fmt_instant(due), judged=msg.fmt_instant(accountable)
                )
            )
        else:
            stopped_at = event.at
            paused_since = None
            history.append(msg.CLOCK_STOPPED.format(instant=instant))
    return ClockState(
        initial=initial,
        basis=basis,
        due_at=due,
        accountable_due_at=accountable,
        paused=paused_since is not None,
        paused_since=paused_since,
        extended=extended,
        stopped=stopped_at is not None,
        stopped_at=stopped_at,
        paused_working_days=paused_days,
        restarts=restarts,
        history=tuple(history),
    )


def pause_shift(calendar: WorkingCalendar, paused_at: datetime, resumed_at: datetime) -> int:
    """Working days covered by a pause: counting days from the pause day to the resume day.

    Both ends are moved to working time first, so a pause requested in the evening starts the next
    working morning, and a pause resumed on Sunday ends on Monday.
    """
    start = calendar.working_instant(paused_at).date()
    end = calendar.working_instant(resumed_at).date()
    return max(0, calendar.count_working_days(start, end))


def _missed(due_at: datetime, moment: datetime) -> bool:
    """At day granularity (the default of timeliness), `due_at` was already missed at `moment`."""
    return moment.date() > due_at.date()
