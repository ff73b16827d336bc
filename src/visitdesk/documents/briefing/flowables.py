"""Small flowables of the pack: a numbered item whose text may flow over a page break."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from visitdesk.documents.text import TextParagraph, TextStyle, draw_text

NUMBER_WIDTH = 20.0


class NumberedItem(Flowable):  # type: ignore[misc]
    """`3.` hanging in the margin of a paragraph: a talking point of any length.

    Not a table row, because a table row may not be split and a talking point can be pages long.
    """

    def __init__(self, label: str, text: str | TextParagraph, style: TextStyle) -> None:
        super().__init__()
        self.label = label
        self.style = style
        self.inner = (
            text
            if isinstance(text, TextParagraph)
            else TextParagraph(text, style.but(left_indent=style.left_indent + NUMBER_WIDTH))
        )
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self.inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = self.inner.split(availWidth, availHeight)
        if len(parts) != 2:
            return list(parts)
        return [NumberedItem(self.label, parts[0], self.style), parts[1]]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        canvas: Any = self.canv
        number_style = self.style.but(align="left", left_indent=0, right_indent=0)
        draw_text(
            canvas, self.label, self.style.left_indent, self.height, NUMBER_WIDTH, number_style
        )
        self.inner.drawOn(canvas, 0, 0)
