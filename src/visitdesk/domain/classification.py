"""Classification: the level of a visit and of each talking point, and who may read which.

Declared once, here, as data: the levels in order (lowest first), the level a new visit gets,
and each role's clearance. Everything else is derived from these: the combo boxes, the pack's
markings, the exchange format's values and, on a shared PostgreSQL server, the row-level
security policies (`store/server/classified.py` writes them from this table; an office that
changes it runs `visitdesk server init` again to put the change into the server).

The rule: anyone who may see a visit reads its brief items up to the visit's own level; a role
also reads up to its clearance. A talking point with no level of its own is at the visit's level.
On SQLite (one officer, the owner of the file) nothing is hidden.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    # In order, lowest first: the order is the classification's, `rank` reads it.
    UNCLASSIFIED = "unclassified"
    RESTRICTED = "restricted"
    CONFIDENTIAL = "confidential"
    SECRET = "secret"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def marking(self) -> str:
        """As printed at the top and foot of a page: RESTRICTED."""
        return self.value.upper()

    @property
    def rank(self) -> int:
        return LEVELS.index(self)


LEVELS: tuple[Level, ...] = tuple(Level)
DEFAULT_VISIT_LEVEL = Level.RESTRICTED
# The highest level each role reads whatever the visit's own level (roles as in
# `visitdesk server add-officer --role`). Readers read only up to the visit's level.
CLEARANCE: dict[str, Level] = {
    "reader": Level.UNCLASSIFIED,
    "officer": Level.SECRET,
    "admin": Level.SECRET,
}


def level_of(text: str | None) -> Level | None:
    """The level a marking or a value names ("RESTRICTED", "restricted"), else None."""
    if text is None:
        return None
    folded = " ".join(text.split()).casefold()
    return next((level for level in LEVELS if level.value == folded), None)
