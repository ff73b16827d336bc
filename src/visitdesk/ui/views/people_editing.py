"""What the People view can change: merge two people or organisations that are one, undoably."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from visitdesk.app import RefusedError
from visitdesk.app.people import Merge
from visitdesk.ui.dialogs.merge_dialog import MergeDialog

if TYPE_CHECKING:
    from visitdesk.ui.views.people_view import PeopleView


def merge_selected(view: PeopleView) -> None:
    on_people = view.lists.currentIndex() == 0
    noun = "person" if on_people else "organisation"
    rows = view.selected_rows()
    if len(rows) != 2:
        QMessageBox.information(
            view,
            "Merge",
            f"Select the two {'people' if on_people else 'organisations'} that are the same "
            "(Ctrl+click the second), then choose Merge.",
        )
        return
    part = view.desk.people if on_people else view.desk.organisations
    try:
        sides = [part.merge_side(int(row.id)) for row in rows]
    except RefusedError as exc:
        QMessageBox.warning(view, "Cannot merge", str(exc))
        return
    dialog = MergeDialog(noun, sides[0], sides[1], view)
    if not dialog.exec():
        return
    kept, dropped = dialog.kept_and_dropped()
    names = {side.id: side.name for side in sides}
    done: list[Merge] = []

    def do() -> None:
        # The first time merges; a redo merges again from the records as they are then.
        merged = part.remerge(done[0]) if done else part.merge(kept, dropped)
        done[:] = [merged]

    def undo() -> None:
        part.unmerge(done[0])

    view.push_call(f"Merge {names[dropped]} into {names[kept]}", do, undo)
