"""Who this installation is for sync: its own keys, the hub it trusts (commune) and the export stream.

Private keys live in the database (table sync_own_keys): an unattended automatic export must be able to
sign. Whoever holds the database file holds the keys — protect it like the data it contains.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models_sync import SyncOwnKey, SyncPeerKey
from counter_app.messages import sync as msg
from counter_app.services import settings as setting_keys
from counter_app.services.settings import get_setting, set_setting
from counter_app.sync.errors import SyncError
from counter_app.sync.keys import HubIdentity, KeyPair, PublicKeys, endorse, follow_chain, identity_document

STREAM_ID = "sync.stream_id"
HUB_ID = "sync.hub_id"
HUB_NAME = "sync.hub_name"
ROLE_COMMUNE = "commune"
ROLE_HUB = "hub"


def current_own_key(session: Session, role: str) -> SyncOwnKey | None:
    return session.execute(
        select(SyncOwnKey)
        .where(SyncOwnKey.role == role, SyncOwnKey.retired_at.is_(None))
        .order_by(SyncOwnKey.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def keypair_of(row: SyncOwnKey) -> KeyPair:
    return KeyPair.from_private(row.signing_private, row.encryption_private)


def all_own_keypairs(session: Session, role: str) -> dict[str, KeyPair]:
    """Every key pair of the role, current and retired, by fingerprint: packages sealed to an old key open."""
    rows = session.execute(select(SyncOwnKey).where(SyncOwnKey.role == role)).scalars()
    return {row.fingerprint: keypair_of(row) for row in rows}


def _store_key(session: Session, role: str, owner_id: str, pair: KeyPair, chain: list[Any], now: datetime
               ) -> SyncOwnKey:
    signing, encryption = pair.private_b64()
    row = SyncOwnKey(role=role, owner_id=owner_id, signing_private=signing, encryption_private=encryption,
                     fingerprint=pair.public.fingerprint, rotation_chain=chain, created_at=now)
    session.add(row)
    session.flush()
    return row


def ensure_own_key(session: Session, role: str, owner_id: str, now: datetime) -> SyncOwnKey:
    row = current_own_key(session, role)
    return row if row is not None else _store_key(session, role, owner_id, KeyPair.generate(), [], now)


def rotate_own_key(session: Session, role: str, owner_id: str, now: datetime) -> tuple[str, str]:
    """A new key pair endorsed by the current one; the old one is retired but kept (to open old packages)."""
    old = current_own_key(session, role)
    if old is None:
        raise SyncError(msg.KEYS_NONE, "no_keys")
    new = KeyPair.generate()
    chain = [*old.rotation_chain, endorse(keypair_of(old), owner_id, new.public)]
    old.retired_at = now
    _store_key(session, role, owner_id, new, chain, now)
    return old.fingerprint, new.public.fingerprint


def stream_id(session: Session) -> str:
    """The id of this database's sequence of export packages.

    Tied to the default workstation node: a database restored from a backup takes a new node identity
    (services.unit.take_new_node_identity), and so also a new stream, so package numbers the lost copy may
    already have sent are never reused for other content.
    """
    node = get_setting(session, setting_keys.DEFAULT_NODE_ID)
    value = get_setting(session, STREAM_ID)
    if not isinstance(value, dict) or value.get("node") != node or not value.get("id"):
        value = {"node": node, "id": str(uuid.uuid4())}
        set_setting(session, STREAM_ID, value)
    return str(value["id"])


# --- peers ----------------------------------------------------------------------------------------


def peer_keys(row: SyncPeerKey) -> PublicKeys:
    return PublicKeys.from_dict({"signing": row.signing_public, "encryption": row.encryption_public})


def peer_rows(session: Session, kind: str, peer_id: str | None = None, statuses: tuple[str, ...] = ("trusted",)
              ) -> list[SyncPeerKey]:
    stmt = select(SyncPeerKey).where(SyncPeerKey.peer_kind == kind, SyncPeerKey.status.in_(statuses))
    if peer_id is not None:
        stmt = stmt.where(SyncPeerKey.peer_id == peer_id)
    return list(session.execute(stmt.order_by(SyncPeerKey.id)).scalars())


def add_peer(session: Session, kind: str, peer_id: str, name: str, keys: PublicKeys, status: str, source: str,
             now: datetime) -> SyncPeerKey:
    row = SyncPeerKey(peer_kind=kind, peer_id=peer_id, peer_name=name, signing_public=keys.to_dict()["signing"],
                      encryption_public=keys.to_dict()["encryption"], fingerprint=keys.fingerprint, status=status,
                      source=source[:300], added_at=now, confirmed_at=now if status == "trusted" else None)
    session.add(row)
    session.flush()
    return row


def trusted_hub(session: Session) -> SyncPeerKey | None:
    rows = peer_rows(session, "hub")
    return rows[-1] if rows else None


def accept_hub_identity(session: Session, identity: HubIdentity, *, replace: bool, source: str, now: datetime
                        ) -> str:
    """Trust a hub identity (commune side). A new key must be endorsed by the trusted one unless `replace`."""
    current = trusted_hub(session)
    if current is not None and current.fingerprint == identity.fingerprint:
        return msg.IDENTITY_SAME
    if current is not None and current.peer_id == identity.hub_id and not replace:
        trusted = {row.fingerprint: peer_keys(row) for row in peer_rows(session, "hub", identity.hub_id)}
        if follow_chain(trusted, identity.hub_id, identity.rotation_chain, identity.keys) is None:
            raise SyncError(msg.IDENTITY_CONFLICT.format(fingerprint=identity.fingerprint,
                                                         trusted=current.fingerprint), "identity_conflict")
        rotated = True
    elif current is not None and not replace:
        raise SyncError(msg.IDENTITY_CONFLICT.format(fingerprint=identity.fingerprint, trusted=current.fingerprint),
                        "identity_conflict")
    else:
        rotated = False
    for row in peer_rows(session, "hub"):
        row.status, row.retired_at = "retired", now
    add_peer(session, "hub", identity.hub_id, identity.name, identity.keys, "trusted", source, now)
    template = msg.IDENTITY_ROTATED if rotated else msg.IDENTITY_IMPORTED
    return template.format(name=identity.name, hub_id=identity.hub_id, fingerprint=identity.fingerprint)


# --- hub ------------------------------------------------------------------------------------------


def hub_id_of(session: Session) -> tuple[str, str]:
    hub_id, name = get_setting(session, HUB_ID), get_setting(session, HUB_NAME)
    if not hub_id or current_own_key(session, ROLE_HUB) is None:
        raise SyncError(msg.HUB_NOT_INITIALISED, "hub_not_initialised")
    return str(hub_id), str(name or hub_id)


def hub_identity_doc(session: Session) -> dict[str, Any]:
    hub_id, name = hub_id_of(session)
    row = current_own_key(session, ROLE_HUB)
    assert row is not None
    return identity_document(hub_id, name, keypair_of(row), row.created_at, row.rotation_chain)
