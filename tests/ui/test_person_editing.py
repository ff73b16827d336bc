"""Correcting a person from a picker and merging two people from the People view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from visitdesk.app import Desk
from visitdesk.app.people import PersonDetails
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


def test_a_person_added_in_the_people_view_is_taken_back_by_undo_and_made_again_by_redo(
    qtbot: Any, window: MainWindow, fill_dialog: Any
) -> None:
    view = window.show_people()

    def fill(dialog: PersonDialog) -> None:
        assert dialog.windowTitle() == "New person"
        dialog.given.setText("Ji-hoon")
        dialog.family.setText("Park")
        dialog.family_first.setChecked(True)
        dialog.native.setText("박지훈")

    fill_dialog(PersonDialog, fill)
    qtbot.mouseClick(view.edit_buttons[1], Qt.MouseButton.LeftButton)
    assert "PARK Ji-hoon" in _names(view.people_table)
    assert window.undo_group.undoText() == "Add PARK Ji-hoon"
    window.undo_group.undo()
    assert "PARK Ji-hoon" not in _names(view.people_table)
    window.undo_group.redo()
    assert "PARK Ji-hoon" in _names(view.people_table)
    assert len(view.people.rows()) == 6


def test_an_organisation_added_and_then_used_is_not_removed_by_undo(
    qtbot: Any, window: MainWindow, fill_dialog: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from visitdesk.ui.dialogs.organisation_dialog import OrganisationDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    view = window.show_people()

    def name_it(dialog: OrganisationDialog) -> None:
        dialog.name.setText("Japan Patent Office")
        dialog.short_name.setText("JPO")

    fill_dialog(OrganisationDialog, name_it)
    qtbot.mouseClick(view.edit_buttons[2], Qt.MouseButton.LeftButton)
    jpo = next(r for r in view.organisations.rows() if r.short_name == "JPO")

    def join(dialog: PersonDialog) -> None:
        dialog.family.setText("Sato")
        dialog.organisation.setCurrentIndex(dialog.organisation.findData(jpo.id))

    fill_dialog(PersonDialog, join)
    qtbot.mouseClick(view.edit_buttons[1], Qt.MouseButton.LeftButton)
    view.undo_stack.setIndex(1)  # undo Sato's creation, then the organisation's
    view.undo_stack.undo()
    assert "JPO" not in [r.short_name for r in view.organisations.rows()]
    # Made again, then used by a person created outside this view's history: kept.
    view.undo_stack.redo()
    jpo = next(r for r in view.organisations.rows() if r.short_name == "JPO")
    window.desk.people.create(PersonDetails(family_name="Suzuki", organisation_id=jpo.id))
    view.undo_stack.undo()
    assert "JPO" in [r.short_name for r in view.organisations.rows()]
    assert any("is used by a person" in text for text in warnings)
