"""How each kind of engagement is told in a release."""

from __future__ import annotations

from visitdesk.domain.enums import EngagementKind

MEETINGS = {
    EngagementKind.MINISTRY_MEETING,
    EngagementKind.COURTESY_CALL,
    EngagementKind.OFFICE_VISIT,
}
VISITS = {EngagementKind.UNIVERSITY_VISIT, EngagementKind.SITE_VISIT}
AT = {
    EngagementKind.MINISTRY_MEETING: "in a meeting",
    EngagementKind.OFFICE_VISIT: "in a meeting",
    EngagementKind.COURTESY_CALL: "during a courtesy call",
    EngagementKind.SIGNING_CEREMONY: "at a signing ceremony",
    EngagementKind.MEAL: "at a meal",
    EngagementKind.PRESS_EVENT: "at a press conference",
    EngagementKind.OTHER: "in a meeting",
}
OCCASION = {
    EngagementKind.SIGNING_CEREMONY: "on the occasion",
    EngagementKind.MEAL: "on the occasion",
    EngagementKind.PRESS_EVENT: "on the occasion",
}
# Generic first words of engagement titles, lower-cased after `During the`.
TITLE_NOUNS = frozenset(
    [
        "visit",
        "visits",
        "meeting",
        "meetings",
        "talks",
        "call",
        "courtesy",
        "dinner",
        "lunch",
        "luncheon",
        "breakfast",
        "reception",
        "signing",
        "ceremony",
        "tour",
        "briefing",
        "discussion",
        "session",
        "working",
        "presentation",
        "round",
        "roundtable",
        "conference",
    ]
)
