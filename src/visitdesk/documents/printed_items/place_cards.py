"""Place cards (table tent cards): one A4 sheet a person, landscape, folded in half along its
long side into a tent 297 mm wide with two faces 105 mm high.

Why one a sheet: the name is set at 40–60 pt so that the person opposite reads it across the
table, and a long name at that size needs the whole 297 mm; Nastaliq needs about 2.6 times its
size in height, so the native name beneath takes most of the rest of a 105 mm face. Half an A4
(faces of 74 mm) would force most names with a native script below 40 pt.

The name is on both faces: the lower half of the sheet prints upright, the upper half turned
180°, so that once folded each face stands the right way up for the side of the table it faces.
The fold is marked at both edges and dotted along the ridge; nothing needs cutting, the sheet
is the card.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from visitdesk.documents.fonts import BOLD
from visitdesk.documents.printed_items.fitting import Block, Part, draw_block, fit
from visitdesk.documents.printed_items.marks import fold_line
from visitdesk.documents.text import TextStyle
from visitdesk.services.printed_items import PrintedPerson, PrintedSet

SHEET_WIDTH, SHEET_HEIGHT = landscape(A4)
FACE_HEIGHT = SHEET_HEIGHT / 2
SIDE_MARGIN = 14 * mm  # clear of what office printers cannot print (about 5 mm)
TOP_MARGIN = 9 * mm  # from the fold
BOTTOM_MARGIN = 11 * mm  # from the table

NAME = TextStyle(size=60, leading=68, weight=BOLD, align="center")
NATIVE = TextStyle(size=44, leading=52, align="center", color=(0.12, 0.12, 0.12))
# 60, 56, 52, 48, 44, 40 pt for the name: the range protocol offices print tent cards in.
SCALES = (1.0, 56 / 60, 52 / 60, 48 / 60, 44 / 60, 40 / 60)


def face(person: PrintedPerson) -> Block:
    """The name (one line if it fits at 40 pt or more) and the native name beneath it."""
    parts = [Part(person.name, NAME, max_lines=1)]
    if person.native_name:
        parts.append(Part(person.native_name, NATIVE, person.lang, max_lines=1, gap_before=8))
    width = SHEET_WIDTH - 2 * SIDE_MARGIN
    return fit(parts, width, FACE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN, SCALES)


def _draw_face(canvas: Any, block: Block) -> None:
    """One face, the right way up in the box (0, 0)–(sheet width, face height): the block is
    centred between the table edge and the fold."""
    room = FACE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN
    top = BOTTOM_MARGIN + room - (room - block.height) / 2
    draw_block(canvas, block, SIDE_MARGIN, top, SHEET_WIDTH - 2 * SIDE_MARGIN)


def _draw_card(canvas: Any, person: PrintedPerson) -> None:
    block = face(person)
    _draw_face(canvas, block)  # the lower face, upright as printed
    canvas.saveState()
    # The upper face turned about the sheet's centre: what reads upright from the far side of
    # the table once the sheet is folded along the middle.
    canvas.translate(SHEET_WIDTH, SHEET_HEIGHT)
    canvas.rotate(180)
    _draw_face(canvas, block)
    canvas.restoreState()
    fold_line(canvas, FACE_HEIGHT, SHEET_WIDTH)


def place_cards_pdf(printed: PrintedSet) -> tuple[bytes, int]:
    """The cards as a PDF, one sheet a person in the set's order (the app refuses an empty
    set), and the number of pages."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(SHEET_WIDTH, SHEET_HEIGHT), pageCompression=1)
    canvas.setTitle(f"Place cards: {printed.title}"[:200])
    canvas.setSubject("Place cards (tent cards), A4 landscape folded in half")
    canvas.setCreator("VisitDesk")
    for person in printed.people:
        _draw_card(canvas, person)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue(), len(printed.people)
