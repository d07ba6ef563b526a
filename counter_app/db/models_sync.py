"""Tables of USB sync: keys and export bookkeeping on a commune; received data and its ledger on a hub.

A commune database and a hub database have the same schema (one program, two modes); each mode uses its
own tables. Hub tables are prefixed `hub_`. Keys are stored as base64 text of the raw 32-byte keys.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models import Base
from counter_app.db.types import AwareDateTime

# --- keys (both modes) ---------------------------------------------------------------------------


class SyncOwnKey(Base):
    """This installation's own key pairs (a commune's or a hub's). The newest row without retired_at is
    current; retired rows stay so that packages sealed to an old key still open."""

    __tablename__ = "sync_own_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(10))  # commune | hub
    owner_id: Mapped[str] = mapped_column(String(40))  # the unit code or the hub id
    signing_private: Mapped[str] = mapped_column(String(64))
    encryption_private: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    rotation_chain: Mapped[list] = mapped_column(JSON, default=list)  # endorsements old → … → this key
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    retired_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)


class SyncPeerKey(Base):
    """Public keys of the other side: the hub (on a commune) or each commune (on the hub)."""

    __tablename__ = "sync_peer_keys"
    __table_args__ = (Index("ix_sync_peer_keys_peer", "peer_kind", "peer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    peer_kind: Mapped[str] = mapped_column(String(10))  # hub | unit
    peer_id: Mapped[str] = mapped_column(String(40))
    peer_name: Mapped[str] = mapped_column(String(200), default="")
    signing_public: Mapped[str] = mapped_column(String(64))
    encryption_public: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(10))  # pending | trusted | retired
    source: Mapped[str] = mapped_column(String(300), default="")  # the file that introduced it
    added_at: Mapped[datetime] = mapped_column(AwareDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    retired_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    # A retired unit key still opens packages of the stream it signed before the rotation.
    retired_stream: Mapped[str | None] = mapped_column(String(36), nullable=True)
    retired_before_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)


# --- commune side ------------------------------------------------------------------------------


class SyncExport(Base):
    """One export package of this commune. Rows are written before the file (status `writing`) so that a
    sequence number is never used twice, even when the stick is pulled half-way."""

    __tablename__ = "sync_exports"
    __table_args__ = (UniqueConstraint("stream_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    hub_id: Mapped[str] = mapped_column(String(40))
    mode: Mapped[str] = mapped_column(String(12))  # incremental | resend | full
    status: Mapped[str] = mapped_column(String(10))  # writing | verified | failed
    file_name: Mapped[str] = mapped_column(String(200))
    folder: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    verified_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    acked_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    dossier_count: Mapped[int] = mapped_column(Integer, default=0)
    counters: Mapped[dict] = mapped_column(JSON, default=dict)  # node id → [first, last]
    supersedes: Mapped[list] = mapped_column(JSON, default=list)
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    error: Mapped[str] = mapped_column(Text, default="")


class SyncNodeMark(Base):
    """Per workstation: the highest event counter exported in a verified package, and acknowledged."""

    __tablename__ = "sync_node_marks"

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    exported_counter: Mapped[int] = mapped_column(Integer, default=0)
    acked_counter: Mapped[int] = mapped_column(Integer, default=0)


class SyncInbox(Base):
    """A return package applied on this commune (its sequence makes re-import a no-op)."""

    __tablename__ = "sync_inbox"
    __table_args__ = (UniqueConstraint("hub_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hub_id: Mapped[str] = mapped_column(String(40))
    sequence: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(200))
    file_sha256: Mapped[str] = mapped_column(String(64))
    applied_at: Mapped[datetime] = mapped_column(AwareDateTime())
    summary: Mapped[dict] = mapped_column(JSON, default=dict)


class SyncAppliedResult(Base):
    """A result from the upper level (liên thông) already applied to a dossier here."""

    __tablename__ = "sync_applied_results"

    result_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(36))
    outcome: Mapped[str] = mapped_column(String(40))  # applied | skipped:<state> | unknown_dossier
    applied_at: Mapped[datetime] = mapped_column(AwareDateTime())


# --- hub side ----------------------------------------------------------------------------------


class HubUnit(Base):
    __tablename__ = "hub_units"

    unit_code: Mapped[str] = mapped_column(String(35), primary_key=True)
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10))  # pending | confirmed
    first_seen_at: Mapped[datetime] = mapped_column(AwareDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    # Newest package creation time (the commune's clock) — independent of arrival order.
    last_package_created_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    last_import_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)


class HubPackage(Base):
    __tablename__ = "hub_packages"
    __table_args__ = (UniqueConstraint("unit_code", "stream_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(35), index=True)
    stream_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(10))  # applied | held
    file_name: Mapped[str] = mapped_column(String(200))
    stored_as: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str] = mapped_column(String(64))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime())
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    new_event_count: Mapped[int] = mapped_column(Integer, default=0)
    dossier_count: Mapped[int] = mapped_column(Integer, default=0)
    supersedes: Mapped[list] = mapped_column(JSON, default=list)


class HubDossier(Base):
    """The newest snapshot of a commune's dossier, with only the fields the upper level needs."""

    __tablename__ = "hub_dossiers"
    __table_args__ = (Index("ix_hub_dossiers_unit_state", "unit_code", "state"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(35))
    code: Mapped[str] = mapped_column(String(60), index=True)
    procedure_code: Mapped[str] = mapped_column(String(40))
    procedure_name: Mapped[str] = mapped_column(String(400))
    field: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(24))
    channel: Mapped[str] = mapped_column(String(10))
    sets_count: Mapped[int] = mapped_column(Integer)
    fee: Mapped[int] = mapped_column(Integer)
    delivery: Mapped[str] = mapped_column(String(10))
    received_at: Mapped[datetime] = mapped_column(AwareDateTime())
    promised_due_at: Mapped[datetime] = mapped_column(AwareDateTime())
    current_due_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    clock_paused_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    returned_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    forwarded_upward: Mapped[bool] = mapped_column(Boolean)
    handler: Mapped[str] = mapped_column(String(200))
    supplement_count: Mapped[int] = mapped_column(Integer)
    extension_count: Mapped[int] = mapped_column(Integer)
    satisfaction: Mapped[str] = mapped_column(String(20))
    applicant_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    applicant_id_number: Mapped[str | None] = mapped_column(String(12), nullable=True)
    rev: Mapped[int] = mapped_column(Integer)  # events of the dossier when the snapshot was taken
    rev_stream: Mapped[str] = mapped_column(String(36))
    rev_seq: Mapped[int] = mapped_column(Integer)  # tie-break between snapshots of equal rev


