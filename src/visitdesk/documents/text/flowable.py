"""`TextParagraph`: a reportlab Flowable for plain text in any script.

Use it instead of reportlab's `Paragraph` for anything an officer typed: the text is never read
as markup (`<b>` prints as `<b>`), each character gets a font that has it, Urdu is shaped and
laid out right to left, and long paragraphs flow across pages (`split`). `lang` is a hint of
the text's language (a person's country: `visitdesk.domain.languages.language_hint`), so that
a name in Han characters takes Japanese, Chinese or Korean forms; it overrides `style.lang`.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from visitdesk.documents.text.draw import draw_line, layout
from visitdesk.documents.text.lines import Line
from visitdesk.documents.text.style import TextStyle


class TextParagraph(Flowable):  # type: ignore[misc]
    def __init__(
        self,
        text: str,
        style: TextStyle,
        *,
        lang: str | None = None,
        _lines: list[Line] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.lang = lang
        self.keepWithNext = style.keep_with_next
        self._lines = _lines
        self._laid_out_width: float | None = None
        self.width = 0.0
        self.height = 0.0

    def __repr__(self) -> str:
        return f"TextParagraph({self.text[:40]!r})"

    def _text_width(self, avail_width: float) -> float:
        return avail_width - self.style.left_indent - self.style.right_indent

    def lines(self, avail_width: float) -> list[Line]:
        if self._lines is None or (
            self._laid_out_width is not None and self._laid_out_width != avail_width
        ):
            self._lines = layout(self.text, self.style, self._text_width(avail_width), self.lang)
            self._laid_out_width = avail_width
        elif self._laid_out_width is None:
            self._laid_out_width = avail_width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lines = self.lines(availWidth)
        self.width = availWidth
        self.height = sum(line.height for line in lines)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self.lines(availWidth)
        used = 0.0
        fit = 0
        for line in lines:
            if used + line.height > availHeight + 1e-6:
                break
            used += line.height
            fit += 1
        if fit == len(lines):
            return [self]
        # Never leave one line alone at the foot or the head of a page, if it can be helped.
        if fit < 2 and len(lines) > 2:
            return []
        if len(lines) - fit == 1 and fit > 2:
            fit -= 1
        if fit == 0:
            return []
        first = TextParagraph(
            self.text, self.style.but(space_after=0), lang=self.lang, _lines=lines[:fit]
        )
        rest = TextParagraph(
            self.text, self.style.but(space_before=0), lang=self.lang, _lines=lines[fit:]
        )
        first._laid_out_width = rest._laid_out_width = availWidth
        return [first, rest]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.style.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.style.space_after

    def draw(self) -> None:
        canvas: Any = self.canv
        x = self.style.left_indent
        width = self._text_width(self.width)
        y = self.height
        for line in self.lines(self.width):
            y -= line.above
            draw_line(canvas, line, x, y, width, self.style)
            y -= line.below


def with_language(story: list[Any], lang: str | None) -> list[Any]:
    """Give the paragraphs of `story` that have no language hint of their own the hint `lang`
    (the guests' country, for a press release naming them in Han characters); returns `story`.
    """
    for flowable in story:
        if isinstance(flowable, TextParagraph) and flowable.lang is None:
            flowable.lang = lang
            flowable._lines = None  # laid out again, in the fonts of that language
    return story
