"""The last page, for the caterer: the dietary notes of everyone in the pack, and the medical notes
that concern food, in order of precedence (the delegation, then the host side)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Register
from visitdesk.documents.briefing.tables import cell, house_table, stacked
from visitdesk.documents.text import TextParagraph
from visitdesk.services.briefing import BriefingContent

_SHARES = (0.06, 0.34, 0.60)
TITLE = "Dietary and medical notes for the caterer"


def dietary_page(content: BriefingContent, register: Register) -> list[Any]:
    notes = content.meal_notes
    if not notes or content.guest_copy:  # a guest copy holds the reader's own notes only
        return []
    guests = {p.ref for p in content.delegation}
    rows = [
        [
            cell(f"{n}.", st.CELL),
            stacked(
                (person.name, st.CELL_BOLD),
                (person.native_name, st.CELL_NATIVE.but(lang=person.lang)),
                ("Delegation" if person.ref in guests else "Host side", st.CELL_SMALL),
            ),
            stacked(*((note, st.CELL) for note in lines)),
        ]
        for n, (person, lines) in enumerate(notes, start=1)
    ]
    widths = [share * st.FRAME_WIDTH for share in _SHARES]
    # The pack's last page, to hand to the caterer: it starts a page and nothing follows it.
    fresh_page = st.FRAME_TOP - st.FRAME_BOTTOM - 1
    return [
        CondPageBreak(fresh_page),
        register.add("dietary", TITLE, 0),
        TextParagraph(TITLE, st.H1),
        TextParagraph(
            "Everyone in this pack with a dietary requirement, or a medical condition that "
            "concerns food, in order of precedence: the delegation first, then the host side.",
            st.SMALL_ITALIC.but(space_after=6),
        ),
        house_table(["", "Name", "Notes for the kitchen"], rows, widths, zebra=False),
    ]
