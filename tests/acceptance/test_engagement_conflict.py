"""Two officers on one shared folder edit the same engagement: the second save is not lost.

Officer A (akhan) imports the visit and opens the Minister's call to write its notes. Officer B
(bmalik), in a second VisitDesk on the same folder, moves the call an hour later and saves.
When A saves, the window says that B changed it, shows both start times side by side, and
Back returns to A's dialog with what A typed still there; Take theirs then shows B's time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from tests.acceptance.widgets import button, cells_under, click, menu_entry, named, plain, retype
from visitdesk.app import Desk
from visitdesk.store.database import Store
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()

Messages = list[tuple[str, str]]
NOTES = "Bring the MoU draft (草案) — محترم وزیر صاحب"


def _visit_file(path: Path) -> Path:
    """The JPO delegation's visit with one call on the Minister, as the embassy sends it."""
    document = {
        "format": "visitdesk/1",
        "organisations": [{"id": "jpo", "name": "Japan Patent Office", "short_name": "JPO"}],
        "people": [
            {"id": "sato-kenji", "honorific": "Mr.", "given_name": "Kenji",
             "family_name": "Sato", "native_name": "佐藤健二", "family_name_first": True,
             "position": "Commissioner", "organisation": "jpo", "precedence": 1},
        ],
        "visits": [{
            "id": "jpo-2017-05", "title": "Visit of the JPO delegation", "direction": "incoming",
            "guest_organisation": "jpo", "city": "Lahore", "country": "PK",
            "start_date": "2017-05-10", "end_date": "2017-05-11",
            "delegation": {"leader": "sato-kenji", "members": ["sato-kenji"]},
            "engagements": [{
                "id": "minister", "title": "Call on the Minister", "kind": "courtesy_call",
                "start": "2017-05-10T10:00", "end": "2017-05-10T11:00",
                "guest_attendees": ["sato-kenji"],
            }],
        }],
    }  # fmt: skip
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


# Fixtures (the lead will merge common ones into a conftest) ----------------------------------


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    return tmp_path / "shared-folder"


def _window(qtbot: Any, shared: Path, user: str) -> tuple[MainWindow, Store]:
    store = Store.open(data_dir=shared)
    main = MainWindow(Desk(store, user=user))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main, store


@pytest.fixture
def officer_a(qtbot: Any, shared: Path, messages: Messages) -> Iterator[MainWindow]:
    main, store = _window(qtbot, shared, "akhan")
    yield main
    store.close()


# What an officer does ------------------------------------------------------------------------


def in_dialog(
    title: str, steps: Callable[[QWidget], None], of: QWidget | None = None
) -> list[QWidget]:
    """Run `steps` in the dialog titled `title` (of the window `of`) once it is on screen:
    the click that opens it blocks until it closes. Polled, because the window reads the
    records off its GUI thread and keeps painting meanwhile."""
    seen: list[QWidget] = []
    timer = QTimer(QApplication.instance())

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or dialog.windowTitle() != title:
            return
        owner = dialog.parentWidget()
        if of is not None and (owner is None or owner.window() is not of):
            return
        timer.stop()
        timer.deleteLater()
        seen.append(dialog)
        steps(dialog)

    timer.timeout.connect(poll)
    timer.start(20)
    return seen


def open_visit(qtbot: Any, window: MainWindow, search_for: str) -> QWidget:
    visits = window.tabs.widget(0)
    assert visits is not None
    search = visits.findChild(QLineEdit)
    assert search is not None
    qtbot.keyClicks(search, search_for)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    tab = window.tabs.currentWidget()
    assert tab is not None
    return tab


def programme(tab: QWidget) -> tuple[QWidget, QTableView]:
    sections = tab.findChild(QTabWidget)
    assert sections is not None
    for i in range(sections.count()):
        if plain(sections.tabText(i)) == "Programme":
            sections.setCurrentIndex(i)
            panel = sections.widget(i)
            assert panel is not None
            table = panel.findChild(QTableView)
            assert table is not None
            return panel, table
    raise AssertionError("no Programme section")


