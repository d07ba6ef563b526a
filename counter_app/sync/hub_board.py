"""Hub: the board per commune (last package, dossiers, overdue now, on-time rate, silence) and the gaps."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.core.states import IN_PROGRESS
from counter_app.db.engine import Database
from counter_app.db.models_sync import HubDossier, HubNodeMark, HubPackage, HubUnit
from counter_app.sync.rules import RESULT_STATES, finished_on_time, overdue_now


@dataclass(frozen=True)
class StreamGaps:
    stream_id: str
    contiguous: int  # every package up to this number arrived (or was superseded): the acknowledgement
    missing: tuple[int, ...]  # numbers below the highest received that never arrived


@dataclass(frozen=True)
class NodeGap:
    node_id: str
    contiguous: int
    max_counter: int


@dataclass(frozen=True)
class UnitBoardRow:
    unit_code: str
    unit_name: str
    status: str  # pending | confirmed
    last_package_created_at: datetime | None
    last_import_at: datetime | None
    dossiers: int
    overdue: int
    finished: int
    on_time: int
    silent_days: int | None  # days since the newest package was made; None = never
    silent: bool
    missing: tuple[int, ...]
    node_gaps: tuple[NodeGap, ...]

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.finished if self.finished else None


def stream_gaps(session: Session, unit_code: str, *, applied_only: bool = False) -> list[StreamGaps]:
    """Per export stream: contiguous acknowledgement and missing numbers (superseded ones are not missing)."""
    stmt = select(HubPackage.stream_id, HubPackage.sequence, HubPackage.supersedes, HubPackage.status).where(
        HubPackage.unit_code == unit_code)
    received: dict[str, set[int]] = defaultdict(set)
    covered: dict[str, set[int]] = defaultdict(set)
    for stream, sequence, supersedes, status in session.execute(stmt):
        if applied_only and status != "applied":
            continue
        received[stream].add(sequence)
        covered[stream].update(supersedes or [])
    result = []
    for stream in sorted(received):
        present = received[stream] | covered[stream]
        contiguous = 0
        while contiguous + 1 in present:
            contiguous += 1
        highest = max(received[stream])
        missing = tuple(n for n in range(1, highest) if n not in present)
        result.append(StreamGaps(stream, contiguous, missing))
    return result


def node_gaps(session: Session, unit_code: str) -> list[NodeGap]:
    rows = session.execute(select(HubNodeMark).where(HubNodeMark.unit_code == unit_code)
                           .order_by(HubNodeMark.node_id)).scalars()
    return [NodeGap(r.node_id, r.contiguous_counter, r.max_counter) for r in rows
            if r.contiguous_counter < r.max_counter]


def overdue_codes(db: Database, unit_code: str, at: datetime) -> list[str]:
    """The hub's "overdue now" list for one commune (same rule as the commune's own list)."""
    with db.read() as session:
        rows = session.execute(
            select(HubDossier.code, HubDossier.state, HubDossier.current_due_at, HubDossier.promised_due_at)
            .where(HubDossier.unit_code == unit_code, HubDossier.state.in_([s.value for s in IN_PROGRESS]))
        )
        return sorted(code for code, state, due, promised in rows if overdue_now(state, due, promised, at))


def hub_board(db: Database, at: datetime, *, silent_after_days: int = 14) -> list[UnitBoardRow]:
    """One row per commune, newest data first in no particular way: sorted by unit code."""
    board = []
    with db.read() as session:
        units = list(session.execute(select(HubUnit).order_by(HubUnit.unit_code)).scalars())
        totals = dict(session.execute(select(HubDossier.unit_code, func.count())
                                      .group_by(HubDossier.unit_code)).all())
        overdue: dict[str, int] = defaultdict(int)
        for unit, state, due, promised in session.execute(
            select(HubDossier.unit_code, HubDossier.state, HubDossier.current_due_at, HubDossier.promised_due_at)
            .where(HubDossier.state.in_([s.value for s in IN_PROGRESS]))
        ):
            overdue[unit] += overdue_now(state, due, promised, at)
        finished: dict[str, int] = defaultdict(int)
        on_time: dict[str, int] = defaultdict(int)
        for unit, due, promised, done, extensions in session.execute(
            select(HubDossier.unit_code, HubDossier.current_due_at, HubDossier.promised_due_at,
                   HubDossier.finished_at, HubDossier.extension_count)
            .where(HubDossier.state.in_(sorted(RESULT_STATES)), HubDossier.finished_at.is_not(None))
        ):
            finished[unit] += 1
            on_time[unit] += finished_on_time(due, promised, done, extensions)
        for unit in units:
            last = unit.last_package_created_at
            silent_days = (at.date() - last.date()).days if last else None
            missing = tuple(n for gaps in stream_gaps(session, unit.unit_code) for n in gaps.missing)
            board.append(UnitBoardRow(
                unit.unit_code, unit.unit_name, unit.status, last, unit.last_import_at,
                totals.get(unit.unit_code, 0), overdue[unit.unit_code], finished[unit.unit_code],
                on_time[unit.unit_code], silent_days, silent_days is None or silent_days > silent_after_days,
                missing, tuple(node_gaps(session, unit.unit_code)),
            ))
    return board
