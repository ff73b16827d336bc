"""The delegation list names a delegate's role as the window and the pack do: `Interpreter`,
not the stored `interpreter` (the arrivals list, for the airport, names journeys instead)."""

from __future__ import annotations

import csv
from pathlib import Path

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
