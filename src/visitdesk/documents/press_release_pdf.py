"""The press release as a PDF a ministry's media wing would send: A4, the office's letterhead,
PRESS RELEASE, number and dateline, the headline in bold, the lead quote and its speaker, the
body justified, an end mark, and the office's media contact after it.

A release of more than one page says so as the press expects: `-more-` at the foot of every
page but the last, and `Page N of M` on every page (a one-page release carries neither). M is
known only at the end, so these are PDF forms drawn on each page and defined when it is saved.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table, TableStyle

from visitdesk.documents import styles
from visitdesk.documents.fonts import BOLD, SERIF, SERIF_BOLD, get_font
from visitdesk.documents.letterhead import (
    Letterhead,
    draw_footer,
    draw_letterhead,
    footer_height,
    letterhead_height,
)
from visitdesk.documents.press_release_txt import END_MARK
from visitdesk.documents.release_content import ReleaseContent
from visitdesk.documents.text import TextParagraph, with_language

# After the end mark: who answers the press's questions.
CONTACT = styles.BODY.but(size=10, leading=13.5, align="start", space_before=14, space_after=0)
MORE = styles.END_MARK.but(weight=BOLD)
MORE_TEXT = "-more-"
MORE_SPACE = 18.0  # points kept free above the footer for `-more-`


def contact_line(content: ReleaseContent) -> str | None:
    """`Media contact: …` (several lines of the office's contact joined), or None if unset."""
    lines = [" ".join(line.split()) for line in (content.media_contact or "").splitlines()]
    text = ", ".join(line for line in lines if line)
    return f"Media contact: {text}" if text else None


def _story(content: ReleaseContent, width: float) -> list[Any]:
    row = Table(
        [
            [
                TextParagraph(content.number_label, styles.NUMBER),
                TextParagraph(content.dateline, styles.DATELINE),
            ]
        ],
        colWidths=[width * 0.4, width * 0.6],
    )
    row.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    story: list[Any] = [TextParagraph("PRESS RELEASE", styles.TITLE), row]
    if content.topic:
        story.append(TextParagraph(content.topic, styles.TOPIC))
    if content.headline:
        story.append(TextParagraph(content.headline, styles.HEADLINE))
    if content.lead_quote:
        story.append(TextParagraph(f"“{content.lead_quote}”", styles.LEAD_QUOTE))
        if content.attribution:
            story.append(TextParagraph(f"…{content.attribution}", styles.ATTRIBUTION))
    else:
        story.append(TextParagraph("", styles.BODY.but(space_after=6)))
    story += [TextParagraph(p, styles.BODY) for p in content.paragraphs]
    story.append(TextParagraph(END_MARK, styles.END_MARK))
    contact = contact_line(content)
    if contact:
        story.append(TextParagraph(contact, CONTACT))
    return story


def _show_form(canvas: Any, name: str, x: float, y: float) -> None:
    """The form `name` with its origin at (x, y). (Not the briefing pack's helper: importing
    the pack's package would cost a release's cold start its whole briefing code.)"""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _page_form(page: int) -> str:
    return f"release-page-{page}"


def _more_form(page: int) -> str:
    return f"release-more-{page}"


def _define_furniture(canvas: Any, pages: int) -> None:
    """At save time: `Page N of M` and `-more-` for each page of a release of several pages;
    empty forms for a one-page release."""
    get_font(SERIF), get_font(SERIF_BOLD)  # registered already by any text drawn; made sure
    for page in range(1, pages + 1):
        canvas.beginForm(_page_form(page), -200, -20, 200, 40)
        if pages > 1:  # one piece of text, so that it extracts as one line
            canvas.setFont(SERIF, styles.FOOTER.size)
            canvas.setFillColorRGB(*styles.GREY)
            canvas.drawRightString(0, 0, f"Page {page} of {pages}")
        canvas.endForm()
        canvas.beginForm(_more_form(page), -100, -10, 100, 30)
        if page < pages:
            canvas.setFont(SERIF_BOLD, MORE.size)
            canvas.drawCentredString(0, 0, MORE_TEXT)
        canvas.endForm()


def press_release_pdf(content: ReleaseContent) -> bytes:
    """The release as a PDF (the app layer writes it to a file whole or not at all)."""
    buffer = io.BytesIO()
    _render(content, buffer)
    return buffer.getvalue()


def page_count(content: ReleaseContent) -> int:
    """How many pages the release's PDF has (laid out in memory)."""
    return _render(content, io.BytesIO())


def _render(content: ReleaseContent, target: Any) -> int:
    page_w, page_h = styles.PAGE_SIZE
    x = styles.MARGIN_LEFT
    width = page_w - styles.MARGIN_LEFT - styles.MARGIN_RIGHT
    head = Letterhead(
        name=content.office_name,
        short_name=content.office_short_name,
        city=content.office_city,
        logo=content.logo,
    )
    # The footer's left side names the release, so that a loose second page is known.
    foot = footer_height(content.number_label, width) + styles.MARGIN_BOTTOM + 8 + MORE_SPACE
    top = page_h - styles.MARGIN_TOP
    head_h = letterhead_height(head, width) + 10
    pages = [0]

    def furniture(canvas: Any, doc: Any, label: str | None) -> None:
        page = doc.page
        pages[0] = max(pages[0], page)
        draw_footer(canvas, label, "", x, styles.MARGIN_BOTTOM, width)
        footer_top = styles.MARGIN_BOTTOM + footer_height(label, width)
        _show_form(canvas, _page_form(page), x + width, footer_top - 4 - styles.FOOTER.size)
        _show_form(canvas, _more_form(page), x + width / 2, footer_top + 6)

    def first_page(canvas: Any, doc: Any) -> None:
        draw_letterhead(canvas, head, x, top, width)
        furniture(canvas, doc, None)

    def later_page(canvas: Any, doc: Any) -> None:
        furniture(canvas, doc, content.number_label)

    class ReleaseCanvas(Canvas):  # type: ignore[misc]
        def save(self) -> None:
            _define_furniture(self, pages[0])
            super().save()

    first = Frame(x, foot, width, top - head_h - foot, 0, 0, 0, 0, id="first")
    later = Frame(x, foot, width, top - foot, 0, 0, 0, 0, id="later")
    doc = BaseDocTemplate(
        target,
        pagesize=styles.PAGE_SIZE,
        title=f"{content.number_label} {content.topic or content.headline}".strip()[:200],
        author=content.office_name,
        subject="Press release",
        creator="VisitDesk",
        pageTemplates=[
            PageTemplate(
                id="first", frames=[first], onPage=first_page, autoNextPageTemplate="later"
            ),
            PageTemplate(id="later", frames=[later], onPage=later_page),
        ],
    )
    doc.build(with_language(_story(content, width), content.lang), canvasmaker=ReleaseCanvas)
    return pages[0]
