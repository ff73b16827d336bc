"""The delegation list names a delegate's role as the window and the pack do: `Interpreter`,
not the stored `interpreter` (the arrivals list, for the airport, names journeys instead)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from tests.briefing_helpers import import_document
from tests.briefing_visits import japan_document
from visitdesk.cli import main


def test_the_delegation_list_prints_the_role_as_read(data_dir: Path, tmp_path: Path) -> None:
    import_document(data_dir, japan_document(), "japan")
    for kind in ("delegation",):
        out = tmp_path / f"{kind}.csv"
        command = ["--data-dir", str(data_dir), "export-list", "jpo-2026", "--list", kind]
        assert main([*command, "-o", str(out)]) == 0
        rows = list(csv.DictReader(out.read_text("utf-8-sig").splitlines()))
        roles = {row["Name"]: row["Role"] for row in rows}
        assert roles["SATO Kenji"] == "Interpreter", kind
        assert roles["YAMADA Taro"] == "", kind


def test_the_command_names_each_list_once_in_what_it_wrote(
    data_dir: Path, tmp_path: Path, capsys: Any
) -> None:
    document = {
        "format": "visitdesk/1",
        "people": [{"id": "kim", "family_name": "Kim", "given_name": "Yong-rae",
                    "family_name_first": True, "native_name": "김용래"}],
        "visits": [{
            "id": "kipo-2027", "title": "Visit of the KIPO delegation",
            "start_date": "2027-04-12", "end_date": "2027-04-14", "country": "PK",
            "delegation": {"leader": "kim", "members": ["kim"]},
            "hotels": [{"name": "Serena Hotel", "city": "Islamabad", "rooms": [
                {"person": "kim", "check_in": "2027-04-12", "check_out": "2027-04-14"}]}],
        }],
    }  # fmt: skip
    import_document(data_dir, document, "kipo")
    capsys.readouterr()
    said = {}
    for kind in ("rooming", "delegation"):
        out = tmp_path / f"{kind}.xlsx"
        command = ["--data-dir", str(data_dir), "export-list", "kipo-2027", "--list", kind]
        assert main([*command, "-o", str(out)]) == 0
        said[kind] = capsys.readouterr().out
    # Not "the rooming list list": the hotel's list is named once, as every other list is.
    assert said["rooming"].startswith("Wrote the rooming list (1 row) to "), said
    assert said["delegation"].startswith("Wrote the delegation list (1 row) to "), said
