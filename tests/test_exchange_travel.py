"""`"travel"`, `"hotels"` and a member's `"liaison_officer"` in visitdesk/1: they round-trip
unchanged, old files without them still import (and keep what is stored), and a file whose
logistics are wrong is refused whole, each problem named with its place."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.test_roundtrip import export, round_trip
from visitdesk.services.exchange import schema_text
from visitdesk.services.exchange.errors import ExchangeFileError
from visitdesk.services.exchange.importer import import_file
from visitdesk.services.exchange.travel_records import HOTEL, JOURNEY, ROOM, TRAVELLER
from visitdesk.store.database import Store

HOSTILE = '=HYPERLINK("http://x") <b>&amp;</b> 😀'


def travel_document() -> dict[str, Any]:
    def person(ref: str, family: str, given: str, **more: Any) -> dict[str, Any]:
        return {"id": ref, "family_name": family, "given_name": given, **more}

    return {
        "format": "visitdesk/1",
        "people": [
            person("kim", "Kim", "Minjun", honorific="H.E.", family_name_first=True,
                   native_name="김민준", precedence=2),
            person("sato", "Sato", "Ken", family_name_first=True, native_name="佐藤 健",
                   precedence=1),
            person("omar", "الفاروق", "عمر"),
            person("ranjha", "Ranjha", "Bilal", honorific="Mr."),
            person("malik", "Malik", "Sana", honorific="Ms."),
        ],
        "visits": [{
            "id": "kipo-2027", "title": "Visit of the KIPO delegation",
            "time_zone": "Asia/Karachi", "start_date": "2027-04-12", "end_date": "2027-04-15",
            "delegation": {
                "leader": "kim",
                "members": [
                    {"person": "kim", "liaison_officer": "malik"},
                    "sato",
                    {"person": "omar", "role": "interpreter", "liaison_officer": "ranjha"},
                ],
            },
            "host_participants": ["ranjha", "malik"],
            "travel": [
                {
                    "id": "journey-1", "kind": "arrival", "mode": "flight",
                    "carrier": "Korean Air", "number": "KE 9641", "origin": "Seoul (ICN)",
                    "destination": "Islamabad (ISB)", "departs": "2027-04-12T09:00",
                    "departs_zone": "Asia/Seoul", "arrives": "2027-04-12T14:30",
                    "terminal": "VIP", "received_by": "ranjha", "vip_lounge": True,
                    "baggage_pieces": 9, "notes": HOSTILE,
                    "travellers": [{"person": "kim", "seat": "1A"}, "sato"],
                },
                {"id": "journey-2", "kind": "arrival", "mode": "flight", "number": "EK 612",
                 "arrives": "2027-04-11T22:00", "vip_lounge": False, "travellers": ["omar"]},
                {"id": "journey-3", "kind": "departure", "mode": "flight", "number": "KE 9642",
                 "departs": "2027-04-15T23:55", "vip_lounge": False,
                 "travellers": ["kim", "sato", "omar"]},
            ],
            "hotels": [
                {"name": "Serena Hotel", "city": "Islamabad", "booking_reference": "ISB-17",
                 "paid_by": "Host government", "notes": "internal",
                 "rooms": [
                     {"person": "kim", "room_type": "suite", "room_number": "1501",
                      "check_in": "2027-04-12", "check_out": "2027-04-14",
                      "requests": "Late check-out"},
                     {"person": "omar", "room_type": "deluxe", "check_in": "2027-04-11",
                      "check_out": "2027-04-14", "paid_by": "Delegation"},
                 ]},
                {"name": "Pearl Continental", "city": "Lahore", "rooms": [
                    {"person": "kim", "room_type": "suite", "check_in": "2027-04-14",
                     "check_out": "2027-04-15"}]},
            ],
        }],
    }  # fmt: skip


def _write(tmp_path: Path, document: dict[str, Any], name: str = "kipo.visit.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_journeys_hotels_and_liaison_officers_round_trip_unchanged(
    store: Store, tmp_path: Path
) -> None:
    first, second = round_trip(store, _write(tmp_path, travel_document()), tmp_path)
    assert first == second
    visit = json.loads(first)["visits"][0]
    assert visit["travel"] == travel_document()["visits"][0]["travel"]
    assert visit["hotels"] == travel_document()["visits"][0]["hotels"]
    assert visit["delegation"]["members"][0] == {"person": "kim", "liaison_officer": "malik"}
    jsonschema.Draft202012Validator(json.loads(schema_text())).validate(json.loads(first))


def test_one_visit_exported_carries_the_people_its_logistics_name(
    store: Store, tmp_path: Path
) -> None:
    document = travel_document()
    del document["visits"][0]["host_participants"]  # received and looked after, nothing more
    import_file(store, _write(tmp_path, document))
    people = {p["id"] for p in json.loads(export(store, ["kipo-2027"]))["people"]}
    assert {"ranjha", "malik"} <= people


def test_a_file_without_the_keys_keeps_what_is_stored(store: Store, tmp_path: Path) -> None:
    import_file(store, _write(tmp_path, travel_document()))
    old = travel_document()
    for key in ("travel", "hotels"):
        del old["visits"][0][key]
    import_file(store, _write(tmp_path, old, "old.visit.json"))
    visit = json.loads(export(store))["visits"][0]
    assert len(visit["travel"]) == 3 and len(visit["hotels"]) == 2


def _problems(store: Store, tmp_path: Path, document: dict[str, Any]) -> list[str]:
    with pytest.raises(ExchangeFileError) as refused:
        import_file(store, _write(tmp_path, document, "bad.visit.json"))
    return [f"{p.path}: {p.message}" for p in refused.value.problems]


def test_wrong_logistics_are_refused_whole_with_their_places(store: Store, tmp_path: Path) -> None:
    bad = travel_document()
    visit = bad["visits"][0]
    visit["travel"][0]["arrives"] = "2027-04-11T20:00"  # before Seoul 09:00 (Islamabad 05:00)
    visit["travel"][1]["travellers"] = ["omar", "omar", "nobody"]
    visit["travel"][2]["departs"] = "2027-04-10T08:00"
    visit["travel"][2]["baggage_pieces"] = 10_000
    visit["hotels"][0]["rooms"][0]["check_out"] = "2027-04-10"
    visit["hotels"][1]["rooms"].append(copy.deepcopy(visit["hotels"][1]["rooms"][0]))
    visit["delegation"]["members"][1] = {"person": "sato", "liaison_officer": "kim"}
    visit["host_participants"][0] = {"person": "ranjha", "liaison_officer": "malik"}
    problems = _problems(store, tmp_path, bad)
    expected = [
        "visits[0].travel[0].arrives: the journey arrives (2027-04-11 20:00) before it departs",
        "visits[0].travel[1].travellers[1]: person 'omar' is listed twice on this journey",
        "visits[0].travel[1].travellers[2]: refers to person 'nobody'",
        "visits[0].travel[2].baggage_pieces: must be at most 999, not 10000",
        "visits[0].travel[2].departs: person 'kim' would leave before arriving",
        "visits[0].hotels[0].rooms[0].check_out: the check-out (2027-04-10) comes before the "
        "check-in (2027-04-12)",
        "visits[0].hotels[1].rooms[1].person: person 'kim' has a room in this hotel already",
        "visits[0].delegation.members[1].liaison_officer: person 'kim' is a member of the "
        "delegation; a liaison officer comes from the host side",
        "visits[0].host_participants[0].liaison_officer: only a delegation member has a "
        "liaison officer",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    with store.session() as session:  # nothing at all was written
        assert json.loads(export_session(session))["visits"] == []


def export_session(session: Any) -> str:
    from visitdesk.services.exchange.exporter import export_document

    return export_document(session)


def test_the_schema_knows_the_same_logistics_fields() -> None:
    schema = json.loads(schema_text())
    visit = schema["properties"]["visits"]["items"]["properties"]
    journey = visit["travel"]["items"]["properties"]
    assert frozenset(journey) == JOURNEY
    assert frozenset(journey["travellers"]["items"]["oneOf"][1]["properties"]) == TRAVELLER
    hotel = visit["hotels"]["items"]["properties"]
    assert frozenset(hotel) == HOTEL
    assert frozenset(hotel["rooms"]["items"]["properties"]) == ROOM
    member = visit["delegation"]["properties"]["members"]["items"]["oneOf"][1]
    assert "liaison_officer" in member["properties"]
