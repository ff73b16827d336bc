"""gift deposit authority

Revision ID: 0011_gift_deposit_authority
Revises: 0010_brief_classification
Create Date: 2026-12-02 03:30:00

The name of the authority to which officials report and deposit the gifts they receive (in
Pakistan the Toshakhana of the Cabinet Division), declared once in the office's set-up since
other governments keep other registers. Existing offices get the Pakistani default.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0011_gift_deposit_authority'
down_revision = '0010_brief_classification'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'gift_deposit_authority',
                sa.String(length=120),
                server_default='Toshakhana (Cabinet Division)',
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_column('gift_deposit_authority')
