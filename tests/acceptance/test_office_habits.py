"""Office habits, walked from an empty store through the window: copying rows into Excel or
Word, right-click menus, File > Recent, tabs that come back, '&' and markup shown as typed, the
programme at a glance on paper, and what happens when something goes wrong."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from tests.acceptance.conftest import (
    menu_action,
    modal,
    open_window,
    popup,
    shown_text,
    when_shown,
)
from visitdesk.store.database import Store
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.views.visit_view import VisitView

DESCRIPTION = '<h1>Big heading</h1> See <a href="http://evil.example">this link</a> & more'
GUESTS = {
    "sato": ("Hiroshi", "Sato", "佐藤 博", 1),
    "kim": ("Min-jun", "Kim", None, 2),
    "suzuki": ("Yuki", "Suzuki", "鈴木 由紀", 3),
    "tanaka": ("Kenji", "Tanaka-Watanabe-Yamamoto", None, 4),
    "ito": ("Taro", "Ito", None, 5),
}
HOSTS = {
    "aslam": ("Muhammad", "Aslam", None, 1),
    "fatima": ("Fatima", "Noor", None, 2),
    "bilal": ("Bilal", "Khan", None, 3),
}
EVERY_ATTENDEE = [
    "Mr. SATO Hiroshi",
    "Mr. KIM Min-jun",
    "Mr. SUZUKI Yuki",
    "Mr. ITO Taro",
    "Mr. Muhammad Aslam",
    "Mr. Fatima Noor",
    "Mr. Bilal Khan",
]


def _person(key: str, parts: tuple[str, str, str | None, int], org: str, first: bool) -> Any:
    given, family, native, rank = parts
    person: dict[str, Any] = {
        "id": key,
        "honorific": "Mr.",
        "given_name": given,
        "family_name": family,
        "family_name_first": first,
        "organisation": org,
        "precedence": rank,
        "position": "Deputy Director <b>International</b>" if key == "suzuki" else "Officer",
    }
    if native:
        person["native_name"] = native
    return person


@pytest.fixture
def visit_file(tmp_path: Path) -> Path:
    """A visit of another delegation, as a partner office would send it."""
    people = [_person(k, v, "jpo", True) for k, v in GUESTS.items()]
    people += [_person(k, v, "host", False) for k, v in HOSTS.items()]

    def engagement(key: str, title: str, start: str, end: str, venue: str, city: str) -> Any:
        return {
            "id": key,
            "kind": "ministry_meeting",
            "title": title,
            "start": start,
            "end": end,
            "venue": venue,
            "city": city,
            "organisation": "host",
            "host_attendees": list(HOSTS),
            "guest_attendees": list(GUESTS),
        }

    document = {
        "format": "visitdesk/1",
        "organisations": [
            {
                "id": "jpo",
                "name": "Japan Patent Office",
                "short_name": "JPO",
                "country": "JP",
                "kind": "government_agency",
            },
            {
                "id": "host",
                "name": "Pakistan Council for Science & Technology",
                "short_name": "PCST",
                "country": "PK",
                "kind": "government_agency",
            },
        ],
        "people": people,
        "visits": [
            {
                "id": "rnd-2026-05",
                "title": "R&D Cooperation",
                "direction": "incoming",
                "host_organisation": "host",
                "guest_organisation": "jpo",
                "city": "Islamabad",
                "country": "PK",
                "start_date": "2026-05-11",
                "end_date": "2026-05-12",
                "status": "planned",
                "delegation": {
                    "description": DESCRIPTION,
                    "leader": "sato",
                    "members": list(GUESTS),
                },
                "engagements": [
                    engagement(
                        "talks",
                        "Talks on R&D cooperation",
                        "2026-05-11T11:00",
                        "2026-05-11T13:00",
                        'PCST Head Office, Room "A"',
                        "Islamabad",
                    ),
                    engagement(
                        "lab",
                        "Visit to the <i>Standards</i> Laboratory",
                        "2026-05-12T09:30",
                        "2026-05-12T12:00",
                        "NPSL Campus",
                        "Lahore",
                    ),
                ],
            }
        ],
    }
    path = tmp_path / "incoming" / "rnd.visit.json"
    path.parent.mkdir()
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def import_through_menu(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, "File", "Import visitdesk/1 file…").trigger()


def open_visit(qtbot: Any, window: MainWindow, words: str) -> VisitView:
    search = window.visits_view.search
    search.clear()
    qtbot.keyClicks(search, words)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, VisitView)
    return view


def show_section(qtbot: Any, view: VisitView, title: str) -> QWidget:
    bar = view.sections.tabBar()
    number = next(i for i in range(bar.count()) if shown_text(bar.tabText(i)) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(number).center())
    widget = view.sections.currentWidget()
    assert widget is not None
    return widget


def visible_table(section: QWidget) -> QTableView:
    table = next(t for t in section.findChildren(QTableView) if t.isVisible())
    return table


def click_row(qtbot: Any, table: QTableView, row: int, modifier: Any = None) -> None:
    centre = table.visualRect(table.model().index(row, 0)).center()
    modifiers = modifier or Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifiers, centre)


def right_click_menu(table: QTableView, row: int) -> list[str]:
    """Right-click a row; the entries of the menu that opens (it is then closed)."""
    texts: list[str] = []

    def read(menu: QWidget) -> None:
        assert isinstance(menu, QMenu)
        texts.extend(shown_text(a.text()) for a in menu.actions() if not a.isSeparator())
        menu.close()

    when_shown(popup, read)
    centre = table.visualRect(table.model().index(row, 0)).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, table.viewport().mapToGlobal(centre)
    )
    QApplication.sendEvent(table.viewport(), event)
    return texts


@pytest.fixture
def imported(
    qtbot: Any,
    empty_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    visit_file: Path,
    messages: list[tuple[str, str]],
) -> MainWindow:
    """The empty window after the officer imported the partner's file from the File menu."""
    assert empty_window.visits_view.model.rowCount() == 0
    import_through_menu(empty_window, monkeypatch, visit_file)
    assert messages and messages[-1][0] == "Imported", messages
    assert empty_window.visits_view.model.rowCount() == 1
    return empty_window


