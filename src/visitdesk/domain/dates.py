"""Dates and times as a protocol office writes them, the same on every PC whatever its locale.

strftime's `%B`, `%b` and `%A` follow the process locale, and Qt sets that from the PC's
settings: a press release drafted in the window of a French-language PC would read
`Islamabad: mars 22, 2017`. Every date a user sees is written with these functions instead
(a test keeps strftime's name directives out of the code).
"""

from __future__ import annotations

from datetime import date, datetime

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_month_year(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: date) -> str:
    """`Tuesday 21 March 2017`."""
    return f"{DAYS[day.weekday()]} {day_month_year(day)}"


def short_date(day: date) -> str:
    """`21 Mar 2017`: for narrow table columns."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def date_range(start: date, end: date) -> str:
    """`21–22 March 2017`, `30 March – 2 April 2017`, `30 December 2017 – 2 January 2018`."""
    if end <= start:
        return day_month_year(start)
    if start.year != end.year:
        return f"{day_month_year(start)} – {day_month_year(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {day_month_year(end)}"
    return f"{start.day}–{day_month_year(end)}"


def time_range(start: datetime, end: datetime) -> str:
    """`10:00–12:30`; an engagement ending on a later day says so."""
    if end <= start:
        return f"{start:%H:%M}"
    if end.date() != start.date():
        return f"{start:%H:%M} – {short_date(end.date())} {end:%H:%M}"
    return f"{start:%H:%M}–{end:%H:%M}"


def month_day_year(day: date) -> str:
    """`March 22, 2017`: the dateline of a press release."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def month_day(day: date) -> str:
    """`March 22`."""
    return f"{MONTHS[day.month - 1]} {day.day}"


def short_day(day: date) -> str:
    """`Tue 21 Mar`: a day heading in a narrow column."""
    return f"{DAYS[day.weekday()][:3]} {day.day:02d} {MONTHS[day.month - 1][:3]}"


def day_month(day: date) -> str:
    """`21 Mar`."""
    return f"{day.day:02d} {MONTHS[day.month - 1][:3]}"


def short_datetime(moment: datetime) -> str:
    """`21 Mar 2017 10:00`."""
    return f"{short_date(moment.date())} {moment:%H:%M}"
