"""Which column holds which field, judged by its heading.

Offices keep delegation lists in whatever shape the embassy sent: "Title/Position",
"Designation", "E-mail", "Surname". Headings are compared without case, spaces or punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from visitdesk.services.errors import ServiceError

# Field → its label in messages and exports, then the headings that mean it.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ref": ("Ref", ("ref", "reference", "id", "person ref", "person id")),
    "name": ("Name", ("name", "full name", "person", "delegate", "member")),
    "given_name": ("Given name", ("given name", "first name", "forename", "given names")),
    "family_name": ("Family name", ("family name", "surname", "last name")),
    "honorific": ("Honorific", ("honorific", "salutation", "prefix", "form of address")),
    "native_name": (
        "Native name",
        ("native name", "name in native script", "local name", "name native", "native"),
    ),
    "position": (
        "Title/Position",
        ("title position", "position", "title", "designation", "job title", "post", "rank title"),
    ),
    "organisation": (
        "Organisation",
        ("organisation", "organization", "org", "agency", "ministry", "department", "institution"),
    ),
    "email": ("Email", ("email", "e mail", "email address", "e mail address", "mail")),
    "phone": (
        "Phone",
        ("phone", "telephone", "mobile", "phone number", "tel", "contact number", "cell"),
    ),
    "dietary": (
        "Dietary",
        ("dietary", "diet", "dietary requirements", "dietary needs", "dietary restrictions"),
    ),
    "precedence": ("Precedence", ("precedence", "order of precedence", "protocol order")),
    "role": ("Role", ("role", "function", "role in visit")),
}
# Columns our own exports add that carry nothing to import.
IGNORED = frozenset({"no", "number", "sr no", "s no", "serial", "serial no"})


def normalise(heading: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", heading.casefold()).split())


_BY_HEADING = {
    normalise(alias): field for field, (_, aliases) in FIELDS.items() for alias in aliases
}


def label(field: str) -> str:
    return FIELDS[field][0]


@dataclass(frozen=True, slots=True)
class ColumnMap:
    fields: dict[str, int]  # field → column index
    ignored: tuple[str, ...]  # headings not used, shown in the preview so nothing is lost unseen


def match_columns(headings: Sequence[str]) -> ColumnMap:
    fields: dict[str, int] = {}
    ignored: list[str] = []
    for index, heading in enumerate(headings):
        key = normalise(heading)
        field = _BY_HEADING.get(key)
        if field is None:
            if key and key not in IGNORED:
                ignored.append(heading)
            continue
        if field in fields:
            first = headings[fields[field]]
            raise ServiceError(
                f"Two columns, {first!r} and {heading!r}, both look like {label(field)}. "
                "Rename or delete one of them and import again."
            )
        fields[field] = index
    if "name" not in fields and "family_name" not in fields:
        expected = ", ".join(label(f) for f in FIELDS)
        found = ", ".join(repr(h) for h in headings if h) or "none"
        raise ServiceError(
            "No column of names was found: the first row must hold headings such as Name or "
            f"Family name. Headings found: {found}. Headings understood: {expected}."
        )
    return ColumnMap(fields=fields, ignored=tuple(ignored))