def test_two_selected_rows_copy_with_their_headings(qtbot: Any, imported: MainWindow) -> None:
    view = open_visit(qtbot, imported, "R&D")
    table = visible_table(show_section(qtbot, view, "Delegation"))
    click_row(qtbot, table, 0)
    click_row(qtbot, table, 2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    clipboard = QApplication.clipboard()
    lines = clipboard.text().splitlines()
    header = table.horizontalHeader()
    headings = [
        str(table.model().headerData(c, Qt.Orientation.Horizontal)) for c in range(header.count())
    ]
    assert lines[0] == "\t".join(headings)
    assert len(lines) == 3
    assert lines[1].startswith("Mr. SATO Hiroshi") and "佐藤 博" in lines[1]
    assert lines[2].startswith("Mr. SUZUKI Yuki")
    assert "Deputy Director <b>International</b>" in lines[2].split("\t")
    # Word pastes the HTML: a table, the typed markup as characters, not as bold.
    markup = clipboard.mimeData().html()
    assert "<table" in markup and "<th>Name</th>" in markup
    assert "&lt;b&gt;International&lt;/b&gt;" in markup and "<b>International" not in markup

    # Edit > Copy does the same as Ctrl+C.
    copied = clipboard.text()
    clipboard.setText("")
    table.setFocus()
    menu_action(imported, "Edit", "Copy").trigger()
    assert clipboard.text() == copied


def test_right_click_offers_the_row_s_actions(qtbot: Any, imported: MainWindow) -> None:
    visits = imported.visits_view.table
    entries = right_click_menu(visits, 0)
    assert entries == ["Open", "New visit…", "Copy rows with headings"]

    view = open_visit(qtbot, imported, "R&D")
    programme = visible_table(show_section(qtbot, view, "Programme"))
    entries = right_click_menu(programme, 1)
    assert entries[:3] == ["Add engagement…", "Edit…", "Delete"]
    assert entries[-1] == "Copy rows with headings"
    # The right-clicked row became the one selected: Edit and Delete act on it.
    assert programme.selectionModel().selectedRows()[0].row() == 1

    delegation = visible_table(show_section(qtbot, view, "Delegation"))
    entries = right_click_menu(delegation, 0)
    assert "Remove from the delegation" in entries and "Make leader" in entries
    assert entries[-1] == "Copy rows with headings"


def test_file_recent_lists_the_imported_file_and_the_visits_opened(
    qtbot: Any, imported: MainWindow, visit_file: Path
) -> None:
    recent = menu_action(imported, "File", "Recent").menu()
    assert isinstance(recent, QMenu)
    assert shown_text(recent.actions()[0].text()) == "1  rnd.visit.json"
    assert recent.actions()[0].toolTip() == str(visit_file.resolve())

    open_visit(qtbot, imported, "R&D")
    imported.close_current_tab()
    entry = menu_action(imported, "File", "Recent", "R&D Cooperation  (rnd-2026-05)")
    entry.trigger()
    current = imported.tabs.currentWidget()
    assert isinstance(current, VisitView) and current.heading.text() == "R&D Cooperation"


def test_open_tabs_come_back_at_the_next_start(
    qtbot: Any, imported: MainWindow, store: Store
) -> None:
    open_visit(qtbot, imported, "R&D")
    menu_action(imported, "View", "People and organisations").trigger()
    menu_action(imported, "View", "Engagements in all visits").trigger()
    imported.tabs.setCurrentIndex(1)  # back to the visit, as the officer clicks its tab
    menu_action(imported, "File", "Quit").trigger()
    assert not imported.isVisible()

    again = open_window(qtbot, store)
    titles = [shown_text(again.tabs.tabText(i)) for i in range(again.tabs.count())]
    assert titles == ["Visits", "R&D Cooperation", "People and organisations", "Engagements"]
    assert shown_text(again.tabs.tabText(again.tabs.currentIndex())) == "R&D Cooperation"


def test_an_ampersand_shows_in_the_tab_and_markup_shows_as_typed(
    qtbot: Any, imported: MainWindow
) -> None:
    view = open_visit(qtbot, imported, "R&D")
    tab = imported.tabs.tabText(imported.tabs.currentIndex())
    assert shown_text(tab) == "R&D Cooperation"  # not "RD" with an underlined D

    section = show_section(qtbot, view, "Delegation")
    labels = [w for w in section.findChildren(QLabel) if w.isVisible() and "Big" in w.text()]
    assert len(labels) == 1
    description = labels[0]
    assert description.text() == DESCRIPTION
    assert description.textFormat() == Qt.TextFormat.PlainText  # no heading, no live link


def test_the_programme_saved_from_the_window_names_every_attendee(
    qtbot: Any, imported: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    view = open_visit(qtbot, imported, "R&D")
    button = next(b for b in view.findChildren(QPushButton) if shown_text(b.text()) == "Programme…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    preview = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "programme_preview" and w.isVisible()
    )
    assert isinstance(preview, QDialog)
    assert "2 engagements, 1 page" in " ".join(
        label.text() for label in preview.findChildren(QLabel)
    )
    target = tmp_path / "out" / "programme.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    save = next(
        b for b in preview.findChildren(QPushButton) if shown_text(b.text()) == "Save as PDF…"
    )
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    preview.close()
    recent = menu_action(imported, "File", "Recent").menu()
    assert isinstance(recent, QMenu)
    assert shown_text(recent.actions()[0].text()) == "1  programme.pdf"

    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages
    )
    flat = " ".join(text.split())
    assert "R&D Cooperation" in flat
    assert "11–12 May 2026" in flat
    assert "Leader of the delegation: Mr. SATO Hiroshi (佐藤 博)" in flat
    assert "Day 1 · Monday 11 May 2026" in flat and "Day 2 · Tuesday 12 May 2026" in flat
    assert "Visit to the <i>Standards</i> Laboratory" in flat and "Lahore" in flat
    for name in [*EVERY_ATTENDEE, "TANAKA-WATANABE-YAMAMOTO"]:
        # Each name twice: both engagements list everyone, never "and 2 more".
        assert flat.replace(" ", "").count(name.replace(" ", "")) >= 2, name
    assert "more" not in flat
    # The next save dialog opens in the folder chosen this time.
    seen: list[str] = []

    def cancel(_parent: Any, _caption: str, start: str, *args: Any) -> tuple[str, str]:
        seen.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    menu_action(imported, "File", "Export visits…").trigger()
    assert Path(seen[0]).parent == target.parent


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_shows_one_dialog_that_names_the_log(
    qtbot: Any, imported: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from visitdesk.ui import safety
    from visitdesk.ui.views.visits_view import VisitsView

    net = safety.install(tmp_path / "logs")
    assert net is not None
    try:

        def broken(self: VisitsView, row: Any) -> None:
            raise RuntimeError("injected for the test")

        monkeypatch.setattr(VisitsView, "open_row", broken)
        said: list[str] = []

        def read(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            said.append(box.text())
            box.accept()

        seen = when_shown(modal("error_dialog"), read)
        qtbot.keyClicks(imported.visits_view.search, "R&D")
        qtbot.keyClick(imported.visits_view.search, Qt.Key.Key_Return)
        assert len(seen) == 1
        log = tmp_path / "logs" / "visitdesk.log"
        assert said[0].startswith("Something went wrong")
        assert str(log) in said[0]
        written = log.read_text(encoding="utf-8")
        assert "RuntimeError: injected for the test" in written and "Traceback" in written
    finally:
        net.uninstall()


def test_a_locked_database_asks_to_retry_and_keeps_what_was_typed(
    qtbot: Any, imported: MainWindow, store: Store
) -> None:
    view = open_visit(qtbot, imported, "R&D")
    database = store.database_file
    assert database is not None
    other = sqlite3.connect(database, isolation_level=None)  # another program, writing
    said: list[str] = []

    def retry_when_free(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        other.execute("ROLLBACK")  # the other program finished
        box.button(QMessageBox.StandardButton.Retry).click()

    def edit(dialog: QWidget) -> None:
        buttons = dialog.findChildren(QDialogButtonBox)[0]
        title = dialog.findChildren(QLineEdit)[0]  # the first field: the visit's title
        title.selectAll()
        qtbot.keyClicks(title, "R&D Cooperation, second round")
        other.execute("BEGIN EXCLUSIVE")
        when_shown(modal("save_failed"), retry_when_free)
        buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_shown(lambda: QApplication.activeModalWidget(), edit)
    button = next(
        b for b in view.findChildren(QPushButton) if shown_text(b.text()) == "Edit details…"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    other.close()
    assert said and "database is locked" in said[0] and "Retry" in said[0]
    assert view.heading.text() == "R&D Cooperation, second round"
    assert shown_text(imported.tabs.tabText(1)) == "R&D Cooperation, second round"
