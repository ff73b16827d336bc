"""Write a checked exchange file into the store: all of it, in one transaction, or nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.office import DEFAULT_CLASSIFICATION, DEFAULT_DEPOSIT_AUTHORITY, Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.person import Person
from visitdesk.domain.press_release import PressRelease
from visitdesk.domain.visit import Visit
from visitdesk.services.exchange.document import Document, OfficeRecord, VisitRecord
from visitdesk.services.exchange.errors import Problem, ReleaseNumberTakenError
from visitdesk.services.exchange.parse import parse_document
from visitdesk.services.exchange.reader import read_json
from visitdesk.services.exchange.report import ImportReport, plural
from visitdesk.services.exchange.rows import organisation_row, person_row
from visitdesk.services.exchange.writer import upsert_by_ref, write_visits
from visitdesk.store.database import Store

# Beyond this many visits, one line each would bury the summary.
VISITS_LISTED = 12


def import_file(store: Store, path: Path, *, renumber_releases: bool = False) -> ImportReport:
    """Read, check and import one file; on any problem nothing is written.

    A press release whose number is already used in its year by another visit's release stops
    the import (`ReleaseNumberTakenError`), unless `renumber_releases` gives it the next free one.
    """
    document = parse_document(read_json(path), path.name)
    with store.transaction() as session:
        return apply_document(session, document, path.name, renumber_releases=renumber_releases)


def import_document(
    session: Session, path: Path, *, renumber_releases: bool = False
) -> ImportReport:
    """The same within a session the caller commits (or rolls back on an exception)."""
    return apply_document(
        session,
        parse_document(read_json(path), path.name),
        path.name,
        renumber_releases=renumber_releases,
    )


def apply_document(
    session: Session, document: Document, file_name: str, *, renumber_releases: bool = False
) -> ImportReport:
    report = ImportReport(file_name)
    _office(session, document.office, report)
    session.flush()
    org, new = upsert_by_ref(
        session, Organisation, [organisation_row(r) for r in document.organisations]
    )
    if document.organisations:
        report.say(f"Organisations: {new} added, {len(document.organisations) - new} updated.")
    person, new = upsert_by_ref(
        session,
        Person,
        [person_row(r, org[r.organisation] if r.organisation else None) for r in document.people],
    )
    if document.people:
        report.say(f"People: {new} added, {len(document.people) - new} updated.")
    _check_press_release_numbers(session, document, file_name, report, renumber_releases)
    updated = write_visits(session, document.visits, document.note, org, person)
    _report_visits(report, document.visits, updated)
    # Rows were written past the ORM: objects a caller holds must be read afresh.
    session.expire_all()
    return report


def _report_visits(report: ImportReport, visits: list[VisitRecord], updated: set[str]) -> None:
    if not visits:
        report.say("The file holds no visits.")
    for record in visits:
        (report.updated_visits if record.ref in updated else report.created_visits).append(
            record.ref
        )
    if len(visits) > VISITS_LISTED:
        report.say(
            f"Visits: {len(report.created_visits)} imported, "
            f"{len(report.updated_visits)} updated in place; "
            f"{plural(sum(len(v.engagements) for v in visits), 'engagement')} in all."
        )
        return
    for record in visits:
        releases = (
            plural(len(record.press_releases), "press release")
            if record.press_releases is not None
            else "press releases kept"
        )
        counts = ", ".join(
            [
                plural(len(record.engagements), "engagement"),
                plural(len(record.statements), "statement"),
                plural(len(record.outcomes), "outcome"),
                releases,
            ]
        )
        if record.ref in updated:
            report.say(
                f"Updated visit {record.ref} ({record.title}) in place, with the file's "
                f"programme, statements and outcomes: {counts}."
            )
        else:
            report.say(f"Imported visit {record.ref} ({record.title}): {counts}.")


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
            gift_deposit_authority=record.gift_deposit_authority or DEFAULT_DEPOSIT_AUTHORITY,
        )
    )
    report.say(f"Set up the office: {record.name}.")


def _check_press_release_numbers(
    session: Session,
    document: Document,
    file_name: str,
    report: ImportReport,
    renumber: bool,
) -> None:
    """Refuse (or, asked to, renumber) releases whose number is taken in their year.

    Numbers start again every year, so the pair (year, number) names a release. A release of a
    visit the file replaces (its releases are written anew) does not stand in the way.
    """
    wanted = {
        (r.date.year, r.number): (i, j, v)
        for i, v in enumerate(document.visits)
        for j, r in enumerate(v.press_releases or [])
    }
    if not wanted:
        return
    replaced = {v.ref for v in document.visits if v.press_releases is not None}
    taken = {
        (year, number): (ref, title)
        for year, number, ref, title in session.execute(
            select(PressRelease.year, PressRelease.number, Visit.ref, Visit.title)
            .join(Visit)
            .where(PressRelease.year.in_({year for year, _ in wanted}))
        ).all()
        if ref not in replaced
    }
    clashes = sorted(key for key in wanted if key in taken)
    if not clashes:
        return
    if renumber:
        used = set(taken) | set(wanted)
        for year, number in clashes:
            i, j, visit = wanted[(year, number)]
            free = 1 + max(n for y, n in used if y == year)
            used.add((year, free))
            assert visit.press_releases is not None
            visit.press_releases[j].number = free
            report.say(
                f"Renumbered the press release of visit {visit.ref} "
                f"(visits[{i}].press_releases[{j}]) from {number} to {free}: {number} of "
                f"{year} is already used by visit {taken[(year, number)][0]}."
            )
        return
    problems = []
    for year, number in clashes:
        i, j, visit = wanted[(year, number)]
        owner, title = taken[(year, number)]
        free = 1 + max(n for y, n in set(taken) | set(wanted) if y == year)
        problems.append(
            Problem(
                f"visits[{i}].press_releases[{j}].number",
                f"press release number {number} of {year} is already used by visit {owner!r} "
                f"({title}); change the number in the file, or import it with renumbering "
                f"(`visitdesk import --renumber-releases {file_name}`; the window offers it) to "
                f"give it the next free number of {year} ({free})",
            )
        )
    raise ReleaseNumberTakenError(file_name, problems)
