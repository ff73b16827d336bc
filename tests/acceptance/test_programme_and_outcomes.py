"""An officer enters a visit's programme and outcomes in the window, from an empty store.

The delegation arrives as a visitdesk/1 file (File ▸ Import, as the guests' embassy sends it);
everything after is typed and clicked: engagements with attendees on both sides, dates in the
three ways offices write them, an MoU taken drafted → initialled → signed, a directive with its
owner and due date, marked done in Follow-ups and undone, and a second file imported and undone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from tests.acceptance.widgets import button, cells_under, click, menu_entry, named, plain, retype
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()

Messages = list[tuple[str, str]]

DELEGATES = [
    ("kim-jongsoo", "Dr.", "Jong-soo", "Kim", "김종수", "Commissioner", 1),
    ("lee-minji", "Ms.", "Min-ji", "Lee", "이민지", "Director General", 2),
    ("park-sungho", "Mr.", "Sung-ho", "Park", "박성호", "Deputy Director", 3),
    ("choi-yuna", "Ms.", "Yu-na", "Choi", "최유나", "Examiner", 4),
    ("jung-hyun", "Mr.", "Hyun", "Jung", "정현", "Interpreter", 5),
]


def _person(ref: str, hon: str, given: str, family: str, native: str | None, position: str,
            rank: int, org: str, first: bool) -> dict[str, Any]:  # fmt: skip
    record: dict[str, Any] = {
        "id": ref, "honorific": hon, "given_name": given, "family_name": family,
        "family_name_first": first, "position": position, "organisation": org,
        "precedence": rank,
    }  # fmt: skip
    if native:
        record["native_name"] = native
    return record


def _delegation_file(path: Path) -> Path:
    """The Korean delegation, with its interpreter; the host's people; no programme yet."""
    people = [_person(*d, "kipo", True) for d in DELEGATES]
    people += [
        _person("aziz-khan", "Engr.", "Aziz", "Khan", None, "Director General", 1, "ipo", False),
        _person("sana-malik", "Ms.", "Sana", "Malik", None, "Deputy Director", 2, "ipo", False),
    ]
    document = {
        "format": "visitdesk/1",
        "office": {"name": "Intellectual Property Organization of Pakistan",
                   "short_name": "IPO-Pakistan", "city": "Islamabad", "country": "PK"},
        "organisations": [
            {"id": "kipo", "name": "Korean Intellectual Property Office", "short_name": "KIPO",
             "country": "KR", "kind": "government_agency"},
            {"id": "ipo", "name": "Intellectual Property Organization of Pakistan",
             "short_name": "IPO-Pakistan", "country": "PK", "kind": "government_agency"},
        ],
        "people": people,
        "visits": [{
            "id": "kipo-2017-03", "title": "Visit of the KIPO Korea delegation",
            "direction": "incoming", "host_organisation": "ipo", "guest_organisation": "kipo",
            "city": "Islamabad", "country": "PK", "start_date": "2017-03-22",
            "end_date": "2017-03-23", "status": "confirmed",
            "delegation": {
                "leader": "kim-jongsoo",
                "members": [d[0] for d in DELEGATES[:4]]
                + [{"person": "jung-hyun", "role": "interpreter"}],
            },
            "host_participants": ["aziz-khan", "sana-malik"],
        }],
    }  # fmt: skip
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _other_file(path: Path) -> Path:
    document = {
        "format": "visitdesk/1",
        "organisations": [{"id": "jpo", "name": "Japan Patent Office", "short_name": "JPO"}],
        "people": [_person("sato-kenji", "Mr.", "Kenji", "Sato", "佐藤健二", "Commissioner", 1,
                           "jpo", True)],
        "visits": [{
            "id": "jpo-2017-05", "title": "Visit of the JPO delegation", "direction": "incoming",
            "guest_organisation": "jpo", "city": "Lahore", "country": "PK",
            "start_date": "2017-05-10", "end_date": "2017-05-11",
            "delegation": {"leader": "sato-kenji", "members": ["sato-kenji"]},
        }],
    }  # fmt: skip
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


