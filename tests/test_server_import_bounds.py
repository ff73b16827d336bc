"""The same file is refused with the same message on both stores: what PostgreSQL cannot hold
(a NUL in a text, a number beyond 32 bits) is stopped by the importer, never by a DataError."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import server_helpers
from tests.test_import_errors import problem, refuse
from visitdesk.store.database import Store

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]

empty_database = server_helpers.empty_database


@pytest.fixture
def server_store(empty_database: str) -> Iterator[Store]:
    opened = Store.open(database_url=empty_database)
    yield opened
    opened.close()


def _nul_in_a_talking_point(doc: dict[str, Any]) -> str:
    doc["visits"][0]["engagements"][0]["talking_points"] = ["Patent examination\u0000 cooperation"]
    return "visits[0].engagements[0].talking_points[0]"


def _nul_in_a_name(doc: dict[str, Any]) -> str:
    doc["people"][0]["family_name"] = "Kh\u0000an"
    return "people[0].family_name"


def _precedence(digits: str) -> Any:
    def edit(doc: dict[str, Any]) -> tuple[str, str]:
        doc["people"][0]["precedence"] = 1
        return "people[0].precedence", digits

    return edit


def _release_number(doc: dict[str, Any]) -> tuple[str, str]:
    doc["visits"][0]["press_releases"][0]["number"] = 211
    return "visits[0].press_releases[0].number", "4294967296"


def _sequence(doc: dict[str, Any]) -> tuple[str, str]:
    doc["visits"][0]["engagements"][0]["sequence"] = 1
    return "visits[0].engagements[0].sequence", "2147483648"


CASES = {
    "a press release number of 2**32": _release_number,
    "a calendar sequence of 2**31": _sequence,
    "a NUL in a talking point": _nul_in_a_talking_point,
    "a NUL in a family name": _nul_in_a_name,
    "5000 nines": _precedence("9" * 5000),
    "2**31": _precedence("2147483648"),
    "-2**31 - 1": _precedence("-2147483649"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_file_sqlite_refuses_is_refused_on_the_server_with_the_same_words(
    case: str, store: Store, server_store: Store, tmp_path: Path, example_path: Path
) -> None:
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    made = CASES[case](doc)
    raw = json.dumps(doc)
    if isinstance(made, tuple):
        place, digits = made
        key = place.rsplit(".", 1)[1]
        value = {"precedence": 1, "number": 211, "sequence": 1}[key]
        assert f'"{key}": {value}' in raw
        raw = raw.replace(f'"{key}": {value}', f'"{key}": {digits}', 1)
    else:
        place = made
    (tmp_path / "sqlite").mkdir()
    (tmp_path / "server").mkdir()
    on_sqlite = refuse(store, tmp_path / "sqlite", raw.encode())
    on_server = refuse(server_store, tmp_path / "server", raw.encode())
    assert problem(on_server, place) == problem(on_sqlite, place)
    assert str(on_server) == str(on_sqlite)
