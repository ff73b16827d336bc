"""logistics

Revision ID: 0009_logistics
Revises: 0008_audit_trail
Create Date: 2026-12-02 03:08:34.707234

Logistics and protocol items (issue 14): journeys and their travellers, hotel stays and rooms,
car plans (movements, their cars, who sits where), the gifts register, and each delegate's
liaison officer. All new tables and one nullable column: existing visits stay as they were.
On PostgreSQL `server init` (store/server/setup.after_upgrade) gives the new tables their
audit-trail triggers and the office's groups their rights.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0009_logistics'
down_revision = '0008_audit_trail'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('hotel',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('phone', sa.String(length=100), nullable=True),
    sa.Column('booking_reference', sa.String(length=120), nullable=True),
    sa.Column('paid_by', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=True),
    sa.Column('changed_by', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_hotel_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hotel'))
    )
    with op.batch_alter_table('hotel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hotel_visit_id'), ['visit_id'], unique=False)

    op.create_table('travel_leg',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('arrival', 'departure', 'onward', name='travelkind', native_enum=False, length=40), nullable=False),
    sa.Column('mode', sa.Enum('flight', 'train', 'road', name='travelmode', native_enum=False, length=40), nullable=False),
    sa.Column('carrier', sa.String(length=120), nullable=True),
    sa.Column('number', sa.String(length=20), nullable=True),
    sa.Column('origin', sa.String(length=200), nullable=True),
    sa.Column('destination', sa.String(length=200), nullable=True),
    sa.Column('departs', sa.DateTime(), nullable=True),
    sa.Column('arrives', sa.DateTime(), nullable=True),
    sa.Column('departs_zone', sa.String(length=64), nullable=True),
    sa.Column('arrives_zone', sa.String(length=64), nullable=True),
    sa.Column('terminal', sa.String(length=40), nullable=True),
    sa.Column('received_by_id', sa.Integer(), nullable=True),
    sa.Column('vip_lounge', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('baggage_pieces', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=True),
    sa.Column('changed_by', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['received_by_id'], ['person.id'], name=op.f('fk_travel_leg_received_by_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_travel_leg_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_travel_leg'))
    )
    with op.batch_alter_table('travel_leg', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_travel_leg_received_by_id'), ['received_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_travel_leg_visit_id'), ['visit_id'], unique=False)

    op.create_table('gift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('direction', sa.Enum('given', 'received', name='giftdirection', native_enum=False, length=40), nullable=False),
    sa.Column('giver_id', sa.Integer(), nullable=True),
    sa.Column('giver_name', sa.String(length=300), nullable=True),
    sa.Column('receiver_id', sa.Integer(), nullable=True),
    sa.Column('receiver_name', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=True),
    sa.Column('estimated_value', sa.BigInteger(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('photo', sa.LargeBinary(), nullable=True),
    sa.Column('photo_media_type', sa.String(length=60), nullable=True),
    sa.Column('decision', sa.Enum('not_reported', 'reported', 'deposited', 'retained', 'not_required', name='giftdecision', native_enum=False, length=40), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('deposited_on', sa.Date(), nullable=True),
    sa.Column('deposit_reference', sa.String(length=120), nullable=True),
    sa.Column('assessed_value', sa.BigInteger(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=True),
    sa.Column('changed_by', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_gift_engagement_id_engagement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['giver_id'], ['person.id'], name=op.f('fk_gift_giver_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['receiver_id'], ['person.id'], name=op.f('fk_gift_receiver_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_gift_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gift'))
    )
    with op.batch_alter_table('gift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gift_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gift_giver_id'), ['giver_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gift_receiver_id'), ['receiver_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gift_visit_id'), ['visit_id'], unique=False)

    op.create_table('hotel_room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hotel_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('room_type', sa.Enum('presidential_suite', 'suite', 'junior_suite', 'executive', 'deluxe', 'standard', name='roomtype', native_enum=False, length=40), nullable=False),
    sa.Column('room_number', sa.String(length=20), nullable=True),
    sa.Column('check_in', sa.Date(), nullable=False),
    sa.Column('check_out', sa.Date(), nullable=False),
    sa.Column('paid_by', sa.String(length=200), nullable=True),
    sa.Column('requests', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['hotel_id'], ['hotel.id'], name=op.f('fk_hotel_room_hotel_id_hotel'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_hotel_room_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hotel_room'))
    )
    with op.batch_alter_table('hotel_room', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hotel_room_hotel_id'), ['hotel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hotel_room_person_id'), ['person_id'], unique=False)

    op.create_table('movement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('travel_leg_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('departs', sa.DateTime(), nullable=False),
    sa.Column('arrives', sa.DateTime(), nullable=True),
    sa.Column('origin', sa.String(length=300), nullable=True),
    sa.Column('destination', sa.String(length=300), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=True),
    sa.Column('changed_by', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_movement_engagement_id_engagement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['travel_leg_id'], ['travel_leg.id'], name=op.f('fk_movement_travel_leg_id_travel_leg'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_movement_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_movement'))
    )
    with op.batch_alter_table('movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_movement_departs'), ['departs'], unique=False)
        batch_op.create_index(batch_op.f('ix_movement_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_movement_travel_leg_id'), ['travel_leg_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_movement_visit_id'), ['visit_id'], unique=False)

    op.create_table('traveller',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('leg_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('seat', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['leg_id'], ['travel_leg.id'], name=op.f('fk_traveller_leg_id_travel_leg'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_traveller_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_traveller')),
    sa.UniqueConstraint('leg_id', 'person_id', name='uq_traveller_leg_person')
    )
    with op.batch_alter_table('traveller', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_traveller_leg_id'), ['leg_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_traveller_person_id'), ['person_id'], unique=False)

    op.create_table('movement_car',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('movement_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('pilot', 'flag', 'delegation', 'escort', 'backup', 'baggage', name='carrole', native_enum=False, length=40), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=True),
    sa.Column('registration', sa.String(length=40), nullable=True),
    sa.Column('driver', sa.String(length=200), nullable=True),
    sa.Column('driver_phone', sa.String(length=100), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['movement_id'], ['movement.id'], name=op.f('fk_movement_car_movement_id_movement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_movement_car'))
    )
    with op.batch_alter_table('movement_car', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_movement_car_movement_id'), ['movement_id'], unique=False)

    op.create_table('car_passenger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('car_id', sa.Integer(), nullable=False),
    sa.Column('movement_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('seat', sa.Enum('rear_right', 'rear_left', 'rear_middle', 'front', 'other', name='carseat', native_enum=False, length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['car_id'], ['movement_car.id'], name=op.f('fk_car_passenger_car_id_movement_car'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['movement_id'], ['movement.id'], name=op.f('fk_car_passenger_movement_id_movement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_car_passenger_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_car_passenger')),
    sa.UniqueConstraint('car_id', 'person_id', name='uq_car_passenger')
    )
    with op.batch_alter_table('car_passenger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_car_passenger_car_id'), ['car_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_car_passenger_movement_id'), ['movement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_car_passenger_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('visit_participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('liaison_officer_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_visit_participant_liaison_officer_id'), ['liaison_officer_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_visit_participant_liaison_officer_id_person'), 'person', ['liaison_officer_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('visit_participant', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_visit_participant_liaison_officer_id_person'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_visit_participant_liaison_officer_id'))
        batch_op.drop_column('liaison_officer_id')

    with op.batch_alter_table('car_passenger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_car_passenger_person_id'))
        batch_op.drop_index(batch_op.f('ix_car_passenger_movement_id'))
        batch_op.drop_index(batch_op.f('ix_car_passenger_car_id'))

    op.drop_table('car_passenger')
    with op.batch_alter_table('movement_car', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_movement_car_movement_id'))

    op.drop_table('movement_car')
    with op.batch_alter_table('traveller', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_traveller_person_id'))
        batch_op.drop_index(batch_op.f('ix_traveller_leg_id'))

    op.drop_table('traveller')
    with op.batch_alter_table('movement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_movement_visit_id'))
        batch_op.drop_index(batch_op.f('ix_movement_travel_leg_id'))
        batch_op.drop_index(batch_op.f('ix_movement_engagement_id'))
        batch_op.drop_index(batch_op.f('ix_movement_departs'))

    op.drop_table('movement')
    with op.batch_alter_table('hotel_room', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hotel_room_person_id'))
        batch_op.drop_index(batch_op.f('ix_hotel_room_hotel_id'))

    op.drop_table('hotel_room')
    with op.batch_alter_table('gift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gift_visit_id'))
        batch_op.drop_index(batch_op.f('ix_gift_receiver_id'))
        batch_op.drop_index(batch_op.f('ix_gift_giver_id'))
        batch_op.drop_index(batch_op.f('ix_gift_engagement_id'))

    op.drop_table('gift')
    with op.batch_alter_table('travel_leg', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_travel_leg_visit_id'))
        batch_op.drop_index(batch_op.f('ix_travel_leg_received_by_id'))

    op.drop_table('travel_leg')
    with op.batch_alter_table('hotel', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hotel_visit_id'))

    op.drop_table('hotel')
