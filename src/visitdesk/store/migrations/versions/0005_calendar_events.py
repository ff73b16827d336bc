"""calendar events: an engagement's own time zone, a fixed UID, tombstones of deleted ones

Revision ID: 0005_calendar_events
Revises: 0004_press_release_year
Create Date: 2026-12-01 22:30:00
"""

from __future__ import annotations

import hashlib
import re

import sqlalchemy as sa
from alembic import op


revision = '0005_calendar_events'
down_revision = '0004_press_release_year'
branch_labels = None
depends_on = None


def _safe(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")
    return cleaned or "x"


def _old_uid(visit_ref: str, engagement_ref: str, office_name: str | None) -> str:
    """The UID exports made before this revision, so events already sent keep updating."""
    digest = hashlib.sha256((office_name or "").strip().casefold().encode()).hexdigest()
    return f"{_safe(visit_ref)}.{_safe(engagement_ref)}@{digest[:12]}.visitdesk.invalid"


def upgrade() -> None:
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('time_zone', sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column('uid', sa.String(length=255), nullable=False, server_default='')
        )
        # Engagements made before this revision may have gone out in a calendar already.
        batch_op.add_column(
            sa.Column('published', sa.Boolean(), nullable=False, server_default=sa.false())
        )
    connection = op.get_bind()
    office = connection.execute(sa.text("SELECT name FROM office ORDER BY id LIMIT 1")).scalar()
    rows = connection.execute(
        sa.text(
            "SELECT engagement.id, engagement.ref, visit.ref FROM engagement "
            "JOIN visit ON visit.id = engagement.visit_id"
        )
    ).all()
    if rows:
        connection.execute(
            sa.text("UPDATE engagement SET uid = :uid, published = :yes WHERE id = :id"),
            [
                {"id": eid, "uid": _old_uid(vref, eref, office), "yes": True}
                for eid, eref, vref in rows
            ],
        )
    op.create_table(
        'calendar_tombstone',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('visit_id', sa.Integer(), nullable=False),
        sa.Column('engagement_id', sa.Integer(), nullable=True),
        sa.Column('uid', sa.String(length=255), nullable=False),
        sa.Column('summary', sa.String(length=500), nullable=False),
        sa.Column('start', sa.DateTime(), nullable=False),
        sa.Column('end', sa.DateTime(), nullable=False),
        sa.Column('time_zone', sa.String(length=64), nullable=False),
        sa.Column('sequence', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['visit_id'], ['visit.id'], name=op.f('fk_calendar_tombstone_visit_id_visit'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_tombstone')),
    )
    with op.batch_alter_table('calendar_tombstone', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_calendar_tombstone_visit_id'), ['visit_id'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('calendar_tombstone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_tombstone_visit_id'))
    op.drop_table('calendar_tombstone')
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.drop_column('published')
        batch_op.drop_column('uid')
        batch_op.drop_column('time_zone')
