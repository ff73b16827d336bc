"""The documents of a visit: its press release (PDF, Word, text), the briefing pack, the
programme at a glance and the calendar, each as bytes or saved to a file.

A `save_…(…, path)` writes through `visitdesk.files`: under a temporary name, renamed when
whole, so a failure leaves nothing under the officer's name (and an older file there as it
was). What a document records (the pack's version, the calendar's events as sent out, the
release's number) is committed only once its file is written.

    pack = desk.documents.save_briefing_pack(visit_id, Path("pack.pdf"))
    print(pack.pages, pack.version)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from visitdesk.app.part import Part
from visitdesk.app.press import Release, prepare, visit_of
from visitdesk.app.saving import check_target, write
from visitdesk.documents.release_content import ReleaseContent
from visitdesk.services.pack_status import PackStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    # Re-exported, but loaded only when asked for (`__getattr__` below): the press release's
    # cold start must not pay for the people and briefing services (about 0.12 s).
    from visitdesk.services.briefing import CLASSIFICATION_LIMIT
    from visitdesk.services.people import ParticipantRow
    from visitdesk.services.printed_items import BadgeCategory, BadgeColours

__all__ = [
    "CLASSIFICATION_LIMIT",
    "BadgeCategory",
    "BadgeColours",
    "Calendar",
    "DocumentOptions",
    "Documents",
    "Pack",
    "PackStatus",
    "ParticipantRow",
    "PrintedItems",
    "PrintedRelease",
    "Programme",
    "ReleaseKind",
]

ReleaseKind = Literal["pdf", "docx", "txt"]
Progress = Callable[[int, int], None]


def __getattr__(name: str) -> Any:
    if name == "ParticipantRow":
        from visitdesk.services.people import ParticipantRow

        return ParticipantRow
    if name == "CLASSIFICATION_LIMIT":
        from visitdesk.services.briefing import CLASSIFICATION_LIMIT

        return CLASSIFICATION_LIMIT
    if name in ("BadgeCategory", "BadgeColours"):
        from visitdesk.services import printed_items

        return getattr(printed_items, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# reportlab keeps global font state: two documents must never be drawn at the same time,
# whichever thread asks (the window's previews, its pack worker, its store worker).
_DRAWING = threading.Lock()


@dataclass(frozen=True)
class DocumentOptions:
    """What a document of a visit can be made for: who takes part, and the office's marking."""

    people: tuple[ParticipantRow, ...]
    classification: str


@dataclass(frozen=True)
class PrintedRelease:
    release: Release
    data: bytes


@dataclass(frozen=True)
class Pack:
    data: bytes
    pages: int
    version: int
    engagements: int
    classification: str
    prepared_for: str | None
    guest_copy: bool  # a personal pack for a member of the delegation: no host material
    # Talking points the server kept from this sign-in (the pack says so on its pages), and the
    # highest level it reads there ("Restricted"); 0 and None when nothing was left out.
    withheld: int = 0
    withheld_above: str | None = None


@dataclass(frozen=True)
class Programme:
    data: bytes
    pages: int
    engagements: int
    ref: str
    title: str


@dataclass(frozen=True)
class PrintedItems:
    """Place cards or name badges: the PDF, its sheets, how many cards or badges, and what for."""

    data: bytes
    pages: int
    count: int
    ref: str  # the visit's
    title: str  # the visit's title, or the engagement's when made for one
    engagement: bool  # made for one engagement (its attendees), not the whole visit


@dataclass(frozen=True)
class Calendar:
    data: bytes
    events: int
    cancelled: int
    time_zone: str
    description: str  # "Mr Sato's part of Visit of the JPO delegation"


def kind_of(path: Path, kind: ReleaseKind | None = None) -> ReleaseKind:
    """The kind asked for, else the one the file's name says (.docx, .txt), else PDF."""
    if kind is not None:
        return kind
    by_suffix: dict[str, ReleaseKind] = {".txt": "txt", ".docx": "docx"}
    return by_suffix.get(path.suffix.lower(), "pdf")


def render_release(content: ReleaseContent, kind: ReleaseKind = "pdf") -> bytes:
    with _DRAWING:
        if kind == "txt":
            from visitdesk.documents.press_release_txt import press_release_text

            return press_release_text(content).encode("utf-8")
        if kind == "docx":
            from visitdesk.documents.press_release_docx import press_release_docx

            return press_release_docx(content)
        from visitdesk.documents.press_release_pdf import press_release_pdf

        return press_release_pdf(content)


