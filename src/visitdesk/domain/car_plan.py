"""The car plan protocol proposes for a movement: who rides in which car, in which seat.

Common practice (shared/notes/protocol-practice.md, "Movements"): car 1 is the flag car, the
principal guest in the rear right seat (behind the front passenger), the host escort rear left,
the liaison or protocol officer in front; the other cars follow by precedence; a pilot car ahead
and a back-up car behind where security requires; baggage travels separately.

Offices differ in these details, so they are one `SeatConvention` (data, declared once, with
that practice as `DEFAULT_CONVENTION`), handed to the rule; nothing here draws or stores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from visitdesk.domain.enums import CarRole, CarSeat


@dataclass(frozen=True)
class SeatConvention:
    """Where protocol seats people in a car, and the order the cars drive in."""

    # The flag car: the principal guest, the host escort beside them, the liaison officer.
    principal: CarSeat = CarSeat.REAR_RIGHT
    host_escort: CarSeat = CarSeat.REAR_LEFT
    liaison: CarSeat = CarSeat.FRONT
    # Every other car, filled by precedence in this order of seats (a saloon: three).
    seats: tuple[CarSeat, ...] = (CarSeat.REAR_RIGHT, CarSeat.REAR_LEFT, CarSeat.FRONT)
    # The motorcade, first car to last: pilot ahead, back-up behind, baggage on its own.
    motorcade: tuple[CarRole, ...] = (
        CarRole.PILOT,
        CarRole.FLAG,
        CarRole.DELEGATION,
        CarRole.ESCORT,
        CarRole.BACKUP,
        CarRole.BAGGAGE,
    )
    # Whether a proposal adds a pilot car ahead / a back-up car behind when the plan has none
    # (security decides; by default only the cars the officer set are kept).
    pilot: bool = False
    backup: bool = False


DEFAULT_CONVENTION = SeatConvention()

# "Make a movement for each engagement": the cars leave this long before the engagement starts.
MOVEMENT_LEAD = timedelta(minutes=30)


@dataclass(frozen=True)
class Party:
    """Who travels: the guests in order of precedence (the principal first), the host side in
    order of precedence (the host escort first) and the liaison officer of the principal."""

    guests: tuple[int, ...] = ()
    hosts: tuple[int, ...] = ()
    liaison: int | None = None


@dataclass(frozen=True)
class ProposedCar:
    """One car of a proposed plan: `source` is the index of the car it keeps from the plan as
    it was (its registration, driver and phone), None for a car the proposal adds."""

    source: int | None
    role: CarRole
    seats: tuple[tuple[int, CarSeat], ...] = field(default=())


def propose_plan(
    cars: Sequence[CarRole], party: Party, convention: SeatConvention = DEFAULT_CONVENTION
) -> tuple[ProposedCar, ...]:
    """The cars (those given, by their roles, and any added) in motorcade order, with seats.

    The first flag car carries the principal, the host escort and the liaison officer in the
    convention's seats; the other guests, then the other host-side people, fill the delegation
    cars by precedence, new delegation cars added as they are needed. Pilot, escort, back-up and
    baggage cars carry nobody from the visit. Without a flag car the first delegation car
    becomes it (car 1 is the flag car), else one is added. Nobody is seated twice.
    """
    liaison = party.liaison
    guests = list(dict.fromkeys(p for p in party.guests if p != liaison))
    hosts = [p for p in dict.fromkeys(party.hosts) if p != liaison and p not in guests]
    roles = list(cars)
    added: list[CarRole] = []
    if CarRole.FLAG not in roles and (guests or hosts or liaison is not None):
        if CarRole.DELEGATION in roles:
            roles[roles.index(CarRole.DELEGATION)] = CarRole.FLAG
        else:
            added.append(CarRole.FLAG)
    if convention.pilot and CarRole.PILOT not in roles:
        added.append(CarRole.PILOT)
    if convention.backup and CarRole.BACKUP not in roles:
        added.append(CarRole.BACKUP)

    plan: list[tuple[int | None, CarRole, list[tuple[int, CarSeat]]]] = [
        (index, role, []) for index, role in enumerate(roles)
    ] + [(None, role, []) for role in added]
    flag = next((car for car in plan if car[1] is CarRole.FLAG), None)
    rest = guests[1:] + hosts[1:]
    if flag is not None:
        seated = flag[2]
        if guests:
            seated.append((guests[0], convention.principal))
        if hosts:
            seated.append((hosts[0], convention.host_escort))
        if liaison is not None:
            seated.append((liaison, convention.liaison))
        if not guests:  # nobody of the delegation travels: the host side by precedence
            rest = hosts[1:]
    carriers = [
        car
        for car in plan
        if car[1] is CarRole.DELEGATION or (car[1] is CarRole.FLAG and car is not flag)
    ]
    per_car = max(1, len(convention.seats))
    while len(carriers) * per_car < len(rest):
        new: tuple[int | None, CarRole, list[tuple[int, CarSeat]]] = (None, CarRole.DELEGATION, [])
        plan.append(new)
        carriers.append(new)
    for number, person in enumerate(rest):
        car = carriers[number // per_car]
        seats = convention.seats or (CarSeat.OTHER,)
        car[2].append((person, seats[number % per_car]))

    order = {role: n for n, role in enumerate(convention.motorcade)}
    plan.sort(key=lambda car: order.get(car[1], len(order)))  # stable: the officer's order kept
    return tuple(ProposedCar(source, role, tuple(seats)) for source, role, seats in plan)


def car_labels(roles: Sequence[CarRole], labels: Sequence[str | None]) -> list[str]:
    """What the plan calls each car: its own label, else "Pilot" for a pilot car and "Car N"
    for the others, numbered from the first car that is not a pilot."""
    shown: list[str] = []
    number = 0
    for role, label in zip(roles, labels, strict=True):
        if role is not CarRole.PILOT:
            number += 1
        shown.append(label or ("Pilot" if role is CarRole.PILOT else f"Car {number}"))
    return shown
