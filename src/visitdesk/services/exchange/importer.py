"""Write a checked exchange file into the store: all of it, in one transaction, or nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.engagement import Attendee, Engagement, TalkingPoint
from visitdesk.domain.enums import Side
from visitdesk.domain.office import DEFAULT_CLASSIFICATION, Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.outcome import Outcome, StatusChange
from visitdesk.domain.person import Person
from visitdesk.domain.press_release import PressRelease
from visitdesk.domain.statement import Statement
from visitdesk.domain.visit import Visit, VisitParticipant
from visitdesk.services.exchange.document import (
    Document,
    EngagementRecord,
    OfficeRecord,
    OrganisationRecord,
    PersonRecord,
    VisitRecord,
)
from visitdesk.services.exchange.errors import ExchangeFileError, Problem
from visitdesk.services.exchange.parse import parse_document
from visitdesk.services.exchange.reader import read_json
from visitdesk.services.exchange.report import ImportReport, plural
from visitdesk.store.database import Store


def import_file(store: Store, path: Path) -> ImportReport:
    """Read, check and import one file; on any problem nothing is written."""
    document = parse_document(read_json(path), path.name)
    with store.transaction() as session:
        return apply_document(session, document, path.name)


def import_document(session: Session, path: Path) -> ImportReport:
    """The same within a session the caller commits (or rolls back on an exception)."""
    return apply_document(session, parse_document(read_json(path), path.name), path.name)


def apply_document(session: Session, document: Document, file_name: str) -> ImportReport:
    report = ImportReport(file_name)
    _office(session, document.office, report)
    organisations = _organisations(session, document.organisations, report)
    people = _people(session, document.people, organisations, report)
    session.flush()
    _check_press_release_numbers(session, document, file_name)
    for record in document.visits:
        _visit(session, record, document.note, organisations, people, report)
    session.flush()
    if not document.visits:
        report.say("The file holds no visits.")
    return report


def _office(session: Session, record: OfficeRecord | None, report: ImportReport) -> None:
    if record is None:
        return
    office = session.scalars(select(Office).limit(1)).first()
    if office is not None:
        if office.name != record.name:
            report.say(
                f"Kept the office already set up ({office.name}); the file's office "
                f"({record.name}) was not applied."
            )
        return
    session.add(
        Office(
            name=record.name,
            short_name=record.short_name,
            city=record.city,
            country=record.country,
            press_release_prefix=record.press_release_prefix,
            media_contact=record.media_contact,
            logo=record.logo.data if record.logo else None,
            logo_media_type=record.logo.media_type if record.logo else None,
            default_classification=record.default_classification or DEFAULT_CLASSIFICATION,
        )
    )
    report.say(f"Set up the office: {record.name}.")


def _organisations(
    session: Session, records: list[OrganisationRecord], report: ImportReport
) -> dict[str, Organisation]:
    refs = [r.ref for r in records]
    existing = {
        o.ref: o for o in session.scalars(select(Organisation).where(Organisation.ref.in_(refs)))
    }
    added = 0
    for record in records:
        organisation = existing.get(record.ref)
        if organisation is None:
            organisation = Organisation(ref=record.ref)
            session.add(organisation)
            existing[record.ref] = organisation
            added += 1
        organisation.name = record.name
        organisation.short_name = record.short_name
        organisation.native_name = record.native_name
        organisation.country = record.country
        organisation.kind = record.kind
        organisation.notes = record.notes
    if records:
        report.say(f"Organisations: {added} added, {len(records) - added} updated.")
    return existing


def _people(
    session: Session,
    records: list[PersonRecord],
    organisations: dict[str, Organisation],
    report: ImportReport,
) -> dict[str, Person]:
    refs = [r.ref for r in records]
    existing: dict[str, Person] = {}
    for chunk in range(0, len(refs), 500):  # SQLite limits the parameters of one query
        existing.update(
            (p.ref, p)
            for p in session.scalars(
                select(Person).where(Person.ref.in_(refs[chunk : chunk + 500]))
            )
        )
    added = 0
    for record in records:
        person = existing.get(record.ref)
        if person is None:
            person = Person(ref=record.ref)
            session.add(person)
            existing[record.ref] = person
            added += 1
        person.honorific = record.honorific
        person.given_name = record.given_name
        person.family_name = record.family_name
        person.family_name_first = record.family_name_first
        person.native_name = record.native_name
        person.position = record.position
        person.organisation = organisations[record.organisation] if record.organisation else None
        person.precedence = record.precedence
        person.email = record.email
        person.phone = record.phone
        person.bio = record.bio
        person.dietary = record.dietary
        person.medical = record.medical
        person.photo = record.photo.data if record.photo else None
        person.photo_media_type = record.photo.media_type if record.photo else None
        person.notes = record.notes
    if records:
        report.say(f"People: {added} added, {len(records) - added} updated.")
    return existing


def _check_press_release_numbers(session: Session, document: Document, file_name: str) -> None:
    wanted = {
        r.number: (i, j, v.ref)
        for i, v in enumerate(document.visits)
        for j, r in enumerate(v.press_releases or [])
    }
    if not wanted:
        return
    rows = session.execute(
        select(PressRelease.number, Visit.ref)
        .join(Visit)
        .where(PressRelease.number.in_(list(wanted)))
    ).all()
    problems = [
        Problem(
            f"visits[{wanted[n][0]}].press_releases[{wanted[n][1]}].number",
            f"press release number {n} is already used by visit {owner!r}",
        )
        for n, owner in rows
        if owner != wanted[n][2]
    ]
    if problems:
        raise ExchangeFileError(file_name, problems)


def _visit(
    session: Session,
    record: VisitRecord,
    note: str | None,
    organisations: dict[str, Organisation],
    people: dict[str, Person],
    report: ImportReport,
) -> None:
    visit = session.scalars(
        select(Visit)
        .where(Visit.ref == record.ref)
        .options(
            selectinload(Visit.participants),
            selectinload(Visit.statements),
            selectinload(Visit.outcomes),
            selectinload(Visit.press_releases),
            selectinload(Visit.engagements).selectinload(Engagement.attendees),
            selectinload(Visit.engagements).selectinload(Engagement.talking_points),
        )
    ).first()
    is_new = visit is None
    before: dict[str, tuple[object, ...]] = {}
    if visit is None:
        visit = Visit(ref=record.ref)
        session.add(visit)
    else:
        before = {e.ref: _stored_signature(e) for e in visit.engagements}
        # Children are rebuilt from the file; the old rows go first so that unique
        # constraints (one row per person and visit) never see both.
        visit.participants.clear()
        visit.statements.clear()
        visit.outcomes.clear()
        if record.press_releases is not None:
            visit.press_releases.clear()
        for engagement in visit.engagements:
            engagement.attendees.clear()
            engagement.talking_points.clear()
        session.flush()

    org = organisations.get
    visit.title = record.title
    visit.direction = record.direction
    visit.host_organisation = org(record.host_organisation) if record.host_organisation else None
    visit.guest_organisation = org(record.guest_organisation) if record.guest_organisation else None
    visit.city = record.city
    visit.country = record.country
    visit.time_zone = record.time_zone
    visit.start_date = record.start_date
    visit.end_date = record.end_date
    visit.status = record.status
    visit.delegation_description = record.delegation_description
    visit.leader = people[record.leader] if record.leader else None
    visit.notes = record.notes
    visit.source_note = note
    visit.participants.extend(
        VisitParticipant(person=people[p.person], side=p.side, role=p.role)
        for p in record.participants
    )

    engagements = _engagements(session, visit, record.engagements, before, organisations, people)
    visit.statements.extend(
        Statement(
            engagement=engagements[s.engagement] if s.engagement else None,
            speaker=people[s.speaker] if s.speaker else None,
            text=s.text,
            style=s.style,
            for_press=s.for_press,
            role=s.role,
        )
        for s in record.statements
    )
    for o in record.outcomes:
        outcome = Outcome(
            engagement=engagements[o.engagement] if o.engagement else None,
            kind=o.kind,
            title=o.title,
            description=o.description,
            status=o.status,
            next_step=o.next_step,
            owner=people[o.owner] if o.owner else None,
            due_date=o.due_date,
        )
        outcome.history.extend(
            StatusChange(status=h.status, changed_on=h.changed_on, note=h.note) for h in o.history
        )
        visit.outcomes.append(outcome)
    for r in record.press_releases or []:
        visit.press_releases.append(
            PressRelease(
                number=r.number,
                date=r.date,
                city=r.city,
                headline=r.headline,
                lead_quote=r.lead_quote,
                lead_quote_attribution=r.lead_quote_attribution,
                body=r.body,
                status=r.status,
                edited=r.edited,
            )
        )

    counts = ", ".join(
        [
            plural(len(record.engagements), "engagement"),
            plural(len(record.statements), "statement"),
            plural(len(record.outcomes), "outcome"),
            plural(len(visit.press_releases), "press release"),
        ]
    )
    if is_new:
        report.created_visits.append(record.ref)
        report.say(f"Imported visit {record.ref} ({record.title}): {counts}.")
    else:
        report.updated_visits.append(record.ref)
        report.say(
            f"Updated visit {record.ref} ({record.title}) in place, with the file's "
            f"programme, statements and outcomes: {counts}."
        )


def _signature(
    e: Engagement | EngagementRecord,
    org_ref: str | None,
    talking_points: list[str],
    host: list[str],
    guest: list[str],
) -> tuple[object, ...]:
    return (
        e.kind,
        e.title,
        e.start,
        e.end,
        e.venue,
        e.city,
        org_ref,
        e.objectives,
        e.notes,
        tuple(talking_points),
        tuple(host),
        tuple(guest),
    )


def _stored_signature(e: Engagement) -> tuple[object, ...]:
    return _signature(
        e,
        e.organisation.ref if e.organisation else None,
        [t.text for t in e.talking_points],
        [a.person.ref for a in e.attendees if a.side is Side.HOST],
        [a.person.ref for a in e.attendees if a.side is Side.GUEST],
    )


def _engagements(
    session: Session,
    visit: Visit,
    records: list[EngagementRecord],
    before: dict[str, tuple[object, ...]],
    organisations: dict[str, Organisation],
    people: dict[str, Person],
) -> dict[str, Engagement]:
    """Match engagements by id so each keeps its identity (and calendar event) across imports."""
    old = {e.ref: e for e in visit.engagements}
    kept: dict[str, Engagement] = {}
    for record in records:
        engagement = old.get(record.ref)
        if engagement is None:
            engagement = Engagement(ref=record.ref, sequence=0)
            visit.engagements.append(engagement)
        engagement.kind = record.kind
        engagement.title = record.title
        engagement.start = record.start
        engagement.end = record.end
        engagement.venue = record.venue
        engagement.city = record.city
        engagement.organisation = (
            organisations[record.organisation] if record.organisation else None
        )
        engagement.objectives = record.objectives
        engagement.notes = record.notes
        engagement.talking_points.extend(TalkingPoint(text=t) for t in record.talking_points)
        engagement.attendees.extend(
            Attendee(person=people[p], side=Side.HOST) for p in record.host_attendees
        )
        engagement.attendees.extend(
            Attendee(person=people[p], side=Side.GUEST) for p in record.guest_attendees
        )
        sequence = engagement.sequence or 0
        if record.ref in before and before[record.ref] != _signature(
            record,
            record.organisation,
            record.talking_points,
            record.host_attendees,
            record.guest_attendees,
        ):
            sequence += 1  # a changed engagement must replace its calendar event, not add one
        engagement.sequence = max(sequence, record.sequence or 0)
        kept[record.ref] = engagement
    for ref, engagement in old.items():
        if ref not in kept:
            visit.engagements.remove(engagement)
            session.delete(engagement)
    return kept
