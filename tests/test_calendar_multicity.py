"""Calendars of visits that cross time zones, read back with vobject (a parser we do not write
with): every meeting at its local hour, deleted meetings cancelled, UIDs and SEQUENCE stable."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from sqlalchemy import select

from visitdesk.cli import main
from visitdesk.domain.engagement import Engagement
from visitdesk.domain.enums import EngagementKind, VisitDirection, VisitStatus
from visitdesk.domain.office import Office
from visitdesk.domain.visit import Visit
from visitdesk.services import itinerary
from visitdesk.services.summary import visit_summary
from visitdesk.store.database import Store
from visitdesk.store.location import DATABASE_FILE

# (ref, title, start, end, own zone or None for the visit's)
Meeting = tuple[str, str, datetime, datetime, str | None]

ASIA: list[Meeting] = [
    ("beijing", "Talks at CNIPA", datetime(2025, 11, 3, 9), datetime(2025, 11, 3, 11), None),
    ("seoul", "Call at KIPO", datetime(2025, 11, 5, 14), datetime(2025, 11, 5, 15), "Asia/Seoul"),
]
GENEVA: list[Meeting] = [
    ("wipo", "WIPO General Assembly", datetime(2025, 7, 8, 10), datetime(2025, 7, 8, 12), None),
    (
        "london",
        "Meeting at the UK IPO",
        datetime(2025, 7, 10, 15, 30),
        datetime(2025, 7, 10, 16, 30),
        "Europe/London",
    ),
    ("wipo-dinner", "Dinner", datetime(2025, 11, 12, 19), datetime(2025, 11, 12, 21), None),
]


def seed(data_dir: Path, ref: str, zone: str, meetings: list[Meeting]) -> None:
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        if session.scalar(select(Office)) is None:
            session.add(Office(name="Intellectual Property Organization of Pakistan"))
        visit = Visit(
            ref=ref,
            title=f"Delegation to {zone.split('/')[1]}",
            time_zone=zone,
            direction=VisitDirection.OUTGOING,
            start_date=min(m[2] for m in meetings).date(),
            end_date=max(m[3] for m in meetings).date(),
        )
        for eref, title, start, end, own in meetings:
            visit.engagements.append(
                Engagement(
                    ref=eref,
                    title=title,
                    kind=EngagementKind.MINISTRY_MEETING,
                    start=start,
                    end=end,
                    time_zone=own,
                )
            )
        session.add(visit)
    store.close()


def export(data_dir: Path, ref: str, name: str = "visit.ics") -> vobject.base.Component:
    target = data_dir / name
    assert main(["--data-dir", str(data_dir), "ics", ref, "-o", str(target)]) == 0
    return vobject.readOne(target.read_text(encoding="utf-8"))


def events(calendar: vobject.base.Component) -> dict[str, vobject.base.Component]:
    return {e.summary.value: e for e in calendar.vevent_list}


def test_each_meeting_of_a_multi_city_visit_is_at_its_local_hour(tmp_path: Path) -> None:
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    seed(tmp_path, "geneva-2025", "Europe/Zurich", GENEVA)
    for ref, meetings, visit_zone in (
        ("asia-2025", ASIA, "Asia/Shanghai"),
        ("geneva-2025", GENEVA, "Europe/Zurich"),
    ):
        found = events(export(tmp_path, ref, f"{ref}.ics"))
        for _eref, title, start, _end, own in meetings:
            zone = ZoneInfo(own or visit_zone)
            event_start = found[title].dtstart.value
            assert event_start.tzinfo is not None
            # The same instant as the local hour in the meeting's own city ...
            assert event_start == start.replace(tzinfo=zone), title
            # ... and the hour a recipient there sees.
            local = event_start.astimezone(zone)
            assert (local.hour, local.minute) == (start.hour, start.minute), title
            raw = (tmp_path / f"{ref}.ics").read_text(encoding="utf-8")
            assert f"DTSTART;TZID={own or visit_zone}:{start:%Y%m%dT%H%M%S}" in raw


def test_a_london_meeting_during_a_geneva_visit_is_an_hour_earlier_in_utc(tmp_path: Path) -> None:
    seed(tmp_path, "geneva-2025", "Europe/Zurich", GENEVA)
    found = events(export(tmp_path, "geneva-2025"))
    london = found["Meeting at the UK IPO"].dtstart.value.astimezone(ZoneInfo("UTC"))
    assert (london.hour, london.minute) == (14, 30)  # 15:30 British Summer Time
    wipo = found["WIPO General Assembly"].dtstart.value.astimezone(ZoneInfo("UTC"))
    assert wipo.hour == 8  # 10:00 Central European Summer Time
    dinner = found["Dinner"].dtstart.value.astimezone(ZoneInfo("UTC"))
    assert dinner.hour == 18  # 19:00 in November: winter time


def test_one_vtimezone_per_zone_with_yearly_rules_and_no_date_lists(tmp_path: Path) -> None:
    seed(tmp_path, "geneva-2025", "Europe/Zurich", GENEVA)
    calendar = export(tmp_path, "geneva-2025", "g.ics")
    raw = (tmp_path / "g.ics").read_text(encoding="utf-8")
    zones = [tz.tzid.value for tz in calendar.vtimezone_list]
    assert sorted(zones) == ["Europe/London", "Europe/Zurich"]
    assert "RDATE" not in raw
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in raw  # summer time: last Sunday of March
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in raw


def test_show_names_the_zone_of_a_meeting_held_elsewhere(tmp_path: Path) -> None:
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    store = Store.open(data_dir=tmp_path)
    with store.session() as session:
        visit = session.scalars(select(Visit)).one()
        text = visit_summary(visit)
    store.close()
    assert "14:00–15:00 (Asia/Seoul)  Call at KIPO" in text
    assert "09:00–11:00  Talks at CNIPA" in text


def _engagement(store: Store, ref: str) -> int:
    with store.session() as session:
        eid = session.scalar(select(Engagement.id).where(Engagement.ref == ref))
        assert eid is not None
        return eid


def test_a_deleted_meeting_is_cancelled_in_every_later_export(tmp_path: Path) -> None:
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    before = events(export(tmp_path, "asia-2025", "1.ics"))["Call at KIPO"]
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        itinerary.delete_engagement(session, _engagement(store, "seoul"))
    store.close()
    for name in ("2.ics", "3.ics"):
        after = events(export(tmp_path, "asia-2025", name))
        gone = after["Call at KIPO"]
        assert gone.uid.value == before.uid.value
        assert gone.status.value == "CANCELLED"
        assert int(gone.sequence.value) > int(before.sequence.value)
        assert after["Talks at CNIPA"].status.value == "CONFIRMED"


def test_undoing_a_delete_brings_the_meeting_back_under_its_uid(tmp_path: Path) -> None:
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    before = events(export(tmp_path, "asia-2025", "1.ics"))["Call at KIPO"]
    store = Store.open(data_dir=tmp_path)
    eid = _engagement(store, "seoul")
    with store.transaction() as session:
        data = itinerary.load_engagement(session, eid)
        visit_id = session.scalars(select(Visit.id)).one()
        itinerary.delete_engagement(session, eid)
    with store.transaction() as session:
        itinerary.add_engagement(session, visit_id, data, eid)
    store.close()
    back = events(export(tmp_path, "asia-2025", "2.ics"))
    assert len(back) == 2
    assert back["Call at KIPO"].uid.value == before.uid.value
    assert back["Call at KIPO"].status.value == "CONFIRMED"
    assert int(back["Call at KIPO"].sequence.value) > int(before.sequence.value) + 1


def test_one_edit_raises_sequence_by_one_and_cancelling_raises_every_event(
    tmp_path: Path,
) -> None:
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    first = events(export(tmp_path, "asia-2025", "1.ics"))
    store = Store.open(data_dir=tmp_path)
    eid = _engagement(store, "beijing")
    with store.transaction() as session:
        data = itinerary.load_engagement(session, eid)
        moved = data.start.replace(hour=10)
        itinerary.update_engagement(
            session,
            eid,
            itinerary.EngagementData(**{**data.__dict__, "start": moved, "end": data.end}),
        )
    second = events(export(tmp_path, "asia-2025", "2.ics"))
    assert (
        int(second["Talks at CNIPA"].sequence.value)
        == int(first["Talks at CNIPA"].sequence.value) + 1
    )
    assert second["Call at KIPO"].sequence.value == first["Call at KIPO"].sequence.value
    with store.transaction() as session:
        session.scalars(select(Visit)).one().status = VisitStatus.CANCELLED
    store.close()
    third = events(export(tmp_path, "asia-2025", "3.ics"))
    for title, event in third.items():
        assert event.status.value == "CANCELLED"
        assert int(event.sequence.value) == int(second[title].sequence.value) + 1


def test_uids_survive_renaming_the_office_and_travel_in_the_exchange_file(
    tmp_path: Path,
) -> None:
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    first = events(export(tmp_path, "asia-2025", "1.ics"))
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        session.scalars(select(Office)).one().name = "IPO Pakistan (renamed)"
    store.close()
    second = events(export(tmp_path, "asia-2025", "2.ics"))
    assert {e.uid.value for e in first.values()} == {e.uid.value for e in second.values()}

    exported = tmp_path / "asia.visit.json"
    assert main(["--data-dir", str(tmp_path), "export", "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    (engagements,) = [v["engagements"] for v in document["visits"]]
    seoul = next(e for e in engagements if e["id"] == "seoul")
    assert seoul["time_zone"] == "Asia/Seoul"
    assert seoul["uid"] == second["Call at KIPO"].uid.value

    elsewhere = tmp_path / "elsewhere"
    assert main(["--data-dir", str(elsewhere), "import", str(exported)]) == 0
    third = events(export(elsewhere, "asia-2025", "3.ics"))
    assert third["Call at KIPO"].uid.value == second["Call at KIPO"].uid.value
    local = third["Call at KIPO"].dtstart.value.astimezone(ZoneInfo("Asia/Seoul"))
    assert local.hour == 14


def test_an_unknown_zone_in_an_exchange_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    exported = tmp_path / "asia.visit.json"
    assert main(["--data-dir", str(tmp_path), "export", "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["visits"][0]["engagements"][1]["time_zone"] = "Asia/Atlantis"
    exported.write_text(json.dumps(document), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    assert main(["--data-dir", str(elsewhere), "import", str(exported)]) == 1
    assert "'Asia/Atlantis' is not a time zone" in capsys.readouterr().err


def test_upgrading_keeps_the_uids_calendars_already_hold(tmp_path: Path) -> None:
    """Before UIDs were stored they were visit.engagement@hash-of-office-name; keep those."""
    fixture = Path(__file__).parent / "fixtures" / "schemas" / "0003_press_release_topic.sqlite3"
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(fixture, data_dir / DATABASE_FILE)
    store = Store.open(data_dir=data_dir)
    with store.session() as session:
        office = session.scalars(select(Office)).one().name
        uids = {ref: uid for ref, uid in session.execute(select(Engagement.ref, Engagement.uid))}
    store.close()
    digest = hashlib.sha256(office.strip().casefold().encode()).hexdigest()[:12]
    assert uids["ipo-talks"] == f"sipo-2017-03.ipo-talks@{digest}.visitdesk.invalid"
    assert len(set(uids.values())) == len(uids) == 4
    found = events(export(data_dir, "sipo-2017-03"))
    assert {e.uid.value for e in found.values()} == set(uids.values())


def test_an_engagement_dropped_by_a_re_imported_file_is_cancelled(tmp_path: Path) -> None:
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    before = events(export(tmp_path, "asia-2025", "1.ics"))["Call at KIPO"]
    exported = tmp_path / "asia.visit.json"
    assert main(["--data-dir", str(tmp_path), "export", "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    engagements = document["visits"][0]["engagements"]
    document["visits"][0]["engagements"] = [e for e in engagements if e["id"] != "seoul"]
    exported.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "import", str(exported)]) == 0
    after = events(export(tmp_path, "asia-2025", "2.ics"))
    assert after["Call at KIPO"].uid.value == before.uid.value
    assert after["Call at KIPO"].status.value == "CANCELLED"
    assert int(after["Call at KIPO"].sequence.value) > int(before.sequence.value)


def test_a_meeting_deleted_before_any_export_leaves_no_cancelled_ghost(tmp_path: Path) -> None:
    """Never sent out, so no calendar holds it: Outlook would import a cancellation as new."""
    seed(tmp_path, "asia-2025", "Asia/Shanghai", ASIA)
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        itinerary.delete_engagement(session, _engagement(store, "seoul"))
    store.close()
    found = events(export(tmp_path, "asia-2025"))
    assert list(found) == ["Talks at CNIPA"]
