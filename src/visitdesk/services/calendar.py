"""A visit's programme as an iCalendar file that Outlook, Google Calendar and Thunderbird open.

One event per engagement, in the visit's own time zone (with its VTIMEZONE, which Outlook needs
to place a `TZID` time). UIDs are built from the visit's and the engagement's references and the
office, so a second export of the same visit updates the events already in a calendar instead of
adding copies; SEQUENCE is the engagement's `sequence`, which grows each time it changes, so the
client knows the newer copy wins.
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
from visitdesk.domain.models import Engagement, Office, Person, Visit
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.timezones import is_valid_zone
from visitdesk.services.errors import NotFoundError, ServiceError

PRODID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
# The VTIMEZONE covers the visit with a margin: clients only need the rules in force around
# the events, and the whole 1970–2038 history would make the file ten times larger.
ZONE_MARGIN = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class CalendarExport:
    data: bytes
    events: int
    time_zone: str
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
    calendar = build_calendar(visit, person, office.name if office else None, now)
    data = calendar.to_ical()
    check_calendar(data)
    whose = f"{person.display_name}'s part of " if person else ""
    return CalendarExport(
        data=data,
        events=len(calendar.events),
        time_zone=visit.time_zone,
        description=f"{whose}{visit.title}",
    )


def build_calendar(
    visit: Visit, person: Person | None, office_name: str | None, now: datetime | None = None
) -> Calendar:
    if not is_valid_zone(visit.time_zone):
        raise ServiceError(
            f"The visit {visit.ref!r} has the time zone {visit.time_zone!r}, which is not a "
            "known time zone. Set it to a name such as Asia/Karachi and export again."
        )
    zone = ZoneInfo(visit.time_zone)
    engagements = list(visit.engagements)
    if person is not None:
        engagements = [e for e in engagements if person in e.attendee_people]
        if not engagements:
            raise ServiceError(
                f"{person.display_name} attends none of the engagements of the visit "
                f"{visit.ref!r}, so there is nothing to put in the calendar."
            )
    if not engagements:
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
    for engagement in engagements:
        calendar.add_component(_event(visit, engagement, zone, stamp, domain))
    first = min(e.start for e in engagements).date()
    last = max(max(e.end, e.start) for e in engagements).date()
    calendar.add_missing_timezones(first_date=first - ZONE_MARGIN, last_date=last + ZONE_MARGIN)
    return calendar


def _event(
    visit: Visit, engagement: Engagement, zone: ZoneInfo, stamp: datetime, domain: str
) -> Event:
    if engagement.end < engagement.start:
        raise ServiceError(
            f"The engagement {engagement.title!r} ends before it starts "
            f"({short_datetime(engagement.start)} to {short_datetime(engagement.end)}). "
            "Correct its times and export again."
        )
    event = Event()
    event.add("uid", event_uid(visit.ref, engagement.ref, domain))
    event.add("dtstamp", stamp)
    event.add("sequence", max(engagement.sequence or 0, 0))
    event.add("dtstart", engagement.start.replace(tzinfo=zone))
    event.add("dtend", engagement.end.replace(tzinfo=zone))
    event.add("summary", engagement.title)
    location = _location(engagement)
    if location:
        event.add("location", location)
    event.add("description", describe(visit, engagement))
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


def describe(visit: Visit, engagement: Engagement) -> str:
    """The event's notes: who attends (in order of precedence), the hosts first, and why."""
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
    for heading, text in (("Objectives", engagement.objectives), ("Notes", engagement.notes)):
        if text and text.strip():
            lines += ["", f"{heading}:", text.strip()]
    if engagement.talking_points:
        lines += ["", "Talking points:"]
        lines += [f"- {point.text.strip()}" for point in engagement.talking_points]
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
