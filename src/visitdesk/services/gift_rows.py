"""The gifts register as rows: one visit's gifts, and the office-wide register across visits
(filtered by year and by person), each row with the deposit warning it has."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, defer, selectinload

from visitdesk.domain.dates import short_date
from visitdesk.domain.enums import GiftDecision, GiftDirection, Side
from visitdesk.domain.gift_rules import deposit_warning
from visitdesk.domain.gifts import Gift
from visitdesk.domain.models import Attendee, Engagement, Person, Visit, VisitParticipant
from visitdesk.domain.names import sort_key
from visitdesk.services.gifts import deposit_authority
from visitdesk.services.search_rows import fold
from visitdesk.services.visit_editing import get_visit


class GiftRow(NamedTuple):
    id: int
    version: int
    visit_id: int
    visit_ref: str
    visit_title: str
    engagement_id: int | None
    engagement: str  # its title, "" for the visit as a whole
    given_on: date | None
    year: int  # of the gift's date, else of the visit's first day
    direction: GiftDirection
    giver_id: int | None
    giver: str
    receiver_id: int | None
    receiver: str
    description: str
    estimated_value: int | None
    currency: str | None
    decision: GiftDecision | None
    reported_on: date | None
    deposited_on: date | None
    deposit_reference: str | None
    assessed_value: int | None
    has_photo: bool
    # "Not yet reported to the Toshakhana (Cabinet Division)": open until decided; else None.
    warning: str | None
    haystack: str


class GiftChoices(NamedTuple):
    """What the gift dialog offers: the visit's people and engagements, and the authority."""

    people: tuple[tuple[int, str], ...]  # (id, name), the delegation first
    engagements: tuple[tuple[int, str], ...]  # (id, "22 Mar 2017 10:00 Call on the Minister")
    visit_start: date
    authority: str


class GiftPerson(NamedTuple):
    """Someone who gave or received a gift on the register (the register's person filter)."""

    id: int
    name: str


def _guests(session: Session, visit_ids: Sequence[int]) -> dict[int, set[int]]:
    """The people on the visiting side of each visit: its delegation and guest attendees."""
    guests: dict[int, set[int]] = defaultdict(set)
    if not visit_ids:
        return guests
    for visit_id, person_id in session.execute(
        select(VisitParticipant.visit_id, VisitParticipant.person_id).where(
            VisitParticipant.visit_id.in_(visit_ids), VisitParticipant.side == Side.GUEST
        )
    ):
        guests[visit_id].add(person_id)
    for visit_id, person_id in session.execute(
        select(Engagement.visit_id, Attendee.person_id)
        .join(Attendee, Attendee.engagement_id == Engagement.id)
        .where(Engagement.visit_id.in_(visit_ids), Attendee.side == Side.GUEST)
    ):
        guests[visit_id].add(person_id)
    return guests


def received_by_official(gift: Gift, guests: set[int]) -> bool:
    """Received by a host official: a person of the records who is not among the guests."""
    return gift.receiver_id is not None and gift.receiver_id not in guests


class _Names:
    """Each person's display name, made once however many gifts name them."""

    def __init__(self) -> None:
        self._made: dict[int, str] = {}

    def __call__(self, person: Person | None, name: str | None) -> str:
        if person is None:
            return name or ""
        found = self._made.get(person.id)
        if found is None:
            found = self._made[person.id] = person.display_name
        return found


def _rows(session: Session, gifts: Iterable[Gift]) -> list[GiftRow]:
    gifts = list(gifts)
    authority = deposit_authority(session)
    visit_ids = sorted({g.visit_id for g in gifts})
    guests = _guests(session, visit_ids)
    # Photos stay in the database (a register of years holds megabytes of them): which gifts
    # have one is all a row needs.
    pictured = set(
        session.scalars(
            select(Gift.id).where(Gift.visit_id.in_(visit_ids), Gift.photo.is_not(None))
        )
    )
    rows = []
    _name = _Names()
    for g in gifts:
        visit, engagement = g.visit, g.engagement
        giver, receiver = _name(g.giver, g.giver_name), _name(g.receiver, g.receiver_name)
        official = received_by_official(g, guests[g.visit_id])
        warning = deposit_warning(g.direction, official, g.decision, g.reported_on, authority)
        rows.append(
            GiftRow(
                g.id,
                g.version,
                g.visit_id,
                visit.ref,
                visit.title,
                g.engagement_id,
                engagement.title if engagement is not None else "",
                g.given_on,
                (g.given_on or visit.start_date).year,
                g.direction,
                g.giver_id,
                giver,
                g.receiver_id,
                receiver,
                g.description,
                g.estimated_value,
                g.currency,
                g.decision,
                g.reported_on,
                g.deposited_on,
                g.deposit_reference,
                g.assessed_value,
                g.id in pictured,
                warning,
                fold(
                    g.description,
                    giver,
                    receiver,
                    visit.title,
                    visit.ref,
                    engagement.title if engagement else None,
                    g.deposit_reference,
                    g.notes,
                ),
            )
        )
    return rows


