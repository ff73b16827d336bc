"""Classification levels on SQLite (one officer, nothing hidden): a visit's level and each
talking point's come and go through visitdesk/1 files, are kept by the app, and print."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from visitdesk.app import Desk
from visitdesk.app.enums import Level

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"
VISIT = "sipo-2017-03"
SECRET_POINT = "Our fallback: accept the draft MoU text of 12 March if pressed."


def classified_example(tmp_path: Path) -> Path:
    """The example visit, Confidential, with one Secret point and one Unclassified."""
    document: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    visit = document["visits"][0]
    visit["classification"] = "confidential"
    engagement = next(e for e in visit["engagements"] if e.get("talking_points"))
    engagement["talking_points"] += [
        {"text": SECRET_POINT, "level": "secret"},
        {"text": "Thank the delegation for the exhibition.", "level": "unclassified"},
    ]
    path = tmp_path / "classified.visit.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def desk(tmp_path: Path) -> Any:
    opened = Desk.open(data_dir=tmp_path / "records")
    yield opened
    opened.close()


def points_of(desk: Desk) -> list[tuple[str, Level | None]]:
    visit_id = desk.visits.id_of(VISIT)
    for row in desk.itinerary.rows(visit_id):
        data = desk.itinerary.load(row.id).data
        if data.talking_points:
            levels = (*data.talking_point_levels, *(None,) * len(data.talking_points))
            return list(zip(data.talking_points, levels, strict=False))
    return []


def test_levels_come_in_from_a_file_and_go_out_the_same(desk: Desk, tmp_path: Path) -> None:
    desk.exchange.import_file(classified_example(tmp_path))
    visit_id = desk.visits.id_of(VISIT)
    assert desk.visits.details(visit_id).data.classification is Level.CONFIDENTIAL
    assert points_of(desk)[-2:] == [
        (SECRET_POINT, Level.SECRET),
        ("Thank the delegation for the exhibition.", Level.UNCLASSIFIED),
    ]
    assert points_of(desk)[0][1] is None
    exported = json.loads(desk.exchange.export_text([VISIT]))["visits"][0]
    assert exported["classification"] == "confidential"
    engagement = next(e for e in exported["engagements"] if e.get("talking_points"))
    assert engagement["talking_points"][-2] == {"text": SECRET_POINT, "level": "secret"}
    assert isinstance(engagement["talking_points"][0], str)  # no level: plain text, as before


def test_an_old_file_imports_at_the_offices_level_with_plain_points(desk: Desk) -> None:
    desk.exchange.import_file(EXAMPLE)
    visit_id = desk.visits.id_of(VISIT)
    assert desk.visits.details(visit_id).data.classification is Level.RESTRICTED
    assert all(level is None for _text, level in points_of(desk))


def test_an_unknown_level_is_a_problem_of_the_file(desk: Desk, tmp_path: Path) -> None:
    path = classified_example(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"secret"', '"top secret"'), "utf-8")
    with pytest.raises(Exception) as refused:
        desk.exchange.import_file(path)
    assert "is not one of: unclassified, restricted, confidential, secret" in str(refused.value)


def test_an_officer_marks_a_point_and_the_visit_and_the_pack_prints_them(
    desk: Desk, tmp_path: Path
) -> None:
    desk.exchange.import_file(EXAMPLE)
    visit_id = desk.visits.id_of(VISIT)
    row = next(
        r for r in desk.itinerary.rows(visit_id) if desk.itinerary.load(r.id).data.talking_points
    )
    opened = desk.itinerary.load(row.id)
    points = opened.data.talking_points
    desk.itinerary.update(
        row.id,
        dataclasses.replace(
            opened.data,
            talking_points=(*points, SECRET_POINT),
            talking_point_levels=(*(None,) * len(points), Level.SECRET),
        ),
        opened.version,
    )
    assert points_of(desk)[-1] == (SECRET_POINT, Level.SECRET)
    pack = desk.documents.briefing_pack(visit_id)
    out = tmp_path / "pack.pdf"
    out.write_bytes(pack.data)
    printed = " ".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split()
    )
    # Nothing is hidden on SQLite; the point carries its marking and raises the pack's.
    assert f"(SECRET) {SECRET_POINT}" in printed
    assert "not shown to your role" not in printed
    assert pack.classification == "SECRET" and pack.withheld == 0

    details = desk.visits.details(visit_id)
    desk.visits.update(
        visit_id, dataclasses.replace(details.data, classification=Level.SECRET), details.version
    )
    assert desk.visits.details(visit_id).data.classification is Level.SECRET
    again = desk.documents.briefing_pack(visit_id)
    out.write_bytes(again.data)
    printed = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "(SECRET)" not in printed  # at the visit's own level: no marking of its own
