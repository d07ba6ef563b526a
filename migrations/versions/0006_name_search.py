"""name search: an FTS5 index of the folded applicant name, kept in step by triggers

The search box matched `applicant_name_key LIKE '%…%'`, which no index can serve: 0.3–0.9 s on a million
dossiers (docs/benchmarks.md). FTS5 over the already-folded key (so `remove_diacritics 0`: the key has no
marks, and đ is already d) answers word-prefix searches ("nguyen va…") from the index.

The index keeps its own small copy of the name key and the receipt time: a search sorts its matches newest
first there and reads only the page's rows from the wide dossiers table (on a cold disk, reading every
match's row took 0.2–0.3 s). It is keyed by the dossiers' rowid, so a later migration that rebuilds the
dossiers table (Alembic batch mode copies rows into a new table) must recreate these triggers and refill
it; tests/services/test_name_search.py checks it against the table after an upgrade. SQLite only; other
engines search with LIKE.

Revision ID: 0006_name_search
Revises: 0005_report_indexes
Create Date: 2026-11-23 18:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006_name_search"
down_revision: str | None = "0005_report_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS = "dossier_name_search"
TRIGGERS = (f"{FTS}_after_insert", f"{FTS}_after_delete", f"{FTS}_after_update")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(applicant_name_key, received_at UNINDEXED, "
        "tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')"
    )
    op.execute(
        f"INSERT INTO {FTS}(rowid, applicant_name_key, received_at) "
        "SELECT rowid, applicant_name_key, received_at FROM dossiers"
    )
    op.execute(
        f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON dossiers BEGIN "
        f"INSERT INTO {FTS}(rowid, applicant_name_key, received_at) "
        "VALUES (new.rowid, new.applicant_name_key, new.received_at); END"
    )
    op.execute(f"CREATE TRIGGER {TRIGGERS[1]} AFTER DELETE ON dossiers BEGIN DELETE FROM {FTS} WHERE rowid = old.rowid; END")
    op.execute(
        f"CREATE TRIGGER {TRIGGERS[2]} AFTER UPDATE OF applicant_name_key, received_at ON dossiers BEGIN "
        f"UPDATE {FTS} SET applicant_name_key = new.applicant_name_key, received_at = new.received_at "
        "WHERE rowid = new.rowid; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {FTS}")
