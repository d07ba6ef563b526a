"""The audit trail: who did what, when, with the state before and after — append-only and hash-chained.

Each row stores the SHA-256 of its own canonical content plus the previous row's hash, so editing, deleting
or reordering a row breaks the chain at that row (see services/audit.py). Triggers (migration 0002) refuse
UPDATE and DELETE through SQL, and `audit_head` remembers the last row so a cut-off tail is noticed too.
No personal data of citizens is written here: rows name dossiers by code, never by applicant.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models import Base
from counter_app.db.types import AwareDateTime


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_target", "target_type", "target_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # 1, 2, 3, … no gaps
    at: Mapped[datetime] = mapped_column(AwareDateTime())  # the PC clock when the row was written
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # no FK: the trail outlives accounts
    username: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(10))
    node_id: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(50), index=True)  # e.g. "dossier.forward", "user.reset"
    target_type: Mapped[str] = mapped_column(String(30), default="")
    target_id: Mapped[str] = mapped_column(String(100), default="")
    before: Mapped[dict] = mapped_column(JSON, default=dict)
    after: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row (id 1): the chain's last link, and the clock reference used by the clock-sanity check."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    # The latest plausible time ever recorded (see services/clock_sanity.py); None before the first row.
    clock_reference_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
