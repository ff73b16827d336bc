"""The name cards of the seating and signing plans: a box per person with the number of the
attendance list, the whole name, the native name and the position.

Nothing on a card is ever cut. The text wraps to the card's width; if it is still too tall it
is set smaller, down to a floor size; a plan whose cards do not fit even then widens its cards
(`Cards.fit`), and as a last resort makes them taller.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.fonts import BOLD, ITALIC
from visitdesk.documents.text import TextStyle, layout
from visitdesk.documents.text.draw import draw_line
from visitdesk.services.briefing import PersonInfo

BOX_HEIGHT = 42.0
PADDING = 2.5  # above and below the text, inside the box
SIDE_PADDING = 2.0
NAME = TextStyle(size=7.4, leading=8.6, weight=BOLD, align="center")
NATIVE = TextStyle(size=7.4, leading=8.6, align="center")
POSITION = TextStyle(size=6.6, leading=7.7, align="center", color=st.GREY)
ROLE = POSITION.but(weight=ITALIC)
# The text is set at these fractions of its full size in turn until it fits; the last is the
# floor (a 5.8 pt name, 5.1 pt position: still legible on a printed plan).
SCALES = (1.0, 0.92, 0.85, 0.78)


@dataclass(frozen=True, slots=True)
class CardText:
    lines: tuple[tuple[Any, TextStyle], ...]  # (line, style) top to bottom
    height: float


def card_parts(number: int, person: PersonInfo) -> list[tuple[str, TextStyle]]:
    parts = [(f"{number}. {person.name}", NAME)]
    if person.native_name:
        parts.append((person.native_name, NATIVE.but(lang=person.lang)))
    if person.position:
        parts.append((person.position, POSITION))
    if person.interpreter and "interpret" not in (person.position or "").casefold():
        parts.append(("Interpreter", ROLE))
    return parts


def _scaled(style: TextStyle, scale: float) -> TextStyle:
    return style.but(size=style.size * scale, leading=style.line_leading * scale)


@lru_cache(maxsize=4096)
def _laid(parts: tuple[tuple[str, TextStyle], ...], width: float, scale: float) -> CardText:
    # The same people sit in many engagements of a visit: each card is laid out once a build.
    # Keyed by its texts, not by the person: comparing whole records (photos and all) for
    # every lookup cost more than the layout.
    lines = []
    height = 0.0
    for text, style in parts:
        sized = _scaled(style, scale) if scale != 1.0 else style
        for line in layout(text, sized, width):
            lines.append((line, sized))
            height += line.height
    return CardText(tuple(lines), height)


def card_text(number: int, person: PersonInfo, box_width: float, box_height: float) -> CardText:
    """The card's text at the largest size that fits the box; at the floor size if none does
    (then taller than the box: the plan makes room)."""
    width = box_width - 2 * SIDE_PADDING
    room = box_height - 2 * PADDING
    parts = tuple(card_parts(number, person))
    text = _laid(parts, width, SCALES[0])
    for scale in SCALES[1:]:
        if text.height <= room:
            break
        text = _laid(parts, width, scale)
    return text


def needed_height(cards: Iterable[tuple[int, PersonInfo]], box_width: float) -> float:
    """The height of the tallest of `cards` at `box_width`, padding included."""
    return max(
        (card_text(n, p, box_width, BOX_HEIGHT).height + 2 * PADDING for n, p in cards),
        default=BOX_HEIGHT,
    )


def draw_card(
    canvas: Any,
    x: float,
    bottom: float,
    width: float,
    height: float,
    number: int,
    person: PersonInfo,
    *,
    head: bool = False,
) -> None:
    """The box, with the principal's filled and the interpreter's dashed, and its text centred
    in it."""
    canvas.saveState()
    canvas.setFillColorRGB(*(st.LIGHT if head else (1, 1, 1)))
    canvas.setStrokeColorRGB(*(st.NAVY if head else st.GREY))
    canvas.setLineWidth(1.3 if head else 0.6)
    if person.interpreter:
        canvas.setDash(2, 1.5)
    canvas.rect(x, bottom, width, height, fill=1)
    canvas.restoreState()
    text = card_text(number, person, width, height)
    y = bottom + height - max(PADDING, (height - text.height) / 2)
    for line, style in text.lines:
        y -= line.above
        draw_line(canvas, line, x + SIDE_PADDING, y, width - 2 * SIDE_PADDING, style)
        y -= line.below
