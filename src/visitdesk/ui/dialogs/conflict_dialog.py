"""Another officer saved the record first: both versions side by side, and the officer chooses.

Shown when a save is refused with ConflictError. Nothing typed is lost: "Keep mine" saves what
this officer typed over the other's version, on purpose; "Take theirs" drops what was typed and
shows the record as the other officer left it; "Back to my changes" returns to the dialog.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import ConflictError
from visitdesk.app.text import short_date, short_datetime


class Choice(enum.Enum):
    KEEP_MINE = "keep mine"
    TAKE_THEIRS = "take theirs"
    BACK = "back"


def shown(value: Any) -> str:
    """A field's value as the officer reads it in the comparison."""
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, enum.Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, bytes):  # a photo: its bytes mean nothing to the officer
        return f"a picture of {max(1, len(value) // 1000):,} KB"
    if isinstance(value, datetime):
        return short_datetime(value)
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, tuple | list | frozenset | set):
        items = sorted(value, key=str) if isinstance(value, frozenset | set) else value
        return "; ".join(shown(v) for v in items)
    return " ".join(str(value).split())


def differences(mine: Any, theirs: Any) -> list[tuple[str, str, str]]:
    """(field, mine, theirs) for each field where the two versions differ."""
    if not (dataclasses.is_dataclass(mine) and dataclasses.is_dataclass(theirs)):
        return []
    rows = []
    for field in dataclasses.fields(mine):
        a, b = getattr(mine, field.name, None), getattr(theirs, field.name, None)
        if a != b:
            rows.append((field.name.replace("_", " ").capitalize(), shown(a), shown(b)))
    return rows


def keep_mine_note(opened: Any, mine: Any, theirs: Any) -> str:
    """What Keep mine will store, when the dialog knows what it first showed: the fields
    this officer changed over their version, theirs for the rest."""
    if isinstance(opened, tuple) and isinstance(mine, tuple) and opened and mine:
        opened, mine = opened[0], mine[0]
    if not all(dataclasses.is_dataclass(x) and not isinstance(x, type) for x in (opened, mine)):
        return ""
    if type(opened) is not type(mine) or type(mine) is not type(theirs):
        return ""
    names = [f.name for f in dataclasses.fields(mine)]
    mine_changed = [n for n in names if getattr(mine, n) != getattr(opened, n)]
    only_theirs = [
        n for n in names if n not in mine_changed and getattr(theirs, n) != getattr(opened, n)
    ]
    if not only_theirs:
        return ""

    def words(fields: list[str]) -> str:
        return ", ".join(f.replace("_", " ") for f in fields)

    yours = f"what you changed ({words(mine_changed)})" if mine_changed else "nothing of yours"
    return (
        f"Keep mine saves {yours} over their version; what only they changed "
        f"({words(only_theirs)}) stays as they saved it."
    )


class ConflictDialog(QDialog):
    def __init__(
        self, error: ConflictError, parent: QWidget | None = None, opened: Any = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict")
        self.setWindowTitle("Changed by another officer")
        self.choice = Choice.BACK
        text = QLabel(str(error), self)
        text.setTextFormat(text.textFormat().PlainText)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        theirs = None if error.theirs is None else error.theirs.data
        rows = differences(error.mine, theirs) if theirs is not None else []
        if rows:
            table = QTableWidget(len(rows), 3, self)
            table.setObjectName("conflict-fields")
            table.setHorizontalHeaderLabels(["", "Yours (not saved)", "Theirs (saved)"])
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value)
                    item.setTextAlignment(top)
                    table.setItem(r, c, item)
            # Long texts (a talking point, a release's body) wrap in two equal columns, so
            # "Theirs" is never pushed off the dialog.
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            table.setWordWrap(True)
            # Row heights follow the columns' widths once they are laid out (and on resize).
            header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
            layout.addWidget(table, 1)
            merge = keep_mine_note(opened, error.mine, theirs)
            if merge:
                note = QLabel(merge, self)
                note.setObjectName("conflict-keep-mine")
                note.setTextFormat(Qt.TextFormat.PlainText)
                note.setWordWrap(True)
                layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        keep = QPushButton("&Keep mine" if theirs is not None else "&Save mine as new", self)
        keep.setObjectName("keep-mine")
        keep.setToolTip("Save what you typed over the other officer's version")
        take = QPushButton("&Take theirs", self)
        take.setObjectName("take-theirs")
        take.setToolTip("Drop what you typed and show the record as it is now")
        back = QPushButton("&Back to my changes", self)
        back.setObjectName("back")
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(take, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(back, QDialogButtonBox.ButtonRole.RejectRole)
        keep.clicked.connect(lambda: self._choose(Choice.KEEP_MINE))
        take.clicked.connect(lambda: self._choose(Choice.TAKE_THEIRS))
        back.clicked.connect(lambda: self._choose(Choice.BACK))
        back.setDefault(True)
        if theirs is None:
            keep.setVisible(False)  # deleted: there is nothing of theirs to keep yours over
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept() if choice is not Choice.BACK else self.reject()


def resolve(parent: QWidget | None, error: ConflictError, opened: Any = None) -> Choice:
    """The officer's choice; `opened` (what the dialog first showed) lets it say what Keep
    mine will store."""
    dialog = ConflictDialog(error, parent, opened)
    dialog.exec()
    return dialog.choice
