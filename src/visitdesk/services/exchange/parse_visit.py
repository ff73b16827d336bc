"""Check one visit of an exchange file: delegation, programme, statements, outcomes, releases."""

from __future__ import annotations

from typing import Any

from visitdesk.domain.classification import Level
from visitdesk.domain.enums import (
    EngagementKind,
    OutcomeKind,
    OutcomeStatus,
    PressReleaseStatus,
    Side,
    StatementRole,
    StatementStyle,
    VisitDirection,
    VisitStatus,
)
from visitdesk.domain.errors import DomainError
from visitdesk.domain.lifecycle import check_status, initial_status
from visitdesk.domain.timezones import is_valid_zone, zone_for_country
from visitdesk.services.exchange import parse_travel
from visitdesk.services.exchange.document import (
    EngagementRecord,
    OutcomeRecord,
    ParticipantRecord,
    PressReleaseRecord,
    StatementRecord,
    StatusChangeRecord,
    VisitRecord,
)
from visitdesk.services.exchange.fields import Obj, Problems, describe
from visitdesk.services.exchange.keys import (
    DELEGATION,
    ENGAGEMENT,
    OUTCOME,
    PARTICIPANT,
    PRESS_RELEASE,
    STATEMENT,
    STATUS_CHANGE,
    TALKING_POINT,
)
from visitdesk.services.exchange.parse_car_plans import car_plans
from visitdesk.services.exchange.parse_common import (
    EPOCH,
    Refs,
    country_code,
    limited_text,
    report_duplicates,
)
from visitdesk.services.exchange.parse_gifts import gift_records


def _participants(
    items: list[tuple[str, Any]], side: Side, refs: Refs, problems: Problems
) -> list[ParticipantRecord]:
    """`"he-zhimin"` or `{"person": "he-zhimin", "role": "interpreter"}`."""
    out: list[ParticipantRecord] = []
    for path, item in items:
        if isinstance(item, dict):
            obj = Obj(item, path, problems, PARTICIPANT)
            ref = refs.person(obj, "person") if obj.has("person") else None
            if not obj.has("person"):
                problems.add(obj.at("person"), "is missing; it is required")
            role = limited_text(obj, "role", "visit_participant")
            liaison = parse_travel.liaison_officer(obj, refs, side is Side.GUEST)
        else:
            ref, role, liaison = refs.person_at(path, item, problems), None, None
        if ref is not None:
            out.append(ParticipantRecord(ref, side, role, liaison))
    return out


def _engagement(obj: Obj, refs: Refs) -> EngagementRecord:
    start = obj.moment("start", required=True)
    end = obj.moment("end", required=True)
    if start is not None and end is not None and end < start:
        obj.problems.add(
            obj.at("end"),
            f"the engagement ends ({end:%Y-%m-%d %H:%M}) before it starts ({start:%Y-%m-%d %H:%M})",
        )
    host = [r for p, v in obj.items("host_attendees") if (r := refs.person_at(p, v, obj.problems))]
    guest = [
        r for p, v in obj.items("guest_attendees") if (r := refs.person_at(p, v, obj.problems))
    ]
    seen: set[str] = set()
    for key, people in (("host_attendees", host), ("guest_attendees", guest)):
        for index, ref in enumerate(people):
            if ref in seen:
                obj.problems.add(
                    f"{obj.at(key)}[{index}]",
                    f"person {ref!r} is listed twice among this engagement's attendees",
                )
            seen.add(ref)
    signatories = {}
    for key, side_key, people in (
        ("host_signatory", "host_attendees", host),
        ("guest_signatory", "guest_attendees", guest),
    ):
        signatory = refs.person(obj, key)
        if signatory is not None and signatory not in people:
            obj.problems.add(
                obj.at(key),
                f"person {signatory!r} signs for this side but is not among its {side_key}",
            )
        signatories[key] = signatory
    points, levels = _talking_points(obj)
    return EngagementRecord(
        ref=limited_text(obj, "id", "engagement", "ref", required=True) or "",
        kind=obj.choice("kind", EngagementKind, EngagementKind.OTHER) or EngagementKind.OTHER,
        title=limited_text(obj, "title", "engagement", required=True) or "",
        start=start or EPOCH,
        end=end or EPOCH,
        venue=limited_text(obj, "venue", "engagement"),
        city=limited_text(obj, "city", "engagement"),
        organisation=refs.organisation(obj, "organisation"),
        objectives=obj.text("objectives"),
        notes=obj.text("notes"),
        talking_points=points,
        talking_point_levels=levels if any(levels) else [],
        host_attendees=list(dict.fromkeys(host)),
        guest_attendees=[r for r in dict.fromkeys(guest) if r not in host],
        sequence=obj.integer("sequence", minimum=0),
        time_zone=_engagement_zone(obj),
        uid=limited_text(obj, "uid", "engagement"),
        host_signatory=signatories["host_signatory"],
        guest_signatory=signatories["guest_signatory"],
    )


