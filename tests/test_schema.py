"""The shipped JSON Schema describes exactly what the importer reads and the exporter writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from visitdesk.services.exchange import keys as parse
from visitdesk.services.exchange import schema_text
from visitdesk.services.exchange.exporter import export_document
from visitdesk.store.database import Store

from .test_roundtrip import rich_document


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def validate(document: object, schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(schema).validate(document)


def test_the_example_is_valid(schema: dict[str, Any], example_path: Path) -> None:
    validate(json.loads(example_path.read_text(encoding="utf-8")), schema)


def test_what_we_export_is_valid(
    schema: dict[str, Any], store: Store, example_path: Path, tmp_path: Path
) -> None:
    from visitdesk.services.exchange.importer import import_file

    rich = tmp_path / "rich.visit.json"
    rich.write_text(json.dumps(rich_document(example_path), ensure_ascii=False), encoding="utf-8")
    import_file(store, rich)
    with store.session() as session:
        validate(json.loads(export_document(session)), schema)


def test_schema_and_importer_know_the_same_fields(schema: dict[str, Any]) -> None:
    top = schema["properties"]
    visit = top["visits"]["items"]["properties"]

    def keys(node: dict[str, Any]) -> frozenset[str]:
        return frozenset(node["properties"])

    assert keys(schema) == parse.TOP
    assert keys(top["office"]) == parse.OFFICE
    assert keys(top["organisations"]["items"]) == parse.ORGANISATION
    assert keys(top["people"]["items"]) == parse.PERSON
    assert frozenset(visit) == parse.VISIT
    assert keys(visit["delegation"]) == parse.DELEGATION
    assert keys(visit["engagements"]["items"]) == parse.ENGAGEMENT
    assert keys(visit["statements"]["items"]) == parse.STATEMENT
    assert keys(visit["outcomes"]["items"]) == parse.OUTCOME
    assert keys(visit["outcomes"]["items"]["properties"]["status_history"]["items"]) == (
        parse.STATUS_CHANGE
    )
    assert keys(visit["press_releases"]["items"]) == parse.PRESS_RELEASE
