"""Merging two people or two organisations that are the same, and undoing it exactly."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from visitdesk.domain.enums import OrganisationKind, Side
from visitdesk.domain.models import Attendee, Engagement, Organisation, Person, Visit
from visitdesk.domain.models import VisitParticipant as Participant
from visitdesk.services import merge as merging
from visitdesk.services.organisations import OrganisationDetails, add_organisation
from visitdesk.services.people import Delegation, set_delegation
from visitdesk.services.person_details import PersonDetails, add_person
from visitdesk.store.database import Store


def _org_id(session: Session, short: str) -> int:
    found = session.scalar(select(Organisation.id).where(Organisation.short_name == short))
    assert found is not None
    return found


def _snapshot(session) -> dict[str, list[tuple[object, ...]]]:
    """Every reference to people and organisations, as plain values."""
    return {
        "visits": [
            tuple(r)
            for r in session.execute(
                select(
                    Visit.id,
                    Visit.host_organisation_id,
                    Visit.guest_organisation_id,
                    Visit.leader_id,
                )
            )
        ],
        "people": sorted(
            tuple(r)
            for r in session.execute(select(Person.id, Person.organisation_id, Person.email))
        ),
        "participants": sorted(
            tuple(r)
            for r in session.execute(
                select(Participant.id, Participant.person_id, Participant.role, Participant.side)
            )
        ),
        "attendees": sorted(
            tuple(r)
            for r in session.execute(
                select(Attendee.id, Attendee.person_id, Attendee.engagement_id)
            )
        ),
        "engagements": sorted(
            tuple(r) for r in session.execute(select(Engagement.id, Engagement.organisation_id))
        ),
        "orgs": sorted(
            tuple(r)
            for r in session.execute(
                select(Organisation.id, Organisation.name, Organisation.native_name)
            )
        ),
    }


def test_a_duplicate_organisation_merged_takes_every_reference_and_undo_puts_them_back(
    example_store,
):
    with example_store.transaction() as session:
        moc = _org_id(session, "MoC")
        twin = add_organisation(
            session,
            OrganisationDetails(
                "Ministry of Commerce (Pakistan)",
                "MoC-PK",
                "وزارت تجارت",
                "PK",
                OrganisationKind.MINISTRY,
            ),
        )
        # Half the references point at the twin, as an import of a second file left them.
        person = session.scalars(select(Person).where(Person.organisation_id == moc)).first()
        person.organisation_id = twin
        engagement = session.scalars(select(Engagement)).first()
        engagement.organisation_id = twin
        session.flush()
        before = _snapshot(session)
    with example_store.transaction() as session:
        record = merging.merge(session, "organisation", moc, twin)
    with example_store.session() as session:
        assert session.get(Organisation, twin) is None
        kept = session.get(Organisation, moc)
        assert kept.name == "Ministry of Commerce" and kept.native_name == "وزارت تجارت"
        assert session.get(Person, person.id).organisation_id == moc
        assert session.get(Engagement, engagement.id).organisation_id == moc
        assert merging.count_references(session, "organisation", twin) == 0
    with example_store.transaction() as session:
        merging.unmerge(session, record)
    with example_store.session() as session:
        assert _snapshot(session) == before


def test_two_people_in_one_delegation_collapse_to_one_and_undo_restores_both(
    example_store,
):
    with example_store.transaction() as session:
        visit = session.scalars(select(Visit)).one()
        leader_id = visit.leader_id
        leader = session.get(Person, leader_id)
        copy = add_person(
            session,
            PersonDetails(
                family_name=leader.family_name.lower(),
                given_name=leader.given_name,
                email="he.zhimin@example.cn",
                dietary="No pork",
            ),
        )
        members = tuple((p.person_id, p.role) for p in visit.participants_on(Side.GUEST))
        set_delegation(session, visit.id, Delegation((*members, (copy, "interpreter")), copy))
        # The copy attends the first engagement alongside the original: a duplicate there too.
        engagement = session.scalars(select(Engagement).order_by(Engagement.start)).first()
        if leader_id not in {a.person_id for a in engagement.attendees}:
            engagement.attendees.append(Attendee(person_id=leader_id, side=Side.GUEST))
        engagement.attendees.append(Attendee(person_id=copy, side=Side.GUEST))
        session.flush()
        before = _snapshot(session)
    with example_store.transaction() as session:
        record = merging.merge(session, "person", leader_id, copy)
    with example_store.session() as session:
        visit = session.scalars(select(Visit)).one()
        assert visit.leader_id == leader_id
        ids = [p.person_id for p in visit.participants]
        assert ids.count(leader_id) == 1 and copy not in ids
        kept_role = next(p.role for p in visit.participants if p.person_id == leader_id)
        assert kept_role in (None, "interpreter")
        engagement = session.get(Engagement, engagement.id)
        assert [a.person_id for a in engagement.attendees].count(leader_id) == 1
        kept = session.get(Person, leader_id)
        assert kept.email == "he.zhimin@example.cn" and kept.dietary == "No pork"
        assert (
            session.scalar(select(func.count()).select_from(Person).where(Person.id == copy)) == 0
        )
    with example_store.transaction() as session:
        merging.unmerge(session, record)
    with example_store.session() as session:
        assert _snapshot(session) == before
        assert session.get(Person, copy).dietary == "No pork"
        assert session.get(Person, leader_id).dietary is None


def test_a_record_cannot_be_merged_with_itself(example_store: Store) -> None:
    import pytest

    from visitdesk.services.errors import ServiceError

    with example_store.transaction() as session, pytest.raises(ServiceError):
        merging.merge(session, "person", 1, 1)
