"""name search: an FTS5 index of the folded applicant name, kept in step by triggers

The search box matched `applicant_name_key LIKE '%…%'`, which no index can serve: 0.3–0.9 s on a million
dossiers (docs/benchmarks.md). FTS5 over the already-folded key (so `remove_diacritics 0`: the key has no
marks, and đ is already d) answers word-prefix searches ("nguyen va…") from the index.

External content (`content='dossiers'`): the index stores no second copy of the names. It is keyed by the
dossiers' rowid, so a later migration that rebuilds the dossiers table (Alembic batch mode copies rows into
a new table) must recreate these triggers and run `rebuild`; tests/db/test_name_search.py checks the index
against the table after every upgrade to head. SQLite only; other engines search with LIKE.

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
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(applicant_name_key, content='dossiers', "
        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')"
    )
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
    op.execute(
        f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON dossiers BEGIN "
        f"INSERT INTO {FTS}(rowid, applicant_name_key) VALUES (new.rowid, new.applicant_name_key); END"
    )
    op.execute(
        f"CREATE TRIGGER {TRIGGERS[1]} AFTER DELETE ON dossiers BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, applicant_name_key) VALUES ('delete', old.rowid, old.applicant_name_key); "
        "END"
    )
    op.execute(
        f"CREATE TRIGGER {TRIGGERS[2]} AFTER UPDATE OF applicant_name_key ON dossiers BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, applicant_name_key) VALUES ('delete', old.rowid, old.applicant_name_key); "
        f"INSERT INTO {FTS}(rowid, applicant_name_key) VALUES (new.rowid, new.applicant_name_key); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {FTS}")
