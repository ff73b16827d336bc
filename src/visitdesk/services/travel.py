"""A visit's journeys (arrivals, departures, onward legs) and each delegate's liaison officer.

One journey is one record with the people on it: a group arriving together is one entry. A
journey is versioned; its travellers are part of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.dates import short_datetime
from visitdesk.domain.enums import Side, TravelKind, TravelMode
from visitdesk.domain.models import Person, Visit, VisitParticipant
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.timezones import is_valid_zone
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.exchange.limits import max_length
from visitdesk.services.fields import blank_as_none
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.search import fold
from visitdesk.services.visit_editing import get_visit

MAX_BAGGAGE = 999


@dataclass(frozen=True)
class LegData:
    """Everything the journey dialog edits; also the snapshot an undo restores."""

    kind: TravelKind = TravelKind.ARRIVAL
    mode: TravelMode = TravelMode.FLIGHT
    carrier: str | None = None
    number: str | None = None
    origin: str | None = None
    destination: str | None = None
    departs: datetime | None = None
    arrives: datetime | None = None
    departs_zone: str | None = None
    arrives_zone: str | None = None
    terminal: str | None = None
    received_by_id: int | None = None
    vip_lounge: bool = False
    baggage_pieces: int | None = None
    notes: str | None = None
    # (person id, seat) in the order listed; the lists print them in order of precedence.
    travellers: tuple[tuple[int, str | None], ...] = ()


class LegRow(NamedTuple):
    id: int
    kind: TravelKind
    mode: TravelMode
    flight: str  # "PK 853 (PIA)"
    origin: str
    destination: str
    departs: datetime | None
    arrives: datetime | None
    terminal: str
    travellers: str  # names in order of precedence, joined
    received_by: str
    vip_lounge: bool
    baggage_pieces: int | None
    haystack: str


class LiaisonRow(NamedTuple):
    """A delegate with the host's liaison officer looking after them."""

    id: int  # the delegate's person id
    name: str
    officer_id: int | None
    officer: str
    haystack: str


class HostChoice(NamedTuple):
    """Someone who may receive a delegation or look after a delegate: not a delegate."""

    id: int
    name: str
    with_host: bool  # a host participant of this visit: offered first


def _leg(session: Session, leg_id: int) -> TravelLeg:
    return get_or_not_found(
        session, TravelLeg, leg_id, "That journey no longer exists: another officer may have "
        "deleted it."
    )  # fmt: skip


def visit_legs(session: Session, visit_id: int) -> list[TravelLeg]:
    """The visit's journeys with their travellers and receivers, in three queries (not one per
    journey: a delegation of a hundred would wait seconds)."""
    return list(
        session.scalars(
            select(TravelLeg)
            .where(TravelLeg.visit_id == visit_id)
            .options(selectinload(TravelLeg.travellers), selectinload(TravelLeg.received_by))
            .order_by(TravelLeg.id)
        )
    )


def flight_text(leg: TravelLeg) -> str:
    """`PK 853 (PIA)`, `Train 3 (Pakistan Railways)`, or what is given of it."""
    number = " ".join((leg.number or "").split())
    carrier = " ".join((leg.carrier or "").split())
    if number and carrier:
        return f"{number} ({carrier})"
    return number or carrier


def leg_rows(session: Session, visit_id: int) -> list[LegRow]:
    """The visit's journeys in time order (arrivals, onward legs and departures together)."""
    visit = get_visit(session, visit_id)
    rows = []
    for leg in visit_legs(session, visit_id):
        people = in_precedence([t.person for t in leg.travellers], visit.leader)
        names = ", ".join(p.display_name for p in people)
        received = leg.received_by.display_name if leg.received_by else ""
        flight = flight_text(leg)
        rows.append(
            LegRow(
                leg.id,
                leg.kind,
                leg.mode,
                flight,
                leg.origin or "",
                leg.destination or "",
                leg.departs,
                leg.arrives,
                leg.terminal or "",
                names,
                received,
                leg.vip_lounge,
                leg.baggage_pieces,
                fold(flight, leg.origin, leg.destination, names, received),
            )
        )
    rows.sort(key=lambda r: (r.arrives or r.departs or datetime.max, r.id))
    return rows


def load_leg(session: Session, leg_id: int) -> LegData:
    leg = _leg(session, leg_id)
    return LegData(
        kind=leg.kind,
        mode=leg.mode,
        carrier=leg.carrier,
        number=leg.number,
        origin=leg.origin,
        destination=leg.destination,
        departs=leg.departs,
        arrives=leg.arrives,
        departs_zone=leg.departs_zone,
        arrives_zone=leg.arrives_zone,
        terminal=leg.terminal,
        received_by_id=leg.received_by_id,
        vip_lounge=leg.vip_lounge,
        baggage_pieces=leg.baggage_pieces,
        notes=leg.notes,
        travellers=tuple((t.person_id, t.seat) for t in leg.travellers),
    )


