"""The office set-up and organisation dialogs, saved over another officer's change: the save
is refused, both versions are offered, and the officer's choice is what is stored."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from visitdesk.app import ConflictError, Desk
from visitdesk.app.office import NOT_SET_UP, OfficeSettings
from visitdesk.app.organisations import OrganisationDetails
from visitdesk.ui.dialogs import conflict_dialog
from visitdesk.ui.dialogs.conflict_dialog import Choice


@pytest.fixture
def two_desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk]]:
    a = Desk.open(data_dir=tmp_path, user="akhan")
    b = Desk.open(data_dir=tmp_path, user="bmalik")
    yield a, b
    a.close()
    b.close()


def _answer(monkeypatch: pytest.MonkeyPatch, choice: Choice) -> list[ConflictError]:
    seen: list[ConflictError] = []

    def resolve(_parent: Any, error: ConflictError, _opened: Any = None) -> Choice:
        seen.append(error)
        return choice

    monkeypatch.setattr(conflict_dialog, "resolve", resolve)
    return seen


def test_the_office_set_up_saved_over_another_officer_takes_theirs(
    qtbot: Any, two_desks: tuple[Desk, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    from visitdesk.ui.dialogs.office_dialog import OfficeDialog

    a, b = two_desks
    a.office.update(OfficeSettings(name="Korean Intellectual Property Office"), NOT_SET_UP)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = OfficeDialog(a, parent)
    theirs = b.office.load()
    b.office.update(dataclasses.replace(theirs.data, city="Daejeon"), theirs.version)
    seen = _answer(monkeypatch, Choice.TAKE_THEIRS)
    dialog.city.setText("Seoul")
    taken: list[bool] = []
    dialog.theirs_taken.connect(lambda: taken.append(True))
    dialog.accept()
    assert len(seen) == 1 and seen[0].fields == ("city",)
    assert "bmalik" in str(seen[0]) and seen[0].mine.city == "Seoul"
    assert taken == [True] and not dialog.result()
    assert a.office.load().data.city == "Daejeon"


def test_an_organisation_saved_over_another_officer_keeps_mine_and_undo_puts_theirs_back(
    qtbot: Any, two_desks: tuple[Desk, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QUndoStack

    from visitdesk.ui.dialogs.organisation_dialog import OrganisationDialog, edit_organisation
    from visitdesk.ui.undo import push_call

    a, b = two_desks
    made = a.organisations.create(OrganisationDetails("Japan Patent Office", "JPO"))
    parent = QWidget()
    qtbot.addWidget(parent)
    stack = QUndoStack(parent)
    seen = _answer(monkeypatch, Choice.KEEP_MINE)

    def exec_(dialog: OrganisationDialog) -> int:
        theirs = b.organisations.load(made.id)  # B saves while A's dialog is open
        b.organisations.update(
            made.id, dataclasses.replace(theirs.data, native_name="特許庁"), theirs.version
        )
        dialog.country.set_code("JP")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(OrganisationDialog, "exec", exec_)

    def push(text: str, do: Any, undo: Any) -> bool:
        return push_call(stack, text, do, undo, lambda: None, parent)

    assert edit_organisation(a, made.id, parent, push)
    assert seen and seen[0].fields == ("native name",)
    stored = a.organisations.load(made.id).data
    # Keep mine put A's change (the country) over B's version; B's native name stays.
    assert stored.country == "JP" and stored.native_name == "特許庁"
    stack.undo()
    undone = a.organisations.load(made.id).data
    assert undone.native_name == "特許庁" and undone.country is None  # B's version again


def test_two_officers_setting_up_the_office_at_once_see_each_other(
    qtbot: Any, two_desks: tuple[Desk, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    from visitdesk.ui.dialogs.office_dialog import OfficeDialog

    a, b = two_desks
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = OfficeDialog(a, parent)  # nothing set up yet
    b.office.update(OfficeSettings(name="Japan Patent Office", city="Tokyo"), NOT_SET_UP)
    seen = _answer(monkeypatch, Choice.KEEP_MINE)
    dialog.name.setText("特許庁")
    dialog.accept()
    assert seen and seen[0].theirs.data.name == "Japan Patent Office"
    assert dialog.result()
    stored = b.office.load()
    # A's name over B's set-up; B's city, which A never typed, stays.
    assert stored.data.name == "特許庁" and stored.data.city == "Tokyo"
    assert stored.changed_by == "akhan"
