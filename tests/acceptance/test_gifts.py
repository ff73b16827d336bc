"""An officer keeps the gifts register of two visits in the window, from an empty store.

The two programmes arrive as a visitdesk/1 file (File ▸ Import); everything after is typed and
clicked: a cloisonné vase received from the Chinese commissioner at the talks (with its photo),
too many digits refused with a sentence, then deposited in the Toshakhana with its reference; a
tea tray given back at the lunch; a shawl received from the Japanese commissioner the next year,
still awaiting its deposit; a name typed with markup shown literally; a gift deleted and brought
back with Edit ▸ Undo. The office-wide register, filtered by year, shows the right rows, opens a
gift's visit on a double click, and exports the year as a workbook whose cells are checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from tests.acceptance.widgets import button, cells_under, click, in_dialog, menu_entry
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()

Messages = list[tuple[str, str]]
HOSTILE = "<b>Embassy & Co</b> =SUM(A1)"


def _visits_file(path: Path) -> Path:
    """Two visits, a year apart, each with two engagements; the host's people on both."""
    people = [
        {"id": "he-zhimin", "honorific": "Dr.", "given_name": "Zhimin", "family_name": "He",
         "family_name_first": True, "native_name": "何志敏", "position": "Deputy Commissioner"},
        {"id": "sato-kenji", "honorific": "Mr.", "given_name": "Kenji", "family_name": "Sato",
         "family_name_first": True, "native_name": "佐藤健二", "position": "Commissioner"},
        {"id": "dastgir", "honorific": "Engr.", "given_name": "Khurram", "family_name": "Dastgir",
         "native_name": "خرم دستگیر", "position": "Minister for Commerce"},
        {"id": "rashid", "honorific": "Mr.", "given_name": "Abdul", "family_name": "Rashid",
         "position": "Chairman"},
    ]  # fmt: skip

    def visit(ref: str, title: str, guest: str, day: str, titles: tuple[str, str]) -> Any:
        return {
            "id": ref, "title": title, "city": "Islamabad", "country": "PK",
            "start_date": day, "end_date": day,
            "delegation": {"leader": guest, "members": [guest]},
            "host_participants": ["dastgir", "rashid"],
            "engagements": [
                {"id": "talks", "title": titles[0], "start": f"{day}T10:00",
                 "end": f"{day}T12:00", "host_attendees": ["dastgir", "rashid"],
                 "guest_attendees": [guest]},
                {"id": "lunch", "title": titles[1], "start": f"{day}T13:00",
                 "end": f"{day}T14:30", "host_attendees": ["dastgir"],
                 "guest_attendees": [guest]},
            ],
        }  # fmt: skip

    document = {
        "format": "visitdesk/1",
        "office": {"name": "Ministry of Commerce", "city": "Islamabad", "country": "PK"},
        "people": people,
        "visits": [
            visit("sipo-2017", "Visit of the SIPO delegation", "he-zhimin", "2017-03-21",
                  ("Talks on patents", "Lunch hosted by the Minister")),
            visit("jpo-2018", "Visit of the JPO delegation", "sato-kenji", "2018-05-10",
                  ("Talks on designs", "Working lunch")),
        ],
    }  # fmt: skip
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


# What an officer does ---------------------------------------------------------------------


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def field(parent: QWidget, kind: type[Any], name: str) -> Any:
    """A field by its accessible name (what a screen reader says), else its object name."""
    for candidate in parent.findChildren(kind):
        if name in (candidate.accessibleName(), candidate.objectName()):
            return candidate
    raise AssertionError(f"no {kind.__name__} {name!r}")


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type `text` key by key; a letter beyond Latin-1 comes as an input method gives it (a
    key event carrying its text), since QtTest's key clicks type Latin-1 only."""
    widget.setFocus()
    for char in text:
        if ord(char) < 128:
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def retype(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)), -1)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def open_visit(qtbot: Any, window: MainWindow, words: str) -> QWidget:
    window.show_visits()
    visits = window.tabs.widget(0)
    assert visits is not None
    search = visits.findChild(QLineEdit)
    assert search is not None
    search.selectAll()
    qtbot.keyClicks(search, words)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    current = window.tabs.currentWidget()
    assert current is not None
    return current


