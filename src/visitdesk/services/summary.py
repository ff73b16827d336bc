"""A visit as readable text: what `visitdesk show` prints."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from visitdesk.domain.dates import date_range, day_month_year, long_date, short_date
from visitdesk.domain.enums import Side
from visitdesk.domain.lifecycle import is_closed
from visitdesk.domain.logistics_checks import check_visit
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.roles import role_text
from visitdesk.domain.timezones import zone_note

if TYPE_CHECKING:
    # Only for annotations: `show` on a current store prints this summary of plain records
    # read without SQLAlchemy (services/fast_visit.py).
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.person import Person
    from visitdesk.domain.visit import Visit
    from visitdesk.services.pack_status import PackStatus


def _who(person: Person, with_org: bool = True) -> str:
    name = person.display_name
    if person.native_name:
        name += f" ({person.native_name})"
    details = [
        d
        for d in (
            person.position,
            person.organisation.short_name or person.organisation.name
            if with_org and person.organisation
            else None,
        )
        if d
    ]
    return f"{name}, {', '.join(details)}" if details else name


def _dates(visit: Visit) -> str:
    return date_range(visit.start_date, visit.end_date)


def _engagement_lines(engagement: Engagement, leader: Person | None) -> list[str]:
    lines = [
        f"  {engagement.start:%H:%M}–{engagement.end:%H:%M}"
        f"{zone_note(engagement.time_zone, engagement.visit.time_zone)}  {engagement.title} "
        f"[{engagement.kind.label.lower()}]"
    ]
    place = ", ".join(p for p in (engagement.venue, engagement.city) if p)
    if place:
        lines.append(f"               at {place}")
    for side, label in ((Side.HOST, "Host side"), (Side.GUEST, "Guest side")):
        people = in_precedence(engagement.attendees_on(side), leader)
        if people:
            lines.append(f"               {label}: " + "; ".join(_who(p) for p in people))
    return lines


def visit_summary(visit: Visit, pack: PackStatus | None = None) -> str:
    """The visit as text; `pack`: the last briefing pack built, and whether it is out of date."""
    lines = [
        f"{visit.title}  [{visit.ref}]",
        " · ".join(
            p
            for p in (
                visit.direction.label,
                visit.status.label.lower(),
                ", ".join(x for x in (visit.city, visit.country) if x),
                f"{_dates(visit)} ({visit.time_zone})",
            )
            if p
        ),
    ]
    if visit.host_organisation:
        lines.append(f"Host: {visit.host_organisation.display_name}")
    if visit.guest_organisation:
        lines.append(f"Guest: {visit.guest_organisation.display_name}")

    members = in_precedence(visit.members, visit.leader)
    if members:
        description = f" ({visit.delegation_description})" if visit.delegation_description else ""
        lines += ["", f"Delegation{description}, in order of precedence:"]
        roles = {p.person_id: role_text(p.role) or None for p in visit.participants}
        for number, person in enumerate(members, 1):
            tags = [
                t for t in ("leader" if person is visit.leader else None, roles.get(person.id)) if t
            ]
            suffix = f" ({', '.join(tags)})" if tags else ""
            lines.append(f"  {number}. {_who(person)}{suffix}")

    if visit.engagements:
        lines += ["", "Programme"]
        for day, engagements in groupby(visit.engagements, key=lambda e: e.start.date()):
            lines.append(long_date(day))
            for engagement in engagements:
                lines += _engagement_lines(engagement, visit.leader)

    warnings = check_visit(visit)
    if warnings:
        lines += ["", "Warnings"] + [f"  ! {w.message}" for w in warnings]

    if pack is not None:
        lines += ["", ("! " if pack.out_of_date else "") + pack.sentence]

    if visit.outcomes:
        lines += ["", "Outcomes"]
        for outcome in visit.outcomes:
            mark = "done" if is_closed(outcome.kind, outcome.status) else "open"
            facts = [f"{outcome.kind.label.lower()}, {outcome.status.label.lower()}"]
            if outcome.owner:
                facts.append(f"owner {outcome.owner.display_name}")
            if outcome.due_date:
                facts.append(f"due {short_date(outcome.due_date)}")
            lines.append(f"  [{mark}] {outcome.title} ({'; '.join(facts)})")
            if outcome.next_step:
                lines.append(f"         next: {outcome.next_step}")

    if visit.press_releases:
        lines += ["", "Press releases"]
        lines += [
            f"  No. {r.number}, {day_month_year(r.date)}"
            + (f", {r.city}" if r.city else "")
            + f" ({r.status.label.lower()})"
            for r in visit.press_releases
        ]
    return "\n".join(lines) + "\n"
