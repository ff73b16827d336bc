"""Small flowables of the pack: a numbered item whose text may flow over a page break, and the
rule that keeps a heading with what follows it."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from visitdesk.documents.text import TextParagraph, TextStyle, draw_text

NUMBER_WIDTH = 20.0
# A heading starts a part only with at least this much room left for what follows it.
MIN_ROOM = 150.0


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


class KeepWithNext(KeepTogether):  # type: ignore[misc]
    """How the pack keeps a heading (or a photo) with what follows (`keepWithNext`).

    reportlab's own rule moves the whole group to the next page whenever it does not fit in
    the room left, even when the group is longer than any page (a 5,000-character biography):
    the page before is then left nearly empty. Here a group that fits on a page moves whole; a
    longer one starts where it is if there is room for the heading and a good part of the
    text, else on the next page. Either way no heading is left alone at a page foot.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content: list[Flowable] = self._content[:]
        height: float = self._H
        if height <= aH:
            return content
        frame = getattr(self, "_frame", None)
        page_room = frame._height if frame is not None else aH
        at_top = bool(getattr(frame, "_atTop", False))
        if at_top or (height > page_room and aH >= MIN_ROOM):
            return content  # flows from here: the first part of the text comes with the heading
        return [self.FrameBreak(), *content]


class KeepBrief(KeepWithNext):
    """An engagement brief: a short one is kept whole (it shares a page with others, or starts
    the next); a long one starts where it is when a good part of the page is left, and flows,
    so that no page is left mostly blank before it."""

    SHORT = 0.5  # of a page: a brief up to this tall is never split
    ROOM = 0.3  # of a page: what must be left for a long brief to start here

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content: list[Flowable] = self._content[:]
        height: float = self._H
        frame = getattr(self, "_frame", None)
        page_room = frame._height if frame is not None else aH
        at_top = bool(getattr(frame, "_atTop", False))
        if height <= aH or at_top:
            return content
        if height > self.SHORT * page_room and aH >= self.ROOM * page_room:
            return content
        return [self.FrameBreak(), *content]
