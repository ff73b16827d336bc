"""The press release as a PDF a ministry's media wing would send: A4, the office's letterhead,
PRESS RELEASE, number and dateline, the headline in bold, the lead quote and its speaker, the
body justified, an end mark, and the media contact in the footer of every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table, TableStyle

from visitdesk.documents import styles
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
    return story


def build_press_release_pdf(content: ReleaseContent, path: Path) -> None:
    """Write the release to `path` (written whole, then moved into place)."""
    page_w, page_h = styles.PAGE_SIZE
    x = styles.MARGIN_LEFT
    width = page_w - styles.MARGIN_LEFT - styles.MARGIN_RIGHT
    head = Letterhead(
        name=content.office_name,
        short_name=content.office_short_name,
        city=content.office_city,
        logo=content.logo,
        media_contact=content.media_contact,
    )
    contact = f"Media contact: {content.media_contact.strip()}" if content.media_contact else None
    foot = footer_height(contact, width) + styles.MARGIN_BOTTOM + 8
    top = page_h - styles.MARGIN_TOP
    head_h = letterhead_height(head, width) + 10

    def first_page(canvas: Any, doc: Any) -> None:
        draw_letterhead(canvas, head, x, top, width)
        draw_footer(canvas, contact, f"Page {doc.page}", x, styles.MARGIN_BOTTOM, width)

    def later_page(canvas: Any, doc: Any) -> None:
        draw_footer(
            canvas,
            contact,
            f"{content.number_label} · Page {doc.page}",
            x,
            styles.MARGIN_BOTTOM,
            width,
        )

    first = Frame(x, foot, width, top - head_h - foot, 0, 0, 0, 0, id="first")
    later = Frame(x, foot, width, top - foot, 0, 0, 0, 0, id="later")
    temporary = path.with_name(f".{path.name}.part")
    doc = BaseDocTemplate(
        str(temporary),
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
    try:
        doc.build(with_language(_story(content, width), content.lang))
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