def _query() -> object:
    return select(Gift).options(
        defer(Gift.photo),
        selectinload(Gift.visit),
        selectinload(Gift.engagement),
        selectinload(Gift.giver),
        selectinload(Gift.receiver),
    )


def visit_gifts(session: Session, visit_id: int) -> list[GiftRow]:
    """The visit's gifts in the order given (undated last), then as recorded."""
    get_visit(session, visit_id)
    query = _query().where(Gift.visit_id == visit_id)  # type: ignore[attr-defined]
    gifts = session.scalars(query).all()
    return sorted(_rows(session, gifts), key=lambda r: (r.given_on or date.max, r.id))


def register_rows(
    session: Session, year: int | None = None, person_id: int | None = None
) -> list[GiftRow]:
    """The office-wide register, newest first: the gifts of `year` (of the gift's date, else
    of its visit's first day) given or received by `person_id`, each when given."""
    query = _query().join(Visit, Visit.id == Gift.visit_id)  # type: ignore[attr-defined]
    if person_id is not None:
        query = query.where(or_(Gift.giver_id == person_id, Gift.receiver_id == person_id))
    if year is not None:
        first, after = date(year, 1, 1), date(year + 1, 1, 1)
        query = query.where(
            or_(
                and_(Gift.given_on >= first, Gift.given_on < after),
                and_(Gift.given_on.is_(None), Visit.start_date >= first, Visit.start_date < after),
            )
        )
    rows = _rows(session, session.scalars(query).all())
    return sorted(rows, key=lambda r: (r.given_on or date(r.year, 1, 1), r.id), reverse=True)


def register_years(session: Session) -> list[int]:
    """The years the register holds gifts of (of the gift's date, else its visit's), newest
    first, without reading the gifts."""
    days = session.scalars(
        select(func.coalesce(Gift.given_on, Visit.start_date))
        .join(Visit, Visit.id == Gift.visit_id)
        .distinct()
    )
    return sorted({d.year for d in days if d is not None}, reverse=True)


def register_people(session: Session) -> list[GiftPerson]:
    """Everyone of the records who gave or received a gift on the register, by name."""
    ids = {
        i
        for pair in session.execute(select(Gift.giver_id, Gift.receiver_id))
        for i in pair
        if i is not None
    }
    if not ids:
        return []
    people = session.scalars(select(Person).where(Person.id.in_(ids))).all()
    return [
        GiftPerson(p.id, p.display_name)
        for p in sorted(people, key=lambda p: sort_key(p.name_parts))
    ]


def gift_choices(session: Session, visit_id: int) -> GiftChoices:
    """The visit's people (delegation first, then the host side, then other attendees) and
    its engagements in time order, for the gift dialog's lists."""
    visit = get_visit(session, visit_id)
    people: dict[int, str] = {}
    for side in (Side.GUEST, Side.HOST):
        for participant in visit.participants_on(side):
            people.setdefault(participant.person_id, participant.person.display_name)
    engagements = sorted(visit.engagements, key=lambda e: e.start)
    for engagement in engagements:
        for attendee in engagement.attendees:
            people.setdefault(attendee.person_id, attendee.person.display_name)
    return GiftChoices(
        tuple(people.items()),
        tuple(
            (e.id, f"{short_date(e.start.date())} {e.start:%H:%M} {e.title}") for e in engagements
        ),
        visit.start_date,
        deposit_authority(session),
    )