class Documents(Part):
    @staticmethod
    def check_target(path: Path) -> None:
        """Refuse a file that cannot be written (a folder, a missing folder) before any work."""
        check_target(path)

    # -- what a document can be made for -------------------------------------------------

    def options(self, visit_id: int) -> DocumentOptions:
        """The visit's participants (for a personal pack or calendar) and the office's marking."""
        from visitdesk.services.office import load_office
        from visitdesk.services.people import participant_rows

        def work(session: Session) -> DocumentOptions:
            visit_of(session, visit_id)
            office = load_office(session)
            return DocumentOptions(
                tuple(participant_rows(session, visit_id)),
                office.default_classification if office is not None else "RESTRICTED",
            )

        return self._desk.read(work)

    # -- the press release ----------------------------------------------------------------

    def release(self, content: ReleaseContent, kind: ReleaseKind = "pdf") -> bytes:
        """The release shown (saved or not: `Release.content()`, `Letterhead.content(text)`)
        as a PDF, a Word document or UTF-8 text. Draws only: nothing is read or stored."""
        return render_release(content, kind)

    def save_release(
        self, content: ReleaseContent, path: Path, kind: ReleaseKind | None = None
    ) -> ReleaseKind:
        """The same, written to `path` (kind from its name unless given); the kind written."""
        chosen = kind_of(path, kind)
        check_target(path)
        write(path, render_release(content, chosen))
        return chosen

    def press_release(
        self,
        visit_id: int,
        path: Path,
        kind: ReleaseKind | None = None,
        *,
        number: int | None = None,
        on: date | None = None,
        city: str | None = None,
        redraft: bool = False,
    ) -> PrintedRelease:
        """Draft (or bring up to date) the visit's release as `desk.press.draft` does, and
        write it to `path`, in one step: a release whose file could not be written is not
        numbered either, so the register never gains a number nobody saw."""
        chosen = kind_of(path, kind)
        check_target(path)

        def work(session: Session) -> PrintedRelease:
            shown = prepare(session, visit_id, number=number, on=on, city=city, redraft=redraft)
            data = render_release(shown.content(), chosen)
            write(path, data)
            return PrintedRelease(shown, data)

        return self._desk.write(work)

    # -- the briefing pack ----------------------------------------------------------------

    def pack_status(self, visit_id: int) -> PackStatus | None:
        """The last briefing pack built of the visit (its version and when), and what changed
        after it (the programme, a flight, a room, a car plan...): the copies printed so far
        are out of date when anything did. None when no pack has been built."""
        from visitdesk.services.pack_status import pack_status

        return self._desk.read(lambda s: pack_status(s, visit_id))

    def briefing_pack(
        self,
        visit_id: int,
        person_ref: str | None = None,
        classification: str | None = None,
        progress: Progress | None = None,
        today: date | None = None,
    ) -> Pack:
        """The pack of the whole visit, or `person_ref`'s personal pack (a guest copy, without
        the host's brief, for a member of the delegation), with the next pack version, which
        is recorded. `progress(done, total)` is called as pages are laid out; an exception it
        raises stops the build and records nothing."""
        return self._pack(visit_id, None, person_ref, classification, progress, today)

    def save_briefing_pack(
        self,
        visit_id: int,
        path: Path,
        person_ref: str | None = None,
        classification: str | None = None,
        progress: Progress | None = None,
        today: date | None = None,
    ) -> Pack:
        """The same, written to `path`; the version is recorded only once the file is written."""
        check_target(path)
        return self._pack(visit_id, path, person_ref, classification, progress, today)

    def _pack(
        self,
        visit_id: int,
        path: Path | None,
        person_ref: str | None,
        classification: str | None,
        progress: Progress | None,
        today: date | None,
    ) -> Pack:
        from visitdesk.documents.briefing.builder import render_pack
        from visitdesk.services.briefing import gather_briefing, record_pack_built

        def work(session: Session) -> Pack:
            ref = visit_of(session, visit_id).ref
            content = gather_briefing(session, ref, person_ref, classification, today)
            with _DRAWING:
                rendered = render_pack(content, progress)
            if path is not None:
                write(path, rendered.data)
            record_pack_built(session, ref, content.version)
            return Pack(
                data=rendered.data,
                pages=rendered.pages,
                version=content.version,
                engagements=len(content.engagements),
                classification=content.classification,
                prepared_for=content.prepared_for.name if content.prepared_for else None,
                guest_copy=content.guest_copy,
                withheld=content.hidden_points,
                withheld_above=(content.reading_ceiling.label if content.reading_ceiling else None),
            )

        return self._desk.write(work)

    # -- the programme at a glance --------------------------------------------------------

    def programme(self, visit_id: int, printed_on: date | None = None) -> Programme:
        """The programme on A4: a heading per day, each engagement with every attendee."""
        from visitdesk.documents.programme_pdf import programme_pdf
        from visitdesk.services.programme import programme_sheet

        sheet = self._desk.read(lambda s: programme_sheet(s, visit_of(s, visit_id).ref))
        with _DRAWING:
            made = programme_pdf(sheet, printed_on)
        return Programme(made.data, made.pages, made.engagements, sheet.ref, sheet.title)

    def save_programme(
        self, visit_id: int, path: Path, printed_on: date | None = None
    ) -> Programme:
        check_target(path)
        made = self.programme(visit_id, printed_on)
        write(path, made.data)
        return made

    # -- the calendar ---------------------------------------------------------------------

    def calendar(self, visit_id: int, person_ref: str | None = None) -> Calendar:
        """The programme (or the engagements `person_ref` attends) as an iCalendar file, each
        event in its own time zone; its events count as sent out from now on (a deleted one
        is then published as cancelled)."""
        return self._calendar(visit_id, person_ref, None)

    def save_calendar(self, visit_id: int, path: Path, person_ref: str | None = None) -> Calendar:
        """The same, written to `path`: the events count as sent out only once it is."""
        check_target(path)
        return self._calendar(visit_id, person_ref, path)

    def _calendar(self, visit_id: int, person_ref: str | None, path: Path | None) -> Calendar:
        from visitdesk.services.calendar import export_calendar

        def work(session: Session) -> Calendar:
            made = export_calendar(session, visit_of(session, visit_id).ref, person_ref)
            if path is not None:
                write(path, made.data)
            return Calendar(
                made.data, made.events, made.cancelled, made.time_zone, made.description
            )

        return self._desk.write(work)

    # -- place cards and name badges ------------------------------------------------------

    def place_cards(self, visit_id: int, engagement_id: int | None = None) -> PrintedItems:
        """Tent cards, one A4 sheet (landscape, folded in half) a person: the delegation then
        the host side, each in order of precedence; for an engagement, its attendees only."""
        return self._printed(visit_id, engagement_id, "place cards", None)

    def save_place_cards(
        self, visit_id: int, path: Path, engagement_id: int | None = None
    ) -> PrintedItems:
        """The same, written to `path` whole or not at all."""
        check_target(path)
        made = self.place_cards(visit_id, engagement_id)
        write(path, made.data)
        return made

    def badges(
        self,
        visit_id: int,
        engagement_id: int | None = None,
        colours: BadgeColours | None = None,
    ) -> PrintedItems:
        """Name badges, 90 × 55 mm, ten to an A4 sheet with crop marks, in the same order, each
        with its category's band (`colours`, else the defaults of `BadgeColours`)."""
        from visitdesk.app.errors import RefusedError
        from visitdesk.services.printed_items import BadgeColours

        try:
            checked = (colours or BadgeColours()).checked()
        except ValueError as exc:
            raise RefusedError(str(exc)) from None
        return self._printed(visit_id, engagement_id, "badges", checked)

    def save_badges(
        self,
        visit_id: int,
        path: Path,
        engagement_id: int | None = None,
        colours: BadgeColours | None = None,
    ) -> PrintedItems:
        """The same, written to `path` whole or not at all."""
        check_target(path)
        made = self.badges(visit_id, engagement_id, colours)
        write(path, made.data)
        return made

    def _printed(
        self,
        visit_id: int,
        engagement_id: int | None,
        what: str,
        colours: BadgeColours | None,
    ) -> PrintedItems:
        from visitdesk.app.errors import RefusedError
        from visitdesk.services.printed_items import printed_set

        printed = self._desk.read(lambda s: printed_set(s, visit_id, engagement_id))
        if not printed.people:
            where = (
                f"the engagement “{printed.engagement_title}”"
                if printed.engagement_title is not None
                else f"the visit {printed.visit_ref}"
            )
            raise RefusedError(
                f"Nobody takes part in {where} yet, so there are no {what} to print. Add the "
                "delegation or the attendees first."
            )
        from visitdesk.documents.printed_items import badges_pdf, place_cards_pdf

        with _DRAWING:
            if colours is None:
                data, pages = place_cards_pdf(printed)
            else:
                data, pages = badges_pdf(printed, colours)
        return PrintedItems(
            data,
            pages,
            len(printed.people),
            printed.visit_ref,
            printed.title,
            printed.engagement_title is not None,
        )
