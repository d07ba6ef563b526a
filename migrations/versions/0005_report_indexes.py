"""report indexes: a covering index for Biểu 06 and the dashboard, and dossiers by return date

Revision ID: 0005_report_indexes
Revises: 0004_list_indexes
Create Date: 2026-11-23 16:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005_report_indexes"
down_revision: str | None = "0004_list_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPORT_COLUMNS = [
    "finished_at", "received_at", "agency_code", "field", "channel", "state", "accountable_due_at",
    "current_due_at", "clock_paused_at",
]


def upgrade() -> None:
    op.create_index("ix_dossiers_report", "dossiers", REPORT_COLUMNS, unique=False)
    op.create_index("ix_dossiers_returned_at", "dossiers", ["returned_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_dossiers_returned_at", table_name="dossiers")
    op.drop_index("ix_dossiers_report", table_name="dossiers")
