"""The `ics` export: one event per engagement, right time zone, stable UIDs, growing SEQUENCE."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event
from sqlalchemy import select

from visitdesk.cli import main
from visitdesk.domain.engagement import Attendee, Engagement
from visitdesk.domain.enums import EngagementKind, Side
from visitdesk.domain.office import Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.person import Person
from visitdesk.domain.visit import Visit, VisitParticipant
from visitdesk.services.calendar import check_calendar
from visitdesk.services.errors import ServiceError
from visitdesk.store.database import Store


def person(
    ref: str, family: str, given: str, org: Organisation, rank: int | None, **kw: object
) -> Person:
    return Person(
        ref=ref, family_name=family, given_name=given, organisation=org, precedence=rank, **kw
    )


def seed(data_dir: Path, zone: str = "Asia/Karachi") -> None:
    """The SIPO visit of March 2017, cut to what the calendar needs."""
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        session.add(Office(name="Intellectual Property Organization of Pakistan"))
        sipo = Organisation(
            ref="sipo", name="State Intellectual Property Office", short_name="SIPO"
        )
        moc = Organisation(ref="moc", name="Ministry of Commerce", short_name="MoC")
        he = person(
            "he-zhimin", "He", "Zhimin", sipo, 1, honorific="Dr.", family_name_first=True,
            native_name="何志敏", position="Deputy Commissioner",
        )  # fmt: skip
        zhang = person("zhang", "Zhang", "Wei", sipo, 2, honorific="Mr.", family_name_first=True)
        ranjha = person("ranjha", "Ranjha", "Azmat Ali", moc, 2, honorific="Mr.")
        dastgir = person(
            "dastgir", "Khan", "Khurram Dastgir", moc, 1, honorific="Engr.",
            position="Minister for Commerce",
        )  # fmt: skip
        visit = Visit(
            ref="sipo-2017-03", title="Visit of the SIPO China delegation", time_zone=zone,
            start_date=date(2017, 3, 21), end_date=date(2017, 3, 22), leader=he,
        )  # fmt: skip
        visit.participants += [VisitParticipant(person=p, side=Side.GUEST) for p in (zhang, he)]
        talks = Engagement(
            ref="ipo-talks", title="Talks at IPO-Pakistan", kind=EngagementKind.OFFICE_VISIT,
            start=datetime(2017, 3, 21, 10), end=datetime(2017, 3, 21, 12, 30),
            venue="IPO-Pakistan Head Office", city="Islamabad",
        )  # fmt: skip
        meeting = Engagement(
            ref="moc-meeting", title="Meeting with the Minister for Commerce",
            kind=EngagementKind.MINISTRY_MEETING, organisation=moc,
            start=datetime(2017, 3, 22, 11), end=datetime(2017, 3, 22, 12),
            venue="Ministry of Commerce, Block A, Pak Secretariat", city="Islamabad",
            objectives="Brief the Minister on the draft MoU.",
        )  # fmt: skip
        talks.attendees += [Attendee(person=p, side=Side.GUEST) for p in (zhang, he)]
        # Listed junior first on purpose: the export must put them in precedence order.
        meeting.attendees += [
            Attendee(person=zhang, side=Side.GUEST),
            Attendee(person=ranjha, side=Side.HOST),
            Attendee(person=he, side=Side.GUEST),
            Attendee(person=dastgir, side=Side.HOST),
        ]
        visit.engagements += [talks, meeting]
        session.add(visit)
    store.close()


def export(tmp_path: Path, *extra: str, name: str = "visit.ics") -> Calendar:
    target = tmp_path / name
    code = main(["--data-dir", str(tmp_path), "ics", "sipo-2017-03", "-o", str(target), *extra])
    assert code == 0
    data = target.read_bytes()
    return check_calendar(data)


def events_by_summary(calendar: Calendar) -> dict[str, Event]:
    return {str(e["SUMMARY"]): e for e in calendar.events}


def test_each_engagement_is_an_event_at_its_local_time_in_karachi(tmp_path: Path) -> None:
    seed(tmp_path)
    calendar = export(tmp_path)
    assert len(calendar.events) == 2
    talks = next(e for e in calendar.events if "Talks" in str(e["SUMMARY"]))
    assert talks["DTSTART"].params["TZID"] == "Asia/Karachi"
    # 10:00 in Islamabad is 05:00 UTC (Pakistan is UTC+5 all year).
    assert isinstance(talks.start, datetime)
    start = talks.start.astimezone(ZoneInfo("UTC"))
    assert (start.hour, start.minute) == (5, 0)
    assert talks.end - talks.start == timedelta(hours=2, minutes=30)
    assert str(talks["LOCATION"]) == "IPO-Pakistan Head Office, Islamabad"
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Karachi"]


def test_a_visit_in_a_summer_time_zone_gets_the_right_offset(tmp_path: Path) -> None:
    seed(tmp_path, zone="Europe/London")
    calendar = export(tmp_path)
    # 21 March 2017 was before British Summer Time began (26 March): UTC+0.
    talks = next(e for e in calendar.events if "Talks" in str(e["SUMMARY"]))
    assert isinstance(talks.start, datetime)
    assert talks.start.utcoffset() == timedelta(0)
    vtimezone = calendar.timezones[0].to_ical().decode()
    assert "BEGIN:DAYLIGHT" in vtimezone and "BEGIN:STANDARD" in vtimezone


def test_description_lists_attendees_in_order_of_precedence(tmp_path: Path) -> None:
    seed(tmp_path)
    calendar = export(tmp_path)
    meeting = next(e for e in calendar.events if "Minister" in str(e["SUMMARY"]))
    text = str(meeting["DESCRIPTION"])
    order = [text.index(n) for n in ("Khurram Dastgir Khan", "Ranjha", "HE Zhimin", "ZHANG Wei")]
    assert order == sorted(order), text
    assert "Dr. HE Zhimin (何志敏), Deputy Commissioner, SIPO" in text
    assert "Brief the Minister on the draft MoU." in text


def test_a_second_export_keeps_uids_and_a_changed_engagement_gets_a_higher_sequence(
    tmp_path: Path,
) -> None:
    seed(tmp_path)
    first = events_by_summary(export(tmp_path, name="first.ics"))
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        talks = session.scalar(select(Engagement).where(Engagement.ref == "ipo-talks"))
        assert talks is not None
        talks.start, talks.end = datetime(2017, 3, 21, 11), datetime(2017, 3, 21, 13)
        talks.sequence += 1
    store.close()
    second = events_by_summary(export(tmp_path, name="second.ics"))
    assert {str(e["UID"]) for e in first.values()} == {str(e["UID"]) for e in second.values()}
    name = "Talks at IPO-Pakistan"
    assert second[name].sequence > first[name].sequence
    other = "Meeting with the Minister for Commerce"
    assert second[other].sequence == first[other].sequence


def test_one_persons_calendar_has_only_their_engagements(tmp_path: Path) -> None:
    seed(tmp_path)
    calendar = export(tmp_path, "--for", "ranjha")
    assert [str(e["SUMMARY"]) for e in calendar.events] == [
        "Meeting with the Minister for Commerce"
    ]


def test_hostile_text_survives_the_round_trip(tmp_path: Path) -> None:
    seed(tmp_path)
    hostile = "<b>Lunch</b> & talks; 会谈, اجلاس 🎉 " + "x" * 5000
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        talks = session.scalar(select(Engagement).where(Engagement.ref == "ipo-talks"))
        assert talks is not None
        talks.title, talks.venue, talks.notes = hostile, "", "line one\nline two, with a comma"
    store.close()
    calendar = export(tmp_path)
    summaries = [str(e["SUMMARY"]) for e in calendar.events]
    assert hostile in summaries
    talks_event = next(e for e in calendar.events if str(e["SUMMARY"]) == hostile)
    assert "LOCATION" in talks_event and str(talks_event["LOCATION"]) == "Islamabad"
    assert "line one\nline two, with a comma" in str(talks_event["DESCRIPTION"])


def test_mistakes_get_plain_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(tmp_path, zone="Asia/Nowhere")
    out = str(tmp_path / "x.ics")
    assert main(["--data-dir", str(tmp_path), "ics", "sipo-2017-03", "-o", out]) == 1
    assert "not a known time zone" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "ics", "no-such-visit", "-o", out]) == 1
    assert "There is no visit 'no-such-visit'" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "ics", "sipo-2017-03", "-o", out, "--for", "x"]) == 1
    assert "There is no person 'x'" in capsys.readouterr().err
    assert not Path(out).exists()


def test_the_checker_rejects_a_file_without_its_time_zone() -> None:
    broken = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        b"DTSTAMP:20170101T000000Z\r\nDTSTART;TZID=Asia/Karachi:20170321T100000\r\n"
        b"DTEND;TZID=Asia/Karachi:20170321T110000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(ServiceError, match="no VTIMEZONE for Asia/Karachi"):
        check_calendar(broken)
