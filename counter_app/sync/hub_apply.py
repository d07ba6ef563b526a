"""Hub: check a decoded export payload against its manifest, then apply it inside the caller's transaction.

Idempotent by construction: events are keyed by their id (same id + same content = already there; same id
+ other content = conflict, the whole package is refused); a dossier keeps the snapshot with the highest
(rev, stream, sequence), whatever order packages arrive in; acknowledgement marks are recomputed from the
set of events present. So importing packages in any order, any number of times, gives the same state.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from counter_app.db.models_sync import HubDossier, HubEvent, HubNodeMark, HubPackage, HubResult, HubUnit
from counter_app.messages import sync as msg
from counter_app.sync.canonical import parse_iso
from counter_app.sync.errors import PackageRejected
from counter_app.sync.payload import event_hash

BATCH = 500
_DOSSIER_TIMES = ("received_at", "promised_due_at", "current_due_at", "clock_paused_at", "finished_at",
                  "returned_at")


def _invalid(detail: str) -> PackageRejected:
    return PackageRejected(msg.PKG_INVALID.format(detail=detail), "invalid_content")


def check_consistency(manifest: dict[str, Any], doc: dict[str, Any]) -> None:
    """What a schema cannot say: counts, counter ranges, ownership and references inside the package."""
    events, dossiers = doc["events"], doc["dossiers"]
    counts = manifest["counts"]
    if counts["events"] != len(events) or counts["dossiers"] != len(dossiers):
        raise PackageRejected(msg.PKG_COUNTS_MISMATCH.format(
            declared=f"{counts['events']}/{counts['dossiers']}", actual=f"{len(events)}/{len(dossiers)}"),
            "invalid_content")
    unit = manifest["sender"]["unit_code"]
    dossier_ids = {d["id"] for d in dossiers}
    if len(dossier_ids) != len(dossiers):
        raise _invalid("dossier ids")
    if any(d["unit_code"] != unit for d in dossiers):
        raise PackageRejected(msg.PKG_SENDER_MISMATCH, "sender_mismatch")
    per_node: dict[str, list[int]] = defaultdict(list)
    seen: set[str] = set()
    for event in events:
        if event["id"] in seen or event["dossier_id"] not in dossier_ids:
            raise _invalid("events")
        seen.add(event["id"])
        per_node[event["node_id"]].append(event["node_counter"])
    ranges = manifest["counters"]
    if set(ranges) != set(per_node):
        raise _invalid("counters")
    for node_id, counters in per_node.items():
        first, last = ranges[node_id]
        if min(counters) != first or max(counters) != last or len(set(counters)) != len(counters):
            raise _invalid("counters")
    if len(dossier_ids) != len({e["dossier_id"] for e in events}):
        raise _invalid("dossiers without events")


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _event_row(unit: str, event: dict[str, Any], digest: str) -> dict[str, Any]:
    return {
        "id": event["id"], "unit_code": unit, "dossier_id": event["dossier_id"], "node_id": event["node_id"],
        "node_counter": event["node_counter"], "kind": event["kind"], "at": parse_iso(event["at"]),
        "username": event["username"], "from_state": event["from_state"], "to_state": event["to_state"],
        "payload": event["payload"], "content_hash": digest,
    }


def _dossier_row(snapshot: dict[str, Any], stream: str, sequence: int) -> dict[str, Any]:
    row = {k: v for k, v in snapshot.items() if k != "applicant"}
    for key in _DOSSIER_TIMES:
        row[key] = parse_iso(row[key]) if row[key] is not None else None
    applicant = snapshot["applicant"] or {}
    row["applicant_name"] = applicant.get("name")
    row["applicant_id_number"] = applicant.get("id_number")
    row["rev_stream"], row["rev_seq"] = stream, sequence
    return row


def _apply_events(session: Session, unit: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    digests = {e["id"]: event_hash(e) for e in events}
    existing: dict[str, str] = {}
    for chunk in _chunks(list(digests)):
        existing.update(session.execute(
            select(HubEvent.id, HubEvent.content_hash).where(HubEvent.id.in_(chunk))).all())
    for event_id, digest in existing.items():
        if digests[event_id] != digest:
            raise PackageRejected(msg.PKG_CONFLICT.format(event=event_id), "conflict")
    new = [_event_row(unit, e, digests[e["id"]]) for e in events if e["id"] not in existing]
    for start in range(0, len(new), BATCH):
        session.execute(insert(HubEvent), new[start : start + BATCH])
    return new


def _apply_marks(session: Session, unit: str, new: list[dict[str, Any]]) -> None:
    by_node: dict[str, int] = defaultdict(int)
    for row in new:
        by_node[row["node_id"]] += 1
    for node_id, added in sorted(by_node.items()):
        mark = session.get(HubNodeMark, node_id)
        if mark is None:
            mark = HubNodeMark(node_id=node_id, unit_code=unit, contiguous_counter=0, max_counter=0, event_count=0)
            session.add(mark)
        elif mark.unit_code != unit:
            raise PackageRejected(msg.PKG_SENDER_MISMATCH, "sender_mismatch")
        counters = session.execute(
            select(HubEvent.node_counter).where(HubEvent.node_id == node_id,
                                                HubEvent.node_counter > mark.contiguous_counter)
            .order_by(HubEvent.node_counter)).scalars()
        contiguous = mark.contiguous_counter
        highest = mark.max_counter
        for counter in counters:
            if counter == contiguous + 1:
                contiguous = counter
            highest = max(highest, counter)
        mark.contiguous_counter, mark.max_counter = contiguous, highest
        mark.event_count = (mark.event_count or 0) + added


def _apply_dossiers(session: Session, unit: str, dossiers: list[dict[str, Any]], stream: str, sequence: int
                    ) -> None:
    by_id = {d["id"]: d for d in dossiers}
    current: dict[str, tuple[str, int, str, int, str]] = {}
    for chunk in _chunks(list(by_id)):
        for row in session.execute(select(HubDossier.id, HubDossier.unit_code, HubDossier.rev, HubDossier.rev_stream,
                                          HubDossier.rev_seq, HubDossier.code).where(HubDossier.id.in_(chunk))):
            current[row.id] = (row.unit_code, row.rev, row.rev_stream, row.rev_seq, row.code)
    inserts, updates = [], []
    for dossier_id, snapshot in by_id.items():
        known = current.get(dossier_id)
        if known is None:
            inserts.append(_dossier_row(snapshot, stream, sequence))
            continue
        owner, rev, rev_stream, rev_seq, code = known
        if owner != unit:
            raise PackageRejected(msg.PKG_DOSSIER_OF_OTHER_UNIT.format(code=code, owner=owner, unit=unit), "conflict")
        if (snapshot["rev"], stream, sequence) > (rev, rev_stream, rev_seq):
            updates.append(_dossier_row(snapshot, stream, sequence))
    for start in range(0, len(inserts), BATCH):
        session.execute(insert(HubDossier), inserts[start : start + BATCH])
    for row in updates:
        session.execute(update(HubDossier).where(HubDossier.id == row["id"]).values(**row))


def _mark_results_delivered(session: Session, new: list[dict[str, Any]], now: datetime) -> None:
    delivered = [row["payload"]["upper_result_id"] for row in new if "upper_result_id" in row["payload"]]
    for chunk in _chunks(delivered):
        session.execute(update(HubResult).where(HubResult.id.in_(chunk), HubResult.delivered_at.is_(None))
                        .values(delivered_at=now))


def apply_package(
    session: Session,
    *,
    manifest: dict[str, Any],
    doc: dict[str, Any],
    file_name: str,
    file_sha256: str,
    payload_sha256: str,
    stored_as: str,
    now: datetime,
) -> int:
    """Apply a checked package; returns the number of new events. Raises PackageRejected (caller rolls back)."""
    sender = manifest["sender"]
    unit, stream, sequence = sender["unit_code"], sender["stream_id"], manifest["sequence"]
    new = _apply_events(session, unit, doc["events"])
    _apply_marks(session, unit, new)
    _apply_dossiers(session, unit, doc["dossiers"], stream, sequence)
    _mark_results_delivered(session, new, now)
    created_at = parse_iso(manifest["created_at"])
    row = session.get(HubUnit, unit)
    if row is None:
        row = HubUnit(unit_code=unit, unit_name=sender["unit_name"], status="confirmed", first_seen_at=now,
                      confirmed_at=now)
        session.add(row)
    if row.last_package_created_at is None or created_at >= row.last_package_created_at:
        row.last_package_created_at = created_at
        row.unit_name = sender["unit_name"]
    row.last_import_at = now
    session.add(HubPackage(
        unit_code=unit, stream_id=stream, sequence=sequence, mode=manifest["mode"], status="applied",
        file_name=file_name, stored_as=stored_as, file_sha256=file_sha256, payload_sha256=payload_sha256,
        created_at=created_at, imported_at=now, event_count=len(doc["events"]), new_event_count=len(new),
        dossier_count=len(doc["dossiers"]), supersedes=manifest["supersedes"],
    ))
    session.flush()
    return len(new)
