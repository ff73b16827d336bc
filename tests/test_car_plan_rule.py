"""The car plan protocol proposes (domain/car_plan.py): flag car first with the principal in
the seat of honour, the others by precedence, the office's conventions as data."""

from __future__ import annotations

from visitdesk.domain.car_plan import (
    DEFAULT_CONVENTION,
    Party,
    ProposedCar,
    SeatConvention,
    car_labels,
    propose_plan,
)
from visitdesk.domain.enums import CarRole, CarSeat

R, L, F = CarSeat.REAR_RIGHT, CarSeat.REAR_LEFT, CarSeat.FRONT


def test_an_empty_plan_gets_a_flag_car_with_principal_escort_and_liaison() -> None:
    plan = propose_plan([], Party(guests=(1, 2), hosts=(10,), liaison=20))
    assert plan[0] == ProposedCar(None, CarRole.FLAG, ((1, R), (10, L), (20, F)))
    assert plan[1] == ProposedCar(None, CarRole.DELEGATION, ((2, R),))
    assert len(plan) == 2


def test_the_officers_cars_are_kept_in_motorcade_order_and_filled_by_precedence() -> None:
    cars = [CarRole.BACKUP, CarRole.DELEGATION, CarRole.DELEGATION, CarRole.PILOT, CarRole.FLAG]
    plan = propose_plan(cars, Party(guests=(1, 2, 3, 4, 5), hosts=(10, 11), liaison=None))
    assert [(c.source, c.role) for c in plan] == [
        (3, CarRole.PILOT),
        (4, CarRole.FLAG),
        (1, CarRole.DELEGATION),
        (2, CarRole.DELEGATION),
        (0, CarRole.BACKUP),
    ]
    assert plan[1].seats == ((1, R), (10, L))
    assert plan[2].seats == ((2, R), (3, L), (4, F))
    assert plan[3].seats == ((5, R), (11, L))
    assert plan[0].seats == () and plan[4].seats == ()


def test_without_a_flag_car_the_first_delegation_car_becomes_car_one() -> None:
    plan = propose_plan([CarRole.ESCORT, CarRole.DELEGATION], Party(guests=(7,)))
    assert [(c.source, c.role, c.seats) for c in plan] == [
        (1, CarRole.FLAG, ((7, R),)),
        (0, CarRole.ESCORT, ()),
    ]


def test_nobody_is_seated_twice_and_cars_are_added_as_needed() -> None:
    party = Party(guests=(1, 2, 3, 4, 5, 6, 7, 1), hosts=(1, 20, 21), liaison=21)
    plan = propose_plan([], party)
    seated = [p for car in plan for p, _ in car.seats]
    assert sorted(seated) == [1, 2, 3, 4, 5, 6, 7, 20, 21]
    assert [c.role for c in plan] == [CarRole.FLAG, CarRole.DELEGATION, CarRole.DELEGATION]


def test_the_convention_is_data_an_office_can_change() -> None:
    # An office that seats the principal rear left, fills minibuses four a row and wants a
    # pilot and a back-up car on every movement.
    office = SeatConvention(
        principal=L,
        host_escort=R,
        seats=(CarSeat.OTHER,) * 4,
        pilot=True,
        backup=True,
    )
    plan = propose_plan([], Party(guests=(1, 2, 3, 4, 5, 6), hosts=(10,)), office)
    assert [c.role for c in plan] == [
        CarRole.PILOT,
        CarRole.FLAG,
        CarRole.DELEGATION,
        CarRole.DELEGATION,
        CarRole.BACKUP,
    ]
    assert plan[1].seats == ((1, L), (10, R))
    assert [len(c.seats) for c in plan] == [0, 2, 4, 1, 0]
    assert DEFAULT_CONVENTION.principal is R  # the practice stays the default


def test_car_numbers_start_after_the_pilot_and_a_label_wins() -> None:
    roles = [CarRole.PILOT, CarRole.FLAG, CarRole.DELEGATION, CarRole.BAGGAGE]
    assert car_labels(roles, [None, None, "Coach 大巴", None]) == [
        "Pilot",
        "Car 1",
        "Coach 大巴",
        "Car 3",
    ]
