"""a classification level on each visit and each talking point; row-level security on a server

Revision ID: 0010_brief_classification
Revises: 0009_logistics
Create Date: 2026-12-02 03:20:00.000000

A visit's level starts from the office's default marking when that names a level (else
Restricted); talking points start with none of their own (at the visit's level), so every
existing brief reads as before. On PostgreSQL the talking points (and their lines in the trail)
get row-level security: store/server/classified.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010_brief_classification'
down_revision = '0009_logistics'
branch_labels = None
depends_on = None

LEVELS = ('unclassified', 'restricted', 'confidential', 'secret')


def upgrade() -> None:
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'classification', sa.String(length=40), nullable=False,
                server_default='restricted',
            )
        )
    with op.batch_alter_table('talking_point', schema=None) as batch_op:
        batch_op.add_column(sa.Column('level', sa.String(length=40), nullable=True))
    bind = op.get_bind()
    default = bind.execute(
        sa.text('SELECT default_classification FROM office ORDER BY id LIMIT 1')
    ).scalar()
    folded = ' '.join((default or '').split()).casefold()
    if folded in LEVELS and folded != 'restricted':
        bind.execute(sa.text('UPDATE visit SET classification = :level'), {'level': folded})
    if bind.dialect.name == 'postgresql':
        from visitdesk.store.server import classified

        classified.install(bind)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        from visitdesk.store.server import classified

        classified.uninstall(op.get_bind())
    with op.batch_alter_table('talking_point', schema=None) as batch_op:
        batch_op.drop_column('level')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_column('classification')
