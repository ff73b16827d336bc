"""Assemble the pack and lay it out, once.

Numbers known only at the end (the pages of the contents entries, the M of `Page N of M`) are
PDF forms defined when the canvas is saved (see `numbers`). The PDF is written whole to a
temporary file next to the output, then moved into place, so a failed build never leaves half
a pack.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from visitdesk import files
from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Register
from visitdesk.documents.briefing.contents import contents_lines, define_contents_numbers
from visitdesk.documents.briefing.cover import cover
from visitdesk.documents.briefing.delegation import delegation
from visitdesk.documents.briefing.diet import dietary_page
from visitdesk.documents.briefing.engagement_brief import engagement_briefs
from visitdesk.documents.briefing.flowables import KeepWithNext
from visitdesk.documents.briefing.followups import followups
from visitdesk.documents.briefing.logistics import logistics
from visitdesk.documents.briefing.page_frame import GUEST_COPY, RUNNING_RIGHT, PageFrame
from visitdesk.documents.briefing.photos import Photos
from visitdesk.documents.briefing.programme import programme
from visitdesk.documents.fonts import register_fonts
from visitdesk.documents.text import TextParagraph
from visitdesk.services.briefing import BriefingContent

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RenderedPack:
    data: bytes
    pages: int


def pack_label(content: BriefingContent) -> str:
    """What the running header says the pack is: short, so it fits beside the title."""
    reader = content.prepared_for
    if reader is not None and content.guest_copy:
        return f"GUEST COPY · {reader.short_name} · version {content.version}"
    if reader is not None:
        return f"Personal pack · {reader.short_name} · version {content.version}"
    return f"Briefing pack · version {content.version}"


def story(content: BriefingContent, register: Register, photos: Photos) -> list[Any]:
    head = cover(content, photos.scaled(content.office_logo, keep_transparency=True))
    contents_anchor = register.add("contents", "Contents", 0)
    body = [
        *programme(content, register),
        *engagement_briefs(content, register),
        *delegation(content, register, photos),
        *logistics(content, register),
        *followups(content, register),
        *dietary_page(content, register),
    ]
    toc = [contents_anchor, TextParagraph("Contents", st.H1), *contents_lines(register.entries)]
    return [*head, *toc, *body]


def render_pack(content: BriefingContent, progress: Progress | None = None) -> RenderedPack:
    register_fonts()
    frame = PageFrame(
        classification=content.classification,
        title=content.title,
        pack_label=pack_label(content),
        office=content.office_name,
        label_style=GUEST_COPY if content.guest_copy else RUNNING_RIGHT,
    )
    register = Register()
    flowables = story(content, register, Photos())
    counter = _Counter(progress, len(flowables))
    buffer = io.BytesIO()

    class PackCanvas(Canvas):  # type: ignore[misc]
        def save(self) -> None:
            frame.define_page_labels(self)
            define_contents_numbers(self, register)
            super().save()

    doc = _document(buffer, content, frame, counter)
    # Pictures go in as binary streams: ASCII85 would make them a quarter larger and costs
    # a third of the build time for thirty photos. Restored at once for other documents.
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(flowables, canvasmaker=PackCanvas)
    finally:
        rl_config.useA85 = a85
    counter.finish()
    return RenderedPack(data=buffer.getvalue(), pages=frame.last_page)


def _document(
    buffer: io.BytesIO, content: BriefingContent, frame: PageFrame, counter: _Counter
) -> BaseDocTemplate:
    body = Frame(
        st.MARGIN_X,
        st.FRAME_BOTTOM,
        st.FRAME_WIDTH,
        st.FRAME_TOP - st.FRAME_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def furniture(canvas: Any, doc: Any) -> None:
        if doc.page == 1:
            canvas.showOutline()  # open the bookmarks pane: the pack is read by its outline
        frame.draw(canvas, doc.page)

    class Document(BaseDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's name
            counter.step()

    return Document(
        buffer,
        pagesize=st.PAGE_SIZE,
        title=f"Briefing pack: {' '.join(content.title.split())[:200]}",
        author=content.office_name,
        subject=f"{content.classification} · {pack_label(content)}",
        creator="VisitDesk",
        pageTemplates=[PageTemplate(id="page", frames=[body], onPageEnd=furniture)],
        keepTogetherClass=KeepWithNext,
    )


class _Counter:
    """Turns the flowables laid out into calls of `progress(done, total)`, in hundredths."""

    def __init__(self, progress: Progress | None, size: int) -> None:
        self.progress = progress
        self.size = max(size, 1)
        self.count = 0
        self.last = -1

    def step(self) -> None:
        # Split flowables report more than once, hence the cap short of the end.
        self.count += 1
        done = min(self.count * 100 // self.size, 99)
        if self.progress is not None and done != self.last:
            self.last = done
            self.progress(done, 100)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(100, 100)


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` in one move, so a reader never sees half a file."""
    files.write_bytes(path, data)
