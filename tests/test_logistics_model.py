"""The logistics records (migration 0009): a change to a part is a change of its record, a
seat row knows its movement, and the audit trail files every row under its visit."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, text

from visitdesk.domain.cars import CarPassenger, Movement, MovementCar
from visitdesk.domain.enums import CarRole, CarSeat, GiftDirection, RoomType, TravelKind
from visitdesk.domain.gifts import Gift
from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.person import Person
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.domain.visit import Visit
from visitdesk.store.database import Store


def _visit_and_leader(store: Store) -> tuple[int, int]:
    with store.session() as session, session.begin():
        visit = Visit(
            ref="jpo-2027",
            title="Visit of the JPO",
            start_date=date(2027, 3, 1),
            end_date=date(2027, 3, 3),
            time_zone="Asia/Karachi",
        )
        leader = Person(ref="sato", family_name="Sato", given_name="Ken", family_name_first=True)
        session.add_all([visit, leader])
        session.flush()
        return visit.id, leader.id


def test_a_seat_in_a_car_raises_its_movements_version_and_knows_the_movement(store: Store) -> None:
    visit_id, leader_id = _visit_and_leader(store)
    with store.session() as session, session.begin():
        movement = Movement(
            visit_id=visit_id, title="Hotel to ministry", departs=datetime(2027, 3, 1, 9, 30)
        )
        car = MovementCar(role=CarRole.FLAG, registration="GA-123", driver="Imran")
        movement.cars.append(car)
        session.add(movement)
        session.flush()
        movement_id, version = movement.id, movement.version
    with store.session() as session, session.begin():
        car = session.scalars(select(MovementCar)).one()
        car.seats.append(CarPassenger(person_id=leader_id, seat=CarSeat.REAR_RIGHT))
    with store.session() as session:
        seat = session.scalars(select(CarPassenger)).one()
        assert seat.movement_id == movement_id
        assert session.get(Movement, movement_id).version == version + 1  # type: ignore[union-attr]


def test_logistics_rows_are_in_the_visits_trail_and_go_with_the_visit(store: Store) -> None:
    visit_id, leader_id = _visit_and_leader(store)
    with store.session() as session, session.begin():
        leg = TravelLeg(
            visit_id=visit_id,
            kind=TravelKind.ARRIVAL,
            number="PK 853",
            arrives=datetime(2027, 3, 1, 6, 5),
        )
        leg.travellers.append(Traveller(person_id=leader_id))
        hotel = Hotel(visit_id=visit_id, name="Serena", city="Islamabad")
        hotel.rooms.append(
            HotelRoom(
                person_id=leader_id,
                room_type=RoomType.SUITE,
                check_in=date(2027, 3, 1),
                check_out=date(2027, 3, 3),
            )
        )
        gift = Gift(
            visit_id=visit_id,
            direction=GiftDirection.RECEIVED,
            receiver_id=leader_id,
            description="Tea set",
            estimated_value=12_000_000_000,
            currency="PKR",
        )
        movement = Movement(visit_id=visit_id, travel_leg=leg, departs=datetime(2027, 3, 1, 6, 30))
        car = MovementCar()
        car.seats.append(CarPassenger(person_id=leader_id, seat=CarSeat.REAR_RIGHT))
        movement.cars.append(car)
        session.add_all([leg, hotel, gift, movement])
    with store.engine.connect() as connection:
        filed: dict[str, int] = dict(
            connection.execute(
                text(
                    "SELECT table_name, count(*) FROM audit_entry"
                    " WHERE visit_id = :v GROUP BY table_name"
                ),
                {"v": visit_id},
            ).all()
        )
    for table in (
        "travel_leg",
        "traveller",
        "hotel",
        "hotel_room",
        "gift",
        "movement",
        "movement_car",
        "car_passenger",
    ):
        assert filed.get(table), table
    with store.session() as session, session.begin():
        session.delete(session.get(Visit, visit_id))
    with store.engine.connect() as connection:
        for table in (
            "travel_leg",
            "traveller",
            "hotel_room",
            "movement_car",
            "car_passenger",
            "gift",
        ):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
        assert connection.execute(
            text("SELECT 1 FROM person WHERE id = :p"), {"p": leader_id}
        ).scalar()
