"""The kinds and states front ends choose from (plain StrEnums; each has a `.label`)."""

from visitdesk.domain.classification import LEVELS, Level
from visitdesk.domain.enums import (
    DelegateRole,
    EngagementKind,
    OrganisationKind,
    OutcomeKind,
    OutcomeStatus,
    PressReleaseStatus,
    Side,
    StatementRole,
    StatementStyle,
    VisitDirection,
    VisitStatus,
)

__all__ = [
    "LEVELS",
    "DelegateRole",
    "EngagementKind",
    "Level",
    "OrganisationKind",
    "OutcomeKind",
    "OutcomeStatus",
    "PressReleaseStatus",
    "Side",
    "StatementRole",
    "StatementStyle",
    "VisitDirection",
    "VisitStatus",
]
