"""The press release of a visit: drafted as of a date, edited, numbered in the office's register.

A release is a versioned record: `release(visit_id)` gives it with the version its editor
loaded, `update(release_id, text, version)` saves the typed text over that version or refuses
with ConflictError when another officer saved since. Numbers are unique per calendar year of
the release's date; `register(year)` lists them.

    shown = desk.press.draft(visit_id)                 # the draft, numbered (created if new)
    desk.press.update(shown.record.id, dataclasses.replace(shown.record.data, body="…"),
                      shown.record.version)
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from visitdesk.app.enums import PressReleaseStatus
from visitdesk.app.errors import NotFoundError
from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.documents.release_content import ReleaseContent, number_label
from visitdesk.services.press_release.record import MAX_NUMBER, RegisterEntry

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from visitdesk.domain.office import Office
    from visitdesk.domain.press_release import PressRelease
    from visitdesk.domain.visit import Visit
    from visitdesk.services.press_release.record import PreparedRelease

__all__ = [
    "MAX_NUMBER",
    "Letterhead",
    "Press",
    "Register",
    "RegisterEntry",
    "Release",
    "ReleaseContent",
    "ReleaseText",
    "number_label",
]

GONE = "This visit no longer exists: another officer may have deleted it."


@dataclass(frozen=True)
class ReleaseText:
    """What an officer edits: the number, date and city of the dateline, and the words."""

    number: int
    date: date
    city: str = ""
    topic: str = ""
    headline: str = ""
    lead_quote: str = ""
    attribution: str = ""
    body: str = ""  # paragraphs separated by an empty line


@dataclass(frozen=True)
class Letterhead:
    """What heads every page of a visit's release: the office (or the visit's host), and the
    language of the guests' names. Plain data, so a page can be drawn off the GUI thread."""

    office_name: str
    prefix: str = "PR No."
    short_name: str | None = None
    city: str | None = None
    media_contact: str | None = None
    logo: bytes | None = None
    lang: str | None = None

    def label(self, number: int) -> str:
        """`PR No.211`: the number as the register writes it."""
        return number_label(self.prefix, number)

    def content(self, text: ReleaseText) -> ReleaseContent:
        """What the page shows for `text`, saved or not (the PDF, Word and text are made of it)."""
        from visitdesk.documents.release_content import release_content

        # Plain copies (no models: a reprint may be drawn before SQLAlchemy is imported).
        shown = _ShownText(
            number=text.number,
            date=text.date,
            city=text.city.strip() or None,
            topic=text.topic,
            headline=text.headline,
            lead_quote=text.lead_quote,
            lead_quote_attribution=text.attribution,
            body=text.body,
        )
        office = _ShownOffice(
            name=self.office_name,
            short_name=self.short_name,
            city=self.city,
            press_release_prefix=self.prefix,
            media_contact=self.media_contact,
            logo=self.logo,
        )
        return dataclasses.replace(release_content(shown, office), lang=self.lang)


@dataclass(frozen=True)
class _ShownText:
    number: int
    date: date
    city: str | None
    topic: str
    headline: str
    lead_quote: str
    lead_quote_attribution: str
    body: str
    visit: None = None  # not a saved record: the letterhead gives the language


@dataclass(frozen=True)
class _ShownOffice:
    name: str
    short_name: str | None
    city: str | None
    press_release_prefix: str
    media_contact: str | None
    logo: bytes | None


@dataclass(frozen=True)
class Release:
    """A visit's release as its editor shows it, with what the last call did to it."""

    record: Record[ReleaseText]
    visit_id: int
    visit_ref: str
    letterhead: Letterhead
    issued: bool  # its text can no longer change
    edited: bool  # an officer changed the drafted words: drafting again must ask first
    created: bool = False  # the call made the record (and took its number)
    drafted: bool = False  # the call (re)drafted its words from the visit's record
    kept_edits: bool = False  # the call kept an officer's words instead of drafting again

    @property
    def label(self) -> str:
        return self.letterhead.label(self.record.data.number)

    def content(self) -> ReleaseContent:
        return self.letterhead.content(self.record.data)


