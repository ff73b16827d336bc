"""a version, a time and a name on every record an officer edits

Revision ID: 0007_record_versions
Revises: 0006_signatories
Create Date: 2026-12-02 00:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007_record_versions'
down_revision = '0006_signatories'
branch_labels = None
depends_on = None

# The records a stale save must not overwrite (see domain/versioning.py).
TABLES = (
    'visit', 'engagement', 'person', 'organisation', 'statement', 'outcome',
    'press_release', 'office',
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            # Existing records start at version 1, time and name unknown.
            batch_op.add_column(
                sa.Column('version', sa.Integer(), nullable=False, server_default='1')
            )
            batch_op.add_column(sa.Column('changed_at', sa.DateTime(), nullable=True))
            batch_op.add_column(sa.Column('changed_by', sa.String(length=100), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('changed_by')
            batch_op.drop_column('changed_at')
            batch_op.drop_column('version')
