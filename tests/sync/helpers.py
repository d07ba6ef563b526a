"""Helpers for sync tests: keys out of real databases, opening and re-sealing packages, hub state digests."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from counter_app.db.engine import Database
from counter_app.db.models_sync import (
    HubDossier,
    HubEvent,
    HubNodeMark,
    HubPackage,
    HubQuarantine,
    HubUnit,
    SyncPeerKey,
)
from counter_app.sync.canonical import canonical_json
from counter_app.sync.envelope import DEFAULT_LIMITS, inflate, open_sealed, read_header, seal
from counter_app.sync.identity import ROLE_COMMUNE, ROLE_HUB, current_own_key, keypair_of
from counter_app.sync.keys import KeyPair


def own_keypair(db: Database, role: str = ROLE_COMMUNE) -> KeyPair:
    with db.read() as session:
        row = current_own_key(session, role)
        assert row is not None
        return keypair_of(row)


def open_package(hub_db: Database, data: bytes) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(routing header fields, manifest, payload) of a package sealed to the hub."""
    header = read_header(data)
    opened = open_sealed(data, header, own_keypair(hub_db, ROLE_HUB))
    return dict(header.fields), opened.manifest, json.loads(inflate(opened, DEFAULT_LIMITS))


def reseal(
    data: bytes,
    hub_db: Database,
    signer: KeyPair,
    *,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    payload: Callable[[dict[str, Any]], None] | None = None,
    routing: Callable[[dict[str, Any]], None] | None = None,
    raw_payload: bytes | None = None,
) -> bytes:
    """The package re-sealed with `signer` after edits: what a sender holding a real key could produce."""
    header, man, doc = open_package(hub_db, data)
    route = {k: header[k] for k in ("kind", "from", "to", "stream", "sequence", "created_at")}
    man.pop("payload")
    for edit, target in ((manifest, man), (payload, doc), (routing, route)):
        if edit is not None:
            edit(target)
    body = raw_payload if raw_payload is not None else canonical_json(doc)
    hub_public = own_keypair(hub_db, ROLE_HUB).public
    return seal(routing=route, manifest=man, payload=body, sender=signer, recipient=hub_public).data


def hub_state(db: Database) -> dict[str, Any]:
    """Everything the hub knows that must not depend on arrival order (arrival times are left out)."""
    with db.read() as session:
        def rows(model: Any, *columns: Any) -> list[tuple[Any, ...]]:
            return sorted(tuple(r) for r in session.execute(select(*columns)))

        return {
            "events": rows(HubEvent, *HubEvent.__table__.c),
            "dossiers": rows(HubDossier, *HubDossier.__table__.c),
            "marks": rows(HubNodeMark, *HubNodeMark.__table__.c),
            "packages": rows(HubPackage, HubPackage.unit_code, HubPackage.stream_id, HubPackage.sequence,
                             HubPackage.mode, HubPackage.status, HubPackage.file_name, HubPackage.file_sha256,
                             HubPackage.payload_sha256, HubPackage.event_count, HubPackage.dossier_count),
            "units": rows(HubUnit, HubUnit.unit_code, HubUnit.unit_name, HubUnit.status,
                          HubUnit.last_package_created_at),
            "unit_keys": rows(SyncPeerKey, SyncPeerKey.peer_id, SyncPeerKey.fingerprint, SyncPeerKey.status),
        }


def quarantined(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        return [(r.file_name, r.reason_code) for r in session.execute(select(HubQuarantine)).scalars()]


def quarantine_copy(db: Database, file_sha256: str) -> str:
    with db.read() as session:
        return session.execute(select(HubQuarantine.stored_as).where(HubQuarantine.file_sha256 == file_sha256)
                               ).scalars().one()
