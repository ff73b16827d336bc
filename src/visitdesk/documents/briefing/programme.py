"""Programme at a glance: one table per day, an engagement a row, with everyone attending."""

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
_SHARES = (0.12, 0.29, 0.19, 0.20, 0.20)
SMALL_FROM = 5  # from this many people on a side, they are listed in smaller type


def attending(people: tuple[PersonInfo, ...]) -> Any:
    """Everyone on one side, by precedence, a paragraph each (a long name wraps within its
    own): a reader checks here who comes, so none is left out."""
    if not people:
        return cell("—")
    style = st.CELL_SMALL.but(color=(0.0, 0.0, 0.0)) if len(people) >= SMALL_FROM else st.CELL
    return [cell(p.short_name, style.but(space_after=1.5)) for p in people]


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
                    attending(engagement.hosts),
                    attending(engagement.guests),
                ]
            )
        story.append(
            house_table(["Time", "Engagement", "Venue", "Host side", "Guest side"], rows, widths)
        )
    story.append(PageBreak())
    return story
