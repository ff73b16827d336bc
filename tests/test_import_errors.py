"""Every way an exchange file can be wrong: a located, plain message, and nothing written."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from visitdesk.services.exchange.errors import ExchangeFileError
from visitdesk.services.exchange.exporter import export_document
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store

Doc = dict[str, Any]


@pytest.fixture
def example(example_path: Path) -> Doc:
    loaded: Doc = json.loads(example_path.read_text(encoding="utf-8"))
    return loaded


def snapshot(store: Store) -> str:
    with store.session() as session:
        return export_document(session)


def refuse(store: Store, tmp_path: Path, content: bytes | Doc) -> ExchangeFileError:
    """Import the content, expect a refusal, and prove that nothing was written."""
    path = tmp_path / "broken.visit.json"
    path.write_bytes(
        content if isinstance(content, bytes) else json.dumps(content, ensure_ascii=False).encode()
    )
    before = snapshot(store)
    with pytest.raises(ExchangeFileError) as caught:
        import_file(store, path)
    assert snapshot(store) == before
    assert str(caught.value).startswith("broken.visit.json: not imported, nothing was changed")
    return caught.value


def changed(example: Doc, edit: Callable[[Doc], object]) -> Doc:
    doc = copy.deepcopy(example)
    edit(doc)
    return doc


def problem(error: ExchangeFileError, path: str) -> str:
    found = [p.message for p in error.problems if p.path == path]
    assert found, f"no problem reported at {path}; got {error.problems}"
    return found[0]


def test_not_utf8(store: Store, tmp_path: Path) -> None:
    error = refuse(
        store, tmp_path, '{"format": "visitdesk/1", "note": "caf\xe9"}'.encode("latin-1")
    )
    assert "not UTF-8" in str(error)


def test_not_json_names_the_line(store: Store, tmp_path: Path) -> None:
    error = refuse(store, tmp_path, b'{\n  "format": "visitdesk/1",\n  "visits": [,]\n}')
    assert "not valid JSON at line 3" in str(error)


@pytest.mark.parametrize("content", [b"", b"   \n", b"[]", b'"visitdesk/1"', b"NaN"])
def test_empty_or_not_an_object(store: Store, tmp_path: Path, content: bytes) -> None:
    refuse(store, tmp_path, content)


def test_unknown_format_version(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(store, tmp_path, changed(example, lambda d: d.update(format="visitdesk/2")))
    assert "'visitdesk/2' is not a format this VisitDesk reads" in problem(error, "format")


def test_missing_format(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(store, tmp_path, changed(example, lambda d: d.pop("format")))
    assert "does not look like a VisitDesk exchange file" in problem(error, "format")


def test_missing_field(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store, tmp_path, changed(example, lambda d: d["visits"][0]["engagements"][2].pop("start"))
    )
    assert "is missing" in problem(error, "visits[0].engagements[2].start")


def test_wrong_type(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store, tmp_path, changed(example, lambda d: d["people"][0].update(precedence="first"))
    )
    assert "must be a whole number, not text 'first'" in problem(error, "people[0].precedence")


def test_date_that_does_not_exist(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store, tmp_path, changed(example, lambda d: d["visits"][0].update(end_date="2017-02-30"))
    )
    assert "February 2017 has no day 30" in problem(error, "visits[0].end_date")


def test_time_that_does_not_exist(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store,
        tmp_path,
        changed(
            example, lambda d: d["visits"][0]["engagements"][0].update(start="2017-03-21T25:00")
        ),
    )
    assert "not a time of day that exists" in problem(error, "visits[0].engagements[0].start")


def test_engagement_ending_before_it_starts(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store,
        tmp_path,
        changed(example, lambda d: d["visits"][0]["engagements"][1].update(end="2017-03-21T14:00")),
    )
    assert "ends (2017-03-21 14:00) before it starts (2017-03-21 15:00)" in problem(
        error, "visits[0].engagements[1].end"
    )


def test_visit_ending_before_it_starts(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store, tmp_path, changed(example, lambda d: d["visits"][0].update(end_date="2017-03-20"))
    )
    assert "ends" in problem(error, "visits[0].end_date")


def test_id_used_twice(store: Store, tmp_path: Path, example: Doc) -> None:
    def twice(d: Doc) -> None:
        d["people"][1]["id"] = "he-zhimin"
        d["visits"][0]["engagements"][3]["id"] = "ipo-talks"

    error = refuse(store, tmp_path, changed(example, twice))
    assert "'he-zhimin' is used twice (first at people[0].id)" in problem(error, "people[1].id")
    assert "used twice" in problem(error, "visits[0].engagements[3].id")


def test_reference_to_an_undefined_person(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store,
        tmp_path,
        changed(
            example, lambda d: d["visits"][0]["engagements"][2]["guest_attendees"].append("ghost")
        ),
    )
    assert "person 'ghost'" in problem(error, "visits[0].engagements[2].guest_attendees[2]")


def test_reference_to_an_undefined_organisation(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store, tmp_path, changed(example, lambda d: d["people"][0].update(organisation="cnipa"))
    )
    assert "organisation 'cnipa'" in problem(error, "people[0].organisation")


def test_statement_about_an_engagement_the_visit_lacks(
    store: Store, tmp_path: Path, example: Doc
) -> None:
    error = refuse(
        store,
        tmp_path,
        changed(example, lambda d: d["visits"][0]["statements"][0].update(engagement="banquet")),
    )
    assert "engagement 'banquet'" in problem(error, "visits[0].statements[0].engagement")


def test_unknown_enum_value_lists_the_allowed_ones(
    store: Store, tmp_path: Path, example: Doc
) -> None:
    error = refuse(
        store,
        tmp_path,
        changed(example, lambda d: d["visits"][0]["engagements"][0].update(kind="party")),
    )
    message = problem(error, "visits[0].engagements[0].kind")
    assert "'party' is not one of" in message and "courtesy_call" in message


def test_status_that_does_not_fit_the_outcome(store: Store, tmp_path: Path, example: Doc) -> None:
    error = refuse(
        store,
        tmp_path,
        changed(example, lambda d: d["visits"][0]["outcomes"][1].update(status="signed")),
    )
    assert "cannot be 'signed'" in problem(error, "visits[0].outcomes[1].status")


def test_unknown_field_is_named_so_a_typo_is_not_silently_lost(
    store: Store, tmp_path: Path, example: Doc
) -> None:
    error = refuse(
        store, tmp_path, changed(example, lambda d: d["visits"][0].update(titel="Visit"))
    )
    assert "unknown field" in problem(error, "visits[0].titel")


def test_every_problem_is_listed_at_once(store: Store, tmp_path: Path, example: Doc) -> None:
    def many(d: Doc) -> None:
        d["visits"][0]["start_date"] = "2017-13-01"
        d["people"][2]["family_name"] = None
        d["visits"][0]["engagements"][0]["host_attendees"] = "rashid"

    error = refuse(store, tmp_path, changed(example, many))
    assert {
        "visits[0].start_date",
        "people[2].family_name",
        "visits[0].engagements[0].host_attendees",
    } <= {p.path for p in error.problems}


def test_overlong_field_is_refused_with_its_limit(
    store: Store, tmp_path: Path, example: Doc
) -> None:
    error = refuse(
        store, tmp_path, changed(example, lambda d: d["people"][0].update(family_name="H" * 5000))
    )
    assert "5,000 characters long; at most 200" in problem(error, "people[0].family_name")


def test_press_release_number_of_another_visit_is_refused(
    example_store: Store, tmp_path: Path, example: Doc
) -> None:
    def other_visit(d: Doc) -> None:
        d["visits"][0]["id"] = "another-visit"

    error = refuse(example_store, tmp_path, changed(example, other_visit))
    assert "already used by visit 'sipo-2017-03'" in problem(
        error, "visits[0].press_releases[0].number"
    )


def test_failure_in_a_later_visit_writes_nothing_of_the_earlier_one(
    store: Store, tmp_path: Path, example: Doc
) -> None:
    def two_visits(d: Doc) -> None:
        second = copy.deepcopy(d["visits"][0])
        second["id"] = "second"
        second["press_releases"] = [{"number": 211, "date": "2017-03-23"}]
        d["visits"].append(second)

    error = refuse(store, tmp_path, changed(example, two_visits))
    assert "number 211 of 2017 is used twice" in problem(
        error, "visits[1].press_releases[0].number"
    )
