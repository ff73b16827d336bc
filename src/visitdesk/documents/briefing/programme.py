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
_SHARES = (0.13, 0.31, 0.22, 0.17, 0.17)
ONE_A_LINE = 4  # up to this many people are listed one a line; more run on, separated by ";"


def attending(people: tuple[PersonInfo, ...]) -> Any:
    """Everyone on one side, by precedence: a reader checks here who comes, so none is left out."""
    if not people:
        return cell("—")
    names = [p.short_name for p in people]
    if len(names) <= ONE_A_LINE:
        return cell("\n".join(names))
    # Not clipped like other cells: a row of even sixty names still fits a page at this size.
    return cell("; ".join(names), st.CELL_SMALL.but(color=(0.0, 0.0, 0.0)), limit=100_000)


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
