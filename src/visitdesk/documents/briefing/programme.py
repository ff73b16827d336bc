"""Programme at a glance: one table per day, an engagement a row, with the leading people."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import PageBreak, Spacer

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Register
from visitdesk.documents.briefing.tables import cell, house_table, stacked
from visitdesk.documents.text import TextParagraph
from visitdesk.domain.dates import long_date, time_range
from visitdesk.services.briefing import BriefingContent, PersonInfo

# Time, engagement, venue, host side, guest side: as parts of the frame's width.
_SHARES = (0.13, 0.31, 0.22, 0.17, 0.17)
LEADS = 2  # people named per side; the rest are counted


def leads(people: tuple[PersonInfo, ...]) -> str:
    """The first people by precedence, one a line, and how many more there are."""
    named = [p.short_name for p in people[:LEADS]]
    if len(people) > LEADS:
        named.append(f"and {len(people) - LEADS} more")
    return "\n".join(named) if named else "—"


def programme(content: BriefingContent, register: Register) -> list[Any]:
    widths = [share * st.FRAME_WIDTH for share in _SHARES]
    story: list[Any] = [
        register.add("programme", "Programme at a glance", 0),
        TextParagraph("Programme at a glance", st.H1),
    ]
    if content.prepared_for is not None:
        story.append(
            TextParagraph(
                f"Only the engagements that {content.prepared_for.name} attends.", st.SMALL_ITALIC
            )
        )
        story.append(Spacer(1, 4))
    for number, (day, engagements) in enumerate(content.days, start=1):
        heading = f"Day {number} · {long_date(day)}"
        story.append(register.add(f"day-{number}", heading, 1))
        story.append(TextParagraph(heading, st.H2))
        rows = []
        for engagement in engagements:
            place = ", ".join(p for p in (engagement.venue, engagement.city) if p) or "—"
            rows.append(
                [
                    cell(time_range(engagement.start, engagement.end), st.CELL_BOLD),
                    stacked(
                        (engagement.title, st.CELL_BOLD),
                        (engagement.kind_label, st.CELL_SMALL),
                    ),
                    cell(place),
                    cell(leads(engagement.hosts)),
                    cell(leads(engagement.guests)),
                ]
            )
        story.append(
            house_table(["Time", "Engagement", "Venue", "Host side", "Guest side"], rows, widths)
        )
    story.append(PageBreak())
    return story
