"""An officer enters a delegation's flights and hotels in the window, from an empty store.

The delegation arrives as a visitdesk/1 file (File ▸ Import, as the embassy sends it); the rest
is typed and clicked under Travel and hotels: a group of three on one flight and two delegates
arriving alone, a departure dated before its traveller's arrival refused with a sentence, two
hotels in two cities, a room given by hand, a check-out before its check-in refused, the block
allotted by precedence (and undone, and redone), a liaison officer chosen; then the arrivals
list for the airport and the rooming list for the hotel, exported and read cell by cell.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)

from tests.acceptance.widgets import button, cells_under, choose, click, in_dialog, plain
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()

Messages = list[tuple[str, str]]
HOSTILE = "=cmd|' /C calc'!A0 <b>&amp;</b>"


def _person(ref: str, hon: str, given: str, family: str, first: bool, **more: Any) -> Any:
    return {"id": ref, "honorific": hon, "given_name": given, "family_name": family,
            "family_name_first": first, **more}  # fmt: skip


def _delegation_file(path: Path) -> Path:
    people = [
        _person("kim", "H.E.", "Minjun", "Kim", True, native_name="김민준", precedence=2,
                dietary="No pork", medical="Diabetic"),
        _person("sato", "Mr.", "Ken", "Sato", True, native_name="佐藤 健", precedence=1),
        _person("lee", "Ms.", "Seoyeon", "Lee", True, native_name="이서연", precedence=3),
        _person("omar", "Mr.", "عمر", "الفاروق", False, native_name="عمر الفاروق"),
        _person("eve", "Ms.", "Eve", HOSTILE, False),
        _person("ranjha", "Mr.", "Bilal", "Ranjha", False, position="Protocol Officer"),
        _person("malik", "Ms.", "Sana", "Malik", False, position="Liaison Officer"),
    ]  # fmt: skip
    document = {
        "format": "visitdesk/1",
        "people": people,
        "visits": [{
            "id": "kipo-2027-04", "title": "Visit of the KIPO delegation",
            "direction": "incoming", "city": "Islamabad", "country": "PK",
            "time_zone": "Asia/Karachi", "start_date": "2027-04-12", "end_date": "2027-04-16",
            "delegation": {"leader": "kim", "members": ["kim", "sato", "lee", "omar", "eve"]},
            "host_participants": ["ranjha", "malik"],
        }],
    }  # fmt: skip
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


# What an officer does: menus, buttons by their text, fields by their name --------------------


def menu_action(window: MainWindow, menu: str, *path: str) -> QAction:
    actions = next(
        m.actions() for top in window.menuBar().actions()
        if plain(top.text()) == menu and isinstance(m := top.menu(), QMenu)
    )  # fmt: skip
    found: QAction | None = None
    for step in path:
        found = next((a for a in actions if plain(a.text()).startswith(step)), None)
        assert found is not None, f"no {menu} ▸ {step}"
        sub = found.menu()
        if isinstance(sub, QMenu):
            actions = sub.actions()
    assert found is not None
    return found


def named(parent: QWidget, kind: type[Any], name: str) -> Any:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def retype(qtbot: Any, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def count(qtbot: Any, spin: QSpinBox, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def tick(travellers: QListWidget, *starts: str) -> None:
    for i in range(travellers.count()):
        item = travellers.item(i)
        if item.text().startswith(starts):
            item.setCheckState(Qt.CheckState.Checked)


def tab(tabs: QTabWidget, name: str) -> QWidget:
    for i in range(tabs.count()):
        if plain(tabs.tabText(i)) == name:
            tabs.setCurrentIndex(i)
            widget = tabs.widget(i)
            assert widget is not None
            return widget
    raise AssertionError(name)


def save_as(monkeypatch: Any, path: Path, chosen: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), chosen))


# The story ----------------------------------------------------------------------------------


def journey(
    qtbot: Any,
    number: str,
    carrier: str,
    origin: str,
    arrives: tuple[str, str],
    travellers: tuple[str, ...],
    kind: str = "Arrival",
    departs: tuple[str, str] | None = None,
    more: Callable[[QWidget], None] | None = None,
) -> Callable[[QWidget], None]:
    def steps(dialog: QWidget) -> None:
        choose(qtbot, named(dialog, QComboBox, "journey kind"), kind)
        qtbot.keyClicks(named(dialog, QLineEdit, "flight number"), number)
        qtbot.keyClicks(named(dialog, QLineEdit, "carrier"), carrier)
        qtbot.keyClicks(named(dialog, QLineEdit, "from"), origin)
        end = "arrives" if kind == "Arrival" else "departs"
        retype(qtbot, named(dialog, QLineEdit, f"{end} date"), arrives[0])
        retype(qtbot, named(dialog, QLineEdit, f"{end} time"), arrives[1])
        if departs is not None:
            retype(qtbot, named(dialog, QLineEdit, "departs date"), departs[0])
            retype(qtbot, named(dialog, QLineEdit, "departs time"), departs[1])
        tick(named(dialog, QListWidget, "travellers"), *travellers)
        if more is not None:
            more(dialog)
        click(qtbot, button(dialog, "Save"))

    return steps


def test_an_officer_enters_flights_and_hotels_and_sends_out_the_lists(
    qtbot: Any, window: MainWindow, messages: Messages, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(_delegation_file(tmp_path / "kipo.visit.json")), ""),
    )
    menu_action(window, "File", "Import visitdesk/1 file").trigger()
    search = window.visits_view.search
    qtbot.keyClicks(search, "kipo")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert visit is not None
    sections = visit.findChild(QTabWidget)
    assert sections is not None
    travel = tab(sections, "Travel and hotels")
    inner = named(travel, QTabWidget, "travel sections")
    journeys_tab = tab(inner, "Journeys")
    journeys = named(journeys_tab, QTableView, "journeys")

    # 1. The group: three delegates on one Korean Air flight, met in the VIP lounge.
    def group_extras(dialog: QWidget) -> None:
        retype(qtbot, named(dialog, QLineEdit, "terminal"), "VIP Terminal")
        choose(qtbot, named(dialog, QComboBox, "received by"), "Mr. Bilal Ranjha")
        lounge = named(dialog, QCheckBox, "vip lounge")
        lounge.setFocus()
        qtbot.keyClick(lounge, Qt.Key.Key_Space)
        count(qtbot, named(dialog, QSpinBox, "baggage"), 9)

    opened = in_dialog(
        "Journey",
        journey(
            qtbot, "KE 9641", "Korean Air", "Seoul Incheon (ICN)", ("12/4/2027", "14:30"),
            ("H.E. KIM", "Mr. SATO", "Ms. LEE"), more=group_extras,
        ),
    )  # fmt: skip
    click(qtbot, button(journeys_tab, "Add journey…"))
    assert opened
    assert cells_under(journeys, "Travellers") == [
        "H.E. KIM Minjun, Mr. SATO Ken, Ms. LEE Seoyeon"  # the leader first, then by rank
    ]
    assert cells_under(journeys, "Received by") == ["Mr. Bilal Ranjha"]
    assert cells_under(journeys, "VIP lounge") == ["Yes"] and cells_under(journeys, "Baggage") == [
        "9"
    ]

    # 2. Two delegates arriving alone; one typed a name meant to run in a spreadsheet.
    in_dialog(
        "Journey",
        journey(qtbot, "EK 612", "Emirates", "Dubai (DXB)", ("12/4/2027", "09:05"), ("Mr. عمر",)),
    )
    click(qtbot, button(journeys_tab, "Add journey…"))
    in_dialog(
        "Journey",
        journey(qtbot, "PK 785", HOSTILE, "Toronto (YYZ)", ("11/4/2027", "23:40"), ("Ms. Eve",)),
    )
    click(qtbot, button(journeys_tab, "Add journey…"))
    assert cells_under(journeys, "Flight") == [
        f"PK 785 ({HOSTILE})", "EK 612 (Emirates)", "KE 9641 (Korean Air)"
    ]  # fmt: skip

    # 3. A departure typed before its traveller arrives is refused; corrected, it is saved.
    def departure(dialog: QWidget) -> None:
        journey(
            qtbot, "KE 9642", "Korean Air", "Islamabad (ISB)", ("11/4/2027", "10:00"),
            ("Mr. SATO",), kind="Departure",
        )(dialog)  # fmt: skip
        assert dialog.isVisible()  # refused: nothing typed is lost
        retype(qtbot, named(dialog, QLineEdit, "departs date"), "16/4/2027")
        click(qtbot, button(dialog, "Save"))

    in_dialog("Journey", departure)
    click(qtbot, button(journeys_tab, "Add journey…"))
    refusal = [text for title, text in messages if title == "Not saved"]
    assert refusal == [
        "Mr. SATO Ken would leave (departure KE 9642 at 11 Apr 2027 10:00) before arriving "
        "(arrival KE 9641 at 12 Apr 2027 14:30): correct the dates of one of the two journeys."
    ]
    assert cells_under(journeys, "Journey") == ["Arrival", "Arrival", "Arrival", "Departure"]

    # 4. Two hotels in two cities.
    hotels_tab = tab(inner, "Hotels and rooms")
    for name, city in (("Serena Hotel", "Islamabad"), ("Pearl Continental", "Lahore")):

        def hotel(dialog: QWidget, name: str = name, city: str = city) -> None:
            qtbot.keyClicks(named(dialog, QLineEdit, "hotel name"), name)
            qtbot.keyClicks(named(dialog, QLineEdit, "hotel city"), city)
            qtbot.keyClicks(named(dialog, QLineEdit, "paid by"), "Host government")
            qtbot.keyClicks(named(dialog, QLineEdit, "booking reference"), f"{city[:3]}-17")
            click(qtbot, button(dialog, "Save"))

        in_dialog("Hotel", hotel)
        click(qtbot, button(hotels_tab, "Add hotel…"))
    hotel_choice = named(hotels_tab, QComboBox, "hotel")
    assert [hotel_choice.itemText(i) for i in range(hotel_choice.count())] == [
        "Serena Hotel (Islamabad)", "Pearl Continental (Lahore)"
    ]  # fmt: skip
    choose(qtbot, hotel_choice, "Serena Hotel (Islamabad)")
    rooms = named(hotels_tab, QTableView, "rooms")

    # 5. A room given by hand; a check-out before the check-in is refused, then corrected.
    def room(dialog: QWidget) -> None:
        choose(qtbot, named(dialog, QComboBox, "room guest"), "Mr. عمر الفاروق")
        choose(qtbot, named(dialog, QComboBox, "room type"), "Deluxe")
        qtbot.keyClicks(named(dialog, QLineEdit, "room number"), "1204")
        retype(qtbot, named(dialog, QLineEdit, "Check-in"), "12/4/2027")
        check_out = named(dialog, QLineEdit, "Check-out")
        check_out.setFocus()
        check_out.selectAll()
        qtbot.keyClick(check_out, Qt.Key.Key_Delete)
        qtbot.keyClicks(check_out, "10/4/2027")  # typed, not yet left: kept as typed
        click(qtbot, button(dialog, "Save"))
        assert dialog.isVisible()
        retype(qtbot, check_out, "14/4/2027")
        qtbot.keyClicks(named(dialog, QWidget, "room requests"), "Ground floor, wheelchair")
        click(qtbot, button(dialog, "Save"))

    in_dialog("Room", room)
    click(qtbot, button(hotels_tab, "Add room…"))
    assert messages[-1] == (
        "Not saved",
        "The check-out of Mr. عمر الفاروق (10 Apr 2027) comes before the check-in "
        "(12 Apr 2027): correct one of the two dates.",
    )
    assert cells_under(rooms, "Guest") == ["Mr. عمر الفاروق"]
    assert cells_under(rooms, "Nights") == ["2"]

    # 6. The hotel's block, handed out by precedence: the leader gets the suite.
    preview: list[str] = []

    def allot(dialog: QWidget) -> None:
        for name, value in (("suite", 1), ("executive", 1), ("deluxe", 1), ("standard", 2)):
            count(qtbot, named(dialog, QSpinBox, f"block {name}"), value)
        retype(qtbot, named(dialog, QLineEdit, "Block check-in"), "12/4/2027")
        retype(qtbot, named(dialog, QLineEdit, "Block check-out"), "14/4/2027")
        preview.append(named(dialog, QLabel, "allotment preview").text())
        click(qtbot, button(dialog, "Allot"))

    in_dialog("Allot rooms by precedence", allot)
    click(qtbot, button(hotels_tab, "Allot rooms by precedence…"))
    assert preview[0].splitlines()[:2] == [
        "H.E. KIM Minjun: a suite, new.",
        "Mr. SATO Ken: an executive, new.",
    ]
    assert "Mr. عمر الفاروق: keeps the deluxe." in preview[0]
    assert cells_under(rooms, "Guest")[0] == "H.E. KIM Minjun"
    assert dict(zip(cells_under(rooms, "Guest"), cells_under(rooms, "Room type"), strict=True)) == {
        "H.E. KIM Minjun": "Suite",
        "Mr. SATO Ken": "Executive",
        "Ms. LEE Seoyeon": "Standard",
        "Mr. عمر الفاروق": "Deluxe",  # given by hand: kept
        f"Ms. Eve {HOSTILE}": "Standard",
    }
    undo = menu_action(window, "Edit", "Undo")
    assert plain(undo.text()) == "Undo Allot the rooms of Serena Hotel (Islamabad) by precedence"
    undo.trigger()
    assert cells_under(rooms, "Guest") == ["Mr. عمر الفاروق"]
    menu_action(window, "Edit", "Redo").trigger()
    assert len(cells_under(rooms, "Guest")) == 5

    # 7. The leader's liaison officer.
    liaison_tab = tab(inner, "Liaison officers")
    officers = named(liaison_tab, QTableView, "liaison officers")
    officers.selectRow(0)
    choose(qtbot, named(liaison_tab, QComboBox, "liaison officer"), "Ms. Sana Malik")
    assert cells_under(officers, "Liaison officer")[0] == "Ms. Sana Malik"

    # 8. The arrivals list for the airport, from the Lists button, as a workbook.
    save_as(monkeypatch, tmp_path / "arrivals.xlsx")
    lists = button(visit, "Lists")
    assert isinstance(lists, QToolButton)
    menu = lists.menu()
    assert menu is not None
    next(a for a in menu.actions() if plain(a.text()).startswith("Arrivals list")).trigger()
    sheet = load_workbook(tmp_path / "arrivals.xlsx").active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    head = rows[0]
    column = {h: i for i, h in enumerate(head)}
    assert [(r[column["Journey"]], r[column["Flight"]]) for r in rows[1:]] == [
        ("Arrival", "PK 785"), ("Arrival", "EK 612"), ("Arrival", "KE 9641"),
        ("Departure", "KE 9642"),
    ]  # fmt: skip
    group = rows[3]
    assert group[column["Travellers"]] == (
        "H.E. KIM Minjun (김민준)\nMr. SATO Ken (佐藤 健)\nMs. LEE Seoyeon (이서연)"
    )
    assert group[column["Local time"]] == "14:30" and group[column["Terminal"]] == "VIP Terminal"
    assert group[column["Received by"]] == "Mr. Bilal Ranjha"
    assert (group[column["VIP lounge"]], group[column["Baggage (pieces)"]]) == ("Yes", 9)
    assert rows[1][column["Carrier"]] == HOSTILE  # printed literally, never a formula
    assert sheet.cell(row=2, column=column["Carrier"] + 1).data_type == "s"

    # 9. The rooming list for the hotel, from the Visit menu, as CSV.
    save_as(monkeypatch, tmp_path / "rooming.csv", "CSV, comma-separated (*.csv)")
    menu_action(window, "Visit", "Export a list", "Rooming list").trigger()
    text = (tmp_path / "rooming.csv").read_text("utf-8-sig")
    listed = list(csv.DictReader(text.splitlines(keepends=True)))
    assert [(r["Guest"], r["Room type"]) for r in listed] == [
        ("H.E. KIM Minjun", "Suite"),
        ("Mr. SATO Ken", "Executive"),
        ("Mr. عمر الفاروق", "Deluxe"),
        ("Ms. LEE Seoyeon", "Standard"),
        (f"Ms. Eve {HOSTILE}", "Standard"),
    ]
    leader = listed[0]
    assert (leader["Hotel"], leader["City"], leader["Booking reference"]) == (
        "Serena Hotel", "Islamabad", "Isl-17"
    )  # fmt: skip
    assert (leader["Check-in"], leader["Check-out"], leader["Nights"]) == (
        "2027-04-12", "2027-04-14", "2"
    )  # fmt: skip
    assert leader["Paid by"] == "Host government" and leader["Requests"] == "Diet: No pork"
    assert listed[2]["Room number"] == "1204"
    assert listed[2]["Requests"] == "Ground floor, wheelchair"
    assert "Diabetic" not in text and "kipo-2027" not in text


def test_a_hotel_with_a_300_character_name_leaves_the_window_on_the_screen(
    qtbot: Any, window: MainWindow, messages: Messages, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(_delegation_file(tmp_path / "kipo.visit.json")), ""),
    )
    menu_action(window, "File", "Import visitdesk/1 file").trigger()
    search = window.visits_view.search
    qtbot.keyClicks(search, "kipo")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert visit is not None
    sections = visit.findChild(QTabWidget)
    assert sections is not None
    inner = named(tab(sections, "Travel and hotels"), QTabWidget, "travel sections")
    hotels_tab = tab(inner, "Hotels and rooms")
    long_name = ("Pearl Continental Hotel & <i>Towers</i> Lahore " * 8)[:300].strip()

    def hotel(dialog: QWidget) -> None:
        qtbot.keyClicks(named(dialog, QLineEdit, "hotel name"), long_name)
        qtbot.keyClicks(named(dialog, QLineEdit, "hotel city"), "Lahore")
        click(qtbot, button(dialog, "Save"))

    in_dialog("Hotel", hotel)
    click(qtbot, button(hotels_tab, "Add hotel…"))
    # Next morning the officer opens the visit again: its hotel is there from the start.
    menu_action(window, "View", "Close tab").trigger()
    assert window.tabs.count() == 1
    search.clear()
    qtbot.keyClicks(search, "kipo")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 2)
    visit = window.tabs.currentWidget()
    assert visit is not None
    sections = visit.findChild(QTabWidget)
    assert sections is not None
    inner = named(tab(sections, "Travel and hotels"), QTabWidget, "travel sections")
    hotels_tab = tab(inner, "Hotels and rooms")
    hotel_choice = named(hotels_tab, QComboBox, "hotel")
    assert hotel_choice.itemText(0) == f"{long_name} (Lahore)"  # whole and literal
    # The hotel choice no longer widens the window past the officer's 1366 screen.
    assert window.minimumSizeHint().width() <= 1366
