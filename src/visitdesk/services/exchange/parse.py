"""Check an exchange file's JSON value and turn it into a `Document`, or list every fault."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from visitdesk.domain.enums import (
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
from visitdesk.domain.errors import DomainError
from visitdesk.domain.lifecycle import check_status, initial_status
from visitdesk.domain.timezones import is_country_code, is_valid_zone, zone_for_country
from visitdesk.services.exchange import FORMAT
from visitdesk.services.exchange.document import (
    Document,
    EngagementRecord,
    OfficeRecord,
    OrganisationRecord,
    OutcomeRecord,
    ParticipantRecord,
    PersonRecord,
    Picture,
    PressReleaseRecord,
    StatementRecord,
    StatusChangeRecord,
    VisitRecord,
)
from visitdesk.services.exchange.errors import ExchangeFileError, Problem
from visitdesk.services.exchange.fields import Obj, Problems, describe
from visitdesk.services.exchange.limits import max_length

TOP = frozenset({"format", "note", "office", "organisations", "people", "visits"})
OFFICE = frozenset(
    {
        "name",
        "short_name",
        "city",
        "country",
        "press_release_prefix",
        "media_contact",
        "logo",
        "default_classification",
    }
)
PICTURE = frozenset({"media_type", "data"})
ORGANISATION = frozenset({"id", "name", "short_name", "native_name", "country", "kind", "notes"})
PERSON = frozenset(
    {
        "id",
        "honorific",
        "given_name",
        "family_name",
        "family_name_first",
        "native_name",
        "position",
        "organisation",
        "precedence",
        "email",
        "phone",
        "bio",
        "dietary",
        "medical",
        "photo",
        "notes",
    }
)
VISIT = frozenset(
    {
        "id",
        "title",
        "direction",
        "host_organisation",
        "guest_organisation",
        "city",
        "country",
        "time_zone",
        "start_date",
        "end_date",
        "status",
        "delegation",
        "host_participants",
        "notes",
        "engagements",
        "statements",
        "outcomes",
        "press_releases",
    }
)
DELEGATION = frozenset({"description", "leader", "members"})
PARTICIPANT = frozenset({"person", "role"})
ENGAGEMENT = frozenset(
    {
        "id",
        "kind",
        "title",
        "start",
        "end",
        "venue",
        "city",
        "organisation",
        "objectives",
        "notes",
        "talking_points",
        "host_attendees",
        "guest_attendees",
        "sequence",
    }
)
STATEMENT = frozenset({"engagement", "speaker", "text", "style", "for_press", "role"})
OUTCOME = frozenset(
    {
        "engagement",
        "kind",
        "title",
        "description",
        "status",
        "status_history",
        "next_step",
        "owner",
        "due_date",
    }
)
STATUS_CHANGE = frozenset({"status", "date", "note"})
PRESS_RELEASE = frozenset(
    {
        "number",
        "date",
        "city",
        "headline",
        "lead_quote",
        "lead_quote_attribution",
        "body",
        "status",
        "edited",
    }
)
MEDIA_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp"})
MAX_PICTURE_BYTES = 10 * 1024 * 1024
# Stands in for a date the file got wrong; the problem is reported, so it is never stored.
_EPOCH = datetime(1970, 1, 1)


class _Refs:
    """Which ids the file defines, to check every reference against."""

    def __init__(self, organisations: set[str], people: set[str]) -> None:
        self.organisations = organisations
        self.people = people

    def organisation(self, obj: Obj, key: str) -> str | None:
        ref = obj.text(key)
        if ref is not None and ref not in self.organisations:
            obj.problems.add(
                obj.at(key),
                f"refers to organisation {ref!r}, which the file's organisations do not define",
            )
            return None
        return ref

    def person_at(self, path: str, ref: Any, problems: Problems) -> str | None:
        if not isinstance(ref, str):
            problems.add(path, f"must be a person's id (text), not {describe(ref)}")
            return None
        if ref not in self.people:
            problems.add(path, f"refers to person {ref!r}, whom the file's people do not define")
            return None
        return ref

    def person(self, obj: Obj, key: str) -> str | None:
        value = obj.value.get(key)
        return None if value is None else self.person_at(obj.at(key), value, obj.problems)


def _text(
    obj: Obj, key: str, table: str, column: str | None = None, required: bool = False
) -> str | None:
    return obj.text(key, required=required, max_length=max_length(table, column or key))


def _country(obj: Obj, key: str = "country") -> str | None:
    code = obj.text(key)
    if code is None:
        return None
    if len(code) != 2 or not code.isalpha() or not is_country_code(code):
        obj.problems.add(
            obj.at(key),
            f"{describe(code)} is not an ISO 3166 two-letter country code (such as PK, CN, JP)",
        )
        return None
    return code.upper()


def _picture(parent: Obj, key: str) -> Picture | None:
    obj = parent.obj(key, PICTURE)
    if obj is None:
        return None
    media_type = obj.required_text("media_type")
    data = obj.required_text("data")
    if media_type and media_type not in MEDIA_TYPES:
        obj.problems.add(
            obj.at("media_type"),
            f"{describe(media_type)} is not a picture type "
            "VisitDesk can show; use one of " + ", ".join(sorted(MEDIA_TYPES)),
        )
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        obj.problems.add(obj.at("data"), "is not valid base64")
        return None
    if len(raw) > MAX_PICTURE_BYTES:
        obj.problems.add(obj.at("data"), f"the picture is {len(raw) // 2**20} MB; at most 10 MB")
        return None
    return Picture(media_type, raw) if media_type in MEDIA_TYPES else None


def _office(obj: Obj) -> OfficeRecord:
    return OfficeRecord(
        name=_text(obj, "name", "office", required=True) or "",
        short_name=_text(obj, "short_name", "office"),
        city=_text(obj, "city", "office"),
        country=_country(obj),
        press_release_prefix=_text(obj, "press_release_prefix", "office") or "PR No.",
        media_contact=obj.text("media_contact"),
        logo=_picture(obj, "logo"),
        default_classification=_text(obj, "default_classification", "office"),
    )


def _organisation(obj: Obj) -> OrganisationRecord:
    return OrganisationRecord(
        ref=_text(obj, "id", "organisation", "ref", required=True) or "",
        name=_text(obj, "name", "organisation", required=True) or "",
        short_name=_text(obj, "short_name", "organisation"),
        native_name=_text(obj, "native_name", "organisation"),
        country=_country(obj),
        kind=obj.choice("kind", OrganisationKind, OrganisationKind.OTHER) or OrganisationKind.OTHER,
        notes=obj.text("notes"),
    )


def _person(obj: Obj, refs: _Refs) -> PersonRecord:
    return PersonRecord(
        ref=_text(obj, "id", "person", "ref", required=True) or "",
        honorific=_text(obj, "honorific", "person"),
        given_name=_text(obj, "given_name", "person"),
        family_name=_text(obj, "family_name", "person", required=True) or "",
        family_name_first=obj.flag("family_name_first", False),
        native_name=_text(obj, "native_name", "person"),
        position=_text(obj, "position", "person"),
        organisation=refs.organisation(obj, "organisation"),
        precedence=obj.integer("precedence", minimum=0),
        email=_text(obj, "email", "person"),
        phone=_text(obj, "phone", "person"),
        bio=obj.text("bio"),
        dietary=obj.text("dietary"),
        medical=obj.text("medical"),
        photo=_picture(obj, "photo"),
        notes=obj.text("notes"),
    )


def _participants(
    items: list[tuple[str, Any]], side: Side, refs: _Refs, problems: Problems
) -> list[ParticipantRecord]:
    """`"he-zhimin"` or `{"person": "he-zhimin", "role": "interpreter"}`."""
    out: list[ParticipantRecord] = []
    for path, item in items:
        if isinstance(item, dict):
            obj = Obj(item, path, problems, PARTICIPANT)
            ref = refs.person(obj, "person") if obj.has("person") else None
            if not obj.has("person"):
                problems.add(obj.at("person"), "is missing; it is required")
            role = _text(obj, "role", "visit_participant")
        else:
            ref, role = refs.person_at(path, item, problems), None
        if ref is not None:
            out.append(ParticipantRecord(ref, side, role))
    return out


def _engagement(obj: Obj, refs: _Refs) -> EngagementRecord:
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
    return EngagementRecord(
        ref=_text(obj, "id", "engagement", "ref", required=True) or "",
        kind=obj.choice("kind", EngagementKind, EngagementKind.OTHER) or EngagementKind.OTHER,
        title=_text(obj, "title", "engagement", required=True) or "",
        start=start or _EPOCH,
        end=end or _EPOCH,
        venue=_text(obj, "venue", "engagement"),
        city=_text(obj, "city", "engagement"),
        organisation=refs.organisation(obj, "organisation"),
        objectives=obj.text("objectives"),
        notes=obj.text("notes"),
        talking_points=obj.texts("talking_points"),
        host_attendees=list(dict.fromkeys(host)),
        guest_attendees=[r for r in dict.fromkeys(guest) if r not in host],
        sequence=obj.integer("sequence", minimum=0),
    )


def _statement(obj: Obj, refs: _Refs, engagements: set[str]) -> StatementRecord:
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


def _outcome(obj: Obj, refs: _Refs, engagements: set[str]) -> OutcomeRecord:
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
            history.append(StatusChangeRecord(changed, on, _text(change, "note", "status_change")))
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
        date=obj.day("date", required=True) or _EPOCH.date(),
        city=_text(obj, "city", "press_release"),
        headline=obj.text("headline"),
        lead_quote=obj.text("lead_quote"),
        lead_quote_attribution=_text(obj, "lead_quote_attribution", "press_release"),
        body=obj.text("body"),
        status=obj.choice("status", PressReleaseStatus, PressReleaseStatus.DRAFT)
        or PressReleaseStatus.DRAFT,
        edited=obj.flag("edited", False),
    )


def _visit(
    obj: Obj, refs: _Refs, country_of: dict[str, str | None], office_country: str | None
) -> VisitRecord:
    start = obj.day("start_date", required=True)
    end = obj.day("end_date", required=True)
    if start is not None and end is not None and end < start:
        obj.problems.add(obj.at("end_date"), f"the visit ends ({end}) before it starts ({start})")
    host = refs.organisation(obj, "host_organisation")
    country = _country(obj)
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
    _unique(
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
        ref=_text(obj, "id", "visit", "ref", required=True) or "",
        title=_text(obj, "title", "visit", required=True) or "",
        direction=obj.choice("direction", VisitDirection, VisitDirection.INCOMING)
        or VisitDirection.INCOMING,
        host_organisation=host,
        guest_organisation=refs.organisation(obj, "guest_organisation"),
        city=_text(obj, "city", "visit"),
        country=country,
        time_zone=zone or "UTC",
        start_date=start or _EPOCH.date(),
        end_date=end or _EPOCH.date(),
        status=obj.choice("status", VisitStatus, VisitStatus.PLANNED) or VisitStatus.PLANNED,
        delegation_description=description,
        leader=leader,
        notes=obj.text("notes"),
        participants=participants,
        engagements=engagements,
        statements=statements,
        outcomes=outcomes,
        press_releases=releases,
    )


def _unique(values: list[tuple[str, str]], what: str, problems: Problems) -> None:
    seen: dict[str, str] = {}
    for path, value in values:
        if value in seen:
            problems.add(path, f"the {what} id {value!r} is used twice (first at {seen[value]})")
        elif value:
            seen[value] = path


def parse_document(value: Any, file_name: str) -> Document:
    """The file's content, checked; raises ExchangeFileError listing every problem found."""
    problems = Problems()
    top = Obj.of(value, "", problems, TOP)
    if top is None:
        raise ExchangeFileError(
            file_name,
            [Problem("", f'the file must hold a JSON object {{…}} with "format": "{FORMAT}"')],
        )
    version = top.value.get("format")
    if version != FORMAT:
        message = (
            "is missing: this does not look like a VisitDesk exchange file"
            if version is None
            else f"{describe(version)} is not a format this VisitDesk reads (it reads {FORMAT})"
        )
        raise ExchangeFileError(file_name, [Problem("format", message)])

    office_obj = top.obj("office", OFFICE)
    office = _office(office_obj) if office_obj is not None else None
    organisations = [_organisation(o) for o in top.each("organisations", ORGANISATION)]
    _unique(
        [(f"organisations[{i}].id", o.ref) for i, o in enumerate(organisations)],
        "organisation",
        problems,
    )
    people_objs = list(top.each("people", PERSON))
    person_refs = {r for p in people_objs if isinstance(r := p.value.get("id"), str)}
    refs = _Refs({o.ref for o in organisations}, person_refs)
    people = [_person(p, refs) for p in people_objs]
    _unique([(f"people[{i}].id", p.ref) for i, p in enumerate(people)], "person", problems)
    country_of = {o.ref: o.country for o in organisations}
    visits = [
        _visit(v, refs, country_of, office.country if office else None)
        for v in top.each("visits", VISIT)
    ]
    _unique([(f"visits[{i}].id", v.ref) for i, v in enumerate(visits)], "visit", problems)
    numbers = [
        (f"visits[{i}].press_releases[{j}].number", str(r.number))
        for i, v in enumerate(visits)
        for j, r in enumerate(v.press_releases or [])
        if r.number
    ]
    seen: dict[str, str] = {}
    for path, number in numbers:
        if number in seen:
            problems.add(
                path, f"press release number {number} is used twice (first at {seen[number]})"
            )
        seen.setdefault(number, path)
    if problems.items:
        raise ExchangeFileError(file_name, problems.items)
    return Document(_note(top), office, organisations, people, visits)


def _note(top: Obj) -> str | None:
    return top.text("note")
