"""press release topic

Revision ID: 0003_press_release_topic
Revises: 0002_briefing_pack_version
Create Date: 2026-11-25 17:36:58.137109
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003_press_release_topic'
down_revision = '0002_briefing_pack_version'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('press_release', schema=None) as batch_op:
        batch_op.add_column(sa.Column('topic', sa.String(length=300), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('press_release', schema=None) as batch_op:
        batch_op.drop_column('topic')

