"""The audit trail: append a hash-chained row for every clerk action and admin change; verify the chain.

hash(row) = SHA-256 over the canonical JSON (sorted keys, no spaces, UTF-8) of the row's content — its
sequence number, time, who, what, before/after — and the previous row's hash. So:
  * an edited row no longer matches its own hash;
  * a deleted row leaves a gap in the sequence and a `prev_hash` that points at nothing;
  * two swapped rows carry sequence numbers (or predecessors) that their hashes were not made for;
  * rows cut off the end disagree with `audit_head`.
Someone holding the file can rewrite the whole chain; the backups and any printed head hash anchor it
outside the file (docs/trust.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.engine import Database
from counter_app.db.models_audit import AuditEntry, AuditHead
from counter_app.messages import trust as msg
from counter_app.services.authz import Permission, require_in_session
from counter_app.services.context import Actor, vn_now

GENESIS_HASH = "0" * 64
CLOCK_CONFIRM_ACTION = "clock.confirm"
# A recorded time more than this ahead of the clock reference is not trusted to move it (see clock_sanity).
CLOCK_JUMP_LIMIT = timedelta(days=30)


def jsonable(value: Any) -> Any:
    """Plain JSON values, the same after a round trip through the database (so hashes still match)."""
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(jsonable(v) for v in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _utc_text(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def row_hash(
    *, seq: int, at: datetime, user_id: int | None, username: str, role: str, node_id: str, action: str,
    target_type: str, target_id: str, before: Mapping[str, Any], after: Mapping[str, Any], prev_hash: str,
) -> str:
    content = {
        "seq": seq, "at": _utc_text(at), "user_id": user_id, "username": username, "role": role,
        "node_id": node_id, "action": action, "target_type": target_type, "target_id": target_id,
        "before": before, "after": after, "prev_hash": prev_hash,
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def entry_hash(entry: AuditEntry) -> str:
    return row_hash(
        seq=entry.seq, at=entry.at, user_id=entry.user_id, username=entry.username, role=entry.role,
        node_id=entry.node_id, action=entry.action, target_type=entry.target_type, target_id=entry.target_id,
        before=entry.before or {}, after=entry.after or {}, prev_hash=entry.prev_hash,
    )


def _head(session: Session) -> AuditHead:
    # FOR UPDATE serialises writers on PostgreSQL; SQLite writers are already serialised by BEGIN IMMEDIATE,
    # so there the identity map may answer. No autoflush: the caller's pending changes flush once, at commit.
    lock = session.get_bind().dialect.name != "sqlite"
    with session.no_autoflush:
        head = session.get(AuditHead, 1, with_for_update=True if lock else None)
    if head is None:  # a database built without the migrations' seed row
        head = AuditHead(id=1, last_seq=0, last_hash=GENESIS_HASH, clock_reference_at=None)
        session.add(head)
    session.info["audit_head"] = head  # a strong reference: batch work (the demo) reuses it, no reload
    return head


def advance_clock_reference(reference: datetime | None, at: datetime, *, confirmation: bool) -> datetime:
    """The latest plausible recorded time: only a confirmation may set it back or far ahead."""
    if confirmation or reference is None:
        return at
    if reference < at <= reference + CLOCK_JUMP_LIMIT:
        return at
    return reference


def record(
    session: Session,
    actor: Actor,
    action: str,
    *,
    target_type: str = "",
    target_id: str = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    node_id: str = "",
    at: datetime | None = None,
) -> AuditEntry:
    """Append one row inside the caller's transaction: it commits (or rolls back) with the change it records."""
    when = at or vn_now()
    head = _head(session)
    clean_before, clean_after = jsonable(dict(before or {})), jsonable(dict(after or {}))
    entry = AuditEntry(
        seq=head.last_seq + 1, at=when, user_id=actor.user_id, username=actor.username, role=str(actor.role),
        node_id=node_id, action=action, target_type=target_type, target_id=str(target_id),
        before=clean_before, after=clean_after, prev_hash=head.last_hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    head.last_seq, head.last_hash = entry.seq, entry.hash
    head.clock_reference_at = advance_clock_reference(
        head.clock_reference_at, when, confirmation=action == CLOCK_CONFIRM_ACTION
    )
    return entry


def record_db(db: Database, actor: Actor, action: str, **fields: Any) -> None:
    """`record` in a transaction of its own (for things that change no other table, e.g. an export)."""
    with db.write() as session:
        record(session, actor, action, **fields)


# --- verification ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainBreak:
    seq: int  # the first row whose link is broken (for a cut-off tail: the first missing sequence number)
    kind: str  # "edited" | "missing" | "relinked" | "truncated" | "head"
    message: str  # Vietnamese, names the row, its time, who and what


@dataclass(frozen=True)
class ChainReport:
    rows: int
    last_seq: int
    last_hash: str
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def _describe(entry: AuditEntry) -> str:
    return msg.AUDIT_ROW.format(seq=entry.seq, at=entry.at.strftime("%d/%m/%Y %H:%M:%S"),
                                username=entry.username, action=entry.action)


def _rows(session: Session, batch: int = 2000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)
        ).scalars().all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()  # verifying a year of rows must not hold them all in memory


