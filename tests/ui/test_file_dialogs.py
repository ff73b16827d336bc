"""File dialogs open in the Documents folder the first time, then where the last file was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from visitdesk.ui import file_dialogs, recent


def test_the_first_dialog_opens_in_documents_then_in_the_last_folder_used(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    starts: list[str] = []
    chosen = tmp_path / "from the ministry" / "list.xlsx"
    chosen.parent.mkdir()

    def answer(_parent: Any, _caption: str, start: str, *args: Any) -> tuple[str, str]:
        starts.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    monkeypatch.chdir(tmp_path)  # the program's folder must never be where it opens
    file_dialogs.open_file_name(None, "Import", "", "Spreadsheets (*.xlsx)")
    assert Path(starts[0]) == file_dialogs.documents_folder()
    assert Path(starts[0]) != tmp_path

    file_dialogs.save_file_name(None, "Export", "visits.visit.json", "", recent=True)
    assert Path(starts[1]) == chosen.parent / "visits.visit.json"
    assert recent.files() == [str(chosen.resolve())]


def test_a_folder_that_was_removed_falls_back_to_documents(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gone = tmp_path / "usb stick"
    gone.mkdir()
    file_dialogs.remember_folder(gone / "a.pdf")
    gone.rmdir()
    assert file_dialogs.last_folder() == file_dialogs.documents_folder()
