"""One brief per engagement: when and where, who attends on each side in order of precedence,
objectives, numbered talking points, the background of the relationship, the outcomes so far,
for a meal the dietary notes of everyone at the table, and the seating plan (a signing
ceremony's drawn as one).

Briefs follow one another: a short one is kept whole (sharing a page, or starting the next);
a long one starts wherever a good part of a page is left, and flows (`flowables.KeepBrief`).
A seating plan is kept whole with its heading. A part with nothing in it is left out whole,
heading and all.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
from reportlab.platypus.flowables import HRFlowable

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Register
from visitdesk.documents.briefing.flowables import KeepBrief, NumberedItem
from visitdesk.documents.briefing.logistics import engagement_cars
from visitdesk.documents.briefing.seating import SeatingPlan
from visitdesk.documents.briefing.signing import SigningPlan, side
from visitdesk.documents.briefing.tables import cell, facts_table, house_table, stacked
from visitdesk.documents.briefing.withheld import hidden_sentence
from visitdesk.documents.text import TextParagraph
from visitdesk.domain.dates import long_date, short_date, time_range
from visitdesk.services.briefing import (
    BriefingContent,
    EngagementInfo,
    OutcomeInfo,
    PastEngagement,
    PersonInfo,
)

_ATTENDEE_SHARES = (0.06, 0.42, 0.52)


def attendee_table(people: tuple[PersonInfo, ...]) -> Any:
    rows = [
        [
            cell(f"{number}.", st.CELL),
            stacked(
                (person.name, st.CELL_BOLD),
                (person.native_name, st.CELL_NATIVE.but(lang=person.lang)),
                (person.role, st.CELL_SMALL),
            ),
            stacked((person.position, st.CELL), (person.organisation, st.CELL_SMALL)),
        ]
        for number, person in enumerate(people, start=1)
    ]
    widths = [share * st.FRAME_WIDTH for share in _ATTENDEE_SHARES]
    return house_table(["", "Name", "Position"], rows, widths, zebra=False)


def outcome_line(outcome: OutcomeInfo) -> str:
    """`Agreement — MoU between … (Initialled). Next: … Owner: …, due 30 Jun 2017.`"""
    text = f"{outcome.kind} — {outcome.title.strip()} ({outcome.status})."
    if outcome.next_step:
        text += f" Next: {outcome.next_step}."
    who = []
    if outcome.owner:
        who.append(f"Owner: {outcome.owner}")
    if outcome.due_date:
        who.append(f"due {short_date(outcome.due_date)}")
    if who:
        text += " " + ", ".join(who) + "."
    return text


def _history(past: PastEngagement) -> list[Any]:
    head = f"{short_date(past.start.date())} · {past.title.strip()} ({past.kind})"
    where = " · ".join(p for p in (past.visit_title.strip(), past.place) if p)
    parts: list[Any] = [TextParagraph(head, st.H3.but(keep_with_next=False, space_before=4))]
    if where:
        parts.append(TextParagraph(where, st.SMALL))
    parts += [
        TextParagraph(outcome_line(o), st.BODY_LEFT.but(left_indent=12, space_after=2))
        for o in past.outcomes
    ]
    return [KeepTogether(parts)] if len(parts) < 6 else parts


def table_notes(engagement: EngagementInfo) -> list[Any]:
    """A meal's brief: the dietary (and food-related medical) notes of everyone at the table."""
    notes = engagement.table_notes
    if not engagement.meal or not notes:
        return []
    rows = [
        [
            stacked(
                (person.name, st.CELL_BOLD),
                (person.native_name, st.CELL_NATIVE.but(lang=person.lang)),
            ),
            stacked(*((note, st.CELL) for note in lines)),
        ]
        for person, lines in notes
    ]
    widths = [0.38 * st.FRAME_WIDTH, 0.62 * st.FRAME_WIDTH]
    return [
        TextParagraph("At the table: dietary and medical notes", st.H2),
        house_table(["Name", "Notes for the kitchen"], rows, widths, zebra=False),
    ]


def plan(content: BriefingContent, engagement: EngagementInfo) -> list[Any]:
    """The seating plan, or the signing ceremony's, with its heading and caption, kept together."""
    guest_side = "Guest side" + (
        f" · {content.guest_organisation}" if content.guest_organisation else ""
    )
    host_side = "Host side" + (f" · {engagement.organisation}" if engagement.organisation else "")
    if engagement.signing:
        assert engagement.guest_signatory is not None and engagement.host_signatory is not None
        drawing: Any = SigningPlan(
            side(
                guest_side,
                content.guest_country or "Guest",
                engagement.guests,
                engagement.guest_signatory,
            ),
            side(
                host_side,
                content.host_country or "Host",
                engagement.hosts,
                engagement.host_signatory,
            ),
        )
        heading = "Signing ceremony"
        caption = (
            f"As the audience sees it. {engagement.guest_signatory.name} and "
            f"{engagement.host_signatory.name} sign, seated side by side, the guest signatory on "
            "the host's right (on the left as seen from the audience), each country's flag on "
            "the table in front of its signatory. The others stand behind their own signatory "
            "by precedence from the centre outwards, interpreters at the ends. Numbers are "
            "those of the lists above."
        )
    elif engagement.seated:
        drawing = SeatingPlan(engagement.hosts, engagement.guests, (host_side, guest_side))
        heading = "Seating plan"
        caption = (
            "Seen from above. The heads face each other at the centre; the others sit to their "
            "head's right and left in turn, by precedence; an interpreter sits beside the head. "
            "Numbers are those of the lists above."
        )
    else:
        return []
    return [
        KeepTogether(
            [
                TextParagraph(heading, st.H2),
                Spacer(1, 4),
                drawing,
                TextParagraph(caption, st.SMALL_ITALIC.but(space_before=4)),
            ]
        )
    ]


