"""The lists an office hands to others, as tables ready for `write_sheet`.

- The delegation list keeps each person's Ref and the headings the importer reads, so a list
  sent out, corrected by the embassy and imported again updates the same people.
- The arrivals list (the journeys) goes to the airport and the transport company, the rooming
  list to the hotel (travel_lists.py): no internal refs, no email addresses, nothing medical;
  only what they need to meet and lodge the guests.
- The follow-ups are the outcomes still open, soonest due first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.enums import DelegateRole, Side
from visitdesk.domain.lifecycle import is_closed
from visitdesk.domain.models import Person, Visit, VisitParticipant
from visitdesk.domain.names import plain_name
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.roles import role_choice
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.spreadsheets.cells import CellValue


class ListKind(StrEnum):
    DELEGATION = "delegation"
    ARRIVALS = "arrivals"
    ROOMING = "rooming"
    FOLLOWUPS = "followups"
    CAR_PLAN = "car-plan"
    GIFTS = "gifts"


@dataclass(frozen=True, slots=True)
class OfficeList:
    title: str
    headings: tuple[str, ...]
    rows: list[list[CellValue]]


def build_list(session: Session, visit_ref: str, kind: ListKind) -> OfficeList:
    visit = session.scalar(select(Visit).where(Visit.ref == visit_ref))
    if visit is None:
        raise NotFoundError(f"There is no visit {visit_ref!r}. `visitdesk visits` lists them.")
    if kind is ListKind.FOLLOWUPS:
        return _followups(visit)
    if kind is ListKind.CAR_PLAN:
        from visitdesk.services.spreadsheets.car_plan_lists import HEADINGS, car_plan_rows

        return OfficeList("Car plan", HEADINGS, car_plan_rows(visit))

    if kind is ListKind.GIFTS:
        from visitdesk.services.spreadsheets.gifts_lists import visit_list

        return visit_list(session, visit.id)
    guests = _guests(visit)
    if not guests:
        raise ServiceError(
            f"The visit {visit.ref!r} has no delegation members yet: add them (for example with "
            "`visitdesk import-people`) before making this list."
        )
    if kind is ListKind.DELEGATION:
        return _delegation(guests)
    from visitdesk.services.spreadsheets import travel_lists

    if kind is ListKind.ROOMING:
        return travel_lists.rooming_list(visit)
    return travel_lists.arrivals_list(visit)


def _guests(visit: Visit) -> list[VisitParticipant]:
    by_person = {p.person_id: p for p in visit.participants_on(Side.GUEST)}
    people = in_precedence([p.person for p in by_person.values()], visit.leader)
    return [by_person[p.id] for p in people]


def _org(person: Person) -> str | None:
    return person.organisation.display_name if person.organisation else None


def _role(stored: str | None) -> str | None:
    """`Interpreter`, as the window and the pack print it, not the stored `interpreter`; free
    text kept from an older file as it was typed (it reads back as that text)."""
    choice = role_choice(stored)
    if choice is None or choice is DelegateRole.OTHER:
        return stored
    return choice.label


def _delegation(guests: list[VisitParticipant]) -> OfficeList:
    headings = (
        "No.", "Ref", "Honorific", "Name", "Native name", "Title/Position", "Organisation",
        "Role", "Email", "Phone", "Dietary", "Precedence",
    )  # fmt: skip
    rows: list[list[CellValue]] = []
    for n, participant in enumerate(guests, start=1):
        p = participant.person
        rows.append(
            [
                n, p.ref, p.honorific, plain_name(p.name_parts), p.native_name, p.position,
                _org(p), _role(participant.role), p.email, p.phone, p.dietary, p.precedence,
            ]
        )  # fmt: skip
    return OfficeList("Delegation", headings, rows)


def _followups(visit: Visit) -> OfficeList:
    headings = (
        "No.", "Kind", "Outcome", "Status", "Owner", "Due", "Next step", "From the engagement",
    )  # fmt: skip
    open_outcomes = [o for o in visit.outcomes if not is_closed(o.kind, o.status)]
    # Dated items first, soonest first; undated ones after, in the order recorded.
    open_outcomes.sort(key=lambda o: (o.due_date is None, o.due_date or date.max, o.position))
    rows: list[list[CellValue]] = [
        [
            n, o.kind.label, o.title, o.status.label,
            o.owner.display_name if o.owner else None, o.due_date, o.next_step,
            o.engagement.title if o.engagement else None,
        ]
        for n, o in enumerate(open_outcomes, start=1)
    ]  # fmt: skip
    return OfficeList("Follow-ups", headings, rows)
