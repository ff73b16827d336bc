"""the audit trail: who changed what, when, on both stores

Revision ID: 0008_audit_trail
Revises: 0007_record_versions
Create Date: 2026-12-02 01:00:00.000000

On PostgreSQL the server's triggers write it (store/server/trail.py); on SQLite VisitDesk's
connections do (store/trail_sqlite.py, TEMP triggers, nothing stored in the file but the
table). Records that exist before the upgrade have no history until they next change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008_audit_trail'
down_revision = '0007_record_versions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audit_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('login', sa.String(length=100), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('table_name', sa.String(length=63), nullable=False),
        sa.Column('record_id', sa.Integer(), nullable=True),
        sa.Column('visit_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=6), nullable=False),
        sa.Column('changes', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry')),
    )
    op.create_index('ix_audit_entry_record', 'audit_entry', ['table_name', 'record_id'])
    op.create_index(op.f('ix_audit_entry_visit_id'), 'audit_entry', ['visit_id'])
    if op.get_bind().dialect.name == 'postgresql':
        from visitdesk.store.server import trail

        trail.install(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        from visitdesk.store.server import trail

        trail.uninstall(op.get_bind())
    op.drop_index(op.f('ix_audit_entry_visit_id'), table_name='audit_entry')
    op.drop_index('ix_audit_entry_record', table_name='audit_entry')
    op.drop_table('audit_entry')
