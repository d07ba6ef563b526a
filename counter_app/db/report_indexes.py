"""Indexes that keep the reports fast on a million dossiers (issue 8; docs/reports.md).

- ix_dossiers_report covers every column Biểu 06 and the dashboard read, led by finished_at then
  received_at: a period's dossiers are "finished since its start" plus "still open" (finished_at IS
  NULL), two index ranges, and SQLite answers both from the index alone, without touching the wide
  dossier rows. Measured on 1,000,000 dossiers (benchmarks/bench_reports.py): a yearly Biểu 06 went
  from 6.6 s (no index on finished_at) to about 0.6 s.
- ix_dossiers_returned_at: satisfaction answers are counted by the return date.
"""

from __future__ import annotations

from sqlalchemy import Index

from counter_app.db.models import Dossier

REPORT = Index(
    "ix_dossiers_report",
    Dossier.finished_at,
    Dossier.received_at,
    Dossier.agency_code,
    Dossier.field,
    Dossier.channel,
    Dossier.state,
    Dossier.accountable_due_at,
    Dossier.current_due_at,
    Dossier.clock_paused_at,
)
RETURNED_AT = Index("ix_dossiers_returned_at", Dossier.returned_at)
