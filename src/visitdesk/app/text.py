"""How dates, names, countries and scripts are written: pure rules front ends show text with."""

from visitdesk.domain.countries import COUNTRIES, country_name, is_country
from visitdesk.domain.dates import (
    date_range,
    day_month,
    day_month_year,
    long_date,
    short_date,
    short_datetime,
    short_day,
    time_range,
)
from visitdesk.domain.languages import han_language, is_hangul, is_kana, language_hint
from visitdesk.domain.names import NameParts, display_name, plain_name, short_reference

__all__ = [
    "COUNTRIES",
    "NameParts",
    "country_name",
    "date_range",
    "day_month",
    "day_month_year",
    "display_name",
    "han_language",
    "is_country",
    "is_hangul",
    "is_kana",
    "language_hint",
    "long_date",
    "plain_name",
    "short_date",
    "short_datetime",
    "short_day",
    "short_reference",
    "time_range",
]
