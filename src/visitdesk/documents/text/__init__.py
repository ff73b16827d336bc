"""The text layer: plain text in any script, laid out and drawn with reportlab.

What documents use (the press release and the briefing pack alike):

- `TextStyle(size=, leading=, weight=BOLD, align="justify", ...)`: how a paragraph looks.
- `TextParagraph(text, style)`: a Flowable for a story; text is never read as markup, each
  character gets a bundled font that has it (Latin, Chinese, Japanese, Korean, Urdu in
  Nastaliq, Arabic in Naskh, emoji), Urdu and Arabic are shaped (HarfBuzz) and ordered right to
  left per line (bidi), each right-to-left line is one /ActualText span (copied as typed),
  invisible format characters (joiners, variation selectors, bidi controls, soft hyphens) are
  never drawn, long paragraphs split across pages, and it works inside table cells.
- `draw_text(canvas, text, x, top, width, style) -> height`: the same, drawn straight on a
  canvas (letterheads, footers).
- `layout(text, style, width)` and `natural_width(text, style)`: measure before drawing.
- Each takes an optional `lang` hint (so does `TextStyle`): "ja", "ko", "zh", "ur", from the
  country of the person or organisation the text belongs to
  (`visitdesk.domain.languages.language_hint`). Han characters take the forms of that language
  (Japanese, Chinese, Korean fonts), Arabic-script text is Urdu (Nastaliq) or Arabic (Naskh).
  The text itself wins where it can tell: kana are Japanese, Hangul Korean, ٹ ڈ ڑ ں ے Urdu.
- `with_language(story, lang)`: the same hint for every paragraph of a story without one.

Fonts are registered on first use (`visitdesk.documents.fonts.register_fonts`).

Speed: a document lays out the same names and headings many times and platypus asks each
flowable for its size more than once, so lines are kept per (text, size, weight, leading,
width) and words per (text, size, weight); a text longer than `pieces.CACHED_TEXT` is not kept.
Kept lines are frozen and shared: read them, never change them. Plain Latin text skips the
per-character font choice, and a left-to-right line is written as one text operator per font.
"""

from visitdesk.documents.fonts import BOLD, ITALIC, REGULAR, Weight
from visitdesk.documents.text.draw import draw_text, layout, natural_width
from visitdesk.documents.text.flowable import TextParagraph, with_language
from visitdesk.documents.text.style import Align, TextStyle

__all__ = [
    "BOLD",
    "ITALIC",
    "REGULAR",
    "Align",
    "TextParagraph",
    "TextStyle",
    "Weight",
    "draw_text",
    "layout",
    "natural_width",
    "with_language",
]