def _moment(when: datetime, zone: str | None, visit_zone: str) -> datetime:
    """A local time as UTC, in its own zone or else the visit's."""
    return when.replace(tzinfo=ZoneInfo(zone or visit_zone)).astimezone(ZoneInfo("UTC"))


def _when(moment: datetime | None) -> str:
    return short_datetime(moment) if moment else ""


def _checked(session: Session, visit: Visit, data: LegData, leg_id: int | None) -> LegData:
    kind, mode = TravelKind(data.kind), TravelMode(data.mode)
    for zone in (data.departs_zone, data.arrives_zone):
        if zone and not is_valid_zone(zone):
            raise ServiceError(f"“{zone}” is not a time zone: choose one such as Asia/Tokyo.")
    if data.baggage_pieces is not None and not 0 <= data.baggage_pieces <= MAX_BAGGAGE:
        raise ServiceError(f"Baggage is counted in pieces, from 0 to {MAX_BAGGAGE}.")
    if data.departs is None and data.arrives is None:
        raise ServiceError("Give the journey's time of departure or of arrival (or both).")
    if data.departs is not None and data.arrives is not None:
        start = _moment(data.departs, data.departs_zone, visit.time_zone)
        end = _moment(data.arrives, data.arrives_zone, visit.time_zone)
        if end < start:
            raise ServiceError(
                f"The journey arrives ({_when(data.arrives)}) before it departs "
                f"({_when(data.departs)}): correct the times, or give the time zone of the end "
                "whose local time is not the visit's."
            )
    people = [pid for pid, _seat in data.travellers]
    if len(set(people)) != len(people):
        raise ServiceError("A traveller is listed twice on this journey.")
    for person_id in [*people, *([data.received_by_id] if data.received_by_id else [])]:
        if session.get(Person, person_id) is None:
            raise NotFoundError("A person on this journey no longer exists.")
    if data.received_by_id is not None and data.received_by_id in people:
        raise ServiceError("The person who receives the travellers cannot be one of them.")
    checked = LegData(
        kind=kind,
        mode=mode,
        carrier=blank_as_none(data.carrier),
        number=blank_as_none(data.number),
        origin=blank_as_none(data.origin),
        destination=blank_as_none(data.destination),
        departs=data.departs,
        arrives=data.arrives,
        departs_zone=blank_as_none(data.departs_zone),
        arrives_zone=blank_as_none(data.arrives_zone),
        terminal=blank_as_none(data.terminal),
        received_by_id=data.received_by_id,
        vip_lounge=bool(data.vip_lounge),
        baggage_pieces=data.baggage_pieces,
        notes=blank_as_none(data.notes),
        travellers=tuple((pid, blank_as_none(seat)) for pid, seat in data.travellers),
    )
    # Held to the columns' lengths, as visitdesk/1 is: a longer carrier saved here would make
    # an export that no office could import again.
    for field, what in _BOUNDED:
        text = getattr(checked, field)
        limit = max_length("travel_leg", field)
        if text is not None and limit is not None and len(text) > limit:
            raise ServiceError(f"{what} is {len(text):,} characters long; at most {limit:,} fit.")
    _check_order(session, visit, checked, leg_id)
    return checked


_BOUNDED = (
    ("carrier", "The carrier"),
    ("number", "The flight or train number"),
    ("origin", "Where the journey starts"),
    ("destination", "Where the journey ends"),
    ("terminal", "The terminal"),
)


def _utc(leg: TravelLeg | LegData, visit_zone: str) -> datetime | None:
    """When the office meets (arrival) or sees off (departure) the journey, as UTC."""
    if leg.kind is TravelKind.ARRIVAL:
        when, zone = leg.arrives or leg.departs, leg.arrives_zone or leg.departs_zone
    else:
        when, zone = leg.departs or leg.arrives, leg.departs_zone or leg.arrives_zone
    return None if when is None else _moment(when, zone, visit_zone)


def _check_order(session: Session, visit: Visit, data: LegData, leg_id: int | None) -> None:
    """Nobody leaves the visit before they arrive in it."""
    if data.kind is TravelKind.ONWARD:
        return
    mine = _utc(data, visit.time_zone)
    if mine is None:
        return
    travelling = {pid for pid, _seat in data.travellers}
    for other in visit_legs(session, visit.id):
        if other.id == leg_id or other.kind in (TravelKind.ONWARD, data.kind):
            continue
        theirs = _utc(other, visit.time_zone)
        if theirs is None:
            continue
        both = [t.person for t in other.travellers if t.person_id in travelling]
        if not both:
            continue
        arrival, departure = (other, data) if data.kind is TravelKind.DEPARTURE else (data, other)
        arrives_at, leaves_at = (theirs, mine) if arrival is other else (mine, theirs)
        if leaves_at < arrives_at:
            who = in_precedence(both, visit.leader)[0].display_name
            raise ServiceError(
                f"{who} would leave ({_label(departure)} at {_when(departure.departs or departure.arrives)}) "  # noqa: E501
                f"before arriving ({_label(arrival)} at {_when(arrival.arrives or arrival.departs)}): "  # noqa: E501
                "correct the dates of one of the two journeys."
            )


