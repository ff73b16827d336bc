"""What every page carries: the classification at the top and the foot, the visit's title, the
pack's version (and whose pack, or GUEST COPY) and `Page N of M`.

The header's two texts wrap onto a second line, then shrink, rather than lose their end; only a
title too long for three lines of small type is shortened (the cover prints it whole).

Drawn on the canvas after the page's story, with the text layer, so a title in any script
prints. M is a form defined when the PDF is saved (see `numbers`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.numbers import define_number, show_number
from visitdesk.documents.fonts import BOLD, SERIF
from visitdesk.documents.text import TextStyle, draw_text, layout, natural_width
from visitdesk.documents.text.draw import draw_line

MARK = TextStyle(size=10, leading=12, weight=BOLD, align="center", color=st.MARKING)
RUNNING = TextStyle(size=8, leading=10, color=st.GREY)
RUNNING_RIGHT = RUNNING.but(align="right")
GUEST_COPY = RUNNING_RIGHT.but(weight=BOLD, color=st.MARKING)
HEADER_ROOM = 20.0  # from just under the marking to the hairline
HEADER_GAP = 14.0  # between the title and the label
# Tried in turn until the text fits the header in as many lines as the room holds.
_SIZES = ((8.0, 9.6), (7.0, 8.2), (6.2, 6.9))


@dataclass
class PageFrame:
    classification: str
    title: str
    pack_label: str  # `Briefing pack · version 3`, `Personal pack · Mr. Khan · version 3`
    office: str
    last_page: int = 0
    label_style: TextStyle = RUNNING_RIGHT

    def define_page_labels(self, canvas: Any) -> None:
        """At save time, when M is known: `Page N of M` for every page, one form each (one
        piece of text, so that it extracts as one line)."""
        for page in range(1, self.last_page + 1):
            label = f"Page {page} of {self.last_page}"
            define_number(
                canvas, _label_form(page), label, SERIF, RUNNING.size, RUNNING.color, right=True
            )

    @cached_property
    def label_width(self) -> float:
        """The label takes the room it needs on one line, up to half the header; the title
        has the rest."""
        wanted = natural_width(" ".join(self.pack_label.split()), self.label_style) + 1
        return float(min(max(wanted, st.FRAME_WIDTH * 0.3), st.FRAME_WIDTH * 0.5))

    @cached_property
    def title_lines(self) -> tuple[TextStyle, list[Any]]:
        return header_lines(self.title, RUNNING, st.FRAME_WIDTH - self.label_width - HEADER_GAP)

    @cached_property
    def label_lines(self) -> tuple[TextStyle, list[Any]]:
        return header_lines(self.pack_label, self.label_style, self.label_width)

    @cached_property
    def short_office(self) -> str:
        return fit(self.office, RUNNING, st.FRAME_WIDTH * 0.62)

    def draw(self, canvas: Any, page: int) -> None:
        x, width = st.MARGIN_X, st.FRAME_WIDTH
        top = st.PAGE_HEIGHT
        canvas.saveState()
        # Top: the marking, then the visit's title and the pack's version over a hairline.
        draw_text(canvas, self.classification, x, top - 20, width, MARK)
        label = self.label_width
        _draw_lines(canvas, *self.title_lines, x, top - 53, width - label - HEADER_GAP)
        _draw_lines(canvas, *self.label_lines, x + width - label, top - 53, label)
        canvas.setStrokeColorRGB(*st.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(x, top - 53, x + width, top - 53)
        # Foot: a hairline, the office and the page, then the marking again.
        canvas.line(x, 58, x + width, 58)
        draw_text(canvas, self.short_office, x, 53, width * 0.62, RUNNING)
        show_number(canvas, _label_form(page), x + width, 53 - RUNNING.size)
        draw_text(canvas, self.classification, x, 34, width, MARK)
        canvas.restoreState()
        self.last_page = max(self.last_page, page)


def _label_form(page: int) -> str:
    return f"briefing-page-label-{page}"


def header_lines(text: str, style: TextStyle, width: float) -> tuple[TextStyle, list[Any]]:
    """`text` in as few lines as the header holds, smaller type before a cut."""
    text = " ".join(text.split())
    for size, leading in _SIZES:
        sized = style.but(size=size, leading=leading)
        lines = layout(text, sized, width)
        if len(lines) * leading <= HEADER_ROOM:
            return sized, lines
    return sized, layout(fit(text, sized, width * 2.9), sized, width)[:2]


def _draw_lines(
    canvas: Any, style: TextStyle, lines: list[Any], x: float, bottom: float, width: float
) -> None:
    """The lines just above the hairline at `bottom`, the last one's baseline 4 pt over it."""
    y = bottom + 4 + (len(lines) - 1) * style.line_leading
    for line in lines:
        draw_line(canvas, line, x, y, width, style)
        y -= style.line_leading


def fit(text: str, style: TextStyle, width: float) -> str:
    """`text` on one line of `width`, shortened with an ellipsis if it is too long."""
    text = " ".join(text.split())
    if natural_width(text, style) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if natural_width(text[:middle].rstrip() + "…", style) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"
