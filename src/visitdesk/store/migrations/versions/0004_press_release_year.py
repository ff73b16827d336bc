"""press release numbers unique per calendar year

Revision ID: 0004_press_release_year
Revises: 0003_press_release_topic
Create Date: 2026-12-01 22:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004_press_release_year'
down_revision = '0003_press_release_topic'
branch_labels = None
depends_on = None

_releases = sa.table(
    'press_release',
    sa.column('id', sa.Integer()),
    sa.column('date', sa.Date()),
    sa.column('year', sa.Integer()),
)


def upgrade() -> None:
    with op.batch_alter_table('press_release', schema=None) as batch_op:
        batch_op.add_column(sa.Column('year', sa.Integer(), nullable=True))
    # Filled from each release's date in Python, the same way on SQLite and PostgreSQL.
    connection = op.get_bind()
    rows = connection.execute(sa.select(_releases.c.id, _releases.c.date)).all()
    for release_id, day in rows:
        connection.execute(
            _releases.update().where(_releases.c.id == release_id).values(year=day.year)
        )
    with op.batch_alter_table('press_release', schema=None) as batch_op:
        batch_op.alter_column('year', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint('uq_press_release_number', type_='unique')
        batch_op.create_unique_constraint('uq_press_release_year_number', ['year', 'number'])


def downgrade() -> None:
    with op.batch_alter_table('press_release', schema=None) as batch_op:
        batch_op.drop_constraint('uq_press_release_year_number', type_='unique')
        batch_op.create_unique_constraint('uq_press_release_number', ['number'])
        batch_op.drop_column('year')
