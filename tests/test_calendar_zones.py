"""VTIMEZONE blocks with yearly rules give the real UTC offset on every day of the span."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from visitdesk.services.calendar_zones import vtimezone

ZONES = [
    "Europe/London",
    "Europe/Zurich",
    "America/New_York",  # second Sunday of March, first Sunday of November
    "Australia/Sydney",  # southern hemisphere: summer time across the new year
    "America/Santiago",
    "Asia/Jerusalem",  # Friday before the last Sunday: no weekday rule fits
    "Africa/Casablanca",  # stops for Ramadan: one-off changes
    "Asia/Tehran",  # summer time abolished in 2022: a rule that ends
    "Asia/Karachi",
    "Asia/Seoul",
]
SPANS = [(date(2016, 1, 1), date(2019, 1, 1)), (date(2021, 1, 1), date(2024, 1, 1))]


def _calendar(zone: str, first: date, last: date) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    calendar.add_component(vtimezone(zone, first, last))
    data: bytes = calendar.to_ical()
    return data


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("span", SPANS, ids=lambda s: str(s[0].year))
def test_every_day_of_the_span_has_the_real_offset(zone: str, span: tuple[date, date]) -> None:
    first, last = span
    data = _calendar(zone, first, last)
    written = vobject.readOne(data.decode()).vtimezone.gettzinfo()
    real = ZoneInfo(zone)
    day = first
    while day < last:
        for hour in (3, 12):
            moment = datetime(day.year, day.month, day.day, hour)
            assert (
                moment.replace(tzinfo=written).utcoffset()
                == moment.replace(tzinfo=real).utcoffset()
            ), (zone, moment)
        day += timedelta(days=3)
    assert b"RDATE" not in data


def test_summer_time_zones_get_one_yearly_rule_a_season_as_outlook_writes() -> None:
    text = _calendar("America/New_York", date(2024, 1, 1), date(2026, 12, 31)).decode()
    assert text.count("RRULE:") == 2  # and one block for what held at the start
    assert "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11" in text


def test_a_zone_without_summer_time_is_one_standard_block() -> None:
    text = _calendar("Asia/Karachi", date(2024, 1, 1), date(2026, 12, 31)).decode()
    assert text.count("BEGIN:STANDARD") == 1
    assert "BEGIN:DAYLIGHT" not in text and "RRULE" not in text
    assert "TZOFFSETTO:+0500" in text
