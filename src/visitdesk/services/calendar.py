"""A visit's programme as an iCalendar file that Outlook, Google Calendar and Thunderbird open.

One event per engagement, in the engagement's own time zone (its own, else the visit's), with
one VTIMEZONE per zone used, which Outlook needs to place a `TZID` time. UIDs are fixed when an
engagement is first made (`Engagement.uid`), so a second export updates the events already in a
calendar instead of adding copies; SEQUENCE is the engagement's `sequence`, which grows once per
saved change, so the client knows the newer copy wins. Engagements deleted since are published
once more, from their tombstones, as STATUS:CANCELLED with a higher SEQUENCE, so that clients
remove them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk import APP_NAME, __version__
from visitdesk.domain.dates import short_datetime
from visitdesk.domain.enums import Side, VisitStatus

# From `models`, not the single modules: every mapper must be known before the first query.
from visitdesk.domain.models import CalendarTombstone, Engagement, Office, Person, Visit
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.timezones import engagement_zone, is_valid_zone
from visitdesk.services.briefing_scope import is_guest_copy
from visitdesk.services.calendar_zones import vtimezone
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.store.server.classified import Hidden, hidden

PRODID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
# The VTIMEZONE covers the visit with a margin: clients only need the rules in force around
# the events, and the whole 1970–2038 history would make the file ten times larger.
ZONE_MARGIN = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class CalendarExport:
    data: bytes
    events: int
    time_zone: str
    cancelled: int
    description: str


def export_calendar(
    session: Session, visit_ref: str, person_ref: str | None = None, now: datetime | None = None
) -> CalendarExport:
    """The iCalendar file of a visit, or of the engagements one person attends."""
    visit = session.scalar(select(Visit).where(Visit.ref == visit_ref))
    if visit is None:
        raise NotFoundError(f"There is no visit {visit_ref!r}. `visitdesk visits` lists them.")
    person = None
    if person_ref is not None:
        person = session.scalar(select(Person).where(Person.ref == person_ref))
        if person is None:
            raise NotFoundError(f"There is no person {person_ref!r}.")
    office = session.scalars(select(Office).order_by(Office.id)).first()
    tombstones = list(
        session.scalars(
            select(CalendarTombstone)
            .where(CalendarTombstone.visit_id == visit.id)
            .order_by(CalendarTombstone.start, CalendarTombstone.id)
        )
    )
    withheld = hidden(session.connection(), visit.id)  # what the server keeps from this login
    calendar = build_calendar(
        visit, person, office.name if office else None, now, tombstones, withheld
    )
    data = calendar.to_ical()
    check_calendar(data)
    # Committed by the caller once the file is written: from then on a deletion is published.
    uids = {str(e["UID"]) for e in calendar.events}
    for engagement in visit.engagements:
        if engagement.uid in uids:
            engagement.published = True
    buried = len(_tombstones_in(calendar))
    whose = f"{person.display_name}'s part of " if person else ""
    return CalendarExport(
        data=data,
        events=len(calendar.events) - buried,
        cancelled=buried,
        time_zone=visit.time_zone,
        description=f"{whose}{visit.title}",
    )


def build_calendar(
    visit: Visit,
    person: Person | None,
    office_name: str | None,
    now: datetime | None = None,
    tombstones: list[CalendarTombstone] | None = None,
    withheld: Hidden | None = None,
) -> Calendar:
    engagements = list(visit.engagements)
    for zone_name in {visit.time_zone, *(e.time_zone for e in engagements if e.time_zone)}:
        if not is_valid_zone(zone_name):
            raise ServiceError(
                f"The visit {visit.ref!r} has the time zone {zone_name!r}, which is not a "
                "known time zone. Set it to a name such as Asia/Karachi and export again."
            )
    if person is not None:
        engagements = [e for e in engagements if person in e.attendee_people]
        if not engagements:
            raise ServiceError(
                f"{person.display_name} attends none of the engagements of the visit "
                f"{visit.ref!r}, so there is nothing to put in the calendar."
            )
    live_uids = {e.uid for e in visit.engagements if e.uid}
    # A deleted engagement's tombstone goes in every later export, unless it came back.
    buried = [t for t in tombstones or [] if t.uid not in live_uids and is_valid_zone(t.time_zone)]
    if not engagements and not buried:
        raise ServiceError(
            f"The visit {visit.ref!r} has no engagements yet, so there is nothing to put in "
            "the calendar."
        )
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", visit.title)
    calendar.add("x-wr-timezone", visit.time_zone)
    domain = _uid_domain(office_name)
    # A guest's calendar goes to the other side, like a guest copy of the pack.
    brief = not is_guest_copy(visit, person)
    spans: dict[str, list[datetime]] = {}
    for engagement in engagements:
        zone_name = engagement_zone(engagement.time_zone, visit.time_zone)
        zone = ZoneInfo(zone_name)
        event = _event(visit, engagement, zone, stamp, domain, brief=brief, withheld=withheld)
        calendar.add_component(event)
        spans.setdefault(zone_name, []).extend((engagement.start, engagement.end))
    for tombstone in buried:
        calendar.add_component(_cancelled_event(tombstone, stamp))
        spans.setdefault(tombstone.time_zone, []).extend((tombstone.start, tombstone.end))
    for zone_name in sorted(spans):
        moments = spans[zone_name]
        first, last = min(moments).date() - ZONE_MARGIN, max(moments).date() + ZONE_MARGIN
        calendar.add_component(vtimezone(zone_name, first, last))
    return calendar


def _tombstones_in(calendar: Calendar) -> list[Event]:
    # Deleted engagements' events, told apart from a cancelled visit's by their transparency.
    return [e for e in calendar.events if str(e.get("TRANSP")) == "TRANSPARENT"]


def _cancelled_event(tombstone: CalendarTombstone, stamp: datetime) -> Event:
    """A deleted engagement, once more, so that clients take it out of their calendars."""
    zone = ZoneInfo(tombstone.time_zone)
    event = Event()
    event.add("uid", tombstone.uid)
    event.add("dtstamp", stamp)
    event.add("sequence", tombstone.sequence)
    event.add("dtstart", tombstone.start.replace(tzinfo=zone))
    event.add("dtend", max(tombstone.end, tombstone.start).replace(tzinfo=zone))
    event.add("summary", tombstone.summary)
    event.add("status", "CANCELLED")
    event.add("transp", "TRANSPARENT")
    return event


def _event(
    visit: Visit,
    engagement: Engagement,
    zone: ZoneInfo,
    stamp: datetime,
    domain: str,
    *,
    brief: bool = True,
    withheld: Hidden | None = None,
) -> Event:
    if engagement.end < engagement.start:
        raise ServiceError(
            f"The engagement {engagement.title!r} ends before it starts "
            f"({short_datetime(engagement.start)} to {short_datetime(engagement.end)}). "
            "Correct its times and export again."
        )
    event = Event()
    # Stored since the engagement was made; the derived form only for a row that lacks one.
    event.add("uid", engagement.uid or event_uid(visit.ref, engagement.ref, domain))
    event.add("dtstamp", stamp)
    event.add("sequence", max(engagement.sequence or 0, 0))
    event.add("dtstart", engagement.start.replace(tzinfo=zone))
    event.add("dtend", engagement.end.replace(tzinfo=zone))
    event.add("summary", engagement.title)
    location = _location(engagement)
    if location:
        event.add("location", location)
    event.add("description", describe(visit, engagement, brief=brief, withheld=withheld))
    event.add("categories", [engagement.kind.label])
    cancelled = visit.status is VisitStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def event_uid(visit_ref: str, engagement_ref: str, domain: str) -> str:
    return f"{_safe(visit_ref)}.{_safe(engagement_ref)}@{domain}"


def _uid_domain(office_name: str | None) -> str:
    """Per office, so that two offices exporting the same visit never overwrite each other."""
    digest = hashlib.sha256((office_name or "").strip().casefold().encode()).hexdigest()
    return f"{digest[:12]}.visitdesk.invalid"


def _safe(text: str) -> str:
    # Refs are slugs, but a hand-written exchange file may hold anything; a UID stays ASCII.
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")
    return cleaned or "x"


def _location(engagement: Engagement) -> str:
    venue = " ".join((engagement.venue or "").split())
    city = " ".join((engagement.city or "").split())
    if city and city.casefold() not in venue.casefold():
        return f"{venue}, {city}" if venue else city
    return venue


def describe(
    visit: Visit, engagement: Engagement, *, brief: bool = True, withheld: Hidden | None = None
) -> str:
    """The event's notes: who attends (in order of precedence), the hosts first, and why
    (the host's brief: left out, `brief=False`, of a calendar for a guest)."""
    lines = [visit.title]
    if engagement.organisation is not None:
        lines.append(f"Organisation: {engagement.organisation.display_name}")
    for heading, side, leader in (
        ("Host side", Side.HOST, None),
        ("Delegation", Side.GUEST, visit.leader),
    ):
        people = in_precedence(engagement.attendees_on(side), leader)
        if people:
            lines += ["", f"{heading}:"]
            lines += [f"{n}. {_person_line(p)}" for n, p in enumerate(people, start=1)]
    if not brief:
        return "\n".join(lines)
    for heading, text in (("Objectives", engagement.objectives), ("Notes", engagement.notes)):
        if text and text.strip():
            lines += ["", f"{heading}:", text.strip()]
    left_out = withheld.by_engagement.get(engagement.id, 0) if withheld else 0
    if engagement.talking_points or left_out:
        lines += ["", "Talking points:"]
        lines += [f"- {point.text.strip()}" for point in engagement.talking_points]
    if left_out and withheld is not None:
        points = "1 talking point" if left_out == 1 else f"{left_out} talking points"
        verb = "is" if left_out == 1 else "are"
        lines.append(
            f"({points} classified above {withheld.ceiling.label} {verb} not shown to your role.)"
        )
    return "\n".join(lines)


def _person_line(person: Person) -> str:
    parts = [person.display_name]
    if person.native_name:
        parts[0] += f" ({person.native_name})"
    if person.position:
        parts.append(person.position)
    if person.organisation is not None:
        parts.append(person.organisation.short_name or person.organisation.name)
    return ", ".join(parts)


def check_calendar(data: bytes) -> Calendar:
    """Read the file back with icalendar's own parser and check what calendar clients rely on.

    Raises ServiceError naming the first problem: a file VisitDesk wrote that a client would
    reject is a bug, and the officer must not send it out.
    """
    try:
        calendar = Calendar.from_ical(data)
    except ValueError as exc:
        raise ServiceError(f"The calendar file could not be read back: {exc}") from exc
    problems = list(_problems(data, calendar))
    if problems:
        raise ServiceError("The calendar file is not valid: " + "; ".join(problems) + ".")
    return calendar


def _problems(data: bytes, calendar: Calendar) -> list[str]:
    problems: list[str] = []
    if calendar.name != "VCALENDAR":
        return ["it is not a VCALENDAR"]
    for key in ("PRODID", "VERSION"):
        if key not in calendar:
            problems.append(f"the calendar has no {key}")
    if any(len(line) > 75 for line in data.split(b"\r\n")):
        problems.append("a line is longer than 75 octets")
    if data.replace(b"\r\n", b"").count(b"\n"):
        problems.append("a line ends without CR LF")
    missing = calendar.get_missing_tzids()
    if missing:
        problems.append("no VTIMEZONE for " + ", ".join(sorted(missing)))
    zones = {tz.tz_name: tz.to_tz() for tz in calendar.timezones}
    uids: set[str] = set()
    for event in calendar.events:
        uid = str(event.get("UID", ""))
        if not uid or uid in uids:
            problems.append(f"an event has a missing or repeated UID {uid!r}")
        uids.add(uid)
        if "DTSTAMP" not in event:
            problems.append(f"the event {uid} has no DTSTAMP")
        start, end = event.start, event.end
        if not isinstance(start, datetime) or start.tzinfo is None:
            problems.append(f"the event {uid} has no start time with a time zone")
            continue
        if end < start:
            problems.append(f"the event {uid} ends before it starts")
        tzid = event["DTSTART"].params.get("TZID")
        problems += _zone_problems(uid, tzid, start, zones)
    return problems


def _zone_problems(
    uid: str, tzid: str | None, start: datetime, zones: dict[str, object]
) -> list[str]:
    """The VTIMEZONE written must give the same UTC offset as the real zone at the event."""
    if tzid is None or tzid not in zones or not is_valid_zone(tzid):
        return [f"the event {uid} names a time zone {tzid!r} the file does not define"]
    written = start.replace(tzinfo=zones[tzid]).utcoffset()  # type: ignore[arg-type]
    real = start.replace(tzinfo=ZoneInfo(tzid)).utcoffset()
    if written != real:
        return [f"the event {uid} is at UTC{written} by the file's VTIMEZONE but UTC{real}"]
    return []
