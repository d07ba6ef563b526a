"""Indexes that keep the counter's dossier list fast on a million dossiers (issue 5).

- (state, received_at): a quick filter by state ("returned", "result ready"…) listed newest first reads
  the index in order instead of sorting hundreds of thousands of rows.
- (current_due_at): the whole register sorted by due date.
Measured on 1,000,000 dossiers: the first page of "returned, newest first" went from 1.6 s to 0.4 ms,
"all, by due date" from 370 ms to 0.2 ms (benchmarks/bench_counter_list.py).
"""

from __future__ import annotations

from sqlalchemy import Index

from counter_app.db.models import Dossier

STATE_RECEIVED = Index("ix_dossiers_state_received", Dossier.state, Dossier.received_at)
CURRENT_DUE = Index("ix_dossiers_current_due_at", Dossier.current_due_at)
