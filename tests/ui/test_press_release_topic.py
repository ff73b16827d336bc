"""The officer edits the topic beside the headline; saving keeps it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_press_release import _release_tab, _saved


def test_the_topic_is_drafted_edited_and_saved(qtbot, window, example_store):
    _visit, panel = _release_tab(qtbot, window)
    assert panel.topic.text() == "Draft MoU between IPO-Pakistan and SIPO"
    panel.topic.clear()
    qtbot.keyClicks(panel.topic, "Draft MoU between IPO-Pakistan and SIPO-China")
    assert panel.is_dirty()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.topic.setFocus()
    qtbot.keyClick(panel.topic, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = _saved(example_store)
    assert (saved.topic, saved.edited) == ("Draft MoU between IPO-Pakistan and SIPO-China", True)
    assert panel.content().topic == "Draft MoU between IPO-Pakistan and SIPO-China"
