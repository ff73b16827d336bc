"""A searchable list of time zones whose first entry is 'the visit's zone'."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class ZoneCombo(QComboBox):
    """Type any part of a zone's name ('lond', 'Seoul') to find it; gives back the IANA name,
    or None for the visit's own zone, so a later change of the visit's zone still applies."""

    def __init__(self, zone: str | None, visit_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("engagement-time-zone")
        self.setAccessibleName("Time zone")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        same = f"Same as the visit ({visit_zone})" if visit_zone else "Same as the visit"
        self.addItem(same, None)
        for name in sorted(z for z in available_timezones() if "/" in z or z == "UTC"):
            if not name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
                self.addItem(name.replace("_", " "), name)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._visit_zone = visit_zone
        index = self.findData(zone) if zone and zone != visit_zone else 0
        if index < 0:  # a zone this machine's tzdata does not list: keep it as typed
            self.addItem(zone or "", zone)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def zone(self) -> str | None:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            # Typed by hand: the service checks it and says so if it is no zone.
            return text.replace(" ", "_") or None
        value = self.itemData(index)
        if value == self._visit_zone:
            return None
        return value if isinstance(value, str) else None
