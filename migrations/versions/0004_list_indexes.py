"""list indexes: dossiers by state then receipt time, and by current due date (the counter's list)

Revision ID: 0004_list_indexes
Revises: 0003_sync
Create Date: 2026-11-23 16:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004_list_indexes"
down_revision: str | None = "0003_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_dossiers_state_received", "dossiers", ["state", "received_at"], unique=False)
    op.create_index("ix_dossiers_current_due_at", "dossiers", ["current_due_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_dossiers_current_due_at", table_name="dossiers")
    op.drop_index("ix_dossiers_state_received", table_name="dossiers")
