"""The programme at a glance: a visit's engagements by day, with everyone who attends.

Plain data for the one-page programme (documents/programme_pdf.py): no ORM object leaves this
module. Every attendee is listed, never "and 2 more": the page is what officers hand to drivers,
security and the hotel, who need every name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.languages import Lang, language_hint
from visitdesk.domain.models import Attendee, Engagement, Office, Person, Visit
from visitdesk.domain.precedence import in_precedence
from visitdesk.services.errors import NotFoundError


@dataclass(frozen=True)
class Attending:
    """An attendee as printed, and the language of their native name (so that Japanese gets
    Japanese glyph forms and Urdu Nastaliq): see domain.languages."""

    name: str
    lang: Lang | None = None


@dataclass(frozen=True)
class ProgrammeItem:
    start: datetime
    end: datetime
    title: str
    kind: str
    venue: str | None
    city: str | None
    hosts: tuple[Attending, ...]
    guests: tuple[Attending, ...]


@dataclass(frozen=True)
class ProgrammeDay:
    day: date
    items: tuple[ProgrammeItem, ...]


@dataclass(frozen=True)
class ProgrammeSheet:
    ref: str
    title: str
    start_date: date
    end_date: date
    city: str | None
    guest_organisation: str | None
    host_organisation: str | None
    leader: str | None
    time_zone: str
    office_name: str
    days: tuple[ProgrammeDay, ...]
    leader_lang: Lang | None = None

    @property
    def engagements(self) -> int:
        return sum(len(d.items) for d in self.days)


def _text(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None


def attendee_name(person: Person) -> str:
    """`Mr. SATO Hiroshi (佐藤 博)`: the name as printed, with the native script when known."""
    native = _text(person.native_name)
    name = person.display_name
    return f"{name} ({native})" if native and native != name else name


def attending(person: Person) -> Attending:
    organisation = person.organisation
    lang = language_hint(organisation.country) if organisation else None
    return Attending(attendee_name(person), lang)


def programme_sheet(session: Session, visit_ref: str) -> ProgrammeSheet:
    visit = session.scalar(
        select(Visit)
        .where(Visit.ref == visit_ref)
        .options(
            selectinload(Visit.engagements)
            .selectinload(Engagement.attendees)
            .selectinload(Attendee.person)
        )
    )
    if visit is None:
        raise NotFoundError(f"There is no visit {visit_ref!r}. `visitdesk visits` lists them.")
    office = session.scalars(select(Office).order_by(Office.id)).first()
    engagements = sorted(visit.engagements, key=lambda e: (e.start, e.end, e.id))
    items = [
        (
            e.start.date(),
            ProgrammeItem(
                start=e.start,
                end=e.end,
                title=e.title,
                kind=e.kind.label,
                venue=_text(e.venue),
                city=_text(e.city),
                hosts=tuple(attending(p) for p in in_precedence(e.host_attendees)),
                guests=tuple(attending(p) for p in in_precedence(e.guest_attendees, visit.leader)),
            ),
        )
        for e in engagements
    ]
    days = tuple(
        ProgrammeDay(day, tuple(item for _d, item in group))
        for day, group in groupby(items, key=lambda pair: pair[0])
    )
    guest = visit.guest_organisation
    host = visit.host_organisation
    return ProgrammeSheet(
        ref=visit.ref,
        title=visit.title,
        start_date=visit.start_date,
        end_date=visit.end_date,
        city=_text(visit.city),
        guest_organisation=guest.display_name if guest else None,
        host_organisation=host.display_name if host else None,
        leader=attendee_name(visit.leader) if visit.leader else None,
        time_zone=visit.time_zone,
        office_name=office.name if office else "",
        days=days,
        leader_lang=attending(visit.leader).lang if visit.leader else None,
    )
