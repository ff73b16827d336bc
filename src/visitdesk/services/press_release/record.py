"""The press release as a record: numbered in the office's register, drafted, edited, kept.

A visit that already has a release (imported or saved) keeps its number, date and city; a new
one takes the next free number of its year. Offices start the register again every January, so
a number is used once in each calendar year of the releases' dates. Once an officer has
edited a release, drafting again replaces the text only when asked (`redraft=True`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from visitdesk.domain.enums import PressReleaseStatus
from visitdesk.services.errors import ConflictError, ServiceError
from visitdesk.services.press_release.draft import draft_press_release
from visitdesk.services.press_release.wording import squash

if TYPE_CHECKING:
    # SQLAlchemy and the models are imported where a session is used: the rules below also
    # run over plain records read without them (`app.quick`: a reprint that changes nothing).
    from sqlalchemy.orm import Session

    from visitdesk.domain.office import Office
    from visitdesk.domain.press_release import PressRelease
    from visitdesk.domain.visit import Visit

# The register's numbers are whole numbers a clerk writes by hand; anything larger is a typo.
MAX_NUMBER = 9_999_999


@dataclass(frozen=True)
class PreparedRelease:
    release: PressRelease
    created: bool  # a new record, with a newly proposed or given number
    drafted: bool  # its text was (re)drafted from the visit's record just now
    kept_edits: bool  # the officer's edited text was kept, not drafted again


def next_free_number(session: Session, year: int) -> int:
    """The number after the highest of `year` in the register (1 for a year not yet begun)."""
    from sqlalchemy import func, select

    from visitdesk.domain.press_release import PressRelease

    highest = session.scalar(select(func.max(PressRelease.number)).where(PressRelease.year == year))
    return (highest or 0) + 1


def holder_of(session: Session, number: int, year: int) -> PressRelease | None:
    """The release that has `number` in `year`'s register, if any."""
    from sqlalchemy import select

    from visitdesk.domain.press_release import PressRelease

    return session.scalars(
        select(PressRelease).where(PressRelease.number == number, PressRelease.year == year)
    ).first()


def office_of(session: Session) -> Office | None:
    from sqlalchemy import select

    from visitdesk.domain.office import Office

    return session.scalars(select(Office).order_by(Office.id)).first()


def check_number_range(number: int) -> None:
    if not 1 <= number <= MAX_NUMBER:
        raise ServiceError(
            f"{number} cannot be a press release number: use a whole number from 1 "
            f"to {MAX_NUMBER:,}."
        )


def _check_number(
    session: Session, number: int, year: int, release: PressRelease | None, given: bool
) -> None:
    check_number_range(number)
    with session.no_autoflush:
        holder = holder_of(session, number, year)
    if holder is not None and holder is not release:
        free = next_free_number(session, year)
        advice = (
            f"Choose another number, or leave the number out to take the next free one ({free})."
            if given
            else f"Give it another number with --number (the next free one is {free})."
        )
        raise ConflictError(
            f"Press release number {number} of {year} is already used by the release of the "
            f"visit {holder.visit.ref!r} ({holder.visit.title}). {advice}"
        )


class Register(Protocol):
    """What preparing a release asks of the office's register (`InSession`: the store's)."""

    def next_free(self, year: int) -> int: ...

    def check(self, number: int, year: int, release: PressRelease | None, given: bool) -> None:
        """Refuse `number` of `year` if a release other than `release` holds it."""

    def add(self, visit: Visit, number: int, day: date) -> PressRelease:
        """A new release of `visit`, numbered and dated, in the visit's list."""


class InSession:
    """The register as the session's store holds it."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def next_free(self, year: int) -> int:
        return next_free_number(self.session, year)

    def check(self, number: int, year: int, release: PressRelease | None, given: bool) -> None:
        _check_number(self.session, number, year, release, given)

    def add(self, visit: Visit, number: int, day: date) -> PressRelease:
        from visitdesk.domain.press_release import PressRelease

        release = PressRelease(number=number, date=day)
        visit.press_releases.append(release)
        return release


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
    prepared = bring_up_to_date(
        visit,
        office_of(session),
        InSession(session),
        number=number,
        on=on,
        city=city,
        redraft=redraft,
    )
    session.flush()
    return prepared


def bring_up_to_date(
    visit: Visit,
    office: Office | None,
    register: Register,
    *,
    number: int | None = None,
    on: date | None = None,
    city: str | None = None,
    redraft: bool = False,
) -> PreparedRelease:
    """`prepare_release`'s rules over the visit's records and the register, without a session."""
    release = max(visit.press_releases, key=lambda r: (r.date, r.number), default=None)
    created = release is None
    if number is not None:
        check_number_range(number)
    early_draft = None
    if release is None:
        # A new record's number is taken in the year of its date, which drafting may choose
        # (the day of the engagement the release reports); that draft is the one kept.
        if on is None:
            early_draft = draft_press_release(visit, office, None)
        day = on or (early_draft.date if early_draft is not None else None) or date.today()
        chosen = number if number is not None else register.next_free(day.year)
        register.check(chosen, day.year, None, number is not None)
        release = register.add(visit, chosen, day)
    elif number is not None or on is not None:
        # Renumbered or redated (perhaps into another year): the pair must still be free.
        day = on or release.date
        register.check(number or release.number, day.year, release, number is not None)
        release.number = number or release.number
        release.date = day
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
        draft = early_draft or draft_press_release(visit, office, release.date)
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


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the office's register of press releases."""

    number: int
    date: date
    topic: str
    visit_ref: str
    visit_title: str
    status: PressReleaseStatus
    visit_id: int


def register_entries(session: Session, year: int | None = None) -> list[RegisterEntry]:
    """The register, year by year and number by number (one year's if `year` is given)."""
    from sqlalchemy import select

    from visitdesk.domain.press_release import PressRelease
    from visitdesk.domain.visit import Visit

    query = (
        select(
            PressRelease.number,
            PressRelease.date,
            PressRelease.topic,
            PressRelease.headline,
            Visit.ref,
            Visit.title,
            PressRelease.status,
            Visit.id,
        )
        .join(Visit)
        .order_by(PressRelease.year, PressRelease.number)
    )
    if year is not None:
        query = query.where(PressRelease.year == year)
    return [
        # A release without a topic is filed under its headline's first line.
        RegisterEntry(n, d, squash(topic or (headline or "").split("\n")[0]), ref, title, s, v)
        for n, d, topic, headline, ref, title, s, v in session.execute(query).all()
    ]


def register_years(session: Session) -> list[int]:
    """The years the register holds releases for, newest first."""
    from sqlalchemy import select

    from visitdesk.domain.press_release import PressRelease

    return list(
        session.scalars(
            select(PressRelease.year).distinct().order_by(PressRelease.year.desc())
        ).all()
    )
