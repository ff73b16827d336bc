"""What every page carries: the classification at the top and the foot, the visit's title, the
pack's version and `Page N of M`.

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
from visitdesk.documents.text import TextStyle, draw_text, natural_width

MARK = TextStyle(size=10, leading=12, weight=BOLD, align="center", color=st.MARKING)
RUNNING = TextStyle(size=8, leading=10, color=st.GREY)
RUNNING_RIGHT = RUNNING.but(align="right")


@dataclass
class PageFrame:
    classification: str
    title: str
    pack_label: str  # `Briefing pack · version 3` or `Personal pack of … · version 3`
    office: str
    last_page: int = 0

    def define_page_labels(self, canvas: Any) -> None:
        """At save time, when M is known: `Page N of M` for every page, one form each (one
        piece of text, so that it extracts as one line)."""
        for page in range(1, self.last_page + 1):
            label = f"Page {page} of {self.last_page}"
            define_number(
                canvas, _label_form(page), label, SERIF, RUNNING.size, RUNNING.color, right=True
            )

    @cached_property
    def short_title(self) -> str:
        return fit(self.title, RUNNING, st.FRAME_WIDTH * 0.62)

    @cached_property
    def short_pack_label(self) -> str:
        return fit(self.pack_label, RUNNING_RIGHT, st.FRAME_WIDTH * 0.36)

    @cached_property
    def short_office(self) -> str:
        return fit(self.office, RUNNING, st.FRAME_WIDTH * 0.62)

    def draw(self, canvas: Any, page: int) -> None:
        x, width = st.MARGIN_X, st.FRAME_WIDTH
        top = st.PAGE_HEIGHT
        canvas.saveState()
        # Top: the marking, then the visit's title and the pack's version over a hairline.
        draw_text(canvas, self.classification, x, top - 20, width, MARK)
        draw_text(canvas, self.short_title, x, top - 40, width * 0.62, RUNNING)
        draw_text(
            canvas, self.short_pack_label, x + width * 0.64, top - 40, width * 0.36, RUNNING_RIGHT
        )
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
