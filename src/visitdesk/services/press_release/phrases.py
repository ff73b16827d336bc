"""How each kind of engagement is told in a release."""

from __future__ import annotations

from visitdesk.domain.enums import EngagementKind

MEETINGS = {
    EngagementKind.MINISTRY_MEETING,
    EngagementKind.COURTESY_CALL,
    EngagementKind.OFFICE_VISIT,
}
VISITS = {EngagementKind.UNIVERSITY_VISIT, EngagementKind.SITE_VISIT}