@dataclass(frozen=True)
class Register:
    """The register of one year (or every year, `year` None) and the years it holds."""

    entries: tuple[RegisterEntry, ...]
    years: tuple[int, ...]  # newest first
    prefix: str
    year: int | None

    def label(self, entry: RegisterEntry) -> str:
        return number_label(self.prefix, entry.number)


# -- inside a session (shared with the documents part: one flow for window and CLI) ----------


def visit_of(session: Session, visit_id: int) -> Visit:
    from visitdesk.domain.visit import Visit

    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(GONE)
    return visit


def letterhead_of(session: Session, visit: Visit) -> Letterhead:
    from visitdesk.services.press_release.record import office_of

    return letterhead_under(office_of(session), visit)


def letterhead_under(office: Office | None, visit: Visit) -> Letterhead:
    """The letterhead of `visit`'s release under `office` (None: none set up yet)."""
    from visitdesk.domain.languages import language_hint

    host, guest = visit.host_organisation, visit.guest_organisation
    # Without an office set up, the visit's host organisation heads the page.
    name = (office.name if office is not None else None) or (host.name if host else None)
    lang = language_hint(guest.country if guest is not None else None)
    if office is None:
        return Letterhead(office_name=(name or "Press Office").strip(), lang=lang)
    return Letterhead(
        office_name=(name or "Press Office").strip(),
        prefix=office.press_release_prefix,
        short_name=office.short_name,
        city=office.city,
        media_contact=office.media_contact,
        logo=office.logo,
        lang=lang,
    )


def _text(release: PressRelease) -> ReleaseText:
    return ReleaseText(
        number=release.number,
        date=release.date,
        city=release.city or "",
        topic=release.topic or "",
        headline=release.headline or "",
        lead_quote=release.lead_quote or "",
        attribution=release.lead_quote_attribution or "",
        body=release.body or "",
    )


def _load(session: Session, release_id: int) -> ReleaseText:
    from visitdesk.domain.press_release import PressRelease

    release = session.get(PressRelease, release_id)
    if release is None:
        raise NotFoundError("That press release no longer exists: its visit may have been deleted.")
    return _text(release)


def shown(session: Session, visit: Visit, prepared: PreparedRelease | None = None) -> Release:
    """The Release of `visit` as stored in `session` now (after `prepared`, if given)."""
    from visitdesk.services.press_release.record import office_of

    session.flush()
    return shown_under(office_of(session), visit, prepared)


def shown_under(
    office: Office | None, visit: Visit, prepared: PreparedRelease | None = None
) -> Release:
    """The Release of `visit` under `office`, as its records stand (after `prepared`)."""
    release = prepared.release if prepared is not None else _latest(visit)
    assert release is not None
    return Release(
        record=Record(
            release.id, release.version, _text(release), release.changed_at, release.changed_by
        ),
        visit_id=visit.id,
        visit_ref=visit.ref,
        letterhead=letterhead_under(office, visit),
        issued=release.status is PressReleaseStatus.ISSUED,
        edited=release.edited,
        created=prepared.created if prepared is not None else False,
        drafted=prepared.drafted if prepared is not None else False,
        kept_edits=prepared.kept_edits if prepared is not None else False,
    )


def _latest(visit: Visit) -> PressRelease | None:
    # The release prepare_release works on: the visit's latest.
    return max(visit.press_releases, key=lambda r: (r.date, r.number), default=None)


def prepare(
    session: Session,
    visit_id: int,
    *,
    number: int | None = None,
    on: date | None = None,
    city: str | None = None,
    redraft: bool = False,
) -> Release:
    from visitdesk.services.press_release.record import prepare_release

    visit = visit_of(session, visit_id)
    prepared = prepare_release(session, visit, number=number, on=on, city=city, redraft=redraft)
    return shown(session, visit, prepared)


