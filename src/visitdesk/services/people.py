"""People and organisations for the pickers, and a visit's delegation in order of precedence."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from visitdesk.domain.enums import DelegateRole, OrganisationKind, Side
from visitdesk.domain.models import Organisation, Person, VisitParticipant
from visitdesk.domain.names import NameParts, display_name, sort_key
from visitdesk.domain.precedence import in_precedence, precedence_key
from visitdesk.domain.roles import role_choice as role_choice  # the window reads them here
from visitdesk.domain.roles import role_text as role_text
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.organisations import OrganisationDetails, add_organisation
from visitdesk.services.person_details import PersonDetails, add_person
from visitdesk.services.search import fold
from visitdesk.services.visit_editing import get_visit


class PersonRow(NamedTuple):
    id: int
    ref: str
    name: str
    native_name: str
    position: str
    organisation: str
    precedence: int | None
    haystack: str
    # Rank (unranked last), then family and given name: the order of every picker.
    order: tuple[int, str, str] = (sys.maxsize, "", "")


class OrganisationRow(NamedTuple):
    id: int
    ref: str
    name: str
    short_name: str
    country: str
    kind: OrganisationKind
    haystack: str


class DelegateRow(NamedTuple):
    person_id: int
    name: str
    native_name: str
    position: str
    organisation: str
    precedence: int | None
    is_leader: bool
    role: str


class ParticipantRow(NamedTuple):
    """Someone taking part in a visit, for the pickers of a personal pack or calendar."""

    person_id: int
    ref: str
    name: str
    position: str
    side: Side
    engagements: int  # how many of the visit's engagements they attend


@dataclass(frozen=True)
class NewPerson:
    family_name: str
    given_name: str | None = None
    honorific: str | None = None
    family_name_first: bool = False
    native_name: str | None = None
    position: str | None = None
    organisation_id: int | None = None
    precedence: int | None = None


@dataclass(frozen=True)
class Delegation:
    """A visit's guest side: members in the order recorded, each with a role, and the leader."""

    members: tuple[tuple[int, str | None], ...]
    leader_id: int | None


def person_list_query() -> Select[*tuple[Any, ...]]:
    """What every list of people shows, one row a person with their organisation's names:
    id, ref, honorific, given, family, family-first, native, position, precedence, org, short."""
    return select(
        Person.id,
        Person.ref,
        Person.honorific,
        Person.given_name,
        Person.family_name,
        Person.family_name_first,
        Person.native_name,
        Person.position,
        Person.precedence,
        Organisation.name,
        Organisation.short_name,
    ).outerjoin(Organisation, Person.organisation_id == Organisation.id)


def person_rows(session: Session) -> list[PersonRow]:
    """Everyone, by precedence (the unranked last), then by family name, in one query."""
    query = person_list_query()
    rows = []
    for (
        pid,
        ref,
        hon,
        given,
        family,
        first,
        native,
        position,
        rank,
        org,
        org_short,
    ) in session.execute(query):
        parts = NameParts(hon, given, family, first)
        name = display_name(parts)
        order = (sys.maxsize if rank is None else rank, *sort_key(parts))
        rows.append(
            (
                order,
                PersonRow(
                    pid,
                    ref,
                    name,
                    native or "",
                    position or "",
                    org_short or org or "",
                    rank,
                    fold(name, native, position, org, org_short, ref),
                    order,
                ),
            )
        )
    rows.sort(key=lambda pair: pair[0])
    return [row for _key, row in rows]


def organisation_rows(session: Session) -> list[OrganisationRow]:
    query = select(
        Organisation.id,
        Organisation.ref,
        Organisation.name,
        Organisation.short_name,
        Organisation.native_name,
        Organisation.country,
        Organisation.kind,
    ).order_by(Organisation.name)
    return [
        OrganisationRow(
            oid, ref, name, short or "", country or "", kind, fold(name, short, native, ref)
        )
        for oid, ref, name, short, native, country, kind in session.execute(query)
    ]


def create_person(session: Session, new: NewPerson) -> int:
    return add_person(
        session,
        PersonDetails(
            family_name=new.family_name,
            given_name=new.given_name,
            honorific=new.honorific,
            family_name_first=new.family_name_first,
            native_name=new.native_name,
            position=new.position,
            organisation_id=new.organisation_id,
            precedence=new.precedence,
        ),
    )


def create_organisation(
    session: Session,
    name: str,
    short_name: str | None = None,
    kind: OrganisationKind = OrganisationKind.OTHER,
    country: str | None = None,
) -> int:
    return add_organisation(session, OrganisationDetails(name, short_name, None, country, kind))


def delegation_rows(session: Session, visit_id: int) -> list[DelegateRow]:
    """The delegation in order of precedence: the leader first, then by rank, then by name."""
    visit = get_visit(session, visit_id)
    roles = {p.person_id: p.role or "" for p in visit.participants_on(Side.GUEST)}
    members = in_precedence(visit.members, visit.leader)
    return [
        DelegateRow(
            p.id,
            p.display_name,
            p.native_name or "",
            p.position or "",
            p.organisation.short_name or p.organisation.name if p.organisation else "",
            p.precedence,
            p.id == visit.leader_id,
            roles.get(p.id, ""),
        )
        for p in members
    ]


def get_delegation(session: Session, visit_id: int) -> Delegation:
    visit = get_visit(session, visit_id)
    return Delegation(
        tuple((p.person_id, p.role) for p in visit.participants_on(Side.GUEST)), visit.leader_id
    )


