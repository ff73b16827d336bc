"""The records' accidents as the officer meets them: a read-only copy, a colleague saving to
the same file, and the file replaced under the running window.

Each story opens the window on records another officer (or a sync tool) works on too; what
the other side does goes through the app layer or the file system, what the officer does goes
through the window only.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QTableView, QWidget

from tests.acceptance.conftest import menu_action, modal, when_shown
from tests.acceptance.widgets import button
from visitdesk.app import Desk
from visitdesk.app.visits import VisitDetails
from visitdesk.ui.main_window import MainWindow


def a_visit(folder: Path, title: str) -> None:
    """A colleague's records with one visit in them."""
    other = Desk.open(data_dir=folder, user="colleague")
    try:
        other.visits.create(
            VisitDetails(title=title, start_date=date(2026, 5, 11), end_date=date(2026, 5, 13))
        )
    finally:
        other.close()


def window_on(qtbot: Any, desk: Desk) -> MainWindow:
    main = MainWindow(desk)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


def banner(main: MainWindow) -> str:
    label = main.findChild(QLabel, "records-banner-text")
    return label.text() if label is not None and label.isVisible() else ""


def visits_table(main: MainWindow) -> QTableView:
    first = main.tabs.widget(0)
    table = first.findChild(QTableView) if first is not None else None
    assert table is not None, "the Visits tab shows no table"
    return table


def visit_titles(main: MainWindow) -> list[str]:
    table = visits_table(main)
    model = table.model()
    titles = []
    for row in range(model.rowCount()):
        texts = [str(model.index(row, c).data() or "") for c in range(model.columnCount())]
        titles.extend(texts)
    return titles


def open_first_visit(qtbot: Any, main: MainWindow) -> QWidget:
    table = visits_table(main)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.tabs.count() == 2)
    view = main.tabs.currentWidget()
    assert view is not None
    return view


def test_a_read_only_copy_says_so_and_refuses_an_edit_keeping_what_was_typed(
    qtbot: Any, tmp_path: Path, messages: list[tuple[str, str]], monkeypatch: Any
) -> None:
    # Cancel after the refusal asks whether to discard what was typed: the officer says so.
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: discard)
    a_visit(tmp_path / "archive", "Visit of the KIPO delegation")
    main = window_on(qtbot, Desk.open(data_dir=tmp_path / "archive", read_only=True))
    assert "Read only" in banner(main) and "changes are not saved" in banner(main)
    # The folder is writable: the officer chose read-only, and is not sent to ask for access.
    assert "opened for browsing only" in banner(main), banner(main)
    assert "may not write" not in banner(main)
    assert "Visit of the KIPO delegation" in visit_titles(main)  # browsing works
    visit = open_first_visit(qtbot, main)
    typed: list[str] = []

    def edit_and_save(dialog: QWidget) -> None:
        title = dialog.findChild(QLineEdit, "visit-title") or dialog.findChild(QLineEdit)
        assert title is not None
        title.selectAll()
        qtbot.keyClicks(title, "Renamed in the archive")
        typed.append(title.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Save
        qtbot.waitUntil(lambda: bool(messages))
        typed.append(title.text())  # still there after the refusal
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_shown(modal("visit_dialog"), edit_and_save)
    edit = button(visit, "Edit details…")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert typed == ["Renamed in the archive", "Renamed in the archive"]
    _title, text = messages[-1]
    assert "reading only" in text or "read only" in text.lower()
    assert "cannot be written to" not in text and "start it again without read-only" in text
    assert "Visit of the KIPO delegation" in visit_titles(main)


def test_a_colleague_s_new_visit_appears_without_reopening(
    qtbot: Any, tmp_path: Path, messages: list[Any]
) -> None:
    a_visit(tmp_path / "office", "Visit of the JPO delegation")
    main = window_on(qtbot, Desk.open(data_dir=tmp_path / "office"))
    assert "Visit of the JPO delegation" in visit_titles(main)
    a_visit(tmp_path / "office", "Visit of the EUIPO delegation")  # saved in the other window
    qtbot.waitUntil(lambda: "Visit of the EUIPO delegation" in visit_titles(main), timeout=8000)
    assert "another VisitDesk" in main.statusBar().currentMessage()


def test_a_file_replaced_under_the_window_stops_it_writing_and_says_why(
    qtbot: Any, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    folder = tmp_path / "synced"
    a_visit(folder, "Visit of the CNIPA delegation")
    desk = Desk.open(data_dir=folder)
    main = window_on(qtbot, desk)
    database = folder / "visitdesk.sqlite3"
    restored = tmp_path / "restored.sqlite3"
    shutil.copy(database, restored)
    restored.replace(database)  # a sync tool or a restore puts another file in its place
    qtbot.waitUntil(lambda: "replaced by another file" in banner(main), timeout=8000)
    assert any("replaced by another file" in text for _title, text in messages)
    assert "nothing more is written" in banner(main)
    menu_action(main, "File", "New visit…")  # still offered; saving it is refused


def test_records_deleted_between_two_starts_come_back_from_the_backup(
    qtbot: Any, tmp_path: Path
) -> None:
    from tests.test_store_missing import records_with_a_visit
    from visitdesk.ui.app import show_window

    path = records_with_a_visit(tmp_path)
    path.unlink()

    def restore(box: Any) -> None:
        assert isinstance(box, QMessageBox) and "is missing" in box.text()
        chosen = next(b for b in box.buttons() if "Restore" in b.text())
        chosen.click()

    asked = when_shown(modal("missing_records"), restore)
    args = argparse.Namespace(data_dir=str(tmp_path), database_url=None, visit=None, view=None)
    window, opened = show_window(args)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert asked and path.exists()
    qtbot.waitUntil(lambda: "Visit of the KIPO delegation" in visit_titles(window))
    for desk in opened:
        desk.close()


def test_records_deleted_with_no_backup_are_not_offered_a_backup(
    qtbot: Any, tmp_path: Path, messages: list[tuple[str, str]], monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from visitdesk.ui.app import show_window

    # Quit ends the program with an exit code; here it must not end the tests' event loops.
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    a_visit(tmp_path, "Visit of the KIPO delegation")  # a first start writes no backup
    path = tmp_path / "visitdesk.sqlite3"
    for file in tmp_path.glob("visitdesk.sqlite3*"):
        file.unlink()
    seen: list[str] = []

    def quit_(box: Any) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text() + "\n" + box.informativeText())
        seen.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if "Quit" in b.text()).click()

    asked = when_shown(modal("missing_records"), quit_)
    args = argparse.Namespace(data_dir=str(tmp_path), database_url=None, visit=None, view=None)
    window, opened = show_window(args)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)  # then "VisitDesk cannot start"
    assert asked and messages[-1][0] == "VisitDesk cannot start" and exits and exits[0] != 0
    text = seen[0]
    assert "no backup" in text
    # Nothing to restore: the choices offered are the two buttons shown, and no "--start-empty".
    assert "Restore" not in text and not any("Restore" in b for b in seen[1:]), seen
    assert "--" not in text and not path.exists()
    for desk in opened:
        desk.close()


