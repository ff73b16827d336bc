"""Correcting a person from a picker and merging two people from the People view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from visitdesk.app import Desk
from visitdesk.store.database import Store
from visitdesk.ui.dialogs.merge_dialog import MergeDialog
from visitdesk.ui.dialogs.person_dialog import PersonDialog
from visitdesk.ui.dialogs.person_picker import PersonPicker
from visitdesk.ui.main_window import MainWindow


def _names(table: Any) -> list[str]:
    model = table.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_person_corrected_in_the_picker_keeps_the_ticks_and_the_order(
    qtbot: Any, example_store: Store, fill_dialog: Any
) -> None:
    picker = PersonPicker(Desk(example_store), "Choose delegates")
    qtbot.addWidget(picker)
    # By precedence, then by family name (He before Khan), never by honorific.
    assert _names(picker.table) == [
        "Dr. HE Zhimin",
        "Engr. Khurram Dastgir Khan",
        "Mr. Azmat Ali Ranjha",
        "Mr. ZHANG Wei",
        "Mr. Shahid Rashid",
    ]
    # Khan ticked, then Rashid Ctrl+clicked: two ticks, Rashid current.
    for row, modifier in (
        (1, Qt.KeyboardModifier.NoModifier),
        (4, Qt.KeyboardModifier.ControlModifier),
    ):
        rect = picker.table.visualRect(picker.proxy.index(row, 0))
        qtbot.mouseClick(
            picker.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center()
        )
    assert len(picker.chosen()) == 2

    def fill(dialog: PersonDialog) -> None:
        assert dialog.windowTitle() == "Edit person: Mr. Shahid Rashid"
        dialog.position.setText("Chairman, IPO-Pakistan")

    fill_dialog(PersonDialog, fill)
    qtbot.mouseClick(picker.edit_button, Qt.MouseButton.LeftButton)
    positions = {r.name: r.position for r in picker.model.rows()}
    assert positions["Mr. Shahid Rashid"] == "Chairman, IPO-Pakistan"
    assert sorted(r.name for r in picker.chosen()) == [
        "Engr. Khurram Dastgir Khan",
        "Mr. Shahid Rashid",
    ]


def test_two_people_merged_from_the_people_view_and_undone(
    qtbot: Any, window: MainWindow, fill_dialog: Any
) -> None:
    view = window.show_people()
    qtbot.keyClicks(view.search, "commerce")
    assert _names(view.people_table) == ["Engr. Khurram Dastgir Khan", "Mr. Azmat Ali Ranjha"]
    view.people_table.selectAll()

    def keep_second(dialog: MergeDialog) -> None:
        assert dialog.windowTitle() == "Merge two people"
        dialog.keep_buttons.button(1).setChecked(True)

    fill_dialog(MergeDialog, keep_second)
    qtbot.mouseClick(view.edit_buttons[3], Qt.MouseButton.LeftButton)
    assert len(view.people.rows()) == 4
    assert window.undo_group.undoText().startswith("Merge ")
    window.undo_group.undo()
    assert len(view.people.rows()) == 5
