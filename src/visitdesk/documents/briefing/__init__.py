"""The briefing pack: the printed book a principal carries into every meeting of a visit.

`build_briefing_pack(session, visit_ref, output_path, ...)` gathers the visit from the store
(`visitdesk.services.briefing`), draws the PDF and records the new version; the GUI passes a
`progress(done, total)` callback to show a progress bar. One module per part of the pack:
`cover`, `contents`, `programme`, `engagement_brief` (with `seating`), `delegation`,
`followups`, and `page_frame` for what every page carries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from visitdesk.services.briefing import gather_briefing, record_pack_built


@dataclass(frozen=True, slots=True)
class PackResult:
    path: Path
    pages: int
    size: int  # bytes
    version: int
    engagements: int
    classification: str
    prepared_for: str | None
    guest_copy: bool = False  # a personal pack for a member of the delegation


def build_briefing_pack(
    session: Session,
    visit_ref: str,
    output_path: Path | str,
    for_person: str | None = None,
    classification: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> PackResult:
    """Write the pack of `visit_ref` (or `for_person`'s personal pack) to `output_path`.

    The visit's pack version is raised in `session`; the caller commits it (`store.transaction()`
    does), so a pack that failed to be written leaves the count unchanged. Raises ServiceError
    with a plain message when the visit or person does not exist or there is nothing to brief on.
    """
    from visitdesk.documents.briefing.builder import render_pack, write_whole

    content = gather_briefing(session, visit_ref, for_person, classification, today)
    rendered = render_pack(content, progress)
    path = Path(output_path)
    write_whole(path, rendered.data)
    record_pack_built(session, visit_ref, content.version)
    session.flush()
    return PackResult(
        path=path,
        pages=rendered.pages,
        size=len(rendered.data),
        version=content.version,
        engagements=len(content.engagements),
        classification=content.classification,
        prepared_for=content.prepared_for.name if content.prepared_for else None,
        guest_copy=content.guest_copy,
    )