def test_a_save_while_another_visitdesk_writes_waits_visibly_then_goes_through(
    qtbot: Any, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    import sqlite3

    from PySide6.QtWidgets import QApplication

    a_visit(tmp_path / "office", "Visit of the JPO delegation")
    desk = Desk.open(data_dir=tmp_path / "office")
    main = window_on(qtbot, desk)
    visit = open_first_visit(qtbot, main)
    path = desk.database_file
    assert path is not None
    other = sqlite3.connect(path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another VisitDesk in the middle of a long import
    noticed: list[str] = []

    def the_other_finishes(note: QWidget) -> None:
        noticed.append(note.windowTitle())
        other.rollback()

    def rename_and_save(dialog: QWidget) -> None:
        title = dialog.findChild(QLineEdit)
        assert title is not None
        title.selectAll()
        qtbot.keyClicks(title, "Visit of the JPO delegation (revised)")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Save: it waits for the other VisitDesk

    def waiting_note() -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "waiting-for-other" and widget.isVisible():
                return widget
        return None

    when_shown(waiting_note, the_other_finishes)
    when_shown(modal("visit_dialog"), rename_and_save)
    edit = button(visit, "Edit details…")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    other.close()
    assert noticed == ["Waiting for the other VisitDesk"]
    assert not messages  # no refusal: it was saved once the other had finished
    qtbot.waitUntil(lambda: "Visit of the JPO delegation (revised)" in visit_titles(main))


def test_an_open_dialog_says_when_another_officer_changed_its_record(
    qtbot: Any, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    a_visit(tmp_path / "office", "Visit of the JPO delegation")
    main = window_on(qtbot, Desk.open(data_dir=tmp_path / "office", user="akhan"))
    visit = open_first_visit(qtbot, main)
    seen: list[str] = []

    def colleague_saves_meanwhile(dialog: QWidget) -> None:
        other = Desk.open(data_dir=tmp_path / "office", user="bmalik")
        record = other.visits.details(other.visits.id_of(other.visits.list()[0].ref))
        other.visits.update(
            record.id, dataclasses.replace(record.data, city="Karachi"), record.version
        )
        other.close()

        def note() -> QLabel | None:
            label = dialog.findChild(QLabel, "changed-since-opened")
            return label if label is not None and label.isVisible() else None

        qtbot.waitUntil(lambda: note() is not None, timeout=8000)
        found = note()
        assert found is not None
        seen.append(found.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once

    when_shown(modal("visit_dialog"), colleague_saves_meanwhile)
    edit = button(visit, "Edit details…")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert seen and "bmalik changed this record" in seen[0]
    assert "Save will show both versions" in seen[0]
