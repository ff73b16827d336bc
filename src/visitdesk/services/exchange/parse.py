"""Check an exchange file's JSON value and turn it into a `Document`, or list every fault."""

from __future__ import annotations

from typing import Any

from visitdesk.domain.enums import (
    OrganisationKind,
)
from visitdesk.services.exchange import FORMAT
from visitdesk.services.exchange.document import (
    Document,
    OfficeRecord,
    OrganisationRecord,
    PersonRecord,
)
from visitdesk.services.exchange.errors import ExchangeFileError, Problem
from visitdesk.services.exchange.fields import Obj, Problems, describe
from visitdesk.services.exchange.keys import (
    OFFICE,
    ORGANISATION,
    PERSON,
    TOP,
    VISIT,
)
from visitdesk.services.exchange.parse_common import (
    Refs,
    country_code,
    limited_text,
    picture,
    report_duplicates,
)
from visitdesk.services.exchange.parse_visit import visit_record


def _office(obj: Obj) -> OfficeRecord:
    return OfficeRecord(
        name=limited_text(obj, "name", "office", required=True) or "",
        short_name=limited_text(obj, "short_name", "office"),
        city=limited_text(obj, "city", "office"),
        country=country_code(obj),
        press_release_prefix=limited_text(obj, "press_release_prefix", "office") or "PR No.",
        media_contact=obj.text("media_contact"),
        logo=picture(obj, "logo"),
        default_classification=limited_text(obj, "default_classification", "office"),
        gift_deposit_authority=limited_text(obj, "gift_deposit_authority", "office"),
    )


def _organisation(obj: Obj) -> OrganisationRecord:
    return OrganisationRecord(
        ref=limited_text(obj, "id", "organisation", "ref", required=True) or "",
        name=limited_text(obj, "name", "organisation", required=True) or "",
        short_name=limited_text(obj, "short_name", "organisation"),
        native_name=limited_text(obj, "native_name", "organisation"),
        country=country_code(obj),
        kind=obj.choice("kind", OrganisationKind, OrganisationKind.OTHER) or OrganisationKind.OTHER,
        notes=obj.text("notes"),
    )


def _person(obj: Obj, refs: Refs) -> PersonRecord:
    return PersonRecord(
        ref=limited_text(obj, "id", "person", "ref", required=True) or "",
        honorific=limited_text(obj, "honorific", "person"),
        given_name=limited_text(obj, "given_name", "person"),
        family_name=limited_text(obj, "family_name", "person", required=True) or "",
        family_name_first=obj.flag("family_name_first", False),
        native_name=limited_text(obj, "native_name", "person"),
        position=limited_text(obj, "position", "person"),
        organisation=refs.organisation(obj, "organisation"),
        precedence=obj.integer("precedence", minimum=0),
        email=limited_text(obj, "email", "person"),
        phone=limited_text(obj, "phone", "person"),
        bio=obj.text("bio"),
        dietary=obj.text("dietary"),
        medical=obj.text("medical"),
        photo=picture(obj, "photo"),
        notes=obj.text("notes"),
    )


def parse_document(value: Any, file_name: str) -> Document:
    """The file's content, checked; raises ExchangeFileError listing every problem found."""
    problems = Problems()
    top = Obj.of(value, "", problems, TOP)
    if top is None:
        raise ExchangeFileError(
            file_name,
            [Problem("", f'the file must hold a JSON object {{…}} with "format": "{FORMAT}"')],
        )
    version = top.value.get("format")
    if version != FORMAT:
        message = (
            "is missing: this does not look like a VisitDesk exchange file"
            if version is None
            else f"{describe(version)} is not a format this VisitDesk reads (it reads {FORMAT})"
        )
        raise ExchangeFileError(file_name, [Problem("format", message)])

    office_obj = top.obj("office", OFFICE)
    office = _office(office_obj) if office_obj is not None else None
    organisations = [_organisation(o) for o in top.each("organisations", ORGANISATION)]
    report_duplicates(
        [(f"organisations[{i}].id", o.ref) for i, o in enumerate(organisations)],
        "organisation",
        problems,
    )
    people_objs = list(top.each("people", PERSON))
    person_refs = {r for p in people_objs if isinstance(r := p.value.get("id"), str)}
    refs = Refs({o.ref for o in organisations}, person_refs)
    people = [_person(p, refs) for p in people_objs]
    person_ids = [(f"people[{i}].id", p.ref) for i, p in enumerate(people)]
    report_duplicates(person_ids, "person", problems)
    country_of = {o.ref: o.country for o in organisations}
    visits = [
        visit_record(v, refs, country_of, office.country if office else None)
        for v in top.each("visits", VISIT)
    ]
    report_duplicates([(f"visits[{i}].id", v.ref) for i, v in enumerate(visits)], "visit", problems)
    # Numbers start again every year: the same number in two years is two releases.
    numbers = [
        (f"visits[{i}].press_releases[{j}].number", (r.date.year, r.number))
        for i, v in enumerate(visits)
        for j, r in enumerate(v.press_releases or [])
        if r.number
    ]
    seen: dict[tuple[int, int], str] = {}
    for path, key in numbers:
        if key in seen:
            problems.add(
                path,
                f"press release number {key[1]} of {key[0]} is used twice (first at {seen[key]})",
            )
        seen.setdefault(key, path)
    if problems.items:
        raise ExchangeFileError(file_name, problems.items)
    return Document(_note(top), office, organisations, people, visits)


def _note(top: Obj) -> str | None:
    return top.text("note")