def _level(obj: Obj, key: str) -> Level | None:
    """An optional level: missing or null is none (the visit's, or the office's)."""
    return obj.choice(key, Level, None) if obj.value.get(key) is not None else None


def _talking_points(obj: Obj) -> tuple[list[str], list[Level | None]]:
    """Each point is its text, or {"text", "level"} for one above the visit's level."""
    points: list[str] = []
    levels: list[Level | None] = []
    for path, item in obj.items("talking_points"):
        if isinstance(item, str):
            points.append(item)
            levels.append(None)
            continue
        point = Obj.of(item, path, obj.problems, TALKING_POINT)
        if point is None:
            continue
        said = point.text("text", required=True)
        if said is not None:
            points.append(said)
            levels.append(_level(point, "level"))
    return points, levels


def _engagement_zone(obj: Obj) -> str | None:
    zone = obj.text("time_zone")
    if zone is not None and not is_valid_zone(zone):
        obj.problems.add(
            obj.at("time_zone"),
            f"{describe(zone)} is not a time zone; use an IANA name such as Europe/London",
        )
        return None
    return zone


def _statement(obj: Obj, refs: Refs, engagements: set[str]) -> StatementRecord:
    engagement = obj.text("engagement")
    if engagement is not None and engagement not in engagements:
        obj.problems.add(
            obj.at("engagement"),
            f"refers to engagement {engagement!r}, which this visit's engagements do not define",
        )
    return StatementRecord(
        engagement=engagement,
        speaker=refs.person(obj, "speaker"),
        text=obj.required_text("text"),
        style=obj.choice("style", StatementStyle, StatementStyle.REPORTED)
        or StatementStyle.REPORTED,
        for_press=obj.flag("for_press", False),
        role=obj.choice("role", StatementRole, StatementRole.NONE) or StatementRole.NONE,
    )


def _outcome(obj: Obj, refs: Refs, engagements: set[str]) -> OutcomeRecord:
    engagement = obj.text("engagement")
    if engagement is not None and engagement not in engagements:
        obj.problems.add(
            obj.at("engagement"),
            f"refers to engagement {engagement!r}, which this visit's engagements do not define",
        )
    kind = obj.choice("kind", OutcomeKind, None) or OutcomeKind.ACTION
    status = obj.choice("status", OutcomeStatus, initial_status(kind)) or initial_status(kind)
    try:
        check_status(kind, status)
    except DomainError as exc:
        obj.problems.add(obj.at("status"), str(exc))
    history: list[StatusChangeRecord] = []
    for change in obj.each("status_history", STATUS_CHANGE):
        changed = change.choice("status", OutcomeStatus, None)
        on = change.day("date", required=True)
        if changed is not None:
            try:
                check_status(kind, changed)
            except DomainError as exc:
                change.problems.add(change.at("status"), str(exc))
        if changed is not None and on is not None:
            note = limited_text(change, "note", "status_change")
            history.append(StatusChangeRecord(changed, on, note))
    if history and history[-1].status is not status:
        obj.problems.add(
            obj.at("status_history"),
            f"the last change recorded is to "
            f"{history[-1].status.value}, but the status is {status.value}",
        )
    return OutcomeRecord(
        engagement=engagement,
        kind=kind,
        title=obj.required_text("title"),
        description=obj.text("description"),
        status=status,
        history=history,
        next_step=obj.text("next_step"),
        owner=refs.person(obj, "owner"),
        due_date=obj.day("due_date"),
    )


def _press_release(obj: Obj) -> PressReleaseRecord:
    return PressReleaseRecord(
        number=obj.integer("number", required=True, minimum=1) or 0,
        date=obj.day("date", required=True) or EPOCH.date(),
        city=limited_text(obj, "city", "press_release"),
        topic=limited_text(obj, "topic", "press_release"),
        headline=obj.text("headline"),
        lead_quote=obj.text("lead_quote"),
        lead_quote_attribution=limited_text(obj, "lead_quote_attribution", "press_release"),
        body=obj.text("body"),
        status=obj.choice("status", PressReleaseStatus, PressReleaseStatus.DRAFT)
        or PressReleaseStatus.DRAFT,
        edited=obj.flag("edited", False),
    )


