"""The kinds and states front ends choose from (plain StrEnums; each has a `.label`)."""

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
    "DelegateRole",
    "EngagementKind",
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