class Press(Part):
    def release(self, visit_id: int) -> Release | None:
        """The visit's release, None when it has none yet.

        A draft nobody has edited is drafted again first, so it follows the visit's record
        (a changed programme, a new statement) each time it is opened.
        """

        def work(session: Session) -> Release | None:
            visit = visit_of(session, visit_id)
            if not visit.press_releases:
                return None
            return prepare(session, visit_id)

        if self._desk.read_only:
            return self._desk.read(lambda s: self._stored(s, visit_id))
        return self._desk.write(work)

    @staticmethod
    def _stored(session: Session, visit_id: int) -> Release | None:
        visit = visit_of(session, visit_id)
        return shown(session, visit) if visit.press_releases else None

    def draft(
        self,
        visit_id: int,
        *,
        number: int | None = None,
        on: date | None = None,
        city: str | None = None,
        redraft: bool = False,
    ) -> Release:
        """Make the visit's release (the next free number of its year unless `number` is
        given) or bring it up to date; `on` dates it (the text is written as of that day:
        later engagements announced, never reported), `redraft` replaces edited words.

        A number used in that year by another release is refused with a sentence naming it.
        """
        return self._desk.write(
            lambda s: prepare(s, visit_id, number=number, on=on, city=city, redraft=redraft)
        )

    def load(self, release_id: int) -> Record[ReleaseText]:
        """The release's text with the version a save must name."""
        from visitdesk.domain.press_release import PressRelease

        return self._desk.record(PressRelease, release_id, _load)

    def update(
        self,
        release_id: int,
        text: ReleaseText,
        version: int,
        opened: ReleaseText | None = None,
    ) -> Release:
        """Save the number, date, city and words typed over the version read.

        Changed words mark the release edited (drafting again then asks first); unchanged
        words of an unedited draft are drafted again for the new date. ConflictError when
        another officer saved the release after `version`; a number taken in the year, or
        words changed on an issued release, are refused with a sentence.
        """
        from visitdesk.domain.press_release import PressRelease

        done: list[Release] = []

        def apply(session: Session) -> None:
            done.clear()
            done.append(_apply(session, release_id, text))

        record = self._desk.save(
            PressRelease,
            release_id,
            version,
            f"press release {(opened or text).number} of {(opened or text).date.year}",
            text,
            apply,
            _load,
            opened,
        )
        return dataclasses.replace(done[-1], record=record)

    def register(self, year: int | None = None) -> Register:
        """The register, year by year and number by number (only `year`'s when given)."""
        from visitdesk.services.press_release.record import (
            office_of,
            register_entries,
            register_years,
        )

        def work(session: Session) -> Register:
            office = office_of(session)
            years = tuple(register_years(session))
            return Register(
                entries=tuple(register_entries(session, year)),
                years=years,
                prefix=office.press_release_prefix if office is not None else "PR No.",
                year=year,
            )

        return self._desk.read(work)

    def renumber(self, release_id: int, number: int, version: int) -> Release:
        """Give the release another number of its year (refused when that one is taken)."""
        record = self.load(release_id)
        return self.update(release_id, dataclasses.replace(record.data, number=number), version)


def _apply(session: Session, release_id: int, text: ReleaseText) -> Release:
    from visitdesk.domain.press_release import PressRelease
    from visitdesk.services.press_release.record import edit_release, prepare_release

    release = session.get(PressRelease, release_id)
    if release is None:
        raise NotFoundError("That press release no longer exists: its visit may have been deleted.")
    words = _words(text)
    typed = words != _words(_text(release))
    visit = release.visit
    prepared = prepare_release(session, visit, number=text.number, on=text.date, city=text.city)
    if typed:
        edit_release(
            prepared.release,
            topic=text.topic.strip(),
            headline=text.headline.strip(),
            lead_quote=text.lead_quote.strip(),
            lead_quote_attribution=text.attribution.strip(),
            body=text.body.strip(),
        )
    return shown(session, visit, prepared)


def _words(text: ReleaseText) -> tuple[str, ...]:
    # As edit_release keeps them: stripped, the body's paragraph breaks counted.
    return tuple(
        part.strip()
        for part in (text.topic, text.headline, text.lead_quote, text.attribution, text.body)
    )
