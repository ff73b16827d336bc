"""Checks shared by every record: references, bounded texts, country codes, pictures."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from visitdesk.domain.timezones import is_country_code
from visitdesk.services.exchange.document import (
    Picture,
)
from visitdesk.services.exchange.fields import Obj, Problems, describe
from visitdesk.services.exchange.keys import (
    MAX_PICTURE_BYTES,
    MEDIA_TYPES,
    PICTURE,
)
from visitdesk.services.exchange.limits import max_length

# Stands in for a date the file got wrong; the problem is reported, so it is never stored.
EPOCH = datetime(1970, 1, 1)


class Refs:
    """Which ids the file defines, to check every reference against."""

    def __init__(self, organisations: set[str], people: set[str]) -> None:
        self.organisations = organisations
        self.people = people

    def organisation(self, obj: Obj, key: str) -> str | None:
        ref = obj.text(key)
        if ref is not None and ref not in self.organisations:
            obj.problems.add(
                obj.at(key),
                f"refers to organisation {ref!r}, which the file's organisations do not define",
            )
            return None
        return ref

    def person_at(self, path: str, ref: Any, problems: Problems) -> str | None:
        if not isinstance(ref, str):
            problems.add(path, f"must be a person's id (text), not {describe(ref)}")
            return None
        if ref not in self.people:
            problems.add(path, f"refers to person {ref!r}, whom the file's people do not define")
            return None
        return ref

    def person(self, obj: Obj, key: str) -> str | None:
        value = obj.value.get(key)
        return None if value is None else self.person_at(obj.at(key), value, obj.problems)


def limited_text(
    obj: Obj, key: str, table: str, column: str | None = None, required: bool = False
) -> str | None:
    return obj.text(key, required=required, max_length=max_length(table, column or key))


def country_code(obj: Obj, key: str = "country") -> str | None:
    code = obj.text(key)
    if code is None:
        return None
    if len(code) != 2 or not code.isalpha() or not is_country_code(code):
        obj.problems.add(
            obj.at(key),
            f"{describe(code)} is not an ISO 3166 two-letter country code (such as PK, CN, JP)",
        )
        return None
    return code.upper()


def picture(parent: Obj, key: str) -> Picture | None:
    obj = parent.obj(key, PICTURE)
    if obj is None:
        return None
    media_type = obj.required_text("media_type")
    data = obj.required_text("data")
    if media_type and media_type not in MEDIA_TYPES:
        obj.problems.add(
            obj.at("media_type"),
            f"{describe(media_type)} is not a picture type "
            "VisitDesk can show; use one of " + ", ".join(sorted(MEDIA_TYPES)),
        )
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        obj.problems.add(obj.at("data"), "is not valid base64")
        return None
    if len(raw) > MAX_PICTURE_BYTES:
        obj.problems.add(obj.at("data"), f"the picture is {len(raw) // 2**20} MB; at most 10 MB")
        return None
    return Picture(media_type, raw) if media_type in MEDIA_TYPES else None


def report_duplicates(values: list[tuple[str, str]], what: str, problems: Problems) -> None:
    seen: dict[str, str] = {}
    for path, value in values:
        if value in seen:
            problems.add(path, f"the {what} id {value!r} is used twice (first at {seen[value]})")
        elif value:
            seen[value] = path
