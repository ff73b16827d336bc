"""The attendees of one side of an engagement, chosen inside the engagement dialog.

Each side is a checkable list of the visit's people in order of precedence (the delegation on
the guest side, the host-side people met so far on the host side). Typing in its search box
offers everyone in the store who matches, and, when nobody does, to add the name typed as a new
person; ticks are kept whatever is shown. So the common engagement needs no other dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app.enums import Side
from visitdesk.app.itinerary import Candidate, NewPerson, fold, rank_text

ID_ROLE = Qt.ItemDataRole.UserRole
# Beyond this many matches the list would bury the one wanted: type more of the name.
SHOWN_MATCHES = 60
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "engr", "sir", "madam", "h.e.",
    "he", "mr.", "mrs.", "ms.", "dr.", "prof.", "engr.",
}  # fmt: skip


def person_from_typed(text: str) -> NewPerson:
    """“Dr Ahmed Khan, Director General” → honorific, given name, family name, position."""
    name, _, position = text.partition(",")
    words = name.split()
    honorific = None
    if len(words) > 1 and words[0].casefold() in HONORIFICS:
        honorific, words = words[0], words[1:]
    family = words[-1] if words else ""
    given = " ".join(words[:-1]) or None
    return NewPerson(
        family_name=family,
        given_name=given,
        honorific=honorific,
        position=position.strip() or None,
    )


class _SearchEdit(QLineEdit):
    """Enter here ticks or adds the person searched for; it must never save the whole dialog
    (a QLineEdit passes Enter on to the dialog's default button)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class AttendeeList(QWidget):
    """One side's attendees: `ticked()` are attending, in order of precedence."""

    toggled = Signal(int, bool)

    def __init__(
        self,
        side: Side,
        title: str,
        parent: QWidget,
        create: Callable[[NewPerson], int | None] | None,
    ) -> None:
        super().__init__(parent)
        self.side, self._create = side, create
        self._people: dict[int, Candidate] = {}
        self._ticked: set[int] = set()
        word = "host" if side is Side.HOST else "guest"
        self.label = QLabel(title, self)
        self.search = _SearchEdit(self)
        self.search.setObjectName(f"{word} search")
        self.search.setAccessibleName(f"Search {title.lower()}")
        self.search.setPlaceholderText("Type a name to find or add someone")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName(f"{word} attendees")
        self.list.setAccessibleName(f"{title} attendees")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Long names and positions are cut with "…" (the tooltip has them whole), never scrolled.
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setObjectName(f"remove {word}s")
        self.remove_button.setToolTip("Take the selected people off this side (select several)")
        self.remove_button.clicked.connect(self.remove_selected)
        self.new_button = QPushButton("Add as new person", self)
        self.new_button.setObjectName(f"new {word}")
        self.new_button.setToolTip("Add the name typed (“Dr Ahmed Khan, Director”) as a person")
        self.new_button.clicked.connect(self._add_typed)
        self.new_button.setVisible(False)
        self.count = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.search.textChanged.connect(lambda _t: self._show())
        self.search.returnPressed.connect(self._enter)
        self.list.itemChanged.connect(self._item_changed)

    # What is offered and what is ticked ---------------------------------------------------

    def set_people(self, people: list[Candidate]) -> None:
        self._people = {c.id: c for c in people}
        self._ticked &= set(self._people)
        self._show()

    def ticked(self) -> list[int]:
        return [c.id for c in self._people.values() if c.id in self._ticked]

    def set_ticked(self, ids: list[int] | set[int], ticked: bool = True) -> None:
        for person_id in ids:
            if person_id in self._people:
                (self._ticked.add if ticked else self._ticked.discard)(person_id)
        self._show()

    def is_ticked(self, person_id: int) -> bool:
        return person_id in self._ticked

    def _belongs(self, c: Candidate) -> bool:
        return c.delegate if self.side is Side.GUEST else c.with_host

    def _shown(self) -> list[Candidate]:
        # "Dr Ahmed Khan, Director" finds him too: the comma that adds a position is no word.
        words = fold(self.search.text().replace(",", " ")).split()
        if not words:
            return [c for c in self._people.values() if self._belongs(c) or c.id in self._ticked]
        found = [c for c in self._people.values() if all(w in c.haystack for w in words)]
        return found[:SHOWN_MATCHES]

    def _show(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        shown = self._shown()
        for c in shown:
            rank = rank_text(c.precedence)
            text = " — ".join(p for p in (c.name, c.position) if p)
            if c.organisation:
                text += f" ({c.organisation})"
            item = QListWidgetItem(f"{text}  [{rank}]" if rank else text)
            item.setData(ID_ROLE, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if c.id in self._ticked else Qt.CheckState.Unchecked
            )
            item.setToolTip("\n".join(p for p in (c.name, c.position, c.organisation) if p))
            self.list.addItem(item)
        self.list.blockSignals(False)
        typed = self.search.text().strip()
        self.new_button.setVisible(bool(typed) and self._create is not None)
        self.new_button.setText(f"Add “{typed[:30]}” as new person" if typed else "")
        self.count.setText(f"{len(self._ticked)} attending")

    def _item_changed(self, item: QListWidgetItem) -> None:
        person_id = int(item.data(ID_ROLE))
        ticked = item.checkState() == Qt.CheckState.Checked
        (self._ticked.add if ticked else self._ticked.discard)(person_id)
        self.count.setText(f"{len(self._ticked)} attending")
        self.toggled.emit(person_id, ticked)

    def remove_selected(self) -> None:
        """Untick every selected person at once."""
        chosen = [int(i.data(ID_ROLE)) for i in self.list.selectedItems()]
        for person_id in chosen:
            self._ticked.discard(person_id)
        self._show()
        for person_id in chosen:
            self.toggled.emit(person_id, False)

    def _enter(self) -> None:
        # Enter in the search ticks the one match; with none, adds the name typed.
        shown = self._shown()
        if len(shown) == 1:
            self._ticked.add(shown[0].id)
            self.search.clear()
            self.toggled.emit(shown[0].id, True)
        elif not shown and self._create is not None and self.search.text().strip():
            self._add_typed()

    def _add_typed(self) -> None:
        typed = " ".join(self.search.text().split())
        if not typed or self._create is None:
            return
        person_id = self._create(person_from_typed(typed))
        if person_id is not None:
            self._ticked.add(person_id)
            self.search.clear()
            self.toggled.emit(person_id, True)
