"""Name badges: 90 × 55 mm, ten to an A4 sheet (two across, five down), with crop marks.

90 × 55 mm is the insert of the common clip-on and lanyard badge holders (the size of a
business card as European printers cut it); ten fit on A4 with 15 mm and 11 mm margins, so
the marks stay inside what office printers print. The badges touch, so one cut serves two.

On each: a band across the top in the colour of the person's category with the category's
word on it (colour is never the only sign), the name largest, the native name, the position,
then the organisation (or the country). The band colours are the office's setting
(`services.printed_items.BadgeColours`), passed in, never fixed here.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from visitdesk.documents.fonts import BOLD
from visitdesk.documents.printed_items.fitting import Block, Part, draw_block, fit, fit_within_lines
from visitdesk.documents.printed_items.marks import cut_marks
from visitdesk.documents.text import TextStyle, draw_text
from visitdesk.services.printed_items import BadgeColours, PrintedPerson, PrintedSet

BADGE_SIZE = (90 * mm, 55 * mm)
BADGE_WIDTH, BADGE_HEIGHT = BADGE_SIZE
COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
SHEET_WIDTH, SHEET_HEIGHT = A4
LEFT = (SHEET_WIDTH - COLUMNS * BADGE_WIDTH) / 2
BOTTOM = (SHEET_HEIGHT - ROWS * BADGE_HEIGHT) / 2

BAND_HEIGHT = 11 * mm
PADDING_X = 4.5 * mm
PADDING_Y = 3 * mm

BAND = TextStyle(size=13, leading=15, weight=BOLD, align="center", color=(1.0, 1.0, 1.0))
NAME = TextStyle(size=18, leading=21, weight=BOLD, align="center")
NATIVE = TextStyle(size=13, leading=16, align="center", color=(0.1, 0.1, 0.1))
POSITION = TextStyle(size=9, leading=11, align="center", color=(0.3, 0.3, 0.3))
ORGANISATION = TextStyle(size=9, leading=11, weight=BOLD, align="center", color=(0.2, 0.2, 0.2))
SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)
ONE_LINE_SCALES = SCALES[:3]  # the name down to 15.3 pt


def badge_parts(person: PrintedPerson, name_lines: int = 2) -> list[Part]:
    parts = [Part(person.name, NAME, max_lines=name_lines)]
    if person.native_name:
        parts.append(Part(person.native_name, NATIVE, person.lang, max_lines=1, gap_before=2))
    if person.position:
        parts.append(Part(person.position, POSITION, max_lines=2, gap_before=4))
    if person.organisation:
        parts.append(Part(person.organisation, ORGANISATION, max_lines=2, gap_before=2))
    return parts


def badge_block(person: PrintedPerson, width: float, room: float) -> Block:
    """The name on one line if a slightly smaller size allows it (a name broken in two is
    harder to read at a glance), else on two at the largest size that fits."""
    one_line = fit_within_lines(badge_parts(person, 1), width, room, ONE_LINE_SCALES)
    return one_line or fit(badge_parts(person), width, room, SCALES)


def _draw_badge(
    canvas: Any, x: float, y: float, person: PrintedPerson, colours: BadgeColours
) -> None:
    """One badge with its lower left corner at (x, y)."""
    top = y + BADGE_HEIGHT
    canvas.saveState()
    canvas.setFillColorRGB(*colours.rgb(person.category))
    canvas.rect(x, top - BAND_HEIGHT, BADGE_WIDTH, BAND_HEIGHT, stroke=0, fill=1)
    canvas.restoreState()
    word = person.category.value.upper()
    # Capitals centred in the band: their height is about two thirds of the size.
    text_top = top - BAND_HEIGHT + (BAND_HEIGHT - 0.66 * BAND.size) / 2 + BAND.size
    draw_text(canvas, word, x, text_top, BADGE_WIDTH, BAND)
    width = BADGE_WIDTH - 2 * PADDING_X
    room = BADGE_HEIGHT - BAND_HEIGHT - 2 * PADDING_Y
    block = badge_block(person, width, room)
    # The block sits a little above the middle of what is left under the band.
    start = top - BAND_HEIGHT - PADDING_Y - max(room - block.height, 0.0) * 0.4
    draw_block(canvas, block, x + PADDING_X, start, width)


def _corner(index: int) -> tuple[float, float]:
    row, column = divmod(index, COLUMNS)
    return LEFT + column * BADGE_WIDTH, BOTTOM + (ROWS - 1 - row) * BADGE_HEIGHT


def badges_pdf(printed: PrintedSet, colours: BadgeColours) -> tuple[bytes, int]:
    """The badges in the set's order, left to right then down, ten a sheet; and the pages."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Name badges: {printed.title}"[:200])
    canvas.setSubject("Name badges, 90 x 55 mm, ten to an A4 sheet")
    canvas.setCreator("VisitDesk")
    people = printed.people
    pages = 0
    for first in range(0, len(people), PER_SHEET):
        sheet = people[first : first + PER_SHEET]
        for index, person in enumerate(sheet):
            _draw_badge(canvas, *_corner(index), person, colours)
        rows_used = (len(sheet) + COLUMNS - 1) // COLUMNS
        lowest = BOTTOM + (ROWS - rows_used) * BADGE_HEIGHT
        columns_used = min(len(sheet), COLUMNS)
        xs = [LEFT + c * BADGE_WIDTH for c in range(columns_used + 1)]
        ys = [lowest + r * BADGE_HEIGHT for r in range(rows_used + 1)]
        cut_marks(canvas, xs, ys, (LEFT, lowest, xs[-1], BOTTOM + ROWS * BADGE_HEIGHT))
        canvas.showPage()
        pages += 1
    canvas.save()
    return buffer.getvalue(), pages