def visit_record(
    obj: Obj, refs: Refs, country_of: dict[str, str | None], office_country: str | None
) -> VisitRecord:
    start = obj.day("start_date", required=True)
    end = obj.day("end_date", required=True)
    if start is not None and end is not None and end < start:
        obj.problems.add(obj.at("end_date"), f"the visit ends ({end}) before it starts ({start})")
    host = refs.organisation(obj, "host_organisation")
    country = country_code(obj)
    zone = obj.text("time_zone")
    if zone is not None and not is_valid_zone(zone):
        obj.problems.add(
            obj.at("time_zone"),
            f"{describe(zone)} is not a time zone; use an IANA name such as Asia/Karachi",
        )
        zone = None
    if zone is None and not obj.has("time_zone"):
        zone = zone_for_country(
            country or (country_of.get(host) if host else None) or office_country
        )
        if zone is None:
            obj.problems.add(
                obj.at("time_zone"),
                "is missing, and the visit has no country to "
                "take it from; give time_zone (such as Asia/Karachi) or country",
            )

    delegation = obj.obj("delegation", DELEGATION)
    participants: list[ParticipantRecord] = []
    leader = description = None
    if delegation is not None:
        description = delegation.text("description")
        leader = refs.person(delegation, "leader")
        participants = _participants(
            list(delegation.items("members")), Side.GUEST, refs, obj.problems
        )
        parse_travel.check_liaison(participants, obj.problems, delegation.at("members"))
        if leader is not None and leader not in {p.person for p in participants}:
            # A leader left out of the member list is still a member, and the first one.
            participants.insert(0, ParticipantRecord(leader, Side.GUEST, None))
    participants += _participants(
        list(obj.items("host_participants")), Side.HOST, refs, obj.problems
    )
    seen: set[str] = set()
    for participant in participants:
        if participant.person in seen:
            obj.problems.add(
                obj.at("delegation"),
                f"person {participant.person!r} takes part "
                "in the visit twice (as a member or host participant)",
            )
        seen.add(participant.person)

    engagements = [_engagement(e, refs) for e in obj.each("engagements", ENGAGEMENT)]
    report_duplicates(
        [(f"{obj.at('engagements')}[{i}].id", e.ref) for i, e in enumerate(engagements)],
        "engagement",
        obj.problems,
    )
    engagement_refs = {e.ref for e in engagements}
    statements = [_statement(s, refs, engagement_refs) for s in obj.each("statements", STATEMENT)]
    for role in (StatementRole.HEADLINE, StatementRole.LEAD_QUOTE):
        marked = [i for i, s in enumerate(statements) if s.role is role]
        for index in marked[1:]:
            obj.problems.add(
                f"{obj.at('statements')}[{index}].role",
                f"a visit has one "
                f"{role.label.lower()} statement; statement {marked[0]} is one already",
            )
    outcomes = [_outcome(o, refs, engagement_refs) for o in obj.each("outcomes", OUTCOME)]
    releases = (
        [_press_release(r) for r in obj.each("press_releases", PRESS_RELEASE)]
        if obj.has("press_releases")
        else None
    )
    return VisitRecord(
        ref=limited_text(obj, "id", "visit", "ref", required=True) or "",
        title=limited_text(obj, "title", "visit", required=True) or "",
        direction=obj.choice("direction", VisitDirection, VisitDirection.INCOMING)
        or VisitDirection.INCOMING,
        host_organisation=host,
        guest_organisation=refs.organisation(obj, "guest_organisation"),
        city=limited_text(obj, "city", "visit"),
        country=country,
        time_zone=zone or "UTC",
        start_date=start or EPOCH.date(),
        end_date=end or EPOCH.date(),
        status=obj.choice("status", VisitStatus, VisitStatus.PLANNED) or VisitStatus.PLANNED,
        classification=_level(obj, "classification"),
        delegation_description=description,
        leader=leader,
        notes=obj.text("notes"),
        participants=participants,
        engagements=engagements,
        statements=statements,
        outcomes=outcomes,
        press_releases=releases,
        travel=parse_travel.journeys(obj, refs, zone or "UTC"),
        hotels=parse_travel.hotels(obj, refs),
        car_plans=car_plans(obj, refs, engagement_refs),
        gifts=gift_records(obj, refs, engagement_refs),
    )
