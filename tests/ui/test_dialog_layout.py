"""Nothing a dialog shows lies outside its layout: a widget made but never laid out is drawn at
the dialog's corner, over the first label (seen in the new-visit dialog under Xvfb)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QLayout, QWidget

from visitdesk.app import Desk
from visitdesk.store.database import Store
from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog
from visitdesk.ui.dialogs.visit_dialog import VisitDialog


def _laid_out(layout: QLayout | None) -> set[int]:
    found: set[int] = set()
    if layout is None:
        return found
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is not None:
            found.add(id(item.widget()))
        found |= _laid_out(item.layout())
    return found


def _stray(dialog: QDialog) -> list[str]:
    """Visible direct children of the dialog that no layout of it holds."""
    held = _laid_out(dialog.layout())
    return [
        f"{type(child).__name__} {child.accessibleName() or child.objectName()!r}"
        for child in dialog.findChildren(QWidget)
        if child.parentWidget() is dialog
        and child.isVisibleTo(dialog)
        and not child.isWindow()
        and id(child) not in held
    ]


def test_the_new_visit_dialog_shows_only_what_it_lays_out(qtbot: Any, store: Store) -> None:
    dialog = VisitDialog(Desk(store), lambda _d: True, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _stray(dialog) == []


def test_the_engagement_dialog_shows_only_what_it_lays_out(qtbot: Any, store: Store) -> None:
    dialog = EngagementDialog(Desk(store), lambda _d: True, None, date(2026, 12, 1), set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _stray(dialog) == []


def test_clicking_the_empty_country_box_and_typing_searches_what_was_typed(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from visitdesk.ui.country_box import CountryBox

    box = CountryBox(None)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    line = box.lineEdit()
    assert line is not None
    assert line.text() == "" and "no country" in line.placeholderText()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line, "Japan")
    assert line.text() == "Japan"
    assert box.code() == "JP"