def gifts_tab(view: QWidget) -> QWidget:
    sections = view.findChild(QTabWidget)
    assert sections is not None
    for i in range(sections.count()):
        if _plain(sections.tabText(i)) == "Gifts":
            sections.setCurrentIndex(i)
            widget = sections.widget(i)
            assert widget is not None
            return widget
    raise AssertionError("no Gifts tab")


def table_of(widget: QWidget) -> QTableView:
    table = widget.findChild(QTableView)
    assert table is not None
    return table


def _photo(path: Path) -> Path:
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    assert image.save(str(path))  # a PNG, by its name
    return path


# The story ----------------------------------------------------------------------------------


def test_an_officer_keeps_the_gifts_register_of_two_visits(
    qtbot: Any, window: MainWindow, messages: Messages, tmp_path: Path, monkeypatch: Any
) -> None:
    source = _visits_file(tmp_path / "visits.visit.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    menu_entry(window, "File", "Import visitdesk/1 file").trigger()
    assert messages[-1][0] == "Imported", messages

    # 1. The vase received at the talks, with its photo; too many digits are refused first.
    sipo = open_visit(qtbot, window, "SIPO")
    panel = gifts_tab(sipo)
    photo = _photo(tmp_path / "vase.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))

    def vase(dialog: QWidget) -> None:
        assert _plain(field(dialog, QComboBox, "Given or received").currentText()) == (
            "Received by our side"
        )
        choose(qtbot, field(dialog, QComboBox, "At"), "21 Mar 2017 10:00 Talks on patents")
        retype(qtbot, field(dialog, QLineEdit, "Date given"), "21/3/2017")
        choose(qtbot, field(dialog, QComboBox, "From"), "Dr. HE Zhimin")
        choose(qtbot, field(dialog, QComboBox, "To"), "Engr. Khurram Dastgir")
        description = field(dialog, QPlainTextEdit, "Description")
        type_text(qtbot, description, "景泰蓝花瓶, a cloisonné vase")
        retype(qtbot, field(dialog, QLineEdit, "Estimated value"), "45000000000000000")
        retype(qtbot, field(dialog, QLineEdit, "Currency"), "cny")
        click(qtbot, button(dialog, "Choose photo…"))
        shown = field(dialog, QLabel, "gift photo").pixmap()
        assert not shown.isNull() and shown.width() > 0  # the photo is shown in the dialog
        click(qtbot, button(dialog, "Save"))
        # Refused with a sentence; the dialog stays open with everything typed.
        assert messages[-1][0] == "Not saved"
        assert "beyond what the register keeps" in messages[-1][1]
        assert dialog.isVisible() and description.toPlainText().startswith("景泰蓝")
        retype(qtbot, field(dialog, QLineEdit, "Estimated value"), "45,000")
        click(qtbot, button(dialog, "Save"))

    seen = in_dialog("New gift", vase)
    click(qtbot, button(panel, "Add gift…"))
    assert seen, "the dialog did not open"
    table = table_of(panel)
    assert cells_under(table, "Gift") == ["景泰蓝花瓶, a cloisonné vase"]
    assert cells_under(table, "From") == ["Dr. HE Zhimin"]
    assert cells_under(table, "Estimated value") == ["45,000 CNY"]
    assert cells_under(table, "Photo") == ["Yes"]
    assert cells_under(table, "Awaits") == ["Not yet reported to the Toshakhana (Cabinet Division)"]
    warning = field(panel, QLabel, "gifts_open")
    assert warning.isVisible() and "1 gift awaits its deposit or decision" in warning.text()
    sections = sipo.findChild(QTabWidget)
    assert sections is not None
    gifts_index = sections.indexOf(panel)
    assert not sections.tabIcon(gifts_index).isNull()  # seen from the other tabs too
    assert "Not yet reported to the Toshakhana" in sections.tabToolTip(gifts_index)

    # 2. The tea tray given back at the lunch, to a name typed with markup in it.
    def tray(dialog: QWidget) -> None:
        choose(qtbot, field(dialog, QComboBox, "Given or received"), "Given by our side")
        assert not field(dialog, QWidget, "gift deposit").isEnabled()  # nothing to deposit
        choose(qtbot, field(dialog, QComboBox, "At"), "21 Mar 2017 13:00 Lunch")
        retype(qtbot, field(dialog, QLineEdit, "Date given"), "2017-03-21")
        choose(qtbot, field(dialog, QComboBox, "From"), "Engr. Khurram Dastgir")
        qtbot.keyClicks(field(dialog, QLineEdit, "To (name)"), HOSTILE)
        description = field(dialog, QPlainTextEdit, "Description")
        type_text(qtbot, description, "Truck-art tea tray")
        retype(qtbot, field(dialog, QLineEdit, "Estimated value"), "8000")
        retype(qtbot, field(dialog, QLineEdit, "Currency"), "PKR")
        click(qtbot, button(dialog, "Save"))

    seen = in_dialog("New gift", tray)
    click(qtbot, button(panel, "Add gift…"))
    assert seen, "the dialog did not open"
    assert cells_under(table, "To") == ["Engr. Khurram Dastgir", HOSTILE]  # literally, no markup
    assert cells_under(table, "Given or received") == ["Received", "Given"]

    # 3. The vase deposited with its reference: the warning goes.
    table.selectRow(0)

    def deposited(dialog: QWidget) -> None:
        choose(qtbot, field(dialog, QComboBox, "Decision"), "Deposited")
        retype(qtbot, field(dialog, QLineEdit, "Reported on"), "24/3/2017")
        retype(qtbot, field(dialog, QLineEdit, "Deposited on"), "27 Mar 2017")
        retype(qtbot, field(dialog, QLineEdit, "Deposit reference"), "TK/2017/0412")
        retype(qtbot, field(dialog, QLineEdit, "Assessed value"), "52000")
        click(qtbot, button(dialog, "Save"))

    seen = in_dialog("Edit gift", deposited)
    click(qtbot, button(panel, "Edit…"))
    assert seen, "the dialog did not open"
    assert cells_under(table, "Deposit")[0] == "Deposited 27 Mar 2017, TK/2017/0412"
    assert not warning.isVisible() and sections.tabIcon(gifts_index).isNull()

    # 4. Deleted by mistake, brought back by Edit ▸ Undo.
    table.selectRow(1)
    click(qtbot, button(panel, "Delete"))
    assert cells_under(table, "Gift") == ["景泰蓝花瓶, a cloisonné vase"]
    menu_entry(window, "Edit", "Undo").trigger()
    assert cells_under(table, "Gift") == ["景泰蓝花瓶, a cloisonné vase", "Truck-art tea tray"]

    # 5. The next year's visit: a shawl received by the Chairman, not yet reported.
    jpo = open_visit(qtbot, window, "JPO")
    jpo_panel = gifts_tab(jpo)

    def shawl(dialog: QWidget) -> None:
        choose(qtbot, field(dialog, QComboBox, "At"), "10 May 2018 10:00 Talks on designs")
        retype(qtbot, field(dialog, QLineEdit, "Date given"), "10/5/2018")
        choose(qtbot, field(dialog, QComboBox, "From"), "Mr. SATO Kenji")
        choose(qtbot, field(dialog, QComboBox, "To"), "Mr. Abdul Rashid")
        description = field(dialog, QPlainTextEdit, "Description")
        type_text(qtbot, description, "西陣織 shawl")
        retype(qtbot, field(dialog, QLineEdit, "Estimated value"), "30000")
        retype(qtbot, field(dialog, QLineEdit, "Currency"), "JPY")
        click(qtbot, button(dialog, "Save"))

    seen = in_dialog("New gift", shawl)
    click(qtbot, button(jpo_panel, "Add gift…"))
    assert seen, "the dialog did not open"
    assert cells_under(table_of(jpo_panel), "Awaits") == [
        "Not yet reported to the Toshakhana (Cabinet Division)"
    ]

    # 6. The office-wide register, a year at a time.
    menu_entry(window, "View", "Gifts register").trigger()
    register = window.tabs.currentWidget()
    assert register is not None and _plain(window.tabs.tabText(window.tabs.currentIndex())) == (
        "Gifts register"
    )
    rows = table_of(register)
    assert sorted(cells_under(rows, "Gift")) == sorted(
        ["西陣織 shawl", "景泰蓝花瓶, a cloisonné vase", "Truck-art tea tray"]
    )
    choose(qtbot, field(register, QComboBox, "Year"), "2017")
    assert sorted(cells_under(rows, "Gift")) == [
        "Truck-art tea tray",
        "景泰蓝花瓶, a cloisonné vase",
    ]
    assert set(cells_under(rows, "Visit")) == {"Visit of the SIPO delegation"}
    choose(qtbot, field(register, QComboBox, "Year"), "2018")
    assert cells_under(rows, "Gift") == ["西陣織 shawl"]
    assert cells_under(rows, "To") == ["Mr. Abdul Rashid"]
    summary = field(register, QLabel, "gifts_register_summary").text()
    assert summary == "1 gift shown, 1 received; 1 awaits its deposit or decision."
    choose(qtbot, field(register, QComboBox, "Person"), "Engr. Khurram Dastgir")
    assert cells_under(rows, "Gift") == []  # he received nothing in 2018
    choose(qtbot, field(register, QComboBox, "Year"), "2017")
    assert sorted(cells_under(rows, "Gift")) == [
        "Truck-art tea tray",
        "景泰蓝花瓶, a cloisonné vase",
    ]
    choose(qtbot, field(register, QComboBox, "Person"), "Everyone")

    # 7. The year exported as a workbook, as the Cabinet Division would read it.
    target = tmp_path / "gifts-2017.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, button(register, "Export…"))
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    heads = values[0]
    assert heads[:8] == [
        "No.", "Date", "Visit", "Engagement", "Given or received", "From", "To", "Description",
    ]  # fmt: skip
    by_gift = {r[heads.index("Description")]: dict(zip(heads, r, strict=True)) for r in values[1:]}
    assert set(by_gift) == {"景泰蓝花瓶, a cloisonné vase", "Truck-art tea tray"}
    vase_row = by_gift["景泰蓝花瓶, a cloisonné vase"]
    assert vase_row["Estimated value"] == 45000 and vase_row["Currency"] == "CNY"
    assert vase_row["Decision (Toshakhana (Cabinet Division))"] == "Deposited"
    assert vase_row["Deposit reference"] == "TK/2017/0412"
    assert vase_row["Assessed value"] == 52000
    assert vase_row["Engagement"] == "Talks on patents"
    assert vase_row["Photo"] == "Yes" and vase_row["Awaits"] is None
    # A name that looks like a formula is kept as text, never run by Excel.
    assert by_gift["Truck-art tea tray"]["To"] == HOSTILE

    # 8. A double click opens the gift's visit on its Gifts tab, the gift selected.
    choose(qtbot, field(register, QComboBox, "Year"), "2018")
    rect = rows.visualRect(rows.model().index(0, 0))
    qtbot.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(rows.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    opened = window.tabs.currentWidget()
    assert opened is jpo
    sections = jpo.findChild(QTabWidget)
    assert sections is not None and _plain(sections.tabText(sections.currentIndex())) == "Gifts"
    chosen = table_of(jpo_panel).selectionModel().selectedRows()
    assert [i.row() for i in chosen] == [0]
