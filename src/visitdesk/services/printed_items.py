"""Who gets a place card and a badge, in which order, under which category: plain data for
`documents/printed_items/` (no reportlab here, no ORM object leaves this module).

Order: the delegation first (its leader first), then the host side, each side in order of
precedence (`domain.precedence`), as the briefing pack numbers the people of its seating plans
and its lists of the delegation and the hosts. For one engagement: its attendees only, the
guest side then the host side, numbered as that engagement's seating plan numbers them.

A badge's category follows the person's role on the visit where it is one that security must
tell apart (an interpreter; staff: security, aides, liaison officers), else their side. The
colours are a setting (`BadgeColours`), whose defaults follow common protocol practice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.enums import DelegateRole, Side
from visitdesk.domain.languages import Lang, language_hint
from visitdesk.domain.models import Attendee, Engagement, Organisation, Person, Visit
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.roles import role_choice
from visitdesk.services.errors import NotFoundError


class BadgeCategory(StrEnum):
    """What a badge tells security at a glance; the value is the word printed on the band."""

    HOST = "Host"
    DELEGATION = "Delegation"
    INTERPRETER = "Interpreter"
    STAFF = "Staff"


# Roles printed as staff: people who work the visit rather than take part in its talks.
STAFF_ROLES = frozenset({DelegateRole.SECURITY, DelegateRole.AIDE, DelegateRole.LIAISON_OFFICER})


def badge_category(side: Side, role: str | None) -> BadgeCategory:
    """Interpreters and staff by their role, whichever side brought them; others by side."""
    choice = role_choice(role)
    if choice is DelegateRole.INTERPRETER:
        return BadgeCategory.INTERPRETER
    if choice in STAFF_ROLES:
        return BadgeCategory.STAFF
    return BadgeCategory.HOST if side is Side.HOST else BadgeCategory.DELEGATION


def _default_colours() -> dict[BadgeCategory, str]:
    # Protocol practice: the host in blue, the guest delegation in red, interpreters and staff
    # in colours that neither side wears. Each dark enough for white letters on the band.
    return {
        BadgeCategory.HOST: "#1F4E9E",
        BadgeCategory.DELEGATION: "#B3262E",
        BadgeCategory.INTERPRETER: "#6A3D9A",
        BadgeCategory.STAFF: "#2E7D32",
    }


@dataclass(frozen=True)
class BadgeColours:
    """The band colour of each category, as `#RRGGBB`: the office's setting. The defaults are
    declared here once; a caller names only the ones it changes:
    `BadgeColours.of({BadgeCategory.STAFF: "#FF8800"})`."""

    colours: Mapping[BadgeCategory, str] = field(
        default_factory=lambda: MappingProxyType(_default_colours())
    )

    @classmethod
    def of(cls, changes: Mapping[BadgeCategory | str, str]) -> BadgeColours:
        """The defaults with `changes` over them; a category may be named by its word
        (`"staff"`). Raises ValueError for an unknown category or a colour not `#RRGGBB`."""
        merged = _default_colours()
        for category, colour in changes.items():
            merged[category_named(category)] = check_colour(colour)
        return cls(MappingProxyType(merged))

    def checked(self) -> BadgeColours:
        """The same colours, each checked (a caller may have built the mapping by hand)."""
        changes: dict[BadgeCategory | str, str] = {k: v for k, v in self.colours.items()}
        return BadgeColours.of(changes)

    def rgb(self, category: BadgeCategory) -> tuple[float, float, float]:
        value = check_colour(self.colours[category]).lstrip("#")
        return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def category_named(name: BadgeCategory | str) -> BadgeCategory:
    if isinstance(name, BadgeCategory):
        return name
    wanted = name.strip().casefold()
    for category in BadgeCategory:
        if wanted in (category.value.casefold(), category.name.casefold()):
            return category
    known = ", ".join(c.value.lower() for c in BadgeCategory)
    raise ValueError(f"There is no badge category {name!r}; the categories are {known}.")


def check_colour(colour: str) -> str:
    """`#1F4E9E` for `#1f4e9e` or `1F4E9E`; ValueError with the sentence for anything else."""
    digits = colour.strip().lstrip("#")
    if len(digits) != 6 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        raise ValueError(
            f"{colour!r} is not a colour. Give it as #RRGGBB, e.g. #1F4E9E for dark blue."
        )
    return f"#{digits.upper()}"


@dataclass(frozen=True, slots=True)
class PrintedPerson:
    """One card or badge: the name as printed (`Dr. HE Zhimin`, family name first in capitals
    for a family-name-first name), the native name and the language its glyphs follow."""

    ref: str
    name: str
    native_name: str | None
    lang: Lang | None
    position: str | None
    # The person's own organisation; none is printed rather than guessed (a delegation can
    # hold an observer of another country, and a badge is read as a statement of who one is).
    organisation: str | None
    side: Side
    number: int  # in the side's order of precedence, as the seating plan numbers people
    category: BadgeCategory


@dataclass(frozen=True, slots=True)
class PrintedSet:
    """The people of a visit (or one engagement) to print, in order."""

    visit_ref: str
    visit_title: str
    engagement_title: str | None
    people: tuple[PrintedPerson, ...]

    @property
    def title(self) -> str:
        return self.engagement_title or self.visit_title


def _text(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None


def _organisation(person: Person) -> str | None:
    organisation = person.organisation
    return _text(organisation.display_name) if organisation is not None else None


def _printed(
    people: Iterable[Person],
    side: Side,
    roles: dict[int, str | None],
    side_organisation: Organisation | None,
) -> list[PrintedPerson]:
    printed = []
    for number, person in enumerate(people, start=1):
        organisation = person.organisation
        native = _text(person.native_name)
        printed.append(
            PrintedPerson(
                ref=person.ref,
                name=person.display_name,
                native_name=native if native != person.display_name else None,
                lang=language_hint(organisation.country) if organisation else None,
                position=_text(person.position),
                organisation=_organisation(person),
                side=side,
                number=number,
                category=badge_category(side, roles.get(person.id)),
            )
        )
    return printed


def _visit_people(visit: Visit, side: Side) -> list[Person]:
    """The visit's participants on one side, and anyone attending an engagement on that side
    (the same people the briefing pack lists)."""
    people: dict[int, Person] = {p.person.id: p.person for p in visit.participants_on(side)}
    for engagement in visit.engagements:
        for person in engagement.attendees_on(side):
            people.setdefault(person.id, person)
    return list(people.values())


def printed_set(session: Session, visit_id: int, engagement_id: int | None = None) -> PrintedSet:
    """Everyone to print for the visit, or for one of its engagements, in order."""
    visit = session.scalar(
        select(Visit)
        .where(Visit.id == visit_id)
        .options(
            selectinload(Visit.engagements)
            .selectinload(Engagement.attendees)
            .selectinload(Attendee.person),
            selectinload(Visit.participants),
        )
    )
    if visit is None:
        raise NotFoundError("This visit no longer exists: another officer may have deleted it.")
    roles = {p.person_id: p.role for p in visit.participants}
    engagement_title = None
    if engagement_id is None:
        guests = _visit_people(visit, Side.GUEST)
        hosts = _visit_people(visit, Side.HOST)
    else:
        engagement = next((e for e in visit.engagements if e.id == engagement_id), None)
        if engagement is None:
            raise NotFoundError(
                f"The visit {visit.ref!r} has no such engagement: another officer may have "
                "deleted it."
            )
        engagement_title = engagement.title
        guests = engagement.guest_attendees
        hosts = engagement.host_attendees
    people = _printed(
        in_precedence(guests, visit.leader), Side.GUEST, roles, visit.guest_organisation
    ) + _printed(in_precedence(hosts), Side.HOST, roles, visit.host_organisation)
    return PrintedSet(visit.ref, visit.title, engagement_title, tuple(people))