# Fixtures (the lead will merge common ones into a conftest) ----------------------------------


# What an officer does: menus, buttons by their text, fields by their name --------------------


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, (
        f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    )
    combo.setFocus()
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def offered(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def in_dialog(title: str, steps: Callable[[QWidget], None]) -> list[QWidget]:
    """Run `steps` in the dialog the next click opens (it blocks until the dialog closes)."""
    seen: list[QWidget] = []
    # Polled: the window reads the records off its GUI thread and keeps its event loop
    # turning meanwhile, so a timer may fire before the dialog is built.
    timer = QTimer(QApplication.instance())

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or dialog.windowTitle() != title:
            return
        timer.stop()
        timer.deleteLater()
        seen.append(dialog)
        steps(dialog)

    timer.timeout.connect(run)
    timer.start(20)
    return seen


def tooltip(table: QTableView, column: str, row: int) -> str:
    model = table.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return str(model.index(row, heads.index(column)).data(Qt.ItemDataRole.ToolTipRole))


def ticked(attendees: QListWidget) -> list[str]:
    items = [attendees.item(i) for i in range(attendees.count())]
    return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]


def select_rows(qtbot: Any, attendees: QListWidget, starts: list[str]) -> None:
    attendees.clearSelection()
    for i in range(attendees.count()):
        item = attendees.item(i)
        if any(item.text().startswith(s) for s in starts):
            rect = attendees.visualItemRect(item)
            qtbot.mouseClick(
                attendees.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.ControlModifier,
                rect.center(),
            )