def engagement_brief(
    content: BriefingContent, engagement: EngagementInfo, number: int, register: Register
) -> list[Any]:
    total = len(content.engagements)
    story: list[Any] = [
        HRFlowable(width="100%", thickness=0.9, color=st.NAVY, spaceBefore=0, spaceAfter=8),
        register.add(f"engagement-{number}", f"{number}. {engagement.title}", 1),
        TextParagraph(
            f"ENGAGEMENT {number} OF {total} · {engagement.kind_label.upper()}", st.KICKER
        ),
        TextParagraph(st.clip(engagement.title, 600), st.H1),
    ]
    place = ", ".join(p for p in (engagement.venue, engagement.city) if p)
    facts: list[tuple[str, Any]] = [
        (
            "When",
            cell(
                f"{long_date(engagement.start.date())}, "
                f"{time_range(engagement.start, engagement.end)}",
                st.CELL_BOLD,
            ),
        ),
    ]
    if place:
        facts.append(("Where", cell(place)))
    if engagement.organisation:
        facts.append(("Organisation", cell(engagement.organisation)))
    story.append(facts_table(facts, st.FRAME_WIDTH))
    if len(engagement.title) > 600:  # the heading was cut: the whole title follows
        story.append(TextParagraph(engagement.title, st.BODY))

    for heading, people in (("Host side", engagement.hosts), ("Guest side", engagement.guests)):
        if people:
            story.append(TextParagraph(f"{heading} ({len(people)}), in order of precedence", st.H2))
            story.append(attendee_table(people))
    if engagement.objectives:
        story += [TextParagraph("Objectives", st.H2), TextParagraph(engagement.objectives, st.BODY)]
    if engagement.talking_points or engagement.hidden_points:
        story.append(TextParagraph("Talking points", st.H2))
        markings = (*engagement.talking_point_markings, *(None,) * len(engagement.talking_points))
        story += [
            # A point above the visit's level carries its own marking, as papers mark a part.
            NumberedItem(f"{n}.", f"({mark}) {text}" if mark else text, st.BODY.but(space_after=4))
            for n, (text, mark) in enumerate(
                zip(engagement.talking_points, markings, strict=False), start=1
            )
        ]
        if engagement.hidden_points:
            story.append(
                TextParagraph(hidden_sentence(engagement.hidden_points, content), st.SMALL_ITALIC)
            )
    if engagement.history:
        story.append(TextParagraph("Background: the relationship so far", st.H2))
        story.append(
            TextParagraph(
                "Earlier engagements between the same organisations recorded in VisitDesk, "
                "newest first.",
                st.SMALL_ITALIC,
            )
        )
        for past in engagement.history:
            story += _history(past)
        if engagement.older_history:
            more = engagement.older_history
            story.append(
                TextParagraph(
                    f"And {more} earlier engagement{'s' if more != 1 else ''}, not listed here.",
                    st.SMALL_ITALIC.but(space_before=4),
                )
            )
    if engagement.outcomes:
        story.append(TextParagraph("Outcomes so far", st.H2))
        story += [
            NumberedItem(f"{n}.", outcome_line(o), st.BODY_LEFT.but(space_after=3))
            for n, o in enumerate(engagement.outcomes, start=1)
        ]
    if engagement.notes:
        story += [TextParagraph("Notes", st.H2), TextParagraph(engagement.notes, st.BODY)]
    story += table_notes(engagement)
    story += engagement_cars(engagement.movements)
    story += plan(content, engagement)
    # A short brief is kept whole and shares a page; a long one starts here if a good part of
    # the page is left, and flows (its seating plan kept whole, with its heading).
    return [KeepBrief(story), Spacer(1, 22)]


def engagement_briefs(content: BriefingContent, register: Register) -> list[Any]:
    story: list[Any] = [register.add("briefs", "Engagement briefs", 0)]
    for number, engagement in enumerate(content.engagements, start=1):
        story += engagement_brief(content, engagement, number, register)
    return [*story, CondPageBreak(st.SECTION_ROOM)]
