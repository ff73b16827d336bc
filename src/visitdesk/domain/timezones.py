"""Time zones: of a visit (given, or its country's main zone) and of its engagements."""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


@cache
def _country_zones() -> dict[str, str]:
    """ISO country code → its first zone in tzdata's zone.tab (the capital's, by convention).

    Read from the `tzdata` package rather than the system, because Windows has no zoneinfo files.
    """
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    zones: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coords, zone, *_ = line.split("\t")
        zones.setdefault(code.upper(), zone)
    return zones


def zone_for_country(country: str | None) -> str | None:
    if not country:
        return None
    return _country_zones().get(country.upper())


def is_valid_zone(name: str) -> bool:
    if name not in available_timezones():
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return False
    return True


def is_country_code(code: str) -> bool:
    return code.upper() in _country_zones() or code.upper() in _EXTRA_COUNTRIES


# Codes with no zone of their own in zone.tab but valid as countries of an organisation.
_EXTRA_COUNTRIES = frozenset({"EU", "UN", "XK"})


def new_event_uid() -> str:
    """A calendar UID for a new engagement: random, so no later rename can change it."""
    return f"{uuid.uuid4()}@visitdesk.invalid"


def engagement_zone(own_zone: str | None, visit_zone: str) -> str:
    """The zone an engagement's times are in: its own if given, else the visit's."""
    return own_zone or visit_zone


def zone_note(own_zone: str | None, visit_zone: str) -> str:
    """' (Europe/London)' when an engagement is held in another zone than the visit's, else ''.

    The one way every document shows 'local time, with the zone where it differs'.
    """
    zone = engagement_zone(own_zone, visit_zone)
    return "" if zone == visit_zone else f" ({zone})"


def local_time_with_zone(
    moment: datetime, own_zone: str | None, visit_zone: str, fmt: str = "%H:%M"
) -> str:
    """An engagement's local wall-clock time, followed by its zone where it differs."""
    return f"{moment:{fmt}}{zone_note(own_zone, visit_zone)}"