def import_file(qtbot: Any, window: MainWindow, monkeypatch: Any, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_entry(window, "File", "Import visitdesk/1 file").trigger()


def visit_tab(window: MainWindow) -> QWidget:
    current = window.tabs.currentWidget()
    assert current is not None
    return current


def section(window: MainWindow, name: str) -> QWidget:
    sections = visit_tab(window).findChild(QTabWidget)
    assert sections is not None
    for i in range(sections.count()):
        if plain(sections.tabText(i)) == name:
            sections.setCurrentIndex(i)
            widget = sections.widget(i)
            assert widget is not None
            return widget
    raise AssertionError(name)


# The story ----------------------------------------------------------------------------------


def test_an_officer_enters_the_programme_and_outcomes_and_undoes_what_she_must(
    qtbot: Any, window: MainWindow, messages: Messages, tmp_path: Path, monkeypatch: Any
) -> None:
    import_file(qtbot, window, monkeypatch, _delegation_file(tmp_path / "kipo.visit.json"))
    assert messages[-1][0] == "Imported"
    visits = window.tabs.widget(0)
    assert visits is not None
    search = visits.findChild(QLineEdit)
    assert search is not None
    qtbot.keyClicks(search, "kipo")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Visit of the KIPO Korea delegation"

    # 1. An engagement: the delegation is there already; two are taken off at once.
    programme = section(window, "Programme")
    table = programme.findChild(QTableView)
    assert table is not None

    def first_engagement(dialog: QWidget) -> None:
        qtbot.keyClicks(named(dialog, QLineEdit, "engagement title"), "Talks at IPO-Pakistan")
        retype(qtbot, named(dialog, QLineEdit, "Starts date"), "22/3/2017")
        # The end followed the start.
        assert named(dialog, QLineEdit, "Ends date").text() == "22 Mar 2017"
        guests = named(dialog, QListWidget, "guest attendees")
        assert [t.split(" — ")[0] for t in ticked(guests)] == [
            "Dr. KIM Jong-soo", "Ms. LEE Min-ji", "Mr. PARK Sung-ho", "Ms. CHOI Yu-na",
            "Mr. JUNG Hyun",
        ]  # fmt: skip
        select_rows(qtbot, guests, ["Mr. PARK Sung-ho", "Ms. CHOI Yu-na"])
        click(qtbot, named(dialog, QAbstractButton, "remove guests"))
        assert len(ticked(guests)) == 3
        hosts = named(dialog, QListWidget, "host attendees")
        # The host's people of the visit, in order of precedence, ready to tick.
        assert [hosts.item(i).text().split(" — ")[0] for i in range(hosts.count())] == [
            "Engr. Aziz Khan", "Ms. Sana Malik"
        ]  # fmt: skip
        hosts.item(0).setCheckState(Qt.CheckState.Checked)
        # A delegate put on the host side is warned of in a sentence.
        qtbot.keyClicks(named(dialog, QLineEdit, "host search"), "jung")
        hosts.item(0).setCheckState(Qt.CheckState.Checked)
        warning = named(dialog, QLabel, "attendee warning")
        assert warning.isVisible()
        assert "Mr. JUNG Hyun is a member of the delegation but now on the host side" in (
            warning.text()
        )
        # He sits on one side only: taken off the delegation's side, ticked back there.
        assert not any(t.startswith("Mr. JUNG Hyun") for t in ticked(guests))
        hosts.item(0).setCheckState(Qt.CheckState.Unchecked)
        assert not warning.isVisible()
        named(dialog, QLineEdit, "host search").clear()
        jung = next(
            guests.item(i) for i in range(guests.count())
            if guests.item(i).text().startswith("Mr. JUNG Hyun")
        )  # fmt: skip
        jung.setCheckState(Qt.CheckState.Checked)
        click(qtbot, button(dialog, "Save"))

    opened = in_dialog("New engagement", first_engagement)
    click(qtbot, button(programme, "Add engagement…"))
    assert opened
    assert cells_under(table, "Engagement") == ["Talks at IPO-Pakistan"]
    assert cells_under(table, "Delegation") == ["Dr. KIM Jong-soo, Ms. LEE Min-ji, Mr. JUNG Hyun"]
    assert cells_under(table, "Host side") == ["Engr. Khan"]

    # 2. Dates typed as "22 Mar 2017" and "2017-03-23".
    for title, typed in (("Call on the Minister", "22 Mar 2017"), ("Visit to NUST", "2017-03-23")):

        def engagement(dialog: QWidget, title: str = title, typed: str = typed) -> None:
            qtbot.keyClicks(named(dialog, QLineEdit, "engagement title"), title)
            retype(qtbot, named(dialog, QLineEdit, "Starts date"), typed)
            click(qtbot, button(dialog, "Save"))

        opened = in_dialog("New engagement", engagement)
        click(qtbot, button(programme, "Add engagement…"))
        assert opened
    assert cells_under(table, "Day") == ["Wed 22 Mar", "", "Thu 23 Mar"]

    # 3. An MoU drafted, initialled and signed, each step dated in its row.
    outcomes = section(window, "Outcomes")
    outcome_table = outcomes.findChild(QTableView)
    assert outcome_table is not None

    def new_mou(dialog: QWidget) -> None:
        kind = named(dialog, QComboBox, "outcome kind")
        choose(qtbot, kind, "Agreement")
        status = named(dialog, QComboBox, "outcome status")
        assert offered(status) == [
            "Proposed", "Drafted", "Initialled", "Signed", "In force", "Dropped"
        ]  # fmt: skip
        qtbot.keyClicks(named(dialog, QLineEdit, "outcome title"), "MoU on patent examination")
        choose(qtbot, status, "Drafted")
        retype(qtbot, named(dialog, QLineEdit, "Status date"), "22/3/2017")
        click(qtbot, button(dialog, "Save"))

    opened = in_dialog("New outcome", new_mou)
    click(qtbot, button(outcomes, "Add outcome…"))
    assert opened
    assert cells_under(outcome_table, "Status") == ["Drafted 22 Mar 2017"]

    for step, typed, shown in (
        ("Initialled", "23 Mar 2017", "Initialled 23 Mar 2017"),
        ("Signed", "2017-03-23", "Signed 23 Mar 2017"),
    ):

        def move_on(dialog: QWidget, step: str = step, typed: str = typed) -> None:
            choose(qtbot, named(dialog, QComboBox, "outcome status"), step)
            retype(qtbot, named(dialog, QLineEdit, "Status date"), typed)
            click(qtbot, button(dialog, "Save"))

        outcome_table.selectRow(0)
        opened = in_dialog("Edit outcome", move_on)
        click(qtbot, button(outcomes, "Edit…"))
        assert opened
        assert cells_under(outcome_table, "Status") == [shown]
    assert tooltip(outcome_table, "Status", 0) == (
        "Drafted 22 Mar 2017 → Initialled 23 Mar 2017 → Signed 23 Mar 2017"
    )
    assert not [m for m in messages if m[0] == "Not saved"]

    # 4. A directive with its owner and a due date; the calendar opens on the visit.
    def directive(dialog: QWidget) -> None:
        choose(qtbot, named(dialog, QComboBox, "outcome kind"), "Directive")
        assert offered(named(dialog, QComboBox, "outcome status")) == ["Open", "Done", "Dropped"]
        qtbot.keyClicks(named(dialog, QLineEdit, "outcome title"), "Share examination guidelines")
        owner = named(dialog, QComboBox, "outcome owner")
        choose(qtbot, owner, next(t for t in offered(owner) if t.startswith("Engr. Aziz Khan")))
        click(qtbot, named(dialog, QAbstractButton, "Due date calendar"))
        popup = QApplication.activePopupWidget()
        assert popup is not None
        calendar = popup.findChild(QCalendarWidget)
        assert calendar is not None
        assert (calendar.monthShown(), calendar.yearShown()) == (3, 2017)
        popup.close()
        retype(qtbot, named(dialog, QLineEdit, "Due date"), "30/6/2017")
        click(qtbot, button(dialog, "Save"))

    opened = in_dialog("New outcome", directive)
    click(qtbot, button(outcomes, "Add outcome…"))
    assert opened
    row = cells_under(outcome_table, "Outcome").index("Share examination guidelines")
    assert cells_under(outcome_table, "Due")[row] == "30 Jun 2017"
    assert cells_under(outcome_table, "Owner")[row] == "Engr. Aziz Khan"

    # 5. Marked done in Follow-ups, then undone.
    menu_entry(window, "View", "Follow-ups").trigger()
    followups = window.tabs.currentWidget()
    assert followups is not None
    follow_table = followups.findChild(QTableView)
    assert follow_table is not None
    titles = cells_under(follow_table, "Follow-up")
    follow_table.selectRow(titles.index("Share examination guidelines"))
    click(qtbot, button(followups, "Mark done"))
    assert "Share examination guidelines" not in cells_under(follow_table, "Follow-up")
    undo = menu_entry(window, "Edit", "Undo")
    assert plain(undo.text()) == "Undo Mark “Share examination guidelines” done"
    undo.trigger()
    assert "Share examination guidelines" in cells_under(follow_table, "Follow-up")

    # 6. Another file imported, then taken back whole.
    menu_entry(window, "View", "Visits").trigger()
    import_file(qtbot, window, monkeypatch, _other_file(tmp_path / "jpo.visit.json"))
    assert messages[-1][0] == "Imported", messages[-1]
    visits_table = visits.findChild(QTableView)
    assert visits_table is not None
    search.clear()
    assert sorted(cells_under(visits_table, "Visit")) == [
        "Visit of the JPO delegation", "Visit of the KIPO Korea delegation"
    ]  # fmt: skip
    undo = menu_entry(window, "Edit", "Undo")
    assert plain(undo.text()) == "Undo import of jpo.visit.json (remove 1 visit)"
    undo.trigger()
    assert cells_under(visits_table, "Visit") == ["Visit of the KIPO Korea delegation"]
