"""A visit's gifts, given and received: add, edit, delete (each undoable), and a warning for
each gift received by a host official that still awaits its deposit or decision."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMessageBox, QStyle, QVBoxLayout, QWidget

from visitdesk.app import ConflictError, Record
from visitdesk.app.gifts import DeletedGift, GiftData, GiftRow
from visitdesk.ui.models.gifts import GiftsModel
from visitdesk.ui.plain import plain_tooltip
from visitdesk.ui.undo import VersionedEdit
from visitdesk.ui.widgets import button_bar, make_table, selected_row

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:38].rstrip() + "…"


def open_text(rows: list[GiftRow]) -> str:
    """The warning above the table: the gifts that await their deposit, the first named."""
    waiting = [r for r in rows if r.warning]
    if not waiting:
        return ""
    first = waiting[0]
    named = f"“{_short(first.description)}”, received by {first.receiver or 'an official'}"
    if len(waiting) == 1:
        return f"1 gift awaits its deposit or decision: {named}. {first.warning}."
    return (
        f"{len(waiting)} gifts await their deposit or decision; the first is {named}. "
        f"{first.warning}."
    )


class GiftsPanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("gifts_panel")
        self.model = GiftsModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=5)
        self.table.setAccessibleName("Gifts")
        header = self.table.horizontalHeader()
        widths = ((0, 90), (1, 150), (2, 120), (3, 130), (4, 130))
        for column, width in (*widths, (6, 110), (7, 50), (8, 150), (9, 150)):
            header.resizeSection(column, width)
        self.table.activated.connect(lambda _i: self.edit())
        bar, _ = button_bar(
            self,
            ("&Add gift…", self.add, "Record a gift given or received"),
            ("&Edit…", self.edit, "Change the selected gift, or record its deposit"),
            ("&Delete", self.delete, "Delete the selected gift"),
        )
        self.warning = QLabel(self)
        self.warning.setObjectName("gifts_open")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { background: #fde7e9; color: #8a0014; padding: 6px; }")
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the rows again (VisitView calls this after every edit)."""
        rows = list(self.view.desk.gifts.rows(self.view.visit_id))
        self.model.set_rows(rows)
        self.proxy.refresh()
        text = open_text(rows)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self._mark_tab(text)

    def _mark_tab(self, text: str) -> None:
        """A warning sign on the Gifts tab while a gift awaits its deposit, so that the officer
        sees it from the programme too (its tooltip says which)."""
        sections = self.view.sections
        index = sections.indexOf(self)
        if index < 0:
            return
        icon = (
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if text
            else QIcon()
        )
        sections.setTabIcon(index, icon)
        # A description typed with a tag in it is shown as typed, never as markup.
        sections.setTabToolTip(
            index, plain_tooltip(text) or "Gifts given and received on this visit"
        )

    def add(self) -> None:
        from visitdesk.ui.dialogs.gift_dialog import GiftDialog

        gifts, visit_id = self.view.desk.gifts, self.view.visit_id

        def save(data: GiftData) -> bool:
            made: dict[str, int] = {}
            # Undo deletes it; redo puts that very gift back (id, version).
            gone: list[DeletedGift] = []

            def do() -> None:
                back = gifts.restore(gone.pop()) if gone else None
                made["id"] = (back or gifts.add(visit_id, data)).id

            def undo() -> None:
                gone.append(gifts.delete(made["id"]))

            return self.view.push_call(f"Add the gift “{_short(data.description)}”", do, undo)

        GiftDialog(self.view.desk, visit_id, save, None, self).exec()

    def edit(self) -> None:
        from visitdesk.ui.dialogs.gift_dialog import GiftDialog

        row: GiftRow | None = selected_row(self.table, self.proxy)
        if row is None:
            return
        gifts = self.view.desk.gifts
        record = gifts.load(row.id)
        before: list[GiftData] = [record.data]

        def store(data: GiftData, version: int) -> Record[GiftData]:
            return gifts.update(row.id, data, version, opened=record.data)

        def save(data: GiftData, version: int) -> bool:
            edit = VersionedEdit(store, after=data, before=before[-1], version=version)
            try:
                return self.view.push_call(
                    f"Edit the gift “{_short(data.description)}”", edit.do, edit.undo
                )
            except ConflictError as exc:
                if exc.theirs is not None:
                    before.append(exc.theirs.data)  # kept over theirs: undo gives theirs back
                raise

        dialog = GiftDialog(
            self.view.desk, self.view.visit_id, save, record.data, self, record.version
        )
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()

    def delete(self) -> None:
        row: GiftRow | None = selected_row(self.table, self.proxy)
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete?",
            f"Delete the gift “{_short(row.description)}” from the register?\n\n"
            "Edit ▸ Undo brings it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        gifts = self.view.desk.gifts
        gone: list[DeletedGift] = []

        def do() -> None:
            gone.append(gifts.delete(row.id))

        def undo() -> None:
            gifts.restore(gone.pop())

        self.view.push_call(f"Delete the gift “{_short(row.description)}”", do, undo)
