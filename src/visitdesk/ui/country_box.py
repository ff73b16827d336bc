"""Choose a country by name, searching as you type; the ISO 3166 alpha-2 code is what is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from visitdesk.app.text import COUNTRIES

# "No country" is the empty entry, its words a placeholder: an officer who clicks the box and
# types "jap" gets "jap" searched, not "(no country)jap".
NO_COUNTRY = ""


class CountryBox(QComboBox):
    """`Pakistan — PK`; typing `pak`, `Pakistan` or `PK` finds it. `code()` gives the code.

    Text that names no country is handed on as typed, so that the service refuses it in a
    sentence rather than the box silently keeping part of it.
    """

    def __init__(self, code: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.addItem(NO_COUNTRY, None)
        for alpha2, name in COUNTRIES.items():
            self.addItem(f"{name} — {alpha2}", alpha2)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText("(no country): type part of its name")
        self.set_code(code)

    def set_code(self, code: str | None) -> None:
        index = self.findData(code.upper()) if code else 0
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code or "")  # an old unknown code: shown, never dropped

    def code(self) -> str | None:
        text = " ".join(self.currentText().split())
        if not text or text == NO_COUNTRY:
            return None
        folded = text.casefold()
        for alpha2, name in COUNTRIES.items():
            if folded in (alpha2.casefold(), name.casefold(), f"{name} — {alpha2}".casefold()):
                return alpha2
        return text
