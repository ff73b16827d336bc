"""An officer plans the cars of a visit in the window, from an empty store.

The delegation and its two engagements arrive as the embassy's visitdesk/1 file; the rest is
clicked: a movement made for each engagement, the car plan proposed by precedence, a seat
changed by hand and the change undone, then the car plan exported for the transport company.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)

from tests.acceptance.widgets import (
    button,
    cells_under,
    choose,
    click,
    in_dialog,
    menu_entry,
    plain,
)
from visitdesk.app import Desk
from visitdesk.store.database import Store
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()

Messages = list[tuple[str, str]]
HOSTILE = "<b>Khan & Sons</b> =1+2"


def _visit_file(path: Path, talks: str = "Talks at the Ministry") -> Path:
    """A Chinese delegation of three (names in Chinese script), an Urdu-named host escort and
    a protocol officer; talks in the morning and a lunch at a venue with hostile text."""
    people = [
        {"id": "wang", "given_name": "小明", "family_name": "王", "family_name_first": True,
         "precedence": 1, "position": "Commissioner"},
        {"id": "li", "given_name": "娜", "family_name": "李", "family_name_first": True,
         "precedence": 2},
        {"id": "chen", "given_name": "静", "family_name": "陈", "family_name_first": True,
         "precedence": 3},
        {"id": "imran", "honorific": "جناب", "given_name": "عمران", "family_name": "خان",
         "precedence": 5},
        {"id": "sara", "given_name": "Sara", "family_name": "Qureshi",
         "position": "Protocol Officer"},
    ]  # fmt: skip
    document = {
        "format": "visitdesk/1",
        "people": people,
        "visits": [{
            "id": "cnipa-2027-05", "title": "Visit of the CNIPA delegation",
            "city": "Islamabad", "country": "PK", "start_date": "2027-05-10",
            "end_date": "2027-05-11",
            "delegation": {"leader": "wang", "members": ["wang", "li", "chen"]},
            "host_participants": ["imran", "sara"],
            "engagements": [
                {"id": "talks", "title": talks, "start": "2027-05-10T10:00",
                 "end": "2027-05-10T11:30", "venue": "Ministry of Commerce",
                 "guest_attendees": ["wang", "li"], "host_attendees": ["imran", "sara"]},
                {"id": "lunch", "title": "Lunch 午餐", "start": "2027-05-10T13:00",
                 "end": "2027-05-10T14:30", "venue": HOSTILE,
                 "guest_attendees": ["wang", "li", "chen"]},
            ],
        }],
    }  # fmt: skip
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


# Fixtures (the lead will merge common ones into a conftest) ----------------------------------


def table(parent: QWidget, name: str) -> QTableView:
    found = parent.findChild(QTableView, name)
    assert found is not None, name
    return found


def section(window: MainWindow, name: str) -> QWidget:
    current = window.tabs.currentWidget()
    assert current is not None
    sections = current.findChild(QTabWidget)
    assert sections is not None
    for i in range(sections.count()):
        if plain(sections.tabText(i)) == name:
            sections.setCurrentIndex(i)
            widget = sections.widget(i)
            assert widget is not None
            return widget
    raise AssertionError(name)


# The story ----------------------------------------------------------------------------------


def test_an_officer_plans_the_cars_changes_a_seat_undoes_it_and_exports_the_plan(
    qtbot: Any, window: MainWindow, messages: Messages, tmp_path: Path, monkeypatch: Any
) -> None:
    source = _visit_file(tmp_path / "cnipa.visit.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    menu_entry(window, "File", "Import visitdesk/1 file").trigger()
    assert messages[-1][0] == "Imported", messages[-1]
    visits = window.tabs.widget(0)
    assert visits is not None
    search = visits.findChild(QLineEdit)
    assert search is not None
    qtbot.keyClicks(search, "cnipa")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    cars_tab = section(window, "Cars")
    movements, cars = table(cars_tab, "movements"), table(cars_tab, "cars")
    assert cells_under(movements, "Movement") == []

    # 1. A movement for each engagement, leaving half an hour before it.
    click(qtbot, button(cars_tab, "Make a movement for each engagement"))
    assert cells_under(movements, "Movement") == ["Talks at the Ministry", "Lunch 午餐"]
    assert cells_under(movements, "Leaves") == ["10 May 2027 09:30", "10 May 2027 12:30"]
    assert cells_under(movements, "From") == ["", "Ministry of Commerce"]
    assert cells_under(movements, "To") == [
        "Ministry of Commerce",
        HOSTILE,
    ]  # as typed, never markup
    assert cells_under(movements, "Cars") == ["none yet", "none yet"]
    click(qtbot, button(cars_tab, "Make a movement for each engagement"))  # again: nothing new
    assert messages[-1] == ("No movement made", "Every engagement of the visit has its movement.")
    assert cells_under(movements, "Movement") == ["Talks at the Ministry", "Lunch 午餐"]
    assert plain(menu_entry(window, "Edit", "Undo").text()) == (
        "Undo Make a movement for each engagement"
    )

    # 2. The plan protocol proposes for the talks: the leader rear right of car 1.
    movements.selectRow(0)
    heading = cars_tab.findChild(QLabel, "cars-heading")
    assert heading is not None and heading.text() == (
        "Cars of “Talks at the Ministry”, in motorcade order"
    )
    click(qtbot, button(cars_tab, "Propose car plan by precedence"))
    assert cells_under(cars, "Car") == ["Car 1", "Car 2"]
    assert cells_under(cars, "Role") == ["Flag", "Delegation"]
    assert cells_under(cars, "Rear right") == ["王 小明", "李 娜"]
    assert cells_under(cars, "Rear left") == ["جناب عمران خان", "Sara Qureshi"]
    assert cells_under(movements, "Seated") == ["4", "0"]

    # 3. By hand: car 1 gets its registration and driver, and 李 娜 moves to its front seat.
    def car_one(dialog: QWidget) -> None:
        for name, text in (("Registration", "ICT-101"), ("Driver", "Aslam"),
                           ("Driver's phone", "+92 300 1234567")):  # fmt: skip
            field = dialog.findChild(QLineEdit, name)
            assert field is not None, name
            qtbot.keyClicks(field, text)
        front = dialog.findChild(QComboBox, "Front seat")
        assert front is not None
        choose(qtbot, front, "李 娜")
        click(qtbot, button(dialog, "Save"))

    cars.selectRow(0)
    opened = in_dialog("Car 1 of “Talks at the Ministry”", car_one)
    click(qtbot, button(cars_tab, "Edit car…"))
    assert opened
    assert not [m for m in messages if m[0] == "Not saved"], messages
    assert cells_under(cars, "Front") == ["李 娜", ""]
    assert cells_under(cars, "Rear right") == ["王 小明", ""]  # she left her seat in car 2
    assert cells_under(cars, "Registration") == ["ICT-101", ""]

    # 4. Second thoughts on the seat: one Undo, and the plan is as proposed again.
    undo = menu_entry(window, "Edit", "Undo")
    assert plain(undo.text()) == "Undo Edit Car 1"
    undo.trigger()
    assert cells_under(cars, "Rear right") == ["王 小明", "李 娜"]
    assert cells_under(cars, "Front") == ["", ""]
    assert cells_under(cars, "Registration") == ["", ""]

    # 5. The car plan for the transport company, from the visit's Lists menu.
    target = tmp_path / "car plan.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    visit = window.tabs.currentWidget()
    assert visit is not None
    lists = next(b for b in visit.findChildren(QToolButton) if plain(b.text()) == "Lists")
    menu = lists.menu()
    assert menu is not None
    next(a for a in menu.actions() if plain(a.text()) == "Car plan…").trigger()
    assert window.statusBar().currentMessage() == f"Wrote the car plan (5 rows) to {target}"
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][1:] == [
        "Movement", "Date", "Time", "From", "To", "Car", "Role", "Registration", "Driver",
        "Driver's phone", "Seat", "Passenger",
    ]  # fmt: skip
    assert [[r[1], r[3], r[6], r[7], r[11], r[12]] for r in rows[1:]] == [
        ["Talks at the Ministry", "09:30", "Car 1", "Flag", "Rear right", "王 小明"],
        ["Talks at the Ministry", "09:30", "Car 1", "Flag", "Rear left", "جناب عمران خان"],
        ["Talks at the Ministry", "09:30", "Car 2", "Delegation", "Rear right", "李 娜"],
        ["Talks at the Ministry", "09:30", "Car 2", "Delegation", "Rear left", "Sara Qureshi"],
        ["Lunch 午餐", "12:30", None, None, None, None],
    ]
    assert rows[5][5] == HOSTILE
    assert rows[1][2].date() == date(2027, 5, 10)

    # 6. The talks are deleted from the programme, their car plan with them; undo brings both.
    programme = section(window, "Programme")
    engagements = programme.findChild(QTableView)
    assert engagements is not None
    engagements.selectRow(0)
    click(qtbot, button(programme, "Delete"))
    assert "Its movement and car plan are deleted with it." in messages[-1][1]
    cars_tab = section(window, "Cars")
    assert cells_under(movements, "Movement") == ["Lunch 午餐"]
    menu_entry(window, "Edit", "Undo").trigger()
    assert cells_under(movements, "Movement") == ["Talks at the Ministry", "Lunch 午餐"]
    movements.selectRow(0)
    assert cells_under(cars, "Rear right") == ["王 小明", "李 娜"]
    assert cells_under(cars, "Rear left") == ["جناب عمران خان", "Sara Qureshi"]


def test_a_car_plan_another_officer_changed_is_shown_not_overwritten(
    qtbot: Any, window: MainWindow, messages: Messages, tmp_path: Path, monkeypatch: Any
) -> None:
    source = _visit_file(tmp_path / "cnipa.visit.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    menu_entry(window, "File", "Import visitdesk/1 file").trigger()
    visits = window.tabs.widget(0)
    assert visits is not None
    search = visits.findChild(QLineEdit)
    assert search is not None
    qtbot.keyClicks(search, "cnipa")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    cars_tab = section(window, "Cars")
    movements, cars = table(cars_tab, "movements"), table(cars_tab, "cars")
    click(qtbot, button(cars_tab, "Make a movement for each engagement"))
    movements.selectRow(0)

    # A second officer works on the same records in a VisitDesk of their own.
    other_store = Store.open(data_dir=tmp_path / "empty-store")
    other = MainWindow(Desk(other_store, user="bmalik"))
    qtbot.addWidget(other)
    other.resize(1366, 768)
    other.show()
    try:
        other_visits = other.tabs.widget(0)
        assert other_visits is not None
        other_search = other_visits.findChild(QLineEdit)
        assert other_search is not None
        qtbot.keyClicks(other_search, "cnipa")
        qtbot.keyClick(other_search, Qt.Key.Key_Return)
        other_cars = section(other, "Cars")
        table(other_cars, "movements").selectRow(0)
        seen: dict[str, Any] = {}

        def take_theirs(dialog: QWidget) -> None:
            text = dialog.findChild(QLabel)
            assert text is not None
            seen["message"] = text.text()
            theirs = dialog.findChild(QAbstractButton, "take-theirs")
            assert theirs is not None
            click(qtbot, theirs)

        def new_car(dialog: QWidget) -> None:
            # While this officer types, the other proposes the plan for the talks and saves.
            click(qtbot, button(other_cars, "Propose car plan by precedence"))
            seen["theirs"] = cells_under(table(other_cars, "cars"), "Rear right")
            field = dialog.findChild(QLineEdit, "Registration")
            assert field is not None
            qtbot.keyClicks(field, "ICT-900")
            shown = in_dialog("Changed by another officer", take_theirs)
            click(qtbot, button(dialog, "Save"))
            seen["conflict shown"] = bool(shown)

        assert cells_under(cars, "Car") == []
        opened = in_dialog("New car", new_car)
        click(qtbot, button(cars_tab, "Add car…"))
        assert opened and seen["conflict shown"]
        assert seen["theirs"] == ["王 小明", "李 娜"]
        assert "bmalik" in seen["message"]
        assert "Talks at the Ministry" in seen["message"]
        # Their plan is what this officer now sees; nothing of theirs was overwritten.
        assert cells_under(cars, "Rear right") == ["王 小明", "李 娜"]
        assert cells_under(cars, "Registration") == ["", ""]
    finally:
        other.close()
        other_store.close()


def test_a_long_movement_title_does_not_push_the_window_off_the_screen(
    qtbot: Any, window: MainWindow, messages: Messages, tmp_path: Path, monkeypatch: Any
) -> None:
    # 300 characters, as an officer pastes a carrier's or a venue's full name.
    title = ("Talks at the Ministry of Commerce & <b>Textile</b> وزارت تجارت " * 6)[:300]
    source = _visit_file(tmp_path / "long.visit.json", talks=title)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    menu_entry(window, "File", "Import visitdesk/1 file").trigger()
    visits = window.tabs.widget(0)
    assert visits is not None
    search = visits.findChild(QLineEdit)
    assert search is not None
    qtbot.keyClicks(search, "cnipa")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    cars_tab = section(window, "Cars")
    movements = table(cars_tab, "movements")
    click(qtbot, button(cars_tab, "Make a movement for each engagement"))
    movements.selectRow(0)
    heading = cars_tab.findChild(QLabel, "cars-heading")
    assert heading is not None and heading.text() == f"Cars of “{title}”, in motorcade order"
    # The whole title is there to read, and the window still fits the officer's 1366 screen.
    assert window.minimumSizeHint().width() <= 1366
