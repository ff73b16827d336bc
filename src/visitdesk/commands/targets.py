"""What every command that writes a visit's document checks first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from visitdesk.app import Desk


def visit_for(desk: Desk, ref: str, output: Path) -> int:
    """The id of the visit `ref`, once `output` is known to be writable: a wrong folder is
    said before a wrong visit, and no document is built for a file that cannot be written."""
    desk.documents.check_target(output)
    return desk.visits.id_of(ref)
