"""Logistics: arrivals and departures (flight, time, terminal, who, received by, VIP lounge),
hotels and rooms by precedence, the car plan of each movement (cars in order, driver and
phone, who sits where), and whom to call. In a guest copy, the reader's own part.

A part with nothing in it is left out whole, heading and all; a visit with no logistics has no
section. Each table repeats its header on a page it continues on and never splits a row;
each heading stays with what follows it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from reportlab.platypus import CondPageBreak, Spacer

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Register
from visitdesk.documents.briefing.flowables import KeepWithNext
from visitdesk.documents.briefing.tables import cell, house_table, stacked
from visitdesk.documents.text import TextParagraph
from visitdesk.domain.dates import short_date, short_day
from visitdesk.domain.enums import CarRole, CarSeat, TravelKind, TravelMode
from visitdesk.domain.timezones import zone_note
from visitdesk.services.briefing_types import (
    BriefingContent,
    CarInfo,
    ContactInfo,
    HotelInfo,
    JourneyInfo,
    LogisticsInfo,
    MovementInfo,
    PersonInfo,
)

_JOURNEY_SHARES = (0.15, 0.18, 0.21, 0.27, 0.19)
_CAR_SHARES = (0.19, 0.27, 0.54)
_CONTACT_SHARES = (0.34, 0.42, 0.24)
KINDS = {
    TravelKind.ARRIVAL: "Arrivals",
    TravelKind.ONWARD: "Journeys within the visit",
    TravelKind.DEPARTURE: "Departures",
}


def when(moment: datetime | None, zone: str | None, visit_zone: str) -> str:
    """`Tue 12 May 2026, 14:30`, with the zone where it is not the visit's."""
    if moment is None:
        return "Time to be confirmed"
    day = f"{short_day(moment.date())} {moment.year}"
    return f"{day}, {moment:%H:%M}{zone_note(zone, visit_zone)}"


def _person_lines(person: PersonInfo, extra: str | None = None) -> list[Any]:
    return stacked(
        (person.name, st.CELL_BOLD),
        (person.native_name, st.CELL_NATIVE.but(lang=person.lang)),
        (extra, st.CELL_SMALL),
    )


# A row never splits, so a group of sixty on one flight (or a coach of forty) is listed over
# several rows of this many, the journey's details in the first and "continued" after.
GROUP_ROWS = 5
SEAT_ROWS = 12


def _chunks(items: tuple[Any, ...], size: int) -> list[tuple[Any, ...]]:
    """Rows of `size`; a group only a little larger stays in one row (no row of one)."""
    if len(items) <= size + size // 2:
        return [items]
    return [items[n : n + size] for n in range(0, len(items), size)]


def _continued(name: str) -> list[Any]:
    return stacked((name, st.CELL_BOLD), ("continued", st.CELL_SMALL))


def _journey_rows(journey: JourneyInfo, visit_zone: str) -> list[list[Any]]:
    first, *more = _chunks(journey.travellers, GROUP_ROWS)
    rows = [_journey_row(replace(journey, travellers=first), visit_zone)]
    name = journey.number or journey.mode.label
    for group in more:
        rows.append(["" if n != 3 else _travellers(group) for n in range(5)])
        rows[-1][0] = _continued(name)
    return rows


def _travellers(travellers: tuple[Any, ...]) -> list[Any]:
    found: list[Any] = []
    for traveller in travellers:
        seat = f"Seat {traveller.seat}" if traveller.seat else None
        found += _person_lines(traveller.person, seat)
    return found or cell("—")


def _journey_row(journey: JourneyInfo, visit_zone: str) -> list[Any]:
    arriving = journey.kind is TravelKind.ARRIVAL
    main_zone = journey.arrives_zone if arriving else journey.departs_zone
    other = (
        ("Departs", journey.departs, journey.departs_zone)
        if arriving
        else ("Arrives", journey.arrives, journey.arrives_zone)
    )
    other_line = (
        f"{other[0]} {when(other[1], other[2], visit_zone)}" if other[1] is not None else None
    )
    route = " → ".join(p for p in (journey.origin, journey.destination) if p) or None
    reception = _person_lines(journey.received_by) if journey.received_by is not None else []
    reception += stacked(
        ("VIP lounge" if journey.vip_lounge else None, st.CELL_BOLD),
        (
            f"Baggage: {journey.baggage_pieces} piece{'s' if journey.baggage_pieces != 1 else ''}"
            if journey.baggage_pieces is not None
            else None,
            st.CELL_SMALL,
        ),
        *((f"Car: {car}", st.CELL_SMALL) for car in journey.cars),
        (f"Note: {journey.notes}" if journey.notes else None, st.CELL_SMALL),
    )
    return [
        stacked(
            (journey.number or journey.mode.label, st.CELL_BOLD),
            (journey.carrier, st.CELL_SMALL),
            (
                journey.mode.label
                if journey.number and journey.mode is not TravelMode.FLIGHT
                else None,
                st.CELL_SMALL,
            ),
        ),
        stacked(
            (when(journey.moment, main_zone, visit_zone), st.CELL_BOLD),
            (other_line, st.CELL_SMALL),
        ),
        stacked(
            (route or "—", st.CELL),
            (f"Terminal {journey.terminal}" if journey.terminal else None, st.CELL_SMALL),
        ),
        _travellers(journey.travellers),
        reception or cell("—"),
    ]


