"""Checks on a visit's logistics that return warnings for the officer, never exceptions, like
the programme's (domain/checks.py), and shown with them:

- an engagement that starts before an attendee's arrival lands, or after their departure
  leaves (each journey's times are local to its own ends; an engagement's to its zone);
- one car (the same registration, else the same driver) booked for two movements at once;
- a delegate with no room for a night of the visit: the nights from the first arrival to the
  last departure (the visit's dates when no journey says), from the delegate's own arrival to
  their own departure where recorded. Only for a visit that records a hotel at all: a visit
  whose lodging is not kept here is not short of rooms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitdesk.domain.checks import (
    ScheduleWarning,
    WarningKind,
    _Engagement,
    _Person,
    check_programme,
)
from visitdesk.domain.dates import date_range, short_date, short_datetime
from visitdesk.domain.enums import TravelKind, TravelMode
from visitdesk.domain.timezones import zone_note


class _Traveller(Protocol):
    @property
    def person(self) -> _Person: ...


class _Leg(Protocol):
    @property
    def kind(self) -> TravelKind: ...

    @property
    def mode(self) -> TravelMode: ...

    @property
    def number(self) -> str | None: ...

    @property
    def departs(self) -> datetime | None: ...

    @property
    def arrives(self) -> datetime | None: ...

    @property
    def departs_zone(self) -> str | None: ...

    @property
    def arrives_zone(self) -> str | None: ...

    @property
    def travellers(self) -> Sequence[_Traveller]: ...


class _Room(Protocol):
    @property
    def person(self) -> _Person: ...

    @property
    def check_in(self) -> date: ...

    @property
    def check_out(self) -> date: ...


class _Hotel(Protocol):
    @property
    def rooms(self) -> Sequence[_Room]: ...


class _Car(Protocol):
    @property
    def registration(self) -> str | None: ...

    @property
    def driver(self) -> str | None: ...


class _Titled(Protocol):
    @property
    def ref(self) -> str: ...

    @property
    def title(self) -> str: ...


class _Movement(Protocol):
    @property
    def title(self) -> str | None: ...

    @property
    def departs(self) -> datetime: ...

    @property
    def arrives(self) -> datetime | None: ...

    @property
    def origin(self) -> str | None: ...

    @property
    def destination(self) -> str | None: ...

    @property
    def engagement(self) -> _Titled | None: ...

    @property
    def cars(self) -> Sequence[_Car]: ...


class _ZonedEngagement(_Engagement, Protocol):
    @property
    def time_zone(self) -> str | None: ...


class _Visit(Protocol):
    @property
    def time_zone(self) -> str: ...

    @property
    def start_date(self) -> date: ...

    @property
    def end_date(self) -> date: ...

    @property
    def engagements(self) -> Sequence[_ZonedEngagement]: ...

    @property
    def members(self) -> Sequence[_Person]: ...

    @property
    def travel_legs(self) -> Sequence[_Leg]: ...

    @property
    def hotels(self) -> Sequence[_Hotel]: ...

    @property
    def movements(self) -> Sequence[_Movement]: ...


def _utc(moment: datetime, zone: str | None, visit_zone: str) -> datetime:
    """A local wall-clock time in its zone (the visit's when none) as naive UTC."""
    try:
        tz = ZoneInfo(zone or visit_zone)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    return moment.replace(tzinfo=tz).astimezone(UTC).replace(tzinfo=None)


def _journey(leg: _Leg) -> str:
    """`flight PK 853`, `train 5 Up`, `road journey`."""
    noun = {TravelMode.FLIGHT: "flight", TravelMode.TRAIN: "train"}.get(leg.mode, "road journey")
    number = (leg.number or "").strip()
    return f"{noun} {number}" if number else noun


def _at(moment: datetime, zone: str | None, visit_zone: str) -> str:
    return f"{short_datetime(moment)}{zone_note(zone, visit_zone)}"


def check_arrivals(
    engagements: Iterable[_ZonedEngagement], legs: Sequence[_Leg], visit_zone: str
) -> list[ScheduleWarning]:
    """An engagement that starts before an attendee's arrival lands or after they leave."""
    first_in: dict[str, tuple[datetime, _Leg]] = {}
    last_out: dict[str, tuple[datetime, _Leg]] = {}
    for leg in legs:
        for traveller in leg.travellers:
            ref = traveller.person.ref
            if leg.kind is TravelKind.ARRIVAL and leg.arrives is not None:
                landing = _utc(leg.arrives, leg.arrives_zone, visit_zone)
                if ref not in first_in or landing < first_in[ref][0]:
                    first_in[ref] = (landing, leg)
            elif leg.kind is TravelKind.DEPARTURE and leg.departs is not None:
                leaving = _utc(leg.departs, leg.departs_zone, visit_zone)
                if ref not in last_out or leaving > last_out[ref][0]:
                    last_out[ref] = (leaving, leg)
    warnings: list[ScheduleWarning] = []
    for engagement in engagements:
        starts = _utc(engagement.start, engagement.time_zone, visit_zone)
        when = _at(engagement.start, engagement.time_zone, visit_zone)
        for person in engagement.attendee_people:
            name = person.display_name
            if person.ref in first_in and starts < first_in[person.ref][0]:
                leg = first_in[person.ref][1]
                assert leg.arrives is not None
                warnings.append(
                    ScheduleWarning(
                        WarningKind.BEFORE_ARRIVAL,
                        (engagement.ref,),
                        f"“{engagement.title}” starts ({when}) before {name}'s {_journey(leg)} "
                        f"lands ({_at(leg.arrives, leg.arrives_zone, visit_zone)}).",
                        person_ref=person.ref,
                    )
                )
            if person.ref in last_out and starts > last_out[person.ref][0]:
                leg = last_out[person.ref][1]
                assert leg.departs is not None
                warnings.append(
                    ScheduleWarning(
                        WarningKind.AFTER_DEPARTURE,
                        (engagement.ref,),
                        f"“{engagement.title}” starts ({when}) after {name}'s {_journey(leg)} "
                        f"leaves ({_at(leg.departs, leg.departs_zone, visit_zone)}).",
                        person_ref=person.ref,
                    )
                )
    return warnings


def movement_title(movement: _Movement) -> str:
    """The plan's own title, else its engagement's, else where it goes."""
    if movement.title and movement.title.strip():
        return movement.title.strip()
    if movement.engagement is not None:
        return movement.engagement.title
    route = " to ".join(
        p.strip() for p in (movement.origin, movement.destination) if p and p.strip()
    )
    return route or "a movement"


def _car_key(car: _Car) -> tuple[str, str] | None:
    """A car is known by its registration (spaces, dashes and case aside), else its driver."""
    plate = "".join(ch for ch in (car.registration or "") if ch.isalnum()).casefold()
    if plate:
        return ("car", plate)
    driver = " ".join((car.driver or "").split()).casefold()
    return ("driver", driver) if driver else None


def _overlap(first: _Movement, second: _Movement) -> bool:
    """Two movements at once; one without an arrival time takes the car at its departure."""

    def end(m: _Movement) -> datetime:
        return m.arrives if m.arrives is not None and m.arrives > m.departs else m.departs

    if first.departs == second.departs:
        return True
    return first.departs < end(second) and second.departs < end(first)


def check_cars(movements: Sequence[_Movement]) -> list[ScheduleWarning]:
    """The same car (or, without a registration, the same driver) on two movements at once."""
    uses: dict[tuple[str, str], list[tuple[_Movement, _Car]]] = defaultdict(list)
    for movement in movements:
        seen: set[tuple[str, str]] = set()
        for car in movement.cars:
            key = _car_key(car)
            if key is not None and key not in seen:  # twice in one motorcade is not "at once"
                seen.add(key)
                uses[key].append((movement, car))
    warnings: list[ScheduleWarning] = []
    for (what, _value), booked in uses.items():
        booked.sort(key=lambda used: used[0].departs)
        for n, (first, car) in enumerate(booked):
            for second, _car in booked[n + 1 :]:
                if not _overlap(first, second):
                    continue
                name = (
                    f"Car {(car.registration or '').strip()}"
                    if what == "car"
                    else f"The driver {(car.driver or '').strip()}"
                )
                refs = tuple(m.engagement.ref for m in (first, second) if m.engagement is not None)
                warnings.append(
                    ScheduleWarning(
                        WarningKind.CAR_DOUBLE_BOOKED,
                        refs,
                        f"{name} is booked for “{movement_title(first)}” and "
                        f"“{movement_title(second)}” at the same time "
                        f"({short_datetime(second.departs)}).",
                    )
                )
    return warnings


def _nights(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range(max((last - first).days, 0))]


def check_rooms(
    members: Sequence[_Person],
    legs: Sequence[_Leg],
    hotels: Sequence[_Hotel],
    visit_start: date,
    visit_end: date,
) -> list[ScheduleWarning]:
    """A delegate without a room for a night they are in town (see the module's note)."""
    if not hotels:
        return []
    arrives: dict[str, date] = {}
    leaves: dict[str, date] = {}
    for leg in legs:
        for traveller in leg.travellers:
            ref = traveller.person.ref
            if leg.kind is TravelKind.ARRIVAL and leg.arrives is not None:
                day = leg.arrives.date()
                arrives[ref] = min(arrives.get(ref, day), day)
            elif leg.kind is TravelKind.DEPARTURE and leg.departs is not None:
                day = leg.departs.date()
                leaves[ref] = max(leaves.get(ref, day), day)
    first = min(arrives.values(), default=visit_start)
    last = max(leaves.values(), default=visit_end)
    booked: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for hotel in hotels:
        for room in hotel.rooms:
            booked[room.person.ref].append((room.check_in, room.check_out))
    warnings: list[ScheduleWarning] = []
    for person in members:
        nights = _nights(arrives.get(person.ref, first), leaves.get(person.ref, last))
        missing = [
            night
            for night in nights
            if not any(check_in <= night < check_out for check_in, check_out in booked[person.ref])
        ]
        for run in _runs(missing):
            which = (
                f"the night of {short_date(run[0])}"
                if len(run) == 1
                else f"the nights of {date_range(run[0], run[-1])}"
            )
            warnings.append(
                ScheduleWarning(
                    WarningKind.NO_ROOM,
                    (),
                    f"{person.display_name} has no room for {which}.",
                    person_ref=person.ref,
                )
            )
    return warnings


def _runs(days: list[date]) -> list[list[date]]:
    """Consecutive days together: one warning for three nights in a row, not three."""
    runs: list[list[date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def check_logistics(
    engagements: Sequence[_ZonedEngagement], visit: _Visit
) -> list[ScheduleWarning]:
    """Every logistics warning of `visit`, its programme given as `engagements`."""
    legs = list(visit.travel_legs)
    return [
        *check_arrivals(engagements, legs, visit.time_zone),
        *check_cars(list(visit.movements)),
        *check_rooms(
            list(visit.members), legs, list(visit.hotels), visit.start_date, visit.end_date
        ),
    ]


def check_visit(visit: _Visit) -> list[ScheduleWarning]:
    """The programme's warnings, then the logistics'."""
    engagements = list(visit.engagements)
    return [
        *check_programme(engagements, visit.start_date, visit.end_date),
        *check_logistics(engagements, visit),
    ]
