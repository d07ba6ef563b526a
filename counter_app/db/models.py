"""SQLAlchemy models of a commune counter (and, with the same tables, of the hub).

The dossier row is the current state; `dossier_events` is the append-only history that sync ships.
Text is NFC; `*_key` columns hold the Vietnamese folding key used for search.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from counter_app.db.types import AwareDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UnitProfile(Base):
    """The commune's identity. Kept as history: a unit may be renamed or recoded; the newest row is current."""

    __tablename__ = "unit_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(35))
    name: Mapped[str] = mapped_column(String(200))  # e.g. "Trung tâm Phục vụ hành chính công xã Mường Lát"
    parent_body: Mapped[str] = mapped_column(String(200))  # e.g. "UBND xã Mường Lát"
    province: Mapped[str] = mapped_column(String(100))
    upper_office_name: Mapped[str] = mapped_column(String(200))
    upper_office_level: Mapped[str] = mapped_column(String(20))  # "province" | "district"
    mountainous: Mapped[bool] = mapped_column(Boolean, default=False)
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    place_name: Mapped[str] = mapped_column(String(100), default="")  # "<Địa danh>, ngày … tháng … năm …"
    valid_from: Mapped[datetime] = mapped_column(AwareDateTime())


class Node(Base):
    """A workstation. Each node issues codes from its own ordinal block and numbers its own events."""

    __tablename__ = "nodes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    ordinal_start: Mapped[int] = mapped_column(Integer)
    ordinal_end: Mapped[int] = mapped_column(Integer)
    ledger_book: Mapped[int] = mapped_column(Integer, default=1)
    event_counter: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    retired_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    full_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10))  # clerk | leader | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())


class Procedure(Base):
    """One version of a procedure of the catalogue. A new decree adds a version; old dossiers keep theirs."""

    __tablename__ = "procedures"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(400))
    name_key: Mapped[str] = mapped_column(String(400))
    field: Mapped[str] = mapped_column(String(100))
    time_value: Mapped[int] = mapped_column(Integer)
    time_unit: Mapped[str] = mapped_column(String(20))
    mountain_extra_days: Mapped[int] = mapped_column(Integer, default=0)
    fee: Mapped[int] = mapped_column(Integer, default=0)  # đồng
    fee_note: Mapped[str] = mapped_column(String(300), default="")
    handling_level: Mapped[str] = mapped_column(String(10))  # commune | upward
    clock_mode: Mapped[str] = mapped_column(String(10))  # pause | restart
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime())

    documents: Mapped[list[ProcedureDocument]] = relationship(
        back_populates="procedure", order_by="ProcedureDocument.position", cascade="all, delete-orphan"
    )


class ProcedureDocument(Base):
    __tablename__ = "procedure_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    form: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer, default=1)
    mandatory: Mapped[bool] = mapped_column(Boolean, default=True)

    procedure: Mapped[Procedure] = relationship(back_populates="documents")


