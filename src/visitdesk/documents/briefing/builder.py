"""Assemble the pack and build it in two passes.

The first pass lays everything out and notes the page of each contents entry and the number of
pages; the second draws the same story with the page numbers filled in (contents lines keep room
for their numbers in the first pass, so nothing moves). The PDF is written whole to a temporary
file next to the output, then moved into place, so a failed build never leaves half a pack.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Register
from visitdesk.documents.briefing.contents import contents_lines
from visitdesk.documents.briefing.cover import cover
from visitdesk.documents.briefing.delegation import delegation
from visitdesk.documents.briefing.engagement_brief import engagement_briefs
from visitdesk.documents.briefing.followups import followups
from visitdesk.documents.briefing.page_frame import PageFrame
from visitdesk.documents.briefing.photos import Photos
from visitdesk.documents.briefing.programme import programme
from visitdesk.documents.fonts import register_fonts
from visitdesk.documents.text import TextParagraph
from visitdesk.services.briefing import BriefingContent

Progress = Callable[[int, int], None]
MAX_PASSES = 3  # a third pass only if the second changed the page count (it should not)


@dataclass(frozen=True, slots=True)
class RenderedPack:
    data: bytes
    pages: int


def pack_label(content: BriefingContent) -> str:
    if content.prepared_for is not None:
        return f"Personal pack of {content.prepared_for.name} · version {content.version}"
    return f"Briefing pack · version {content.version}"


def story(
    content: BriefingContent, register: Register, photos: Photos, pages: dict[str, int] | None
) -> list[Any]:
    head = cover(content, photos.scaled(content.office_logo, keep_transparency=True))
    contents_anchor = register.add("contents", "Contents", 0)
    body = [
        *programme(content, register),
        *engagement_briefs(content, register),
        *delegation(content, register, photos),
        *followups(content, register),
    ]
    toc = [
        contents_anchor,
        TextParagraph("Contents", st.H1),
        *contents_lines(register.entries, pages),
    ]
    return [*head, *toc, *body]


def render_pack(content: BriefingContent, progress: Progress | None = None) -> RenderedPack:
    register_fonts()
    photos = Photos()
    frame = PageFrame(
        classification=content.classification,
        title=content.title,
        pack_label=pack_label(content),
        office=content.office_name,
    )
    pages: dict[str, int] | None = None
    data = b""
    counter = _Counter(progress, passes=2)
    for _ in range(MAX_PASSES):
        register = Register()
        flowables = story(content, register, photos, pages)
        counter.start_pass(len(flowables))
        buffer = io.BytesIO()
        doc = _document(buffer, content, frame, counter)
        doc.build(flowables)
        data = buffer.getvalue()
        settled = pages is not None and frame.total_pages == doc.page and register.pages == pages
        pages, frame.total_pages = dict(register.pages), doc.page
        if settled:
            break
    counter.finish()
    assert frame.total_pages is not None
    return RenderedPack(data=data, pages=frame.total_pages)


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
    )


class _Counter:
    """Turns the flowables laid out in each pass into calls of `progress(done, total)`."""

    def __init__(self, progress: Progress | None, passes: int) -> None:
        self.progress = progress
        self.passes = passes
        self.total = 100 * passes
        self.done_passes = 0
        self.count = 0
        self.size = 1
        self.last = -1

    def start_pass(self, size: int) -> None:
        self.done_passes += 1
        self.count = 0
        self.size = max(size, 1)

    def step(self) -> None:
        self.count += 1
        within = min(self.count * 100 // self.size, 100)
        done = min((min(self.done_passes, self.passes) - 1) * 100 + within, self.total - 1)
        if self.progress is not None and done != self.last:
            self.last = done
            self.progress(done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` in one move, so a reader never sees half a file."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