def _label(leg: TravelLeg | LegData) -> str:
    number = " ".join((leg.number or "").split())
    return f"{leg.kind.label.lower()} {number}".strip()


def _apply(leg: TravelLeg, data: LegData) -> None:
    leg.kind, leg.mode = data.kind, data.mode
    leg.carrier, leg.number = data.carrier, data.number
    leg.origin, leg.destination = data.origin, data.destination
    leg.departs, leg.arrives = data.departs, data.arrives
    leg.departs_zone, leg.arrives_zone = data.departs_zone, data.arrives_zone
    leg.terminal, leg.received_by_id = data.terminal, data.received_by_id
    leg.vip_lounge, leg.baggage_pieces, leg.notes = data.vip_lounge, data.baggage_pieces, data.notes
    present = {t.person_id: t for t in leg.travellers}
    wanted = []
    for person_id, seat in data.travellers:
        traveller = present.get(person_id) or Traveller(person_id=person_id)
        traveller.seat = seat
        wanted.append(traveller)
    leg.travellers = wanted


def add_leg(session: Session, visit_id: int, data: LegData, leg_id: int | None = None) -> int:
    """A new journey (under `leg_id` when an undo puts one back)."""
    visit = get_visit(session, visit_id)
    checked = _checked(session, visit, data, None)
    leg = TravelLeg(visit=visit)
    if leg_id is not None:
        leg.id = leg_id
    session.add(leg)
    _apply(leg, checked)
    session.flush()
    return leg.id


def update_leg(session: Session, leg_id: int, data: LegData) -> None:
    leg = _leg(session, leg_id)
    _apply(leg, _checked(session, leg.visit, data, leg_id))


def delete_leg(session: Session, leg_id: int) -> tuple[int, int, LegData]:
    """Delete a journey; returns (visit id, version, data) to put it back."""
    leg = _leg(session, leg_id)
    gone = (leg.visit_id, leg.version, load_leg(session, leg_id))
    session.delete(leg)
    session.flush()
    return gone


# Liaison officers ------------------------------------------------------------------------


def _delegate(session: Session, visit_id: int, person_id: int) -> VisitParticipant:
    found = session.scalar(
        select(VisitParticipant).where(
            VisitParticipant.visit_id == visit_id,
            VisitParticipant.person_id == person_id,
            VisitParticipant.side == Side.GUEST,
        )
    )
    if found is None:
        raise NotFoundError("That person is no longer in the delegation of this visit.")
    return found


def liaison_rows(session: Session, visit_id: int) -> list[LiaisonRow]:
    visit = get_visit(session, visit_id)
    by_person = {p.person_id: p for p in visit.participants_on(Side.GUEST)}
    rows = []
    for person in in_precedence(visit.members, visit.leader):
        officer = by_person[person.id].liaison_officer
        name = officer.display_name if officer else ""
        rows.append(
            LiaisonRow(
                person.id,
                person.display_name,
                officer.id if officer else None,
                name,
                fold(person.display_name, person.native_name, name),
            )
        )
    return rows


def set_liaison(
    session: Session, visit_id: int, person_id: int, officer_id: int | None, expected: int | None
) -> None:
    """Give a delegate their liaison officer; refused when it is no longer `expected` (another
    officer changed it since it was shown)."""
    participant = _delegate(session, visit_id, person_id)
    if participant.liaison_officer_id != expected:
        raise ServiceError(
            "Another officer changed this delegate's liaison officer just now: look at the "
            "list again, then choose."
        )
    if officer_id is not None:
        if session.get(Person, officer_id) is None:
            raise NotFoundError("That liaison officer is no longer in the records.")
        if officer_id == person_id or any(
            p.person_id == officer_id for p in participant.visit.participants_on(Side.GUEST)
        ):
            raise ServiceError("A liaison officer comes from the host side, not the delegation.")
    participant.liaison_officer_id = officer_id
    session.flush()


def host_choices(session: Session, visit_id: int) -> list[HostChoice]:
    """Everyone who is not a delegate: the visit's host participants first, then by name."""
    visit = get_visit(session, visit_id)
    delegates = {p.person_id for p in visit.participants_on(Side.GUEST)}
    hosts = {p.person_id for p in visit.participants_on(Side.HOST)}
    people = session.scalars(select(Person).where(Person.id.not_in(delegates or {0}))).all()
    ranked = in_precedence(people)
    return sorted(
        (HostChoice(p.id, p.display_name, p.id in hosts) for p in ranked),
        key=lambda c: not c.with_host,
    )
