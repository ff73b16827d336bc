"""Rows for the lists an officer searches as they type: visits, people, organisations.

Each list is one query returning plain tuples (the visits one more, for the delegations'
names), so that a window of 2,000 visits or 20,000 people never touches an ORM object per row.
`haystack` is the row's searchable text, folded once here so that filtering a keystroke is a
substring test per row.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, func, or_, select, union
from sqlalchemy.orm import Session, aliased

from visitdesk.domain.enums import OrganisationKind, Side
from visitdesk.domain.models import Attendee, Engagement, Organisation, Person, Visit
from visitdesk.domain.models import VisitParticipant as Participant
from visitdesk.domain.names import NameParts, display_name, sort_key
from visitdesk.services.search_rows import VisitRow, fold

__all__ = ["VisitRow", "fold"]  # kept here too: the views import them from this module


class PersonListRow(NamedTuple):
    """A person in the people list: named as printed, with how many visits they took part in."""

    id: int
    name: str  # `Dr. HE Zhimin`
    native_name: str
    position: str
    organisation: str
    precedence: int | None
    visits: int
    sort_name: str  # family name, then given name, folded: the order of the Name column
    haystack: str


class OrganisationListRow(NamedTuple):
    id: int
    name: str
    short_name: str
    native_name: str
    country: str
    kind: OrganisationKind
    visits: int
    haystack: str


def matches(haystack: str, query: str) -> bool:
    """Every word typed must appear somewhere in the row, in any order."""
    return all(word in haystack for word in query.casefold().split())


# Visits -----------------------------------------------------------------------------------


def _delegation_text(session: Session, only: Any) -> dict[int, str]:
    """Each visit's delegation members' names, Latin and native: one query for every visit."""
    query = select(
        Participant.visit_id,
        Person.honorific,
        Person.given_name,
        Person.family_name,
        Person.family_name_first,
        Person.native_name,
    ).join(Person, Participant.person_id == Person.id)
    query = query.where(Participant.side == Side.GUEST)
    if only is not None:
        query = query.where(Participant.visit_id.in_(only))
    names: defaultdict[int, list[str]] = defaultdict(list)
    for vid, hon, given, family, first, native in session.execute(query):
        names[vid].append(display_name(NameParts(hon, given, family, first)))
        if native:
            names[vid].append(native)
    return {vid: " ".join(parts) for vid, parts in names.items()}


def _visit_rows(session: Session, only: Any = None) -> list[VisitRow]:
    """Visits (all, or those whose id `only` selects), newest first, guest organisation named."""
    guest = aliased(Organisation)
    query = (
        select(
            Visit.id,
            Visit.ref,
            Visit.title,
            guest.name,
            guest.short_name,
            guest.native_name,
            Visit.city,
            Visit.start_date,
            Visit.end_date,
            Visit.status,
        )
        .outerjoin(guest, Visit.guest_organisation_id == guest.id)
        .order_by(Visit.start_date.desc(), Visit.id.desc())
    )
    if only is not None:
        query = query.where(Visit.id.in_(only))
    delegations = _delegation_text(session, only)
    rows: list[VisitRow] = []
    for (
        vid,
        ref,
        title,
        g_name,
        g_short,
        g_native,
        city,
        start,
        end,
        status,
    ) in session.execute(query):
        rows.append(
            VisitRow(
                vid,
                ref,
                title,
                g_short or g_name or "",
                city or "",
                start,
                end,
                status,
                fold(
                    ref,
                    title,
                    g_name,
                    g_short,
                    g_native,
                    city,
                    status.label,
                    delegations.get(vid),
                ),
            )
        )
    return rows


def visit_rows(session: Session) -> list[VisitRow]:
    """Every visit, newest first; its delegation's names are searched with it."""
    return _visit_rows(session)


# Who took part in which visit --------------------------------------------------------------


def _person_visits() -> Any:
    """(visit_id, person_id) for everyone on a side of a visit, attending one of its
    engagements, or leading it: each pair once."""
    return union(
        select(Participant.visit_id, Participant.person_id),
        select(Engagement.visit_id, Attendee.person_id).join(
            Engagement, Attendee.engagement_id == Engagement.id
        ),
        select(Visit.id.label("visit_id"), Visit.leader_id.label("person_id")).where(
            Visit.leader_id.is_not(None)
        ),
    ).subquery("person_visit")


