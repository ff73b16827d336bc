"""The gifts register in `visitdesk/1`: the `"gifts"` of a visit round-trip unchanged (people
and engagements by their ids, the photo as people's photos are), a malformed one is refused
whole with every problem placed, and a file without the key keeps the gifts recorded."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from visitdesk.app import Desk
from visitdesk.services.exchange import keys, schema_text
from visitdesk.services.exchange.errors import ExchangeFileError
from visitdesk.services.exchange.exporter import export_document
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store

PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
).decode()
HOSTILE = "<b>&amp;</b> =SUM(A1) </para> 😀"


def _gifts() -> list[dict[str, Any]]:
    return [
        {
            "direction": "received", "engagement": "ipo-talks", "giver": "he-zhimin",
            "receiver": "dastgir", "description": "景泰蓝花瓶 cloisonné vase",
            "date": "2017-03-21", "estimated_value": 10**15, "currency": "CNY",
            "photo": {"media_type": "image/png", "data": PNG}, "decision": "deposited",
            "reported_on": "2017-03-24", "deposited_on": "2017-03-27",
            "deposit_reference": "TK/2017/0412", "assessed_value": 52000, "notes": HOSTILE,
        },
        {
            "direction": "given", "giver_name": "وزارت تجارت", "receiver": "visitor-only",
            "description": HOSTILE,
        },
        {"direction": "received", "description": "A book",
         "receiver_name": "The Ministry's library"},
    ]  # fmt: skip


def _document(example_path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(example_path.read_text(encoding="utf-8"))
    # Someone only the gifts name: an export of this visit must carry them too.
    doc["people"].append(
        {"id": "visitor-only", "honorific": "Mr.", "given_name": "Kenji", "family_name": "Sato",
         "family_name_first": True, "native_name": "佐藤健二"}
    )  # fmt: skip
    doc["visits"][0]["gifts"] = _gifts()
    doc["office"]["gift_deposit_authority"] = "Toshakhana, Cabinet Division, Islamabad"
    return doc


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _export(store: Store, refs: list[str] | None = None) -> str:
    with store.session() as session:
        return export_document(session, refs)


def test_gifts_round_trip_unchanged(store: Store, example_path: Path, tmp_path: Path) -> None:
    import_file(store, _write(tmp_path / "gifts.visit.json", _document(example_path)))
    first = _export(store, ["sipo-2017-03"])
    exported = json.loads(first)
    assert exported["visits"][0]["gifts"] == _gifts()
    assert "visitor-only" in {p["id"] for p in exported["people"]}
    assert exported["office"]["gift_deposit_authority"] == "Toshakhana, Cabinet Division, Islamabad"
    jsonschema.Draft202012Validator(json.loads(schema_text())).validate(exported)
    (tmp_path / "first.json").write_text(first, encoding="utf-8")
    empty = Store.open(data_dir=tmp_path / "empty")
    try:
        import_file(empty, tmp_path / "first.json")
        assert _export(empty, ["sipo-2017-03"]) == first
    finally:
        empty.close()


def test_a_file_without_gifts_keeps_those_recorded_and_an_empty_list_clears_them(
    example_path: Path, tmp_path: Path
) -> None:
    desk = Desk.open(data_dir=tmp_path / "records")
    try:
        desk.exchange.import_file(_write(tmp_path / "gifts.json", _document(example_path)))
        visit_id = desk.visits.id_of("sipo-2017-03")
        assert len(desk.gifts.rows(visit_id)) == 3
        desk.exchange.import_file(example_path)  # an old file: no "gifts" key
        assert len(desk.gifts.rows(visit_id)) == 3
        cleared = _document(example_path)
        cleared["visits"][0]["gifts"] = []
        desk.exchange.import_file(_write(tmp_path / "cleared.json", cleared))
        assert desk.gifts.rows(visit_id) == ()
    finally:
        desk.close()


def test_malformed_gifts_are_refused_whole_each_problem_in_its_place(
    store: Store, example_path: Path, tmp_path: Path
) -> None:
    doc = _document(example_path)
    doc["visits"][0]["gifts"] = [
        {"description": "Vase", "estimated_value": 10**15 + 1, "currency": "yuan",
         "engagement": "no-such-meeting", "giver": "nobody", "colour": "blue"},
        {"description": "Tray", "giver": "dastgir", "giver_name": "Minister",
         "direction": "given", "decision": "deposited"},
        {"description": "", "reported_on": "2017-03-24", "deposited_on": "2017-03-20",
         "assessed_value": -1},
    ]  # fmt: skip
    with pytest.raises(ExchangeFileError) as refused:
        import_file(store, _write(tmp_path / "bad.visit.json", doc))
    found = {(p.path, p.message) for p in refused.value.problems}
    places = {path for path, _ in found}
    at = "visits[0].gifts"
    assert {
        f"{at}[0].estimated_value", f"{at}[0].currency", f"{at}[0].engagement", f"{at}[0].giver",
        f"{at}[0].colour", f"{at}[1].giver_name", f"{at}[1].decision", f"{at}[2].description",
        f"{at}[2].deposited_on", f"{at}[2].assessed_value",
    } <= places  # fmt: skip
    assert (f"{at}[0].estimated_value", "is outside what the register keeps (0 to "
            "1,000,000,000,000,000)") in found  # fmt: skip
    with store.session() as session:
        assert json.loads(export_document(session))["visits"] == []  # nothing written


def test_the_schema_knows_the_gift_fields() -> None:
    schema = json.loads(schema_text())
    visit = schema["properties"]["visits"]["items"]["properties"]
    assert frozenset(visit["gifts"]["items"]["properties"]) == keys.GIFT
