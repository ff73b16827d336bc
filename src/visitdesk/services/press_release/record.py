"""The press release as a record: numbered in the office's register, drafted, edited, kept.

A visit that already has a release (imported or saved) keeps its number, date and city; a new
one takes the next free number. A number is used once in the register. Once an officer has
edited a release, drafting again replaces the text only when asked (`redraft=True`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from visitdesk.domain.enums import PressReleaseStatus
from visitdesk.domain.office import Office
from visitdesk.domain.press_release import PressRelease
from visitdesk.domain.visit import Visit
from visitdesk.services.errors import ConflictError, ServiceError
from visitdesk.services.press_release.draft import draft_press_release
from visitdesk.services.press_release.wording import squash

# The register's numbers are whole numbers a clerk writes by hand; anything larger is a typo.
MAX_NUMBER = 9_999_999


@dataclass(frozen=True)
class PreparedRelease:
    release: PressRelease
    created: bool  # a new record, with a newly proposed or given number
    drafted: bool  # its text was (re)drafted from the visit's record just now
    kept_edits: bool  # the officer's edited text was kept, not drafted again


def next_free_number(session: Session) -> int:
    """The number after the highest in the register (1 for an empty register)."""
    highest = session.scalar(select(func.max(PressRelease.number)))
    return (highest or 0) + 1


def office_of(session: Session) -> Office | None:
    return session.scalars(select(Office).order_by(Office.id)).first()


def _check_number(session: Session, number: int, release: PressRelease | None) -> None:
    if not 1 <= number <= MAX_NUMBER:
        raise ServiceError(
            f"{number} cannot be a press release number: use a whole number from 1 "
            f"to {MAX_NUMBER:,}."
        )
    holder = session.scalars(select(PressRelease).where(PressRelease.number == number)).first()
    if holder is not None and holder is not release:
        free = next_free_number(session)
        raise ConflictError(
            f"Press release number {number} is already used by the release of the visit "
            f"{holder.visit.ref!r} ({holder.visit.title}). Choose another number, or leave the "
            f"number out to take the next free one ({free})."
        )


def prepare_release(
    session: Session,
    visit: Visit,
    *,
    number: int | None = None,
    on: date | None = None,
    city: str | None = None,
    redraft: bool = False,
) -> PreparedRelease:
    """The visit's release record, created or brought up to date, ready to print.

    The session is flushed, not committed: the caller's transaction decides.
    """
    office = office_of(session)
    release = max(visit.press_releases, key=lambda r: r.number, default=None)
    created = release is None
    if number is not None:
        _check_number(session, number, release)
    if release is None:
        release = PressRelease(
            number=number if number is not None else next_free_number(session),
            date=on or date.today(),
        )
        visit.press_releases.append(release)
    else:
        if number is not None:
            release.number = number
        if on is not None:
            release.date = on
    if city is not None:
        release.city = squash(city) or None
    empty = not any((release.headline, release.lead_quote, release.body))
    issued = release.status is PressReleaseStatus.ISSUED
    if redraft and issued:
        raise ConflictError(
            f"Press release {release.number} has been issued; its text can no longer be "
            "drafted again. Print it without --redraft."
        )
    kept_edits = release.edited and not redraft and not empty
    drafted = created or empty or redraft or (not release.edited and not issued)
    if drafted:
        # A record's date stands (the text dates other days' engagements against it); a new
        # record takes the date of the engagement the release reports.
        draft = draft_press_release(visit, office, on or (None if created else release.date))
        if created and on is None and draft.date is not None:
            release.date = draft.date
        release.topic = draft.topic
        release.headline = draft.headline
        release.lead_quote = draft.lead_quote
        release.lead_quote_attribution = draft.lead_quote_attribution
        release.body = draft.body
        release.edited = False
        if release.city is None:
            release.city = draft.city
    if release.city is None and office is not None:
        release.city = squash(office.city) or None
    session.flush()
    return PreparedRelease(release, created, drafted, kept_edits)


def edit_release(
    release: PressRelease,
    *,
    topic: str | None = None,
    headline: str | None = None,
    lead_quote: str | None = None,
    lead_quote_attribution: str | None = None,
    body: str | None = None,
) -> bool:
    """Keep an officer's changes to the text; returns True if anything changed.

    A changed release is marked edited, so that drafting again never silently overwrites it.
    """
    if release.status is PressReleaseStatus.ISSUED:
        raise ConflictError(
            f"Press release {release.number} has been issued; its text can no longer change."
        )
    changed = False
    for name, value in (
        ("topic", topic[:300] if topic is not None else None),
        ("headline", headline),
        ("lead_quote", lead_quote),
        ("lead_quote_attribution", lead_quote_attribution),
        ("body", body),
    ):
        if value is not None and value != getattr(release, name):
            setattr(release, name, value)
            changed = True
    if changed:
        release.edited = True
    return changed