def _organisation_visits() -> Any:
    """(visit_id, organisation_id) for a visit's guest and host, the hosts of its engagements
    and the organisations of the people taking part: each pair once."""
    people = _person_visits()
    return union(
        select(Visit.id.label("visit_id"), Visit.guest_organisation_id.label("organisation_id")),
        select(Visit.id, Visit.host_organisation_id),
        select(Engagement.visit_id, Engagement.organisation_id),
        select(people.c.visit_id, Person.organisation_id).join(
            Person, Person.id == people.c.person_id
        ),
    ).subquery("organisation_visit")


def _counts(pairs: Any, key: ColumnElement[Any]) -> Any:
    return (
        select(key.label("key"), func.count().label("visits"))
        .select_from(pairs)
        .where(key.is_not(None))
        .group_by(key)
        .subquery()
    )


def people_rows(session: Session) -> list[PersonListRow]:
    """Everyone, by family name, with their organisation and visit count: one query."""
    pairs = _person_visits()
    counts = _counts(pairs, pairs.c.person_id)
    query = (
        select(
            Person.id,
            Person.honorific,
            Person.given_name,
            Person.family_name,
            Person.family_name_first,
            Person.native_name,
            Person.position,
            Person.precedence,
            Person.email,
            Organisation.name,
            Organisation.short_name,
            Organisation.native_name,
            counts.c.visits,
        )
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .outerjoin(counts, counts.c.key == Person.id)
    )
    rows = []
    for (
        pid,
        hon,
        given,
        family,
        first,
        native,
        position,
        rank,
        email,
        org,
        short,
        org_native,
        n,
    ) in session.execute(query):
        parts = NameParts(hon, given, family, first)
        name = display_name(parts)
        order = " ".join(sort_key(parts))
        rows.append(
            PersonListRow(
                pid,
                name,
                native or "",
                position or "",
                short or org or "",
                rank,
                n or 0,
                order,
                fold(name, native, position, org, short, org_native, email),
            )
        )
    rows.sort(key=lambda row: (row.sort_name, row.id))
    return rows


def organisation_rows(session: Session) -> list[OrganisationListRow]:
    """Every organisation, by name, with its visit count: one query."""
    pairs = _organisation_visits()
    counts = _counts(pairs, pairs.c.organisation_id)
    query = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.short_name,
            Organisation.native_name,
            Organisation.country,
            Organisation.kind,
            counts.c.visits,
        )
        .outerjoin(counts, counts.c.key == Organisation.id)
        .order_by(func.lower(Organisation.name), Organisation.id)
    )
    return [
        OrganisationListRow(
            oid,
            name,
            short or "",
            native or "",
            country or "",
            kind,
            n or 0,
            fold(name, short, native, country, kind.label),
        )
        for oid, name, short, native, country, kind, n in session.execute(query)
    ]


def _visits_of_people(people: Any) -> list[Any]:
    """Queries of the ids of the visits that the people `people` selects took part in, to be
    joined in one union. Each is filtered before the union, so the indexes on person ids are
    used: SQLite would otherwise build every (visit, person) pair of the archive to keep one
    person's (and refuses a union nested in brackets)."""
    return [
        select(Participant.visit_id).where(Participant.person_id.in_(people)),
        select(Engagement.visit_id)
        .join(Attendee, Attendee.engagement_id == Engagement.id)
        .where(Attendee.person_id.in_(people)),
        select(Visit.id).where(Visit.leader_id.in_(people)),
    ]


def person_visit_rows(session: Session, person_id: int) -> list[VisitRow]:
    """The visits a person took part in (on either side, at an engagement, or leading it),
    newest first: the same visits as counted in `people_rows`."""
    return _visit_rows(session, union(*_visits_of_people([person_id])))


def organisation_visit_rows(session: Session, organisation_id: int) -> list[VisitRow]:
    """The visits an organisation took part in, newest first: the same visits as counted in
    `organisation_rows` (see `_organisation_visits`)."""
    only = union(
        select(Visit.id).where(
            or_(
                Visit.guest_organisation_id == organisation_id,
                Visit.host_organisation_id == organisation_id,
            )
        ),
        select(Engagement.visit_id).where(Engagement.organisation_id == organisation_id),
        *_visits_of_people(select(Person.id).where(Person.organisation_id == organisation_id)),
    )
    return _visit_rows(session, only)
