"""The house styles of VisitDesk's documents: one serif family, A4, sizes a ministry uses."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

from visitdesk.documents.fonts import BOLD, ITALIC
from visitdesk.documents.text import TextStyle

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 2.4 * cm
MARGIN_TOP = 1.6 * cm
MARGIN_BOTTOM = 1.4 * cm
GREY = (0.35, 0.35, 0.35)
RULE = (0.15, 0.15, 0.15)

BODY = TextStyle(size=11.5, leading=15.5, align="justify", space_after=8)
OFFICE_NAME = TextStyle(size=15, leading=19, weight=BOLD, align="center")
OFFICE_LINE = TextStyle(size=9.5, leading=12, align="center", color=GREY)
TITLE = TextStyle(size=15, leading=19, weight=BOLD, align="center", space_after=10)
NUMBER = TextStyle(size=11, leading=14, weight=BOLD, align="left")
DATELINE = TextStyle(size=11, leading=14, weight=BOLD, align="right")
TOPIC = TextStyle(size=12, leading=15.5, weight=BOLD, align="center", space_before=12)
HEADLINE = TextStyle(size=13.5, leading=17.5, weight=BOLD, align="center", space_before=14)
LEAD_QUOTE = TextStyle(size=11.5, leading=15.5, weight=ITALIC, align="center", space_before=8)
ATTRIBUTION = TextStyle(
    size=11, leading=14, weight=BOLD, align="right", space_before=2, space_after=12
)
END_MARK = TextStyle(size=11, leading=14, weight=BOLD, align="center", space_before=10)
FOOTER = TextStyle(size=8.5, leading=10.5, align="left", color=GREY)
FOOTER_RIGHT = FOOTER.but(align="right")
