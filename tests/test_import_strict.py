"""Files that parse as JSON but hold what a store cannot keep, or keep ambiguously: refused,
each problem with its place, and nothing written (PostgreSQL must take what SQLite takes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_import_errors import problem, refuse
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store


def example_text(example_path: Path) -> str:
    return example_path.read_text(encoding="utf-8")


def test_a_key_given_twice_is_refused_even_when_the_last_one_would_do(
    store: Store, tmp_path: Path, example_path: Path
) -> None:
    # json.loads keeps the last value: "visitdesk/99" followed by "visitdesk/1" would import.
    text = example_text(example_path).replace(
        '"format": "visitdesk/1"', '"format": "visitdesk/99", "format": "visitdesk/1"', 1
    )
    assert text.count('"format"') == 2
    error = refuse(store, tmp_path, text.encode())
    assert (
        problem(error, "")
        == 'the key "format" is given more than once at the top of the file; keep one'
    )


def test_a_nul_in_a_talking_point_is_refused_with_its_place(
    store: Store, tmp_path: Path, example_path: Path
) -> None:
    doc = json.loads(example_text(example_path))
    engagement = doc["visits"][0]["engagements"][0]
    engagement["talking_points"] = ["Patent examination\u0000 cooperation"]
    error = refuse(store, tmp_path, json.dumps(doc).encode())
    message = problem(error, "visits[0].engagements[0].talking_points[0]")
    assert "NUL character" in message


def test_a_lone_surrogate_is_refused_with_its_place(
    store: Store, tmp_path: Path, example_path: Path
) -> None:
    text = example_text(example_path)
    doc = json.loads(text)
    title = doc["visits"][0]["title"]
    raw = text.replace(json.dumps(title, ensure_ascii=False), '"broken \\ud83d title"', 1)
    error = refuse(store, tmp_path, raw.encode())
    assert "surrogate" in problem(error, "visits[0].title")


@pytest.mark.parametrize(
    ("digits", "said"),
    [
        ("9" * 5000, "outside what VisitDesk keeps"),
        ("2147483648", "outside what VisitDesk keeps"),
        ("-2147483649", "must be at least 0"),
    ],
)
def test_numbers_beyond_32_bits_are_refused_with_their_place(
    store: Store, tmp_path: Path, example_path: Path, digits: str, said: str
) -> None:
    doc = json.loads(example_text(example_path))
    person = doc["people"][0]
    person["precedence"] = 1
    raw = json.dumps(doc).replace('"precedence": 1', f'"precedence": {digits}', 1)
    error = refuse(store, tmp_path, raw.encode())
    assert said in problem(error, "people[0].precedence")


def test_the_largest_32_bit_number_still_imports(
    store: Store, tmp_path: Path, example_path: Path
) -> None:
    doc = json.loads(example_text(example_path))
    doc["people"][0]["precedence"] = 2**31 - 1
    path = tmp_path / "edge.visit.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    import_file(store, path)
