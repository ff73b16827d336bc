"""The level of each talking point, beside the box where the points are typed one a line.

A row per point, its number and opening words and a combo box: at the visit's level (no level
of its own) or one of the office's levels. The rows follow the text as it is typed. A point
keeps its level while it is edited (same number of points: each keeps its row's level, so a
typo corrected in a Secret point leaves it Secret); when points are added or removed, each
keeps the level of the point with the same text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from visitdesk.app.enums import LEVELS, Level
from visitdesk.ui.widgets import optional_enum_data

AT_VISIT_LEVEL = "At the visit's level"
MAX_HEIGHT = 4 * 28  # four rows


class PointLevels(QWidget):
    def __init__(
        self,
        points: QPlainTextEdit,
        texts: tuple[str, ...],
        levels: tuple[Level | None, ...],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("talking point levels")
        self.setAccessibleName("Levels of the talking points")
        self._points = points
        given = (*levels, *(None,) * len(texts))
        self._rows: list[tuple[str, Level | None]] = [
            (text.strip(), level) for text, level in zip(texts, given, strict=False) if text.strip()
        ]
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self.combos: list[QComboBox] = []
        points.textChanged.connect(self._rebuild)
        self._rebuild()

    def _lines(self) -> list[str]:
        return [line.strip() for line in self._points.toPlainText().splitlines() if line.strip()]

    def _carried(self, lines: list[str]) -> list[tuple[str, Level | None]]:
        if len(lines) == len(self._rows):
            return [(line, level) for line, (_old, level) in zip(lines, self._rows, strict=True)]
        left = list(self._rows)
        carried: list[tuple[str, Level | None]] = []
        for line in lines:
            match = next((row for row in left if row[0] == line), None)
            if match is not None:
                left.remove(match)
            carried.append((line, match[1] if match else None))
        return carried

    def _rebuild(self) -> None:
        lines = self._lines()
        if [c.property("point") for c in self.combos] == lines and self.combos:
            return
        self._rows = self._carried(lines)
        while self._form.rowCount():
            self._form.removeRow(0)
        self.combos = []
        for number, (line, level) in enumerate(self._rows, start=1):
            combo = QComboBox(self)
            combo.setObjectName(f"talking point level {number}")
            combo.setAccessibleName(f"Level of talking point {number}")
            combo.setProperty("point", line)
            combo.addItem(AT_VISIT_LEVEL, None)
            for choice in LEVELS:
                combo.addItem(choice.label, choice.value)
            combo.setCurrentIndex(max(0, combo.findData(level)))
            combo.currentIndexChanged.connect(lambda _i, n=number - 1, c=combo: self._chose(n, c))
            words = line if len(line) <= 60 else line[:59] + "…"
            label = QLabel(f"{number}. {words}", self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._form.addRow(label, combo)
            self.combos.append(combo)

    def _chose(self, index: int, combo: QComboBox) -> None:
        self._rows[index] = (self._rows[index][0], optional_enum_data(combo, Level))

    def levels(self, lines: tuple[str, ...]) -> tuple[Level | None, ...]:
        """Each typed line's level, in order (blank lines none); () when no point has one."""
        self._rebuild()
        chosen = iter(level for _line, level in self._rows)
        found = tuple(next(chosen, None) if line.strip() else None for line in lines)
        return found if any(found) else ()


def scrolled(levels: PointLevels, parent: QWidget) -> QScrollArea:
    """The rows, scrolled beyond four: many points must not push Save off an office screen."""
    area = QScrollArea(parent)
    area.setObjectName("talking point levels area")
    area.setWidget(levels)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def fit(area: QScrollArea) -> None:
    """As tall as its rows, up to four of them (then it scrolls)."""
    rows = area.widget()
    height = rows.sizeHint().height() if rows is not None else 0
    area.setFixedHeight(min(height, MAX_HEIGHT) + 2)
