"""Car plans in `visitdesk/1` (`"car_plans"` of a visit): import → export → import gives the
same file, an old file without the key keeps what the store has, a bad key is refused whole."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import select

from visitdesk.domain.cars import Movement
from visitdesk.domain.travel import TravelLeg
from visitdesk.domain.visit import Visit
from visitdesk.services.exchange import schema_text
from visitdesk.services.exchange.car_plan_records import CAR, MOVEMENT, SEAT
from visitdesk.services.exchange.errors import ExchangeFileError
from visitdesk.services.exchange.exporter import build_document, export_document
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store

HOSTILE = '<b>&amp; "quoted" </para> =HYPERLINK("x") 😀'

PLANS: list[dict[str, Any]] = [
    {
        "engagement": "talks",
        "departs": "2027-05-10T09:30",
        "arrives": "2027-05-10T10:00",
        "origin": "Serena Hotel",
        "destination": "Ministry of Commerce",
        "cars": [
            {"role": "pilot", "registration": "POLICE-7", "seats": []},
            {
                "role": "flag",
                "registration": "ICT-101",
                "driver": "Aslam Pervaiz",
                "driver_phone": "+92 300 1234567",
                "seats": [
                    {"person": "wang", "seat": "rear_right"},
                    {"person": "imran", "seat": "rear_left"},
                    {"person": "sara", "seat": "front"},
                ],
            },
            {"role": "delegation", "label": "Coach 大巴", "notes": HOSTILE, "seats": [
                {"person": "li", "seat": "other"}, {"person": "chen", "seat": "other"}]},
        ],
    },
    {
        "title": "فندق ← المطار",
        "departs": "2027-05-11T16:00:30",
        "notes": HOSTILE,
        "cars": [{"role": "baggage", "driver": "Bashir", "seats": []}],
    },
]  # fmt: skip


def visit_file(plans: Any = PLANS, **extra: Any) -> dict[str, Any]:
    people = [
        {"id": "wang", "given_name": "小明", "family_name": "王", "family_name_first": True,
         "precedence": 1},
        {"id": "li", "given_name": "娜", "family_name": "李", "family_name_first": True},
        {"id": "chen", "given_name": "静", "family_name": "陈", "family_name_first": True},
        {"id": "imran", "honorific": "جناب", "given_name": "عمران", "family_name": "خان"},
        {"id": "sara", "given_name": "Sara", "family_name": "Qureshi"},
    ]  # fmt: skip
    visit: dict[str, Any] = {
        "id": "cnipa-2027-05", "title": "Visit of the CNIPA delegation", "city": "Islamabad",
        "country": "PK", "time_zone": "Asia/Karachi", "start_date": "2027-05-10",
        "end_date": "2027-05-11",
        "delegation": {"leader": "wang", "members": ["wang", "li", "chen"]},
        "host_participants": ["imran"],
        "engagements": [
            {"id": "talks", "title": "Talks", "start": "2027-05-10T10:00",
             "end": "2027-05-10T11:00", "guest_attendees": ["wang"]},
        ],
        **extra,
    }  # fmt: skip
    if plans is not None:
        visit["car_plans"] = plans
    return {"format": "visitdesk/1", "people": people, "visits": [visit]}


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def export(store: Store, refs: list[str] | None = None) -> dict[str, Any]:
    with store.session() as session:
        return build_document(session, refs)


def test_car_plans_round_trip_unchanged(store: Store, tmp_path: Path) -> None:
    import_file(store, write(tmp_path / "in.json", visit_file()))
    first = export(store)
    assert first["visits"][0]["car_plans"] == PLANS  # as written, nothing lost or added
    with store.session() as session:
        text = export_document(session)
    (tmp_path / "first.json").write_text(text, encoding="utf-8")
    empty = Store.open(data_dir=tmp_path / "empty")
    try:
        import_file(empty, tmp_path / "first.json")
        with empty.session() as session:
            assert export_document(session) == text
    finally:
        empty.close()
    jsonschema.Draft202012Validator(json.loads(schema_text())).validate(first)


def test_one_visits_export_defines_everyone_seated(store: Store, tmp_path: Path) -> None:
    # Sara is in no delegation, no host list and at no engagement: only in a car.
    import_file(store, write(tmp_path / "in.json", visit_file()))
    document = export(store, ["cnipa-2027-05"])
    assert "sara" in {p["id"] for p in document["people"]}


def test_a_file_without_car_plans_keeps_the_stores_and_one_with_them_replaces_them(
    store: Store, tmp_path: Path
) -> None:
    import_file(store, write(tmp_path / "in.json", visit_file()))
    import_file(store, write(tmp_path / "old.json", visit_file(plans=None)))
    assert export(store)["visits"][0]["car_plans"] == PLANS
    import_file(store, write(tmp_path / "new.json", visit_file(plans=PLANS[1:])))
    assert export(store)["visits"][0]["car_plans"] == PLANS[1:]
    import_file(store, write(tmp_path / "none.json", visit_file(plans=[])))
    assert "car_plans" not in export(store)["visits"][0]


def _broken(change: Any) -> dict[str, Any]:
    plans = copy.deepcopy(PLANS)
    change(plans)
    return visit_file(plans)


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda p: p[0].update(engagement="dinner"), "visits[0].car_plans[0].engagement",
         "'dinner', which this visit's engagements do not define"),
        (lambda p: p[0].update(journey="journey-1"), "visits[0].car_plans[0].journey",
         "not both"),
        (lambda p: p[1].update(journey="journey-3"), "visits[0].car_plans[1].journey",
         "refers to journey 'journey-3', which this visit's travel list does not define"),
        (lambda p: p[1].update(arrives="2027-05-11T15:00"), "visits[0].car_plans[1].arrives",
         "before it leaves"),
        (lambda p: p[1].pop("departs"), "visits[0].car_plans[1].departs", "is missing"),
        (lambda p: p[0]["cars"][1]["seats"].append({"person": "li", "seat": "front"}),
         "visits[0].car_plans[0].cars[1].seats[3].seat", "front seat of this car is taken"),
        (lambda p: p[0]["cars"][0].update(seats=[{"person": "wang"}]),
         "visits[0].car_plans[0].cars[1].seats[0].person", "'wang' is seated twice"),
        (lambda p: p[0]["cars"][1]["seats"][0].update(person="nobody"),
         "visits[0].car_plans[0].cars[1].seats[0].person", "whom the file's people do not define"),
        (lambda p: p[0]["cars"][1].update(role="limousine"), "visits[0].car_plans[0].cars[1].role",
         "'limousine' is not one of: pilot, flag"),
        (lambda p: p[0]["cars"][1].update(registration="X" * 41),
         "visits[0].car_plans[0].cars[1].registration", "at most 40"),
        (lambda p: p[0]["cars"][1].update(driver="A\x00B"),
         "visits[0].car_plans[0].cars[1].driver", "NUL"),
        (lambda p: p[0].update(car="flag"), "visits[0].car_plans[0].car", "unknown field"),
    ],
)  # fmt: skip
def test_a_malformed_car_plan_is_refused_whole_and_named_by_its_place(
    store: Store, tmp_path: Path, change: Any, path: str, words: str
) -> None:
    with pytest.raises(ExchangeFileError) as refused:
        import_file(store, write(tmp_path / "bad.json", _broken(change)))
    assert any(p.path == path and words in p.message for p in refused.value.problems), [
        (p.path, p.message) for p in refused.value.problems
    ]
    assert export(store)["visits"] == []  # nothing written, not even the visit


def test_a_movement_meeting_a_journey_names_it_by_the_journey_s_id(
    store: Store, tmp_path: Path
) -> None:
    import_file(store, write(tmp_path / "in.json", visit_file()))
    with store.session() as session, session.begin():
        visit_id = session.scalars(select(Visit.id)).one()
        first = TravelLeg(visit_id=visit_id, number="PK 852")
        second = TravelLeg(visit_id=visit_id, number="PK 853")
        session.add_all([first, second])
        session.flush()
        session.add(
            Movement(
                visit_id=visit_id, departs=datetime(2027, 5, 11, 14, 0), travel_leg_id=second.id
            )
        )
    plans = export(store)["visits"][0]["car_plans"]
    assert [p.get("journey") for p in plans] == [None, "journey-2", None]
    assert [j["id"] for j in export(store)["visits"][0]["travel"]] == ["journey-1", "journey-2"]


def test_the_schema_knows_the_fields_the_importer_reads() -> None:
    schema = json.loads(schema_text())
    plans = schema["properties"]["visits"]["items"]["properties"]["car_plans"]["items"]
    car = plans["properties"]["cars"]["items"]
    assert frozenset(plans["properties"]) == MOVEMENT
    assert frozenset(car["properties"]) == CAR
    assert frozenset(car["properties"]["seats"]["items"]["properties"]) == SEAT


def test_undoing_an_import_takes_its_car_plans_back(store: Store, tmp_path: Path) -> None:
    from visitdesk.services.import_undo import import_undoably, read_document, undo_import

    import_file(store, write(tmp_path / "in.json", visit_file(plans=None)))
    path = write(tmp_path / "plans.json", visit_file())
    with store.transaction() as session:
        _report, undo = import_undoably(session, read_document(path), path.name)
    assert export(store)["visits"][0]["car_plans"] == PLANS
    with store.transaction() as session:
        undo_import(session, undo)
    assert "car_plans" not in export(store)["visits"][0]