class HubEvent(Base):
    __tablename__ = "hub_events"
    __table_args__ = (UniqueConstraint("node_id", "node_counter"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(35))
    dossier_id: Mapped[str] = mapped_column(String(36), index=True)
    node_id: Mapped[str] = mapped_column(String(36))
    node_counter: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(AwareDateTime())
    username: Mapped[str] = mapped_column(String(50))
    from_state: Mapped[str] = mapped_column(String(24))
    to_state: Mapped[str] = mapped_column(String(24))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    content_hash: Mapped[str] = mapped_column(String(64))


class HubNodeMark(Base):
    """Per commune workstation: every counter up to `contiguous_counter` has arrived (the acknowledgement)."""

    __tablename__ = "hub_node_marks"

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(35), index=True)
    contiguous_counter: Mapped[int] = mapped_column(Integer, default=0)
    max_counter: Mapped[int] = mapped_column(Integer, default=0)
    event_count: Mapped[int] = mapped_column(Integer, default=0)


class HubResult(Base):
    """A result decided at the upper level for a dossier forwarded upward, to send back to its commune."""

    __tablename__ = "hub_results"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(36), index=True)
    unit_code: Mapped[str] = mapped_column(String(35), index=True)
    outcome: Mapped[str] = mapped_column(String(20))  # result_ready | refused
    note: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime] = mapped_column(AwareDateTime())
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    delivered_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)


class HubReturn(Base):
    __tablename__ = "hub_returns"
    __table_args__ = (UniqueConstraint("unit_code", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(35))
    sequence: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    file_name: Mapped[str] = mapped_column(String(200))
    acks: Mapped[dict] = mapped_column(JSON, default=dict)


class HubQuarantine(Base):
    __tablename__ = "hub_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(300))
    stored_as: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    reason_code: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    unit_code: Mapped[str | None] = mapped_column(String(35), nullable=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime())
