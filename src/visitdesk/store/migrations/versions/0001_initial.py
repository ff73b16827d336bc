"""initial schema

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-25 16:18:25.845913
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=True),
    sa.Column('city', sa.String(length=120), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('press_release_prefix', sa.String(length=40), nullable=False),
    sa.Column('media_contact', sa.Text(), nullable=True),
    sa.Column('logo', sa.LargeBinary(), nullable=True),
    sa.Column('logo_media_type', sa.String(length=60), nullable=True),
    sa.Column('default_classification', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office'))
    )
    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=True),
    sa.Column('native_name', sa.String(length=300), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('kind', sa.Enum('ministry', 'government_agency', 'university', 'embassy', 'international_organisation', 'company', 'other', name='organisationkind', native_enum=False, length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('ref', name=op.f('uq_organisation_ref'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_name'), ['name'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=120), nullable=False),
    sa.Column('honorific', sa.String(length=60), nullable=True),
    sa.Column('given_name', sa.String(length=200), nullable=True),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('family_name_first', sa.Boolean(), nullable=False),
    sa.Column('native_name', sa.String(length=300), nullable=True),
    sa.Column('position', sa.String(length=300), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('precedence', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=300), nullable=True),
    sa.Column('phone', sa.String(length=100), nullable=True),
    sa.Column('bio', sa.Text(), nullable=True),
    sa.Column('dietary', sa.Text(), nullable=True),
    sa.Column('medical', sa.Text(), nullable=True),
    sa.Column('photo', sa.LargeBinary(), nullable=True),
    sa.Column('photo_media_type', sa.String(length=60), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_person_organisation_id_organisation'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('ref', name=op.f('uq_person_ref'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_family_name'), ['family_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('direction', sa.Enum('incoming', 'outgoing', name='visitdirection', native_enum=False, length=40), nullable=False),
    sa.Column('host_organisation_id', sa.Integer(), nullable=True),
    sa.Column('guest_organisation_id', sa.Integer(), nullable=True),
    sa.Column('city', sa.String(length=120), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'confirmed', 'in_progress', 'concluded', 'cancelled', name='visitstatus', native_enum=False, length=40), nullable=False),
    sa.Column('delegation_description', sa.Text(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source_note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['guest_organisation_id'], ['organisation.id'], name=op.f('fk_visit_guest_organisation_id_organisation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['host_organisation_id'], ['organisation.id'], name=op.f('fk_visit_host_organisation_id_organisation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['leader_id'], ['person.id'], name=op.f('fk_visit_leader_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit')),
    sa.UniqueConstraint('ref', name=op.f('uq_visit_ref'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_guest_organisation_id'), ['guest_organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_host_organisation_id'), ['host_organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_start_date'), ['start_date'], unique=False)

    op.create_table('engagement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('ministry_meeting', 'university_visit', 'office_visit', 'courtesy_call', 'signing_ceremony', 'meal', 'transfer', 'site_visit', 'press_event', 'other', name='engagementkind', native_enum=False, length=40), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('start', sa.DateTime(), nullable=False),
    sa.Column('end', sa.DateTime(), nullable=False),
    sa.Column('venue', sa.String(length=500), nullable=True),
    sa.Column('city', sa.String(length=120), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('objectives', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_engagement_organisation_id_organisation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_engagement_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_engagement')),
    sa.UniqueConstraint('visit_id', 'ref', name='uq_engagement_visit_ref')
    )
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_engagement_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_engagement_start'), ['start'], unique=False)
        batch_op.create_index(batch_op.f('ix_engagement_visit_id'), ['visit_id'], unique=False)

    op.create_table('press_release',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=True),
    sa.Column('headline', sa.Text(), nullable=True),
    sa.Column('lead_quote', sa.Text(), nullable=True),
    sa.Column('lead_quote_attribution', sa.String(length=300), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'issued', name='pressreleasestatus', native_enum=False, length=40), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_press_release_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_press_release')),
    sa.UniqueConstraint('number', name=op.f('uq_press_release_number'))
    )
    with op.batch_alter_table('press_release', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_press_release_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.Enum('host', 'guest', name='side', native_enum=False, length=40), nullable=False),
    sa.Column('role', sa.String(length=120), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_participant_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_participant_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_participant')),
    sa.UniqueConstraint('visit_id', 'person_id', name='uq_visit_participant')
    )
    with op.batch_alter_table('visit_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_participant_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_participant_visit_id'), ['visit_id'], unique=False)

    op.create_table('attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.Enum('host', 'guest', name='side', native_enum=False, length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_attendee_engagement_id_engagement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendee_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendee')),
    sa.UniqueConstraint('engagement_id', 'person_id', name='uq_attendee_engagement_person')
    )
    with op.batch_alter_table('attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendee_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendee_person_id'), ['person_id'], unique=False)

    op.create_table('outcome',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('agreement', 'offer', 'directive', 'decision', 'action', name='outcomekind', native_enum=False, length=40), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('next_step', sa.Text(), nullable=True),
    sa.Column('status', sa.Enum('proposed', 'drafted', 'initialled', 'signed', 'in_force', 'open', 'done', 'dropped', name='outcomestatus', native_enum=False, length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_outcome_engagement_id_engagement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_outcome_owner_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_outcome_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome'))
    )
    with op.batch_alter_table('outcome', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcome_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcome_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcome_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcome_visit_id'), ['visit_id'], unique=False)

    op.create_table('statement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('style', sa.Enum('direct', 'reported', name='statementstyle', native_enum=False, length=40), nullable=False),
    sa.Column('for_press', sa.Boolean(), nullable=False),
    sa.Column('role', sa.Enum('none', 'headline', 'lead_quote', name='statementrole', native_enum=False, length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_statement_engagement_id_engagement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['speaker_id'], ['person.id'], name=op.f('fk_statement_speaker_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_statement_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statement'))
    )
    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statement_visit_id'), ['visit_id'], unique=False)

    op.create_table('talking_point',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_talking_point_engagement_id_engagement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_talking_point'))
    )
    with op.batch_alter_table('talking_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_talking_point_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outcome_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'drafted', 'initialled', 'signed', 'in_force', 'open', 'done', 'dropped', name='outcomestatus', native_enum=False, length=40), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['outcome_id'], ['outcome.id'], name=op.f('fk_status_change_outcome_id_outcome'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_change'))
    )
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_change_outcome_id'), ['outcome_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_change_outcome_id'))

    op.drop_table('status_change')
    with op.batch_alter_table('talking_point', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_talking_point_engagement_id'))

    op.drop_table('talking_point')
    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statement_visit_id'))
        batch_op.drop_index(batch_op.f('ix_statement_engagement_id'))

    op.drop_table('statement')
    with op.batch_alter_table('outcome', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_visit_id'))
        batch_op.drop_index(batch_op.f('ix_outcome_status'))
        batch_op.drop_index(batch_op.f('ix_outcome_owner_id'))
        batch_op.drop_index(batch_op.f('ix_outcome_engagement_id'))
        batch_op.drop_index(batch_op.f('ix_outcome_due_date'))

    op.drop_table('outcome')
    with op.batch_alter_table('attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendee_person_id'))
        batch_op.drop_index(batch_op.f('ix_attendee_engagement_id'))

    op.drop_table('attendee')
    with op.batch_alter_table('visit_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_participant_visit_id'))
        batch_op.drop_index(batch_op.f('ix_visit_participant_person_id'))

    op.drop_table('visit_participant')
    with op.batch_alter_table('press_release', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_press_release_visit_id'))

    op.drop_table('press_release')
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_engagement_visit_id'))
        batch_op.drop_index(batch_op.f('ix_engagement_start'))
        batch_op.drop_index(batch_op.f('ix_engagement_organisation_id'))

    op.drop_table('engagement')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_start_date'))
        batch_op.drop_index(batch_op.f('ix_visit_host_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_visit_guest_organisation_id'))

    op.drop_table('visit')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_person_family_name'))

    op.drop_table('person')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_name'))

    op.drop_table('organisation')
    op.drop_table('office')

