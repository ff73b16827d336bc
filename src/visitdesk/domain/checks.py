"""Checks on a programme that return warnings for the officer, never exceptions.

A programme being planned is often briefly wrong (a time not yet confirmed, a minister booked in
two places until one meeting moves); the officer must see that, not be stopped by it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from visitdesk.domain.dates import short_date, short_datetime


class WarningKind(StrEnum):
    ENDS_BEFORE_START = "ends_before_start"
    OUTSIDE_VISIT = "outside_visit"
    DOUBLE_BOOKED = "double_booked"
    # Logistics (domain/logistics_checks.py).
    BEFORE_ARRIVAL = "before_arrival"
    AFTER_DEPARTURE = "after_departure"
    CAR_DOUBLE_BOOKED = "car_double_booked"
    NO_ROOM = "no_room"


@dataclass(frozen=True, slots=True)
class ScheduleWarning:
    kind: WarningKind
    engagement_refs: tuple[str, ...]
    message: str
    person_ref: str | None = None


class _Person(Protocol):
    @property
    def ref(self) -> str: ...

    @property
    def display_name(self) -> str: ...


class _Engagement(Protocol):
    @property
    def ref(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def start(self) -> datetime: ...

    @property
    def end(self) -> datetime: ...

    @property
    def attendee_people(self) -> Sequence[_Person]: ...


def _when(moment: datetime) -> str:
    return short_datetime(moment)


def check_times(
    engagement: _Engagement, visit_start: date, visit_end: date
) -> list[ScheduleWarning]:
    warnings: list[ScheduleWarning] = []
    refs = (engagement.ref,)
    if engagement.end < engagement.start:
        warnings.append(
            ScheduleWarning(
                WarningKind.ENDS_BEFORE_START,
                refs,
                f"“{engagement.title}” ends ({_when(engagement.end)}) before it starts "
                f"({_when(engagement.start)}).",
            )
        )
    first, last = min(engagement.start, engagement.end), max(engagement.start, engagement.end)
    if first.date() < visit_start or last.date() > visit_end:
        warnings.append(
            ScheduleWarning(
                WarningKind.OUTSIDE_VISIT,
                refs,
                f"“{engagement.title}” ({_when(engagement.start)}) lies outside the visit "
                f"({short_date(visit_start)} to {short_date(visit_end)}).",
            )
        )
    return warnings


def check_double_bookings(engagements: Iterable[_Engagement]) -> list[ScheduleWarning]:
    """A person attending two engagements whose times overlap (touching ends do not count)."""
    by_person: dict[str, list[_Engagement]] = defaultdict(list)
    people: dict[str, _Person] = {}
    for engagement in engagements:
        for person in engagement.attendee_people:
            by_person[person.ref].append(engagement)
            people[person.ref] = person
    warnings: list[ScheduleWarning] = []
    for ref, booked in by_person.items():
        booked.sort(key=lambda e: (e.start, e.end))
        # Sweep in start order, keeping the engagement that ends last so far: every overlap is
        # found in O(n log n) even for a person booked forty times.
        latest: _Engagement | None = None
        for engagement in booked:
            if (
                latest is not None
                and engagement.start < latest.end
                and engagement.end > engagement.start
            ):
                warnings.append(
                    ScheduleWarning(
                        WarningKind.DOUBLE_BOOKED,
                        (latest.ref, engagement.ref),
                        f"{people[ref].display_name} is booked at “{latest.title}” and "
                        f"“{engagement.title}” at the same time ({_when(engagement.start)}).",
                        person_ref=ref,
                    )
                )
            if latest is None or engagement.end > latest.end:
                latest = engagement
    return warnings


def check_programme(
    engagements: Sequence[_Engagement], visit_start: date, visit_end: date
) -> list[ScheduleWarning]:
    warnings = [w for e in engagements for w in check_times(e, visit_start, visit_end)]
    warnings.extend(check_double_bookings(engagements))
    return warnings
