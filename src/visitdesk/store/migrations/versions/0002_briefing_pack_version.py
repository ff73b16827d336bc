"""Count the briefing packs built for each visit (the version printed on a pack's cover).

Revision ID: 0002_briefing_pack_version
Revises: 0001_initial
Create Date: 2026-11-25 16:31:03.254146
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_briefing_pack_version"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing visits have had no pack built by VisitDesk yet: they start at 0.
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("briefing_pack_version", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("briefing_pack_version")
