"""Import → export → import into an empty store → export gives the identical file."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from visitdesk.domain.enums import OutcomeStatus
from visitdesk.domain.outcome import Outcome
from visitdesk.services.exchange.exporter import build_document, export_document
from visitdesk.services.exchange.importer import import_file
from visitdesk.services.visits import load_visit
from visitdesk.store.database import Store

HOSTILE = "<b>&amp; \"quoted\" 'x' </para> 😀 " + "long " * 1000
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
).decode()


def export(store: Store, refs: list[str] | None = None) -> str:
    with store.session() as session:
        return export_document(session, refs)


def round_trip(store: Store, source: Path, tmp_path: Path) -> tuple[str, str]:
    import_file(store, source)
    first = export(store)
    (tmp_path / "first.json").write_text(first, encoding="utf-8")
    empty = Store.open(data_dir=tmp_path / "empty")
    try:
        import_file(empty, tmp_path / "first.json")
        return first, export(empty)
    finally:
        empty.close()


def test_example_round_trip_is_identical(store: Store, example_path: Path, tmp_path: Path) -> None:
    first, second = round_trip(store, example_path, tmp_path)
    assert first == second


def rich_document(example_path: Path) -> dict[str, Any]:
    """The example with every optional field filled, in every script, with hostile text."""
    doc: dict[str, Any] = json.loads(example_path.read_text(encoding="utf-8"))
    doc["office"].update(
        media_contact="Media Wing, +92 51 000 0000",
        logo={"media_type": "image/png", "data": PNG},
        default_classification="CONFIDENTIAL",
        gift_deposit_authority="Toshakhana, Cabinet Division",
    )
    doc["people"][0].update(
        bio=HOSTILE,
        dietary="No pork",
        medical="Allergic to penicillin",
        email="he@example.cn",
        phone="+86 10 0000",
        notes="Prefers tea",
        photo={"media_type": "image/png", "data": PNG},
    )
    doc["people"].append(
        {
            "id": "suzuki",
            "honorific": "Mr.",
            "given_name": "Ichiro",
            "family_name": "Suzuki",
            "family_name_first": True,
            "native_name": "鈴木一郎",
            "position": "Observer",
        }
    )
    doc["people"].append(
        {
            "id": "urdu",
            "given_name": "Imran",
            "family_name": "Khan",
            "native_name": "عمران خان",
            "position": "مترجم",
        }
    )
    visit = doc["visits"][0]
    visit["notes"] = "Internal: " + HOSTILE
    visit["time_zone"] = "Asia/Karachi"
    visit["delegation"]["members"].append({"person": "suzuki", "role": "interpreter"})
    visit["host_participants"] = ["urdu", {"person": "ranjha", "role": "liaison officer"}]
    visit["engagements"][0]["notes"] = "Car park at gate 2"
    visit["engagements"][0]["talking_points"] = ["ایک", "二", HOSTILE]
    visit["statements"].append(
        {
            "speaker": None,
            "style": "reported",
            "for_press": False,
            "text": "Internal remark, never for the press.",
        }
    )
    visit["outcomes"][0]["status_history"] = [
        {"status": "drafted", "date": "2017-03-01"},
        {"status": "initialled", "date": "2017-03-21", "note": "at IPO-Pakistan"},
    ]
    visit["outcomes"][0]["description"] = "The MoU text"
    visit["press_releases"][0].update(
        topic="Draft MoU between IPO-Pakistan & SIPO <China>",
        headline="“Draft MoU”",
        body=HOSTILE,
        status="issued",
        edited=True,
        lead_quote="Quote",
        lead_quote_attribution="Engr. Khurram Dastgir Khan",
    )
    return doc


def test_nothing_imported_is_lost(store: Store, example_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "rich.visit.json"
    rich = rich_document(example_path)
    source.write_text(json.dumps(rich, ensure_ascii=False), encoding="utf-8")
    first, second = round_trip(store, source, tmp_path)
    assert first == second
    exported = json.loads(first)
    visit = exported["visits"][0]
    assert exported["note"] == rich["note"]
    assert exported["office"] == rich["office"]
    assert exported["people"][0]["bio"] == HOSTILE
    assert exported["people"][0]["photo"]["data"] == PNG
    assert exported["people"][5]["native_name"] == "鈴木一郎"
    assert exported["people"][6]["native_name"] == "عمران خان"
    assert visit["notes"] == rich["visits"][0]["notes"]
    assert visit["delegation"]["members"][-1] == {"person": "suzuki", "role": "interpreter"}
    assert visit["host_participants"] == rich["visits"][0]["host_participants"]
    assert visit["engagements"][0]["talking_points"] == ["ایک", "二", HOSTILE]
    assert visit["engagements"][0]["notes"] == "Car park at gate 2"
    assert (
        visit["outcomes"][0]["status_history"] == rich["visits"][0]["outcomes"][0]["status_history"]
    )
    assert visit["statements"][-1]["for_press"] is False
    release = visit["press_releases"][0]
    assert (release["body"], release["status"], release["edited"]) == (HOSTILE, "issued", True)
    assert release["topic"] == "Draft MoU between IPO-Pakistan & SIPO <China>"


def test_reimport_updates_in_place_without_duplicates(
    example_store: Store, example_path: Path
) -> None:
    report = import_file(example_store, example_path)
    assert report.updated_visits == ["sipo-2017-03"] and not report.created_visits
    assert "in place" in str(report)
    with example_store.session() as session:
        document = build_document(session)
    assert [v["id"] for v in document["visits"]] == ["sipo-2017-03"]
    assert len(document["people"]) == 5
    assert len(document["visits"][0]["engagements"]) == 4


def test_reimport_bumps_sequence_of_changed_engagements_only(
    example_store: Store, example_path: Path, tmp_path: Path
) -> None:
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    doc["visits"][0]["engagements"][2]["venue"] = "Cabinet Room"
    moved = tmp_path / "moved.visit.json"
    moved.write_text(json.dumps(doc), encoding="utf-8")
    import_file(example_store, moved)
    with example_store.session() as session:
        visit = load_visit(session, "sipo-2017-03")
        sequences = {e.ref: e.sequence for e in visit.engagements}
    assert sequences == {"ipo-talks": 0, "comsats-visit": 0, "moc-meeting": 1, "nust-visit": 0}


def test_press_releases_absent_from_the_file_are_kept(
    example_store: Store, example_path: Path, tmp_path: Path
) -> None:
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    del doc["visits"][0]["press_releases"]
    partial = tmp_path / "partial.visit.json"
    partial.write_text(json.dumps(doc), encoding="utf-8")
    import_file(example_store, partial)
    with example_store.session() as session:
        assert [r.number for r in load_visit(session, "sipo-2017-03").press_releases] == [211]


def test_the_store_s_office_is_kept_and_the_output_says_so(
    example_store: Store, example_path: Path, tmp_path: Path
) -> None:
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    doc["office"]["name"] = "Another Office"
    other = tmp_path / "other.visit.json"
    other.write_text(json.dumps(doc), encoding="utf-8")
    report = str(import_file(example_store, other))
    assert (
        "Kept the office already set up (Intellectual Property Organization of Pakistan)" in report
    )
    assert json.loads(export(example_store))["office"]["name"] == (
        "Intellectual Property Organization of Pakistan"
    )


def test_status_history_recorded_in_the_store_survives_the_round_trip(
    example_store: Store, tmp_path: Path
) -> None:
    from datetime import date

    with example_store.transaction() as session:
        outcome: Outcome = load_visit(session, "sipo-2017-03").outcomes[0]
        outcome.change_status(OutcomeStatus.SIGNED, date(2017, 7, 1), note="Cabinet approved")
    exported = json.loads(export(example_store, ["sipo-2017-03"]))
    assert exported["visits"][0]["outcomes"][0]["status"] == "signed"
    assert exported["visits"][0]["outcomes"][0]["status_history"][-1] == {
        "status": "signed",
        "date": "2017-07-01",
        "note": "Cabinet approved",
    }