def set_delegation(session: Session, visit_id: int, delegation: Delegation) -> None:
    """Make the guest side exactly this (host-side participants are left alone)."""
    visit = get_visit(session, visit_id)
    wanted = dict(delegation.members)
    for person_id in wanted:
        if session.get(Person, person_id) is None:
            raise NotFoundError("A member of the delegation no longer exists.")
    if delegation.leader_id is not None and delegation.leader_id not in wanted:
        raise ServiceError("The leader must be a member of the delegation.")
    kept = [p for p in visit.participants if p.side is not Side.GUEST or p.person_id in wanted]
    present = {p.person_id: p for p in kept if p.side is Side.GUEST}
    hosts = [p for p in kept if p.side is not Side.GUEST]
    guests = []
    for person_id, role in delegation.members:
        participant = present.get(person_id) or VisitParticipant(person_id=person_id)
        participant.side = Side.GUEST
        participant.role = role
        guests.append(participant)
    visit.participants = guests + hosts
    visit.leader_id = delegation.leader_id
    session.flush()


def _person(session: Session, person_id: int) -> Person:
    return get_or_not_found(session, Person, person_id, "This person no longer exists.")


def set_precedence(session: Session, person_id: int, precedence: int | None) -> None:
    person = _person(session, person_id)
    if precedence is not None and precedence < 1:
        raise ServiceError(
            "Precedence is a rank from 1 (the most senior); leave it empty if unknown."
        )
    person.precedence = precedence


def get_precedence(session: Session, person_id: int) -> int | None:
    person = _person(session, person_id)
    return person.precedence


def rank_text(precedence: int | None) -> str:
    return "" if precedence is None or precedence == sys.maxsize else str(precedence)


def participant_rows(session: Session, visit_id: int) -> list[ParticipantRow]:
    """Everyone in the visit: the delegation in precedence, then the host side, then anyone
    booked on an engagement without being listed on either side."""
    visit = get_visit(session, visit_id)
    attends: dict[int, int] = {}
    sides: dict[int, Side] = {}
    extra: list[Person] = []
    for participant in visit.participants:
        sides.setdefault(participant.person_id, participant.side)
    for engagement in visit.engagements:
        for attendee in engagement.attendees:
            person = attendee.person
            attends[person.id] = attends.get(person.id, 0) + 1
            sides.setdefault(person.id, attendee.side)
            if person not in extra:
                extra.append(person)
    guests = in_precedence(visit.members, visit.leader)
    hosts = in_precedence([p.person for p in visit.participants_on(Side.HOST)])
    listed = {p.id for p in guests} | {p.id for p in hosts}
    others = in_precedence([p for p in extra if p.id not in listed])
    rows = []
    for person in [*guests, *hosts, *others]:
        side = sides.get(person.id, Side.HOST)
        rows.append(
            ParticipantRow(
                person.id,
                person.ref,
                person.display_name,
                person.position or "",
                side,
                attends.get(person.id, 0),
            )
        )
    return rows


# Roles -------------------------------------------------------------------------------------


def _participant(session: Session, visit_id: int, person_id: int) -> VisitParticipant:
    participant = session.scalar(
        select(VisitParticipant).where(
            VisitParticipant.visit_id == visit_id, VisitParticipant.person_id == person_id
        )
    )
    if participant is None:
        raise NotFoundError("This person is no longer in the visit.")
    return participant


def get_role(session: Session, visit_id: int, person_id: int) -> str | None:
    """The role as stored, for an undo to put back exactly (free text included)."""
    return _participant(session, visit_id, person_id).role


def set_role(session: Session, visit_id: int, person_id: int, role: DelegateRole | None) -> None:
    if role is not None and not isinstance(role, DelegateRole):
        raise ServiceError("Choose the role from the list.")
    participant = _participant(session, visit_id, person_id)
    if role is DelegateRole.OTHER and role_choice(participant.role) is DelegateRole.OTHER:
        return  # "other" chosen again: the words an older file gave are kept
    participant.role = None if role is None else role.value
    session.flush()


def restore_role(session: Session, visit_id: int, person_id: int, stored: str | None) -> None:
    _participant(session, visit_id, person_id).role = stored
    session.flush()


# The leader --------------------------------------------------------------------------------


def most_senior(session: Session, person_ids: list[int]) -> int | None:
    """The highest in precedence of these people (rank, unranked last, then name)."""
    people = [p for i in person_ids if (p := session.get(Person, i)) is not None]
    if not people:
        return None
    return min(people, key=precedence_key).id


@dataclass(frozen=True)
class LeaderChoice:
    """The delegation as the visit dialog offers it for leader, most senior first."""

    members: tuple[tuple[int, str], ...]  # (person id, name), in precedence
    leader_id: int | None
    most_senior_id: int | None


def leader_choice(session: Session, visit_id: int) -> LeaderChoice:
    visit = get_visit(session, visit_id)
    members = in_precedence(visit.members)
    return LeaderChoice(
        tuple((p.id, p.display_name) for p in members),
        visit.leader_id,
        members[0].id if members else None,
    )


def set_leader(session: Session, visit_id: int, leader_id: int | None) -> None:
    visit = get_visit(session, visit_id)
    if leader_id is not None and leader_id not in {p.id for p in visit.members}:
        raise ServiceError("The leader must be a member of the delegation.")
    visit.leader_id = leader_id
    session.flush()
