"""The office's page furniture: the letterhead on the first page and the footer on every page.

Shared by every document (press release, briefing pack). Drawn on the canvas, outside the
story, with the text layer so that an office name in any script prints correctly.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from visitdesk.documents import styles
from visitdesk.documents.text import draw_text, layout

LOGO_HEIGHT = 52.0  # points: about 1.8 cm, the size of an emblem on a ministry's letterhead


@dataclass(frozen=True)
class Letterhead:
    name: str
    short_name: str | None = None
    city: str | None = None
    logo: bytes | None = None

    @property
    def second_line(self) -> str:
        return "  ·  ".join(p for p in (self.short_name, self.city) if p and p.strip())


def _logo(data: bytes | None) -> Any | None:
    """The logo as a reportlab image, or None if there is none or it cannot be read."""
    if not data:
        return None
    from reportlab.lib.utils import ImageReader

    try:
        image = ImageReader(io.BytesIO(data))
        image.getSize()
    except Exception:  # a damaged logo must not stop a release from printing
        return None
    return image


def letterhead_height(head: Letterhead, width: float) -> float:
    """How much of the first page the letterhead takes, rule included."""
    height = LOGO_HEIGHT + 8 if _logo(head.logo) is not None else 0.0
    height += sum(line.height for line in layout(head.name, styles.OFFICE_NAME, width))
    if head.second_line:
        height += sum(line.height for line in layout(head.second_line, styles.OFFICE_LINE, width))
    return height + 14


def draw_letterhead(canvas: Any, head: Letterhead, x: float, top: float, width: float) -> None:
    canvas.saveState()
    y = top
    image = _logo(head.logo)
    if image is not None:
        w, h = image.getSize()
        draw_w = LOGO_HEIGHT * w / h if h else LOGO_HEIGHT
        draw_w = min(draw_w, width)
        canvas.drawImage(
            image, x + (width - draw_w) / 2, y - LOGO_HEIGHT, draw_w, LOGO_HEIGHT, mask="auto"
        )
        y -= LOGO_HEIGHT + 8
    y -= draw_text(canvas, head.name, x, y, width, styles.OFFICE_NAME)
    if head.second_line:
        y -= draw_text(canvas, head.second_line, x, y, width, styles.OFFICE_LINE)
    y -= 6
    canvas.setStrokeColorRGB(*styles.RULE)
    canvas.setLineWidth(1.6)
    canvas.line(x, y, x + width, y)
    canvas.setLineWidth(0.5)
    canvas.line(x, y - 3, x + width, y - 3)
    canvas.restoreState()


def footer_height(text: str | None, width: float) -> float:
    lines = layout(text, styles.FOOTER, width * 0.78) if text else []
    return sum(line.height for line in lines) + 10


def draw_footer(
    canvas: Any, text: str | None, page_label: str, x: float, bottom: float, width: float
) -> None:
    """A rule, the media contact (left) and the page number (right), above `bottom`."""
    canvas.saveState()
    height = footer_height(text, width)
    top = bottom + height
    canvas.setStrokeColorRGB(*styles.GREY)
    canvas.setLineWidth(0.5)
    canvas.line(x, top, x + width, top)
    if text:
        draw_text(canvas, text, x, top - 4, width * 0.78, styles.FOOTER)
    draw_text(canvas, page_label, x + width * 0.8, top - 4, width * 0.2, styles.FOOTER_RIGHT)
    canvas.restoreState()