# The story ----------------------------------------------------------------------------------


def test_a_second_officers_change_is_shown_not_overwritten(
    qtbot: Any,
    officer_a: MainWindow,
    shared: Path,
    messages: Messages,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    path = _visit_file(tmp_path / "jpo.visit.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_entry(officer_a, "File", "Import visitdesk/1 file").trigger()
    assert messages[-1][0] == "Imported", messages
    # The second officer starts VisitDesk on the same shared folder.
    officer_b, store_b = _window(qtbot, shared, "bmalik")
    try:
        a_panel, a_table = programme(open_visit(qtbot, officer_a, "jpo"))
        b_panel, b_table = programme(open_visit(qtbot, officer_b, "jpo"))
        assert cells_under(a_table, "Time") == cells_under(b_table, "Time") == ["10:00–11:00"]
        a_table.selectRow(0)
        b_table.selectRow(0)
        outcome: dict[str, Any] = {}

        def b_moves_it(dialog: QWidget) -> None:
            retype(qtbot, named(dialog, QLineEdit, "Starts time"), "11:30")
            click(qtbot, button(dialog, "Save"))

        def on_conflict(dialog: QWidget) -> None:
            text = dialog.findChild(QLabel)
            assert text is not None
            outcome["message"] = text.text()
            table = named(dialog, QTableWidget, "conflict-fields")
            outcome["rows"] = [
                tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())
            ]
            click(qtbot, named(dialog, QAbstractButton, "back"))

        def take_theirs(dialog: QWidget) -> None:
            click(qtbot, named(dialog, QAbstractButton, "take-theirs"))

        def a_writes_notes(dialog: QWidget) -> None:
            notes = named(dialog, QPlainTextEdit, "engagement notes")
            notes.setFocus()
            qtbot.keyClicks(notes, "Bring the MoU draft")
            # The rest pasted from the embassy's email (key clicks type Latin-1 only).
            notes.insertPlainText(NOTES.removeprefix("Bring the MoU draft"))
            # Meanwhile, at the other desk, B moves the call to 11:30 and saves.
            opened_b = in_dialog("Edit engagement", b_moves_it, of=officer_b)
            click(qtbot, button(b_panel, "Edit…"))
            assert opened_b
            assert cells_under(b_table, "Time") == ["11:30–12:30"]
            # A saves: refused, both versions shown; Back returns to A's text.
            shown = in_dialog("Changed by another officer", on_conflict)
            click(qtbot, button(dialog, "Save"))
            assert shown
            outcome["still open"] = dialog.isVisible()
            outcome["notes after back"] = notes.toPlainText()
            # A looks again and takes B's version.
            taken = in_dialog("Changed by another officer", take_theirs)
            click(qtbot, button(dialog, "Save"))
            assert taken
            outcome["closed"] = not dialog.isVisible()

        opened_a = in_dialog("Edit engagement", a_writes_notes, of=officer_a)
        click(qtbot, button(a_panel, "Edit…"))
        assert opened_a
        assert "bmalik" in outcome["message"] and "Call on the Minister" in outcome["message"]
        assert "not saved" in outcome["message"]
        by_field = {row[0]: row[1:] for row in outcome["rows"]}
        assert by_field["Start"] == ("10 May 2017 10:00", "10 May 2017 11:30")
        assert by_field["End"] == ("10 May 2017 11:00", "10 May 2017 12:30")
        assert by_field["Notes"] == (NOTES, "—")
        assert outcome["still open"] and outcome["notes after back"] == NOTES
        assert outcome["closed"]
        # A's programme now shows B's time, and B's change was never overwritten.
        assert cells_under(a_table, "Time") == ["11:30–12:30"]
        assert not any(title == "Not saved" for title, _text in messages)
    finally:
        store_b.close()
