"""Typed, path-aware reading of JSON objects; every fault is collected, none raised.

Collecting lets one import attempt list every problem of a file, each with its place in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from visitdesk.domain.dates import MONTHS
from visitdesk.services.exchange.errors import Problem
from visitdesk.services.exchange.limits import INT_MAX, INT_MIN

E = TypeVar("E", bound=StrEnum)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$")


def describe(value: Any) -> str:
    """How a wrong value is named in a message: its JSON type, and a short excerpt."""
    kinds = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
        type(None): "null",
    }
    kind = kinds.get(type(value), type(value).__name__)
    if isinstance(value, str):
        excerpt = value if len(value) <= 40 else value[:37] + "…"
        return f"text {excerpt!r}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown = str(value)
        return f"the number {shown if len(shown) <= 24 else shown[:12] + '…'}"
    return kind


class Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(Problem(path, message))


class Obj:
    """One JSON object at a known place in the file."""

    def __init__(
        self, value: dict[str, Any], path: str, problems: Problems, known: frozenset[str]
    ) -> None:
        self.value = value
        self.path = path
        self.problems = problems
        for key in value:
            if key not in known:
                self.problems.add(
                    self.at(key),
                    "unknown field; the fields allowed here are " + ", ".join(sorted(known)),
                )

    @classmethod
    def of(cls, value: Any, path: str, problems: Problems, known: frozenset[str]) -> Obj | None:
        if not isinstance(value, dict):
            problems.add(path, f"must be an object {{…}}, not {describe(value)}")
            return None
        return cls(value, path, problems, known)

    def at(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return key in self.value

    def _get(self, key: str, required: bool) -> Any:
        value = self.value.get(key)
        if value is None and required:
            what = "is missing" if key not in self.value else "must not be null"
            self.problems.add(self.at(key), f"{what}; it is required")
        return value

    def text(self, key: str, required: bool = False, max_length: int | None = None) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problems.add(self.at(key), f"must be text, not {describe(value)}")
            return None
        if required and not value.strip():
            self.problems.add(self.at(key), "must not be empty")
            return None
        if max_length is not None and len(value) > max_length:
            self.problems.add(
                self.at(key),
                f"is {len(value):,} characters long; at most {max_length:,} are allowed here",
            )
            return None
        if "\x00" in value:
            self.problems.add(self.at(key), "contains a NUL character")
            return None
        return value

    def required_text(self, key: str, max_length: int | None = None) -> str:
        return self.text(key, required=True, max_length=max_length) or ""

    def flag(self, key: str, default: bool) -> bool:
        value = self.value.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problems.add(self.at(key), f"must be true or false, not {describe(value)}")
            return default
        return value

    def integer(self, key: str, required: bool = False, minimum: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.add(self.at(key), f"must be a whole number, not {describe(value)}")
            return None
        if minimum is not None and value < minimum:
            self.problems.add(self.at(key), f"must be at least {minimum}, not {value}")
            return None
        if not INT_MIN <= value <= INT_MAX:
            # PostgreSQL's `integer` holds 32 bits: a file must import on every store or none.
            self.problems.add(
                self.at(key), f"is outside what VisitDesk keeps ({INT_MIN:,} to {INT_MAX:,})"
            )
            return None
        return value

    def choice(self, key: str, enum: type[E], default: E | None) -> E | None:
        value = self._get(key, default is None)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            self.problems.add(self.at(key), f"{describe(value)} is not one of: {allowed}")
            return default

    def day(self, key: str, required: bool = False) -> date | None:
        value = self.text(key, required)
        return None if value is None else parse_date(value, self.at(key), self.problems)

    def moment(self, key: str, required: bool = False) -> datetime | None:
        value = self.text(key, required)
        return None if value is None else parse_datetime(value, self.at(key), self.problems)

    def items(self, key: str) -> Iterator[tuple[str, Any]]:
        """The elements of an optional list, each with its path."""
        value = self.value.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            self.problems.add(self.at(key), f"must be a list […], not {describe(value)}")
            return
        for index, item in enumerate(value):
            yield f"{self.at(key)}[{index}]", item

    def texts(self, key: str, max_length: int | None = None) -> list[str]:
        out: list[str] = []
        for path, item in self.items(key):
            if not isinstance(item, str):
                self.problems.add(path, f"must be text, not {describe(item)}")
            elif max_length is not None and len(item) > max_length:
                self.problems.add(
                    path,
                    f"is {len(item):,} characters long; at most {max_length:,} are allowed here",
                )
            else:
                out.append(item)
        return out

    def obj(self, key: str, known: frozenset[str]) -> Obj | None:
        value = self.value.get(key)
        if value is None:
            return None
        return Obj.of(value, self.at(key), self.problems, known)

    def each(self, key: str, known: frozenset[str]) -> Iterator[Obj]:
        for path, item in self.items(key):
            child = Obj.of(item, path, self.problems, known)
            if child is not None:
                yield child


def _checked_date(year: int, month: int, day: int, path: str, problems: Problems) -> date | None:
    if not 1 <= month <= 12:
        problems.add(
            path, f"{year:04d}-{month:02d}-{day:02d} is not a date: there is no month {month}"
        )
        return None
    try:
        return date(year, month, day)
    except ValueError:
        problems.add(
            path,
            f"{year:04d}-{month:02d}-{day:02d} is not a date that exists: "
            f"{MONTHS[month - 1]} {year} has no day {day}",
        )
        return None


def parse_date(text: str, path: str, problems: Problems) -> date | None:
    match = _DATE.match(text.strip())
    if not match:
        problems.add(path, f"{describe(text)} is not a date; write it as YYYY-MM-DD")
        return None
    year, month, day = (int(part) for part in match.groups())
    return _checked_date(year, month, day, path, problems)


def parse_datetime(text: str, path: str, problems: Problems) -> datetime | None:
    match = _DATETIME.match(text.strip())
    if not match:
        problems.add(
            path,
            f"{describe(text)} is not a local date and time; write it as "
            "YYYY-MM-DDTHH:MM (the visit's local time, without a time zone)",
        )
        return None
    year, month, day, hour, minute = (int(part) for part in match.groups()[:5])
    second = int(match.group(6) or 0)
    day_value = _checked_date(year, month, day, path, problems)
    if day_value is None:
        return None
    if hour > 23 or minute > 59 or second > 59:
        problems.add(path, f"{text.strip()} is not a time of day that exists")
        return None
    return datetime(year, month, day, hour, minute, second)