def verify_chain(db: Database) -> ChainReport:
    """Walk the whole chain in order; report the first broken link, if any."""
    with db.read() as session:
        head = session.get(AuditHead, 1)
        head_seq, head_hash = (head.last_seq, head.last_hash) if head else (0, GENESIS_HASH)
        expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
        for entry in _rows(session):
            count += 1
            if entry.seq != expected_seq:
                return _broken(count, prev_hash, expected_seq, "missing",
                               msg.AUDIT_MISSING.format(first=expected_seq, last=entry.seq - 1,
                                                        row=_describe(entry)))
            if entry_hash(entry) != entry.hash:
                return _broken(count, prev_hash, entry.seq, "edited", msg.AUDIT_EDITED.format(row=_describe(entry)))
            if entry.prev_hash != prev_hash:
                return _broken(count, prev_hash, entry.seq, "relinked",
                               msg.AUDIT_RELINKED.format(row=_describe(entry)))
            prev_hash, expected_seq = entry.hash, entry.seq + 1
        last_seq = expected_seq - 1
        if head_seq > last_seq:
            return _broken(count, prev_hash, last_seq + 1, "truncated",
                           msg.AUDIT_TRUNCATED.format(first=last_seq + 1, last=head_seq))
        if head_seq != last_seq or head_hash != prev_hash:
            return _broken(count, prev_hash, head_seq, "head", msg.AUDIT_HEAD_MISMATCH)
        return ChainReport(count, last_seq, prev_hash, None)


def _broken(count: int, prev_hash: str, seq: int, kind: str, message: str) -> ChainReport:
    return ChainReport(count, seq - 1, prev_hash, ChainBreak(seq, kind, message))


# --- reading -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditView:
    seq: int
    at: datetime
    username: str
    role: str
    action: str
    target_type: str
    target_id: str
    before: dict
    after: dict


def list_entries(
    db: Database, actor: Actor, *, target_type: str = "", target_id: str = "", action_prefix: str = "",
    limit: int = 200, before_seq: int | None = None,
) -> list[AuditView]:
    """Newest first, for the leader's and admin's audit screen (page with `before_seq`)."""
    with db.read() as session:
        require_in_session(session, actor, Permission.VIEW_AUDIT)
        stmt = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
        if target_type:
            stmt = stmt.where(AuditEntry.target_type == target_type)
        if target_id:
            stmt = stmt.where(AuditEntry.target_id == target_id)
        if action_prefix:
            stmt = stmt.where(AuditEntry.action.startswith(action_prefix))
        if before_seq is not None:
            stmt = stmt.where(AuditEntry.seq < before_seq)
        return [
            AuditView(e.seq, e.at, e.username, e.role, e.action, e.target_type, e.target_id,
                      dict(e.before or {}), dict(e.after or {}))
            for e in session.execute(stmt).scalars()
        ]


def chain_head(db: Database) -> tuple[int, str]:
    """(last sequence number, last hash): print or ship it to anchor the chain outside this file."""
    with db.read() as session:
        head = session.get(AuditHead, 1)
        return (head.last_seq, head.last_hash) if head else (0, GENESIS_HASH)
