"""The merge dialog as an officer meets it with the usual duplicate: two records of one name,
one made by hand and used nowhere, the other imported and used everywhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QRadioButton

from visitdesk.app.people import MergeSide
from visitdesk.ui.dialogs.merge_dialog import MergeDialog

FIELDS = (("Name", "Intellectual Property Organisation of Pakistan"), ("Short name", "IPO"))


def test_same_names_are_told_apart_and_the_used_record_is_kept(qtbot: Any) -> None:
    dialog = MergeDialog(
        "organisation", MergeSide(1, "IPO", FIELDS, 0), MergeSide(2, "IPO", FIELDS, 8)
    )
    qtbot.addWidget(dialog)
    buttons = dialog.findChildren(QRadioButton)
    assert [b.text() for b in buttons] == ["Keep IPO (left)", "Keep IPO (right)"]
    assert [b.isChecked() for b in buttons] == [False, True]
    assert dialog.kept_and_dropped() == (2, 1)


def test_different_names_keep_their_plain_labels_and_a_tie_keeps_the_first(qtbot: Any) -> None:
    dialog = MergeDialog(
        "organisation", MergeSide(1, "CNIPA", FIELDS, 3), MergeSide(2, "NIPA", FIELDS, 3)
    )
    qtbot.addWidget(dialog)
    assert [b.text() for b in dialog.findChildren(QRadioButton)] == ["Keep CNIPA", "Keep NIPA"]
    assert dialog.kept_and_dropped() == (1, 2)
