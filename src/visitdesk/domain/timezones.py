"""The time zone of a visit: the one given, or the main zone of the visit's country."""

from __future__ import annotations

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