def journeys(logistics: LogisticsInfo, register: Register) -> list[Any]:
    story: list[Any] = []
    widths = [share * st.FRAME_WIDTH for share in _JOURNEY_SHARES]
    for kind, found in (
        (TravelKind.ARRIVAL, logistics.arrivals),
        (TravelKind.ONWARD, logistics.onward),
        (TravelKind.DEPARTURE, logistics.departures),
    ):
        if not found:
            continue
        title = KINDS[kind]
        who = "Received by" if kind is TravelKind.ARRIVAL else "Seen off by"
        story += [
            register.add(f"logistics-{kind.value}", title, 1),
            TextParagraph(title, st.H2),
            house_table(
                [
                    "Flight" if all(j.mode is TravelMode.FLIGHT for j in found) else "Journey",
                    "When (local time)",
                    "Route",
                    "Travellers",
                    who,
                ],
                [row for j in found for row in _journey_rows(j, logistics.visit_zone)],
                widths,
                zebra=False,
            ),
        ]
    return story


def _hotel(hotel: HotelInfo) -> list[Any]:
    """One hotel: its heading, address and telephone, and its rooms by precedence, kept with
    its heading (a long rooming list flows, its header repeated)."""
    title = hotel.name + (f", {hotel.city}" if hotel.city else "")
    facts = " · ".join(
        p
        for p in (
            hotel.address,
            f"Telephone {hotel.phone}" if hotel.phone else None,
            f"Booking reference {hotel.booking_reference}" if hotel.booking_reference else None,
        )
        if p
    )
    parts: list[Any] = [TextParagraph(title, st.H3)]
    if facts:
        parts.append(TextParagraph(facts, st.SMALL.but(space_after=4)))
    if hotel.notes:
        parts.append(TextParagraph(f"Note: {hotel.notes}", st.SMALL_ITALIC.but(space_after=4)))
    if not hotel.rooms:
        parts.append(TextParagraph("No rooms are recorded yet.", st.SMALL_ITALIC))
        return [KeepWithNext(parts)]
    payers = any(r.paid_by for r in hotel.rooms)
    shares = (
        (0.05, 0.26, 0.17, 0.13, 0.13, 0.12, 0.14)
        if payers
        else (0.05, 0.30, 0.18, 0.13, 0.13, 0.21)
    )
    rows = [
        [
            cell(f"{n}.", st.CELL),
            _person_lines(room.person),
            stacked(
                (room.room_type.label, st.CELL_BOLD),
                (f"Room {room.room_number}" if room.room_number else None, st.CELL_SMALL),
            ),
            cell(short_date(room.check_in)),
            cell(short_date(room.check_out)),
            *([cell(room.paid_by or "—", st.CELL_SMALL)] if payers else []),
            cell(room.requests or "—", st.CELL_SMALL),
        ]
        for n, room in enumerate(hotel.rooms, start=1)
    ]
    header = ["", "Name", "Room", "Check-in", "Check-out", *(["Paid by"] if payers else [])]
    widths = [share * st.FRAME_WIDTH for share in shares]
    parts.append(house_table([*header, "Requests"], rows, widths, zebra=False))
    return [KeepWithNext(parts)]


def hotels(logistics: LogisticsInfo, register: Register) -> list[Any]:
    if not logistics.hotels:
        return []
    first, *rest = (_hotel(h) for h in logistics.hotels)
    heading = [register.add("logistics-hotels", "Hotels and rooms", 1)]
    heading.append(TextParagraph("Hotels and rooms", st.H2))
    # The section's heading goes with its first hotel, never alone at a page foot.
    return [KeepWithNext([*heading, *first]), *(f for found in rest for f in found)]


def _seat_line(seat: CarSeat, name: str) -> str:
    return name if seat is CarSeat.OTHER else f"{seat.label}: {name}"


def _seats(seats: tuple[Any, ...]) -> Any:
    return stacked(*((_seat_line(s.seat, s.person.name), st.CELL) for s in seats)) or cell("—")