class Dossier(Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        UniqueConstraint("ledger_year", "ledger_book", "ledger_ordinal"),
        Index("ix_dossiers_state_due", "state", "current_due_at"),
        Index("ix_dossiers_received_at", "received_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID: global identity, never shown
    code: Mapped[str] = mapped_column(String(60), unique=True)  # mã hồ sơ
    agency_code: Mapped[str] = mapped_column(String(35))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    procedure_code: Mapped[str] = mapped_column(String(40))
    procedure_name: Mapped[str] = mapped_column(String(400))
    field: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(24))
    channel: Mapped[str] = mapped_column(String(10))  # direct | post | online
    sets_count: Mapped[int] = mapped_column(Integer, default=1)
    fee: Mapped[int] = mapped_column(Integer, default=0)
    delivery: Mapped[str] = mapped_column(String(10))  # counter | post
    delivery_address: Mapped[str] = mapped_column(String(300), default="")

    applicant_name: Mapped[str] = mapped_column(String(100))
    applicant_name_key: Mapped[str] = mapped_column(String(100), index=True)
    applicant_id_number: Mapped[str] = mapped_column(String(12), default="", index=True)
    applicant_birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    applicant_gender: Mapped[str] = mapped_column(String(6), default="")
    applicant_phone: Mapped[str] = mapped_column(String(15), default="", index=True)
    applicant_email: Mapped[str] = mapped_column(String(120), default="")
    applicant_address: Mapped[str] = mapped_column(String(300), default="")
    submitter_name: Mapped[str] = mapped_column(String(100), default="")
    submitter_id_number: Mapped[str] = mapped_column(String(12), default="")
    submitter_phone: Mapped[str] = mapped_column(String(15), default="")

    received_at: Mapped[datetime] = mapped_column(AwareDateTime())
    received_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    node_id: Mapped[str] = mapped_column(ForeignKey("nodes.id"))
    # The promise printed on the slip: never moved silently. current_due_at follows pauses and extensions.
    promised_due_at: Mapped[datetime] = mapped_column(AwareDateTime())
    current_due_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    # What the dossier is judged against: moved by pauses, never by an extension (it stays late).
    accountable_due_at: Mapped[datetime] = mapped_column(AwareDateTime())
    due_explanation: Mapped[str] = mapped_column(Text, default="")
    clock_paused_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    returned_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    handler: Mapped[str] = mapped_column(String(200), default="")
    forwarded_upward: Mapped[bool] = mapped_column(Boolean, default=False)
    supplement_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    satisfaction: Mapped[str] = mapped_column(String(20), default="")
    # Who collected the result: personal data, so kept on the row (erasable), never in an event payload.
    receiver_name: Mapped[str] = mapped_column(String(100), default="")
    receiver_id_number: Mapped[str] = mapped_column(String(12), default="")
    ledger_year: Mapped[int] = mapped_column(Integer)
    ledger_book: Mapped[int] = mapped_column(Integer)
    ledger_ordinal: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime())

    documents: Mapped[list[DossierDocument]] = relationship(
        back_populates="dossier", order_by="DossierDocument.position", cascade="all, delete-orphan"
    )


class DossierDocument(Base):
    __tablename__ = "dossier_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    form: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer, default=1)
    note: Mapped[str] = mapped_column(String(300), default="")

    dossier: Mapped[Dossier] = relationship(back_populates="documents")


class DossierEvent(Base):
    """Append-only: SQLite triggers (see the first migration) refuse UPDATE and DELETE."""

    __tablename__ = "dossier_events"
    __table_args__ = (UniqueConstraint("node_id", "node_counter"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(AwareDateTime())  # the PC clock when the clerk acted
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(50))
    node_id: Mapped[str] = mapped_column(ForeignKey("nodes.id"))
    node_counter: Mapped[int] = mapped_column(Integer)
    from_state: Mapped[str] = mapped_column(String(24), default="")
    to_state: Mapped[str] = mapped_column(String(24), default="")
    payload: Mapped[dict] = mapped_column(JSON, default=dict)


class CodeCounter(Base):
    """The last ordinal a node used on a day: the daily part of the mã hồ sơ."""

    __tablename__ = "code_counters"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    node_id: Mapped[str] = mapped_column(ForeignKey("nodes.id"), primary_key=True)
    last_ordinal: Mapped[int] = mapped_column(Integer)


class LedgerCounter(Base):
    """The last số thứ tự used in a node's ledger book (Quyển số) of a year."""

    __tablename__ = "ledger_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    book: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_ordinal: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime())


# Made by raw SQL in migrations, outside the models: the FTS5 name index and its shadow tables (0006).
_RAW_SQL_TABLE_PREFIX = "dossier_name_search"


def compared_with_models(name: str | None, type_: str, _parents: object = None) -> bool:
    """Alembic's include_name: leave the raw-SQL tables out of the models-vs-database comparison."""
    return not (type_ == "table" and name is not None and name.startswith(_RAW_SQL_TABLE_PREFIX))


# Tables of other areas, registered on the same Base (import at the bottom: they import Base from here).
from counter_app.db import list_indexes, models_audit, models_sync, report_indexes  # noqa: E402, F401
