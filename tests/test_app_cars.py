"""Car plans through the app layer: movements with cars and seats as one versioned record,
the proposal by precedence, a movement for each engagement, and undo of each."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.car_plan_visits import HOSTILE, CarVisit, make_car_visit
from visitdesk.app import ConflictError, Desk, RefusedError
from visitdesk.app.cars import (
    CarData,
    CarRole,
    CarSeat,
    MovementData,
    SeatConvention,
    SeatData,
    car_labels,
)


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk, CarVisit]]:
    first = Desk.open(data_dir=tmp_path / "records", user="akhan")
    visit = make_car_visit(first)
    second = Desk.open(data_dir=tmp_path / "records", user="bmalik")
    yield first, second, visit
    first.close()
    second.close()


def _airport(v: CarVisit) -> MovementData:
    return MovementData(
        departs=datetime(2027, 5, 11, 16, 0),
        title="Hotel → airport",
        origin="Serena Hotel",
        destination="Islamabad International Airport",
        cars=(
            CarData(CarRole.DELEGATION, registration="ICT-7", driver="Imran", driver_phone="0300"),
        ),
    )


def test_make_movements_leaves_before_each_engagement_from_where_the_last_one_was(
    desks: tuple[Desk, Desk, CarVisit],
) -> None:
    desk, _, v = desks
    made = desk.cars.make_movements(v.visit_id, timedelta(minutes=45))
    rows = desk.cars.movements(v.visit_id)
    assert [r.id for r in rows] == list(made)
    assert [(r.title, r.departs, r.origin, r.destination) for r in rows] == [
        (
            "Talks at the Ministry",
            datetime(2027, 5, 10, 9, 15),
            "Serena Hotel",
            "Ministry of Commerce, Blue Area",
        ),
        ("Lunch 午餐", datetime(2027, 5, 10, 12, 15), "Ministry of Commerce, Blue Area", HOSTILE),
    ]
    # Made again, nothing is doubled: each engagement has its movement already.
    assert desk.cars.make_movements(v.visit_id) == ()
    gone = desk.cars.delete_many(made)
    assert desk.cars.movements(v.visit_id) == ()
    desk.cars.restore_many(gone)
    assert [r.id for r in desk.cars.movements(v.visit_id)] == list(made)


def test_the_proposal_seats_the_leader_rear_right_of_car_one_and_keeps_the_drivers(
    desks: tuple[Desk, Desk, CarVisit],
) -> None:
    desk, _, v = desks
    (talks, _lunch) = desk.cars.make_movements(v.visit_id)
    record = desk.cars.load(talks)
    with_car = dataclasses.replace(
        record.data,
        cars=(CarData(CarRole.DELEGATION, registration="ICT-1", driver="Aslam", driver_phone="1"),),
    )
    record = desk.cars.update(talks, with_car, record.version)
    proposal = desk.cars.proposal(talks)
    flag = proposal.cars[0]
    assert (flag.role, flag.registration, flag.driver) == (CarRole.FLAG, "ICT-1", "Aslam")
    # The engagement's guests (王 and 李, not 陈), the host escort, the leader's liaison officer.
    assert flag.seats == (
        SeatData(v.leader, CarSeat.REAR_RIGHT),
        SeatData(v.escort, CarSeat.REAR_LEFT),
        SeatData(v.liaison, CarSeat.FRONT),
    )
    assert proposal.cars[1].seats == (SeatData(v.deputy, CarSeat.REAR_RIGHT),)
    assert car_labels(proposal) == ["Car 1", "Car 2"]
    assert desk.cars.load(talks).data == record.data  # a proposal saves nothing
    saved = desk.cars.update(talks, proposal, record.version, opened=record.data)
    assert saved.version > record.version and saved.data == proposal
    rows = desk.cars.movements(v.visit_id)
    assert (rows[0].cars, rows[0].seated) == (2, 4)


def test_an_office_convention_changes_the_proposal(desks: tuple[Desk, Desk, CarVisit]) -> None:
    desk, _, v = desks
    made = desk.cars.add(v.visit_id, _airport(v))
    office = SeatConvention(principal=CarSeat.REAR_LEFT, pilot=True)
    proposal = desk.cars.proposal(made.id, office)
    assert [c.role for c in proposal.cars] == [CarRole.PILOT, CarRole.FLAG, CarRole.DELEGATION]
    assert proposal.cars[1].seats[0] == SeatData(v.leader, CarSeat.REAR_LEFT)
    # The whole delegation travels to the airport, in precedence: 李 (2) before 陈 (unranked).
    assert [s.person_id for s in proposal.cars[2].seats] == [v.deputy, v.third]


def test_a_stale_save_of_a_car_plan_is_refused_with_the_other_officers_name(
    desks: tuple[Desk, Desk, CarVisit],
) -> None:
    a, b, v = desks
    made = a.cars.add(v.visit_id, _airport(v))
    opened_a, opened_b = a.cars.load(made.id), b.cars.load(made.id)
    b.cars.update(made.id, b.cars.proposal(made.id), opened_b.version)
    moved = dataclasses.replace(
        opened_a.data,
        cars=(dataclasses.replace(opened_a.data.cars[0], seats=(SeatData(v.third),)),),
    )
    with pytest.raises(ConflictError) as refused:
        a.cars.update(made.id, moved, opened_a.version, opened=opened_a.data)
    assert "bmalik" in str(refused.value) and "cars" in refused.value.fields


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (
            lambda d, v: dataclasses.replace(d, arrives=d.departs - timedelta(minutes=5)),
            "arrives",
        ),
        (
            lambda d, v: dataclasses.replace(
                d,
                cars=(
                    CarData(seats=(SeatData(v.leader, CarSeat.REAR_RIGHT),)),
                    CarData(seats=(SeatData(v.leader, CarSeat.FRONT),)),
                ),
            ),
            "王 小明 is seated twice",
        ),
        (
            lambda d, v: dataclasses.replace(
                d,
                cars=(
                    CarData(
                        seats=(
                            SeatData(v.leader, CarSeat.REAR_RIGHT),
                            SeatData(v.deputy, CarSeat.REAR_RIGHT),
                        )
                    ),
                ),
            ),
            "two passengers in the rear right seat",
        ),
        (
            lambda d, v: dataclasses.replace(d, cars=(CarData(registration="X" * 41),)),
            "at most 40",
        ),
    ],
)
def test_what_an_officer_gets_wrong_is_refused_in_a_sentence(
    desks: tuple[Desk, Desk, CarVisit], change: object, sentence: str
) -> None:
    desk, _, v = desks
    made = desk.cars.add(v.visit_id, _airport(v))
    assert callable(change)
    with pytest.raises(RefusedError, match=sentence):
        desk.cars.update(made.id, change(made.data, v), made.version)
    assert desk.cars.load(made.id).data == made.data


def test_deleting_an_engagement_takes_its_car_plan_and_undo_brings_it_back(
    desks: tuple[Desk, Desk, CarVisit],
) -> None:
    desk, _, v = desks
    desk.cars.make_movements(v.visit_id)
    talks = next(r for r in desk.cars.movements(v.visit_id) if r.title == "Talks at the Ministry")
    planned = desk.cars.load(talks.id)
    planned = desk.cars.update(talks.id, desk.cars.proposal(talks.id), planned.version)
    gone = desk.itinerary.delete(v.talks)
    assert [r.title for r in desk.cars.movements(v.visit_id)] == ["Lunch 午餐"]
    desk.itinerary.restore(gone)
    back = desk.cars.load(talks.id)
    assert (back.version, back.data) == (planned.version, planned.data)
    # Undo of the restore again, then redo: still one movement, seats and all.
    desk.itinerary.restore(desk.itinerary.delete(v.talks))
    assert desk.cars.load(talks.id).data == planned.data


def test_delete_and_restore_a_movement_and_the_people_a_seat_offers(
    desks: tuple[Desk, Desk, CarVisit],
) -> None:
    desk, _, v = desks
    made = desk.cars.add(v.visit_id, _airport(v))
    gone = desk.cars.delete(made.id)
    assert desk.cars.movements(v.visit_id) == ()
    back = desk.cars.restore(gone)
    assert (back.id, back.version, back.data) == (made.id, made.version, made.data)
    people = desk.cars.passengers(v.visit_id)
    assert [p.id for p in people][:2] == [v.leader, v.deputy]
    assert {p.id for p in people} == {v.leader, v.deputy, v.third, v.escort, v.liaison}
    engagements, legs = desk.cars.links(v.visit_id)
    assert [e.id for e in engagements] == [v.talks, v.lunch] and legs == ()


def test_an_airport_run_seats_the_journeys_travellers_with_their_receiving_officer(
    desks: tuple[Desk, Desk, CarVisit],
) -> None:
    from sqlalchemy.orm import Session

    from visitdesk.domain.enums import TravelKind
    from visitdesk.domain.travel import TravelLeg, Traveller

    desk, _, v = desks

    def leg(session: Session) -> int:
        arrival = TravelLeg(
            visit_id=v.visit_id,
            kind=TravelKind.ARRIVAL,
            carrier="PK",
            number="852",
            origin="Beijing",
            destination="Islamabad",
            received_by_id=v.liaison,
        )
        arrival.travellers = [Traveller(person_id=v.third), Traveller(person_id=v.deputy)]
        session.add(arrival)
        session.flush()
        return arrival.id

    leg_id = desk.write(leg)
    _engagements, legs = desk.cars.links(v.visit_id)
    assert [(j.id, j.label) for j in legs] == [(leg_id, "Arrival PK 852 Beijing → Islamabad")]
    made = desk.cars.add(
        v.visit_id, MovementData(departs=datetime(2027, 5, 10, 6, 0), travel_leg_id=leg_id)
    )
    proposal = desk.cars.proposal(made.id)
    # 李 (2) before 陈 (unranked); the officer who receives them rides with the principal.
    assert proposal.cars[0].seats == (
        SeatData(v.deputy, CarSeat.REAR_RIGHT),
        SeatData(v.liaison, CarSeat.REAR_LEFT),
    )
    assert proposal.cars[1].seats[0].person_id == v.third
    row = desk.cars.movements(v.visit_id)[0]
    assert (row.title, row.linked) == (
        "Arrival PK 852 Beijing → Islamabad",
        "Journey: Arrival PK 852 Beijing → Islamabad",
    )


def test_a_host_who_does_not_attend_is_not_seated_to_the_engagement_nor_on_an_airport_run(
    desks: tuple[Desk, Desk, CarVisit],
) -> None:
    from sqlalchemy.orm import Session

    from visitdesk.domain.enums import Side, TravelKind
    from visitdesk.domain.person import Person
    from visitdesk.domain.travel import TravelLeg, Traveller
    from visitdesk.domain.visit import VisitParticipant

    desk, _, v = desks

    def chairman_and_leg(session: Session) -> tuple[int, int]:
        # The host side's most senior, who attends neither the talks nor the airport run.
        chairman = Person(ref="chairman", given_name="Farukh", family_name="Iqbal", precedence=1)
        session.add(chairman)
        session.flush()
        session.add(
            VisitParticipant(visit_id=v.visit_id, person_id=chairman.id, side=Side.HOST, position=5)
        )
        arrival = TravelLeg(
            visit_id=v.visit_id,
            kind=TravelKind.ARRIVAL,
            number="TG 349",
            received_by_id=v.liaison,
        )
        arrival.travellers = [Traveller(person_id=v.third)]
        session.add(arrival)
        session.flush()
        return chairman.id, arrival.id

    chairman, leg_id = desk.write(chairman_and_leg)
    talks, _lunch = desk.cars.make_movements(v.visit_id)
    seated = [s.person_id for car in desk.cars.proposal(talks).cars for s in car.seats]
    # The talks' own host attendee escorts the leader; the Chairman stays off the plan.
    assert seated == [v.leader, v.escort, v.liaison, v.deputy] and chairman not in seated
    run = desk.cars.add(
        v.visit_id, MovementData(departs=datetime(2027, 5, 10, 23, 0), travel_leg_id=leg_id)
    )
    seated = [s.person_id for car in desk.cars.proposal(run.id).cars for s in car.seats]
    # One delegate at night: met by the receiving officer, not by the whole host side.
    assert seated == [v.third, v.liaison]
