"""The programme at a glance: one A4 page (more if the visit is long) to print or e-mail.

Day headings, then a row per engagement: time, what, where, and every attendee of both sides
by precedence. Names in any script go through the text layer, so Chinese, Japanese, Korean and
Urdu print in the bundled fonts; nothing typed is read as markup.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.tables import house_table
from visitdesk.documents.fonts import register_fonts
from visitdesk.documents.text import BOLD, TextParagraph, TextStyle, draw_text
from visitdesk.domain.dates import date_range, day_month_year, long_date, time_range
from visitdesk.services.programme import Attending, ProgrammeItem, ProgrammeSheet

# Time, engagement, place, host side, guest side: as parts of the frame's width.
_SHARES = (0.12, 0.23, 0.17, 0.24, 0.24)
_MARGIN_X = 1.6 * 28.35  # 1.6 cm: a programme is a working sheet, wider than a letter
_TOP = 1.5 * 28.35
_BOTTOM = 1.6 * 28.35

TITLE = TextStyle(size=15, leading=19, weight=BOLD, color=st.NAVY, space_after=2)
FACTS = TextStyle(size=9.5, leading=12.5, color=st.GREY)
DAY = TextStyle(
    size=11,
    leading=14,
    weight=BOLD,
    color=st.NAVY,
    space_before=8,
    space_after=3,
    keep_with_next=True,
)
CELL = TextStyle(size=8.6, leading=10.8)
CELL_BOLD = CELL.but(weight=BOLD)
CELL_SMALL = TextStyle(size=7.6, leading=9.4, color=st.GREY)
HEAD = TextStyle(size=8, leading=10, weight=BOLD, color=st.NAVY)
FOOT = TextStyle(size=7.5, leading=9.5, color=st.GREY)
FOOT_RIGHT = FOOT.but(align="right")
EMPTY = TextStyle(size=10, leading=13, color=st.GREY, space_before=12)


@dataclass(frozen=True)
class ProgrammePdf:
    data: bytes
    pages: int
    engagements: int


def facts(sheet: ProgrammeSheet) -> list[str]:
    """The lines under the title: dates and place, who comes, who leads, whose clock."""
    when = date_range(sheet.start_date, sheet.end_date)
    first = " · ".join(p for p in (when, sheet.city) if p)
    sides = []
    if sheet.guest_organisation:
        sides.append(f"Guests: {sheet.guest_organisation}")
    if sheet.host_organisation:
        sides.append(f"Host: {sheet.host_organisation}")
    lines = [first]
    if sides:
        lines.append(" · ".join(sides))
    leader = f"Leader of the delegation: {sheet.leader}" if sheet.leader else ""
    lines.append(" · ".join(p for p in (leader, f"Times in {sheet.time_zone}") if p))
    return lines


def _people(people: tuple[Attending, ...]) -> list[TextParagraph] | str:
    # One paragraph a person: a long list flows down the cell, every name whole.
    return [TextParagraph(p.name, CELL, lang=p.lang) for p in people] if people else "—"


def _row(item: ProgrammeItem) -> list[Any]:
    place = [TextParagraph(item.venue or "—", CELL)]
    if item.city:
        place.append(TextParagraph(item.city, CELL_SMALL))
    return [
        TextParagraph(time_range(item.start, item.end), CELL_BOLD),
        [TextParagraph(item.title, CELL_BOLD), TextParagraph(item.kind, CELL_SMALL)],
        place,
        _people(item.hosts),
        _people(item.guests),
    ]


def _story(sheet: ProgrammeSheet, width: float) -> list[Any]:
    story: list[Any] = [TextParagraph(sheet.title, TITLE)]
    # The leader's native name is on the last line: its language picks the glyph forms.
    lines = facts(sheet)
    story += [
        TextParagraph(line, FACTS, lang=sheet.leader_lang if n == len(lines) - 1 else None)
        for n, line in enumerate(lines)
    ]
    story.append(Spacer(1, 4))
    if not sheet.days:
        story.append(TextParagraph("No engagements are in the programme yet.", EMPTY))
        return story
    widths = [share * width for share in _SHARES]
    header = ["Time", "Engagement", "Place", "Host side", "Guest side"]
    for number, day in enumerate(sheet.days, start=1):
        story.append(TextParagraph(f"Day {number} · {long_date(day.day)}", DAY))
        table = house_table(header, [_row(item) for item in day.items], widths)
        story.append(table)
    return story


def programme_pdf(sheet: ProgrammeSheet, printed_on: date | None = None) -> ProgrammePdf:
    """The programme as a PDF (the app layer writes it to a file whole or not at all)."""
    register_fonts()
    page_w, page_h = st.PAGE_SIZE
    width = page_w - 2 * _MARGIN_X
    printed = day_month_year(printed_on or date.today())
    footer = f"Programme at a glance · {sheet.ref} · printed {printed}"
    if sheet.office_name:
        footer = f"{sheet.office_name} · {footer}"

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        top = _BOTTOM - 6
        canvas.setStrokeColorRGB(*st.RULE)
        canvas.setLineWidth(0.4)
        canvas.line(_MARGIN_X, top, _MARGIN_X + width, top)
        draw_text(canvas, footer, _MARGIN_X, top - 3, width * 0.8, FOOT)
        draw_text(
            canvas, f"Page {doc.page}", _MARGIN_X + width * 0.8, top - 3, width * 0.2, FOOT_RIGHT
        )
        canvas.restoreState()

    frame = Frame(_MARGIN_X, _BOTTOM, width, page_h - _TOP - _BOTTOM, 0, 0, 0, 0, id="page")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=st.PAGE_SIZE,
        title=f"Programme: {sheet.title}"[:200],
        author=sheet.office_name,
        subject="Programme at a glance",
        creator="VisitDesk",
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=on_page)],
    )
    doc.build(_story(sheet, width))
    return ProgrammePdf(buffer.getvalue(), doc.page, sheet.engagements)
