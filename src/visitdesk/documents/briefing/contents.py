"""The contents page: each section and engagement with its page number, each line a link.

The lines are laid out in the first pass with no numbers and the same room for them, so filling
them in for the second pass moves nothing (see `builder`).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Entry
from visitdesk.documents.fonts import BOLD
from visitdesk.documents.text import TextStyle, layout
from visitdesk.documents.text.draw import draw_line

SECTION = TextStyle(size=11.5, leading=15, weight=BOLD, color=st.NAVY)
PART = TextStyle(size=10, leading=13)
NUMBER_ROOM = 40.0
INDENT = 18.0


class ContentsLine(Flowable):  # type: ignore[misc]
    def __init__(self, entry: Entry, page: int | None) -> None:
        super().__init__()
        self.entry = entry
        self.page = page
        self.style = SECTION if entry.level == 0 else PART
        self.indent = INDENT * entry.level
        self.lines: list[Any] = []

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return 8.0 if self.entry.level == 0 else 1.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        text_width = availWidth - self.indent - NUMBER_ROOM
        self.lines = layout(st.clip(self.entry.title, 300), self.style, text_width)
        self.height = sum(line.height for line in self.lines)
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        text_width = self.width - self.indent - NUMBER_ROOM
        y = self.height
        last_end = self.indent
        last_baseline = y - self.style.size
        for line in self.lines:
            y -= line.above
            draw_line(canvas, line, self.indent, y, text_width, self.style)
            last_baseline = y
            last_end = self.indent + (text_width if line.base else line.width)
            y -= line.below
        if self.page is not None:
            number = str(self.page)
            font = "VisitDeskSerif-Bold" if self.entry.level == 0 else "VisitDeskSerif"
            canvas.setFont(font, self.style.size)
            canvas.setFillColorRGB(*self.style.color)
            canvas.drawRightString(self.width, last_baseline, number)
            # A dotted leader from the title to its page number, as in a printed book.
            start = last_end + 6
            end = self.width - canvas.stringWidth(number, font, self.style.size) - 6
            if end - start > 12:
                canvas.setStrokeColorRGB(*st.RULE)
                canvas.setDash(0.6, 3)
                canvas.setLineWidth(0.9)
                canvas.line(start, last_baseline + 1, end, last_baseline + 1)
        canvas.linkRect("", self.entry.key, (0, 0, self.width, self.height), relative=1)


def contents_lines(entries: list[Entry], pages: dict[str, int] | None) -> list[Any]:
    """A line per entry but the contents' own; `pages` is None in the first pass."""
    lines: list[Any] = [
        ContentsLine(entry, pages.get(entry.key) if pages is not None else None)
        for entry in entries
        if entry.key != "contents"
    ]
    return [*lines, PageBreak()]
