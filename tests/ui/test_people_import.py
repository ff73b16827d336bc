"""The delegation-list import in the window: switching sides, corrections ticked one by one,
people no longer listed, and Edit > Undo taking the whole import back (issues 9 and 13)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.ui.test_office_files import _open_sipo
from visitdesk.domain.models import Person
from visitdesk.ui.dialogs.people_import_dialog import PeopleImportDialog


def _list(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["Name", "Title/Position", "Organisation"], *rows])
    return path


def _texts(dialog: PeopleImportDialog) -> list[str]:
    return [dialog.model.index(i, 2).data() for i in range(dialog.model.rowCount())]


def _position(store: Any, ref: str) -> str | None:
    with store.session() as session:
        person: Person = session.query(Person).filter_by(ref=ref).one()
        return person.position


def test_switching_to_the_host_side_and_back_leaves_the_dialog_as_it_was(
    qtbot, window, tmp_path, monkeypatch, fill_dialog
):
    path = _list(
        tmp_path / "list.csv",
        [["Dr. He Zhimin", "Deputy Commissioner", "SIPO"], ["Ms. Li Na", "Counsellor", "SIPO"]],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: list[tuple[list[str], bool]] = []
    ticks: list[set[int]] = []

    def fill(dialog: PeopleImportDialog) -> None:
        # Mr. Zhang is in the delegation but not in the list: the officer ticks him.
        dialog.missing.item(0).setCheckState(Qt.CheckState.Checked)
        for index in (0, 1, 0):
            dialog.side.setCurrentIndex(index)
            seen.append((_texts(dialog), dialog.import_button.isEnabled()))
        ticks.append(dialog.people_to_remove())
        dialog.side.setCurrentIndex(0)

    fill_dialog(PeopleImportDialog, fill)
    _open_sipo(qtbot, window)
    window.visit_actions["import_people"].trigger()
    guest, host, back = seen
    assert guest == (
        [
            "matches he-zhimin; already in the delegation",
            "new person (li-na); joins the delegation",
        ],
        True,
    )
    assert host[0][0] == "Error: Dr. HE Zhimin is already in the delegation of this visit"
    assert host[1] is False
    assert back == guest
    assert len(ticks) == 1 and len(ticks[0]) == 1  # the tick survived the switch


def test_a_corrected_list_applies_the_ticked_changes_and_undo_takes_it_all_back(
    qtbot, window, tmp_path, monkeypatch, fill_dialog, example_store
):
    path = _list(
        tmp_path / "corrected.csv",
        [
            ["Dr. He Zhimin", "Commissioner", "SIPO"],
            ["Mr. Zhang Wei", "Director-General", "SIPO"],
            ["Ms. Li Na", "Counsellor", "SIPO"],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown: dict[str, Any] = {}

    def fill(dialog: PeopleImportDialog) -> None:
        changes = dialog.findChild(type(dialog.changes), "import-changes")
        assert changes is not None
        shown["changes"] = [changes.item(i).text() for i in range(changes.count())]
        shown["ticked"] = [
            changes.item(i).checkState() == Qt.CheckState.Checked for i in range(changes.count())
        ]
        # The officer keeps He's new title and declines Zhang's.
        for i in range(changes.count()):
            if "Zhang" in changes.item(i).text() or "ZHANG" in changes.item(i).text():
                changes.item(i).setCheckState(Qt.CheckState.Unchecked)

    fill_dialog(PeopleImportDialog, fill)
    view = _open_sipo(qtbot, window)
    zhang_before = _position(example_store, "sipo-member-2")
    window.visit_actions["import_people"].trigger()
    assert any(
        "Title/Position: “Deputy Commissioner” → “Commissioner”" in text
        for text in shown["changes"]
    ), shown["changes"]
    assert all(shown["ticked"])
    assert _position(example_store, "he-zhimin") == "Commissioner"
    assert _position(example_store, "sipo-member-2") == zhang_before
    names = [r.name for r in view.delegation.model.rows()]
    assert "Ms. LI Na" in names
    assert window.undo_group.undoText() == "Import corrected.csv"

    window.undo_group.undo()
    assert _position(example_store, "he-zhimin") == "Deputy Commissioner"
    assert "Ms. LI Na" not in [r.name for r in view.delegation.model.rows()]
    with example_store.session() as session:
        assert session.query(Person).filter_by(ref="li-na").count() == 0
    window.undo_group.redo()
    assert _position(example_store, "he-zhimin") == "Commissioner"
    assert "Ms. LI Na" in [r.name for r in view.delegation.model.rows()]
