"""The classification in the window: the visit's level in its details dialog, each talking
point's level beside the points where they are typed, each given back as the enum member and
undone like any other edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from visitdesk.app.enums import Level
from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog
from visitdesk.ui.dialogs.visit_dialog import VisitDialog
from visitdesk.ui.views.visit_view import VisitView

NEW_POINT = "Our fallback: accept the draft MoU text if pressed."


def _open_sipo(qtbot, window) -> VisitView:
    qtbot.keyClicks(window.visits_view.search, "sipo china")
    qtbot.keyClick(window.visits_view.search, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, VisitView)
    return view


def _choose(qtbot, combo: QComboBox, label: str) -> None:
    """As an officer does: focus the box and type the level's first letters."""
    combo.setFocus()
    qtbot.keyClicks(combo, label)
    assert combo.currentText() == label


def _talks(visit: VisitView) -> int:
    rows = visit.itinerary.model.rows()
    return next(i for i, r in enumerate(rows) if "Talks" in r.title or "talks" in r.title)


def test_a_talking_point_marked_secret_is_saved_as_the_level_and_undone(
    qtbot, window, fill_dialog
) -> None:
    visit = _open_sipo(qtbot, window)
    seen: list[tuple[str, ...]] = []

    def fill(dialog: EngagementDialog) -> None:
        if not dialog.points.toPlainText():
            return
        dialog.points.moveCursor(dialog.points.textCursor().MoveOperation.End)
        qtbot.keyClick(dialog.points, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.points, NEW_POINT)
        combos = dialog.point_levels.combos
        seen.append(tuple(c.currentText() for c in combos))
        _choose(qtbot, combos[-1], "Secret")
        # Correcting the point's text leaves it Secret.
        dialog.points.setFocus()
        qtbot.keyClick(dialog.points, Qt.Key.Key_Backspace)
        qtbot.keyClicks(dialog.points, ".")
        data = dialog.data()
        assert data.talking_point_levels[-1] is Level.SECRET
        assert data.talking_point_levels[0] is None

    fill_dialog(EngagementDialog, fill)
    engagements = window.desk.itinerary.rows(visit.visit_id)
    with_points = next(
        e for e in engagements if window.desk.itinerary.load(e.id).data.talking_points
    )
    row = [r.id for r in visit.itinerary.model.rows()].index(with_points.id)
    visit.itinerary.table.selectRow(row)
    qtbot.mouseClick(visit.itinerary.edit_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0][-1] == "At the visit's level"
    saved = window.desk.itinerary.load(with_points.id).data
    assert saved.talking_points[-1] == NEW_POINT
    assert saved.talking_point_levels[-1] is Level.SECRET

    window.undo_group.undo()
    again = window.desk.itinerary.load(with_points.id).data
    assert NEW_POINT not in again.talking_points and again.talking_point_levels == ()
    window.undo_group.redo()
    assert window.desk.itinerary.load(with_points.id).data.talking_point_levels[-1] is Level.SECRET


def test_the_visits_classification_is_chosen_in_its_details_and_undone(
    qtbot, window, fill_dialog
) -> None:
    visit = _open_sipo(qtbot, window)
    shown: list[str] = []

    def fill(dialog: VisitDialog) -> None:
        combo = dialog.findChild(QComboBox, "visit_classification")
        assert combo is not None and combo.accessibleName() == "Classification"
        shown.append(combo.currentText())
        _choose(qtbot, combo, "Confidential")

    fill_dialog(VisitDialog, fill)
    visit.edit_details()
    assert shown == ["Restricted"]
    details = window.desk.visits.details(visit.visit_id).data
    assert details.classification is Level.CONFIDENTIAL
    window.undo_group.undo()
    assert window.desk.visits.details(visit.visit_id).data.classification is Level.RESTRICTED
