"""What every part of the API (visits, people, documents, …) is: a view of one Desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from visitdesk.app.desk import Desk


class Part:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
