"""The contents page: each section and engagement with its page number, each line a link.

Laid out before the pages it lists exist: the numbers are forms filled in when the PDF is
saved (see `numbers`), so a line's layout never depends on them.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Entry, Register
from visitdesk.documents.briefing.numbers import define_number, show_number
from visitdesk.documents.fonts import BOLD, SERIF, SERIF_BOLD
from visitdesk.documents.text import TextStyle, layout
from visitdesk.documents.text.draw import draw_line

SECTION = TextStyle(size=11.5, leading=15, weight=BOLD, color=st.NAVY)
PART = TextStyle(size=10, leading=13)
NUMBER_ROOM = 40.0
INDENT = 18.0


def _form_name(key: str) -> str:
    return f"contents-page-{key}"


class ContentsLine(Flowable):  # type: ignore[misc]
    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry
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
        show_number(canvas, _form_name(self.entry.key), self.width, last_baseline)
        # A dotted leader from the title towards its page number, as in a printed book.
        start, end = last_end + 6, self.width - 24
        if end - start > 12:
            canvas.setStrokeColorRGB(*st.RULE)
            canvas.setDash(0.6, 3)
            canvas.setLineWidth(0.9)
            canvas.line(start, last_baseline + 1, end, last_baseline + 1)
        canvas.linkRect("", self.entry.key, (0, 0, self.width, self.height), relative=1)


def contents_lines(entries: list[Entry]) -> list[Any]:
    """A line per entry but the contents' own."""
    lines: list[Any] = [ContentsLine(entry) for entry in entries if entry.key != "contents"]
    return [*lines, PageBreak()]


def define_contents_numbers(canvas: Any, register: Register) -> None:
    """At save time: the page number of every contents line."""
    for entry in register.entries:
        page = register.pages.get(entry.key)
        section = entry.level == 0
        define_number(
            canvas,
            _form_name(entry.key),
            str(page) if page is not None else "",
            SERIF_BOLD if section else SERIF,
            (SECTION if section else PART).size,
            (SECTION if section else PART).color,
            right=True,
        )