def car_table(cars: tuple[CarInfo, ...]) -> Any:
    """The cars of one movement in the order they drive: driver and phone, who sits where
    (the seat of honour, rear right, first)."""
    rows: list[list[Any]] = []
    for car in cars:
        role = car.role.label if car.role is not CarRole.DELEGATION else None
        first, *more = _chunks(car.seats, SEAT_ROWS)
        rows.append(
            [
                stacked(
                    (car.name, st.CELL_BOLD),
                    (
                        f"{role} car"
                        if role and role.casefold() not in car.name.casefold()
                        else None,
                        st.CELL_SMALL,
                    ),
                    (car.registration, st.CELL_SMALL),
                ),
                stacked(
                    (car.driver or "Driver to be named", st.CELL if car.driver else st.CELL_SMALL),
                    (car.driver_phone, st.CELL_SMALL),
                ),
                _seats(first),
            ]
        )
        rows += [[_continued(car.name), "", _seats(group)] for group in more]
    widths = [share * st.FRAME_WIDTH for share in _CAR_SHARES]
    return house_table(["Car", "Driver", "Who sits where"], rows, widths, zebra=False)


def movement_heading(movement: MovementInfo) -> str:
    times = f"{movement.departs:%H:%M}"
    if movement.arrives is not None and movement.arrives > movement.departs:
        times += f"–{movement.arrives:%H:%M}"
    return f"{short_day(movement.departs.date())} {times} · {movement.title}"


def movement_block(
    movement: MovementInfo, heading_style: Any = st.H3, lead: tuple[Any, ...] = ()
) -> list[Any]:
    """A movement's heading, route and cars, kept together with `lead` (a section heading)."""
    route = " → ".join(p for p in (movement.origin, movement.destination) if p)
    parts: list[Any] = [*lead, TextParagraph(movement_heading(movement), heading_style)]
    if route:
        parts.append(TextParagraph(route, st.SMALL.but(space_after=3)))
    if movement.notes:
        parts.append(TextParagraph(f"Note: {movement.notes}", st.SMALL_ITALIC.but(space_after=3)))
    if movement.cars:
        parts.append(car_table(movement.cars))
    else:
        parts.append(TextParagraph("No cars are assigned yet.", st.SMALL_ITALIC))
    # A short motorcade is kept whole with its heading; a long one flows, header repeated.
    return [KeepWithNext(parts)]


def car_plans(logistics: LogisticsInfo, register: Register) -> list[Any]:
    if not logistics.movements:
        return []
    lead = (
        register.add("logistics-cars", "Car plans", 1),
        TextParagraph("Car plans", st.H2),
        TextParagraph(
            "Each movement in time order (times in the visit's zone), its cars in the order "
            "they drive.",
            st.SMALL_ITALIC.but(space_after=2),
        ),
    )
    first, *rest = logistics.movements
    story = movement_block(first, lead=lead)
    for movement in rest:
        story += movement_block(movement)
    return story


def _contact_row(contact: ContactInfo) -> list[Any]:
    return [
        stacked(
            (contact.name, st.CELL_BOLD),
            (contact.native_name, st.CELL_NATIVE.but(lang=contact.lang)),
        ),
        cell(contact.purpose),
        cell(contact.phone or "—", st.CELL_BOLD if contact.phone else st.CELL),
    ]


def contacts(logistics: LogisticsInfo, register: Register) -> list[Any]:
    if not logistics.contacts:
        return []
    rows = [
        _contact_row(c) for c in (*logistics.liaison, *logistics.drivers, *logistics.hotel_phones)
    ]
    widths = [share * st.FRAME_WIDTH for share in _CONTACT_SHARES]
    return [
        register.add("logistics-contacts", "Contacts", 1),
        TextParagraph("Contacts", st.H2),
        house_table(["Name", "For", "Telephone"], rows, widths, zebra=False),
    ]


def logistics(content: BriefingContent, register: Register) -> list[Any]:
    found = content.logistics
    if found is None:
        return []
    intro = (
        "Your journeys, your room and your car for each movement, and whom to call."
        if content.guest_copy
        else "Journeys, rooms and car plans in order of precedence, and whom to call."
    )
    story: list[Any] = [
        register.add("logistics", "Logistics", 0),
        TextParagraph("Logistics", st.H1.but(space_before=16)),
        TextParagraph(
            f"{intro} Times are local; where a place's time zone is not the visit's "
            f"({found.visit_zone}), it is named.",
            st.SMALL_ITALIC.but(space_after=4, keep_with_next=True),
        ),
        *journeys(found, register),
    ]
    story += hotels(found, register)
    story += car_plans(found, register)
    story += contacts(found, register)
    return [*story, Spacer(1, 18), CondPageBreak(st.SECTION_ROOM)]


def engagement_cars(engagement_movements: tuple[MovementInfo, ...]) -> list[Any]:
    """For an engagement's brief: the car plan of each movement to it."""
    if not engagement_movements:
        return []
    story: list[Any] = []
    for number, movement in enumerate(engagement_movements):
        lead = (TextParagraph("Cars", st.H2),) if number == 0 else ()
        story += movement_block(movement, st.H3.but(space_before=2), lead)
    return story
