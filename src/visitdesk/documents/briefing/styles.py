"""The briefing pack's look: the house serif and margins (`documents.styles`), a navy accent
for headings, and the table styles every section shares."""

from __future__ import annotations

from reportlab.lib.units import cm

from visitdesk.documents import styles
from visitdesk.documents.fonts import BOLD, ITALIC
from visitdesk.documents.text import TextStyle

PAGE_SIZE = styles.PAGE_SIZE
PAGE_WIDTH, PAGE_HEIGHT = PAGE_SIZE
MARGIN_X = 2.2 * cm
FRAME_TOP = PAGE_HEIGHT - 2.45 * cm  # below the running header
FRAME_BOTTOM = 2.5 * cm  # above the running footer
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

NAVY = (0.08, 0.17, 0.33)
MARKING = (0.62, 0.05, 0.05)  # the classification: dark red, as on printed government papers
GREY = styles.GREY
LIGHT = (0.93, 0.94, 0.96)  # table header and head-of-delegation fill
RULE = (0.72, 0.74, 0.78)

BODY = TextStyle(size=10.5, leading=14.2, align="justify", space_after=6)
BODY_LEFT = BODY.but(align="start")
SMALL = TextStyle(size=8.8, leading=11.4, color=GREY)
SMALL_ITALIC = SMALL.but(weight=ITALIC)
LABEL = TextStyle(size=8.5, leading=11, weight=BOLD, color=GREY)

H1 = TextStyle(size=19, leading=23, weight=BOLD, color=NAVY, space_after=10, keep_with_next=True)
H2 = TextStyle(
    size=12.5,
    leading=16,
    weight=BOLD,
    color=NAVY,
    space_before=12,
    space_after=5,
    keep_with_next=True,
)
H3 = TextStyle(size=10.5, leading=13.5, weight=BOLD, space_before=6, keep_with_next=True)
KICKER = TextStyle(size=9, leading=12, weight=BOLD, color=GREY, keep_with_next=True)

CELL = TextStyle(size=9.2, leading=11.6)
CELL_BOLD = CELL.but(weight=BOLD)
# A name in native script sits under the Latin one, aligned with it, whatever its direction.
CELL_NATIVE = CELL.but(align="left")
CELL_SMALL = TextStyle(size=8, leading=10, color=GREY)
CELL_HEAD = TextStyle(size=8.5, leading=10.5, weight=BOLD, color=NAVY)
CELL_RIGHT = CELL.but(align="right")

# A section that follows another starts on the same page when at least this much of it is left,
# so that a short end of one part does not leave a page nearly empty.
SECTION_ROOM = 0.5 * (FRAME_TOP - FRAME_BOTTOM)
# Text longer than this in a table cell is cut (with an ellipsis) so that a row always fits on a
# page; the full text is printed elsewhere in the pack, in paragraphs that may flow.
CELL_LIMIT = 400


def clip(text: str | None, limit: int = CELL_LIMIT) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
