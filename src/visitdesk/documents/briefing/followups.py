"""Follow-ups: the visit's outcomes and actions, with owner, due date and status."""

from __future__ import annotations

from typing import Any

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Register
from visitdesk.documents.briefing.tables import cell, house_table, stacked
from visitdesk.documents.text import TextParagraph
from visitdesk.domain.dates import short_date
from visitdesk.services.briefing import BriefingContent

_SHARES = (0.05, 0.47, 0.20, 0.13, 0.15)


def followups(content: BriefingContent, register: Register) -> list[Any]:
    if not content.followups:
        return []
    rows = [
        [
            cell(f"{n}.", st.CELL),
            stacked(
                (f"{o.kind.upper()}", st.CELL_SMALL),
                (o.title, st.CELL_BOLD),
                (f"Next: {o.next_step}" if o.next_step else None, st.CELL),
                (f"From: {o.engagement}" if o.engagement else None, st.CELL_SMALL),
            ),
            cell(o.owner or "—"),
            cell(short_date(o.due_date) if o.due_date else "—"),
            cell(o.status, st.CELL_BOLD),
        ]
        for n, o in enumerate(content.followups, start=1)
    ]
    widths = [share * st.FRAME_WIDTH for share in _SHARES]
    return [
        register.add("followups", "Follow-ups", 0),
        TextParagraph("Follow-ups", st.H1),
        TextParagraph(
            "Outcomes and actions of the visit as recorded on the date of this pack.",
            st.SMALL_ITALIC.but(space_after=6),
        ),
        house_table(["", "Outcome or action", "Owner", "Due", "Status"], rows, widths),
    ]
