"""The window's first moments: what the Visits tab shows while the records open, and the
signal that a widget has been painted (so that the slower work comes after it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

# If the window is never painted (started minimised), the records open after this anyway.
OPEN_FALLBACK_MS = 1000


class Opening(QLabel):
    """What the Visits tab shows while the records open; tells when it was first painted."""

    painted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Opening the records…", parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("font-size: 13pt; color: #555555;")
        self._was_painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._was_painted:
            self._was_painted = True
            self.painted.emit()


class PaintedOnce(QObject):
    """Tells when a widget is first painted (the visits list, before the store opens)."""

    painted = Signal()

    def __init__(self, widget: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self.painted.emit()
        return False
