"""signatories of a signing ceremony

Revision ID: 0006_signatories
Revises: 0005_calendar_events
Create Date: 2026-12-01 22:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006_signatories'
down_revision = '0005_calendar_events'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Both empty on existing engagements: the pack then takes each side's principal.
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('host_signatory_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('guest_signatory_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_engagement_host_signatory_id_person'),
            'person', ['host_signatory_id'], ['id'], ondelete='SET NULL',
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_engagement_guest_signatory_id_person'),
            'person', ['guest_signatory_id'], ['id'], ondelete='SET NULL',
        )


def downgrade() -> None:
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_engagement_guest_signatory_id_person'), type_='foreignkey'
        )
        batch_op.drop_constraint(
            batch_op.f('fk_engagement_host_signatory_id_person'), type_='foreignkey'
        )
        batch_op.drop_column('guest_signatory_id')
        batch_op.drop_column('host_signatory_id')
