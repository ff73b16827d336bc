"""An officer's workflows, walked through the widgets of the real main window."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from visitdesk.app.itinerary import EngagementData
from visitdesk.domain.enums import OutcomeStatus
from visitdesk.domain.models import Engagement, Outcome, StatusChange
from visitdesk.services.followups import open_followups
from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog
from visitdesk.ui.dialogs.office_dialog import OfficeDialog
from visitdesk.ui.dialogs.visit_dialog import VisitDialog
from visitdesk.ui.views.visit_view import VisitView


def _open_sipo(qtbot, window) -> VisitView:
    view = window.visits_view
    qtbot.keyClicks(view.search, "sipo china")
    assert view.proxy.rowCount() == 1
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    current = window.tabs.currentWidget()
    assert isinstance(current, VisitView)
    return current


def test_search_as_you_type_then_enter_opens_the_visit(qtbot, window):
    view = window.visits_view
    assert view.count_label.text() == "1 visit"
    qtbot.keyClicks(view.search, "no such visit")
    assert view.proxy.rowCount() == 0
    assert "0 of 1" in view.count_label.text()
    view.search.clear()
    visit = _open_sipo(qtbot, window)
    assert visit.heading.text() == "Visit of the SIPO China delegation"
    assert visit.itinerary.model.rowCount() == 4
    # The delegation reads in order of precedence, leader first.
    names = [r.name for r in visit.delegation.model.rows()]
    assert names[0] == "Dr. HE Zhimin" and visit.delegation.model.rows()[0].is_leader


def test_adding_a_clashing_engagement_shows_the_warning_in_place_and_undo_removes_it(
    qtbot, window, fill_dialog, example_store
):
    visit = _open_sipo(qtbot, window)
    leader = visit.delegation.model.rows()[0].person_id

    def fill(dialog: EngagementDialog) -> None:
        dialog.title_edit.setText("Lunch <b>& talks</b> 🍜")
        dialog.start.set_value(datetime(2017, 3, 21, 11, 0))
        dialog.end.set_value(datetime(2017, 3, 21, 12, 0))
        dialog.guests.set_ticked([leader])

    fill_dialog(EngagementDialog, fill)
    qtbot.mouseClick(visit.itinerary.add_button, Qt.MouseButton.LeftButton)
    rows = visit.itinerary.model.rows()
    assert len(rows) == 5
    added = next(r for r in rows if r.title == "Lunch <b>& talks</b> 🍜")
    assert any("booked" in w and "HE Zhimin" in w for w in added.warnings)
    assert "⚠" in visit.itinerary.warnings.text()

    window.undo_group.undo()
    assert len(visit.itinerary.model.rows()) == 4
    with example_store.session() as session:
        assert session.query(Engagement).filter_by(title="Lunch <b>& talks</b> 🍜").count() == 0
    window.undo_group.redo()
    assert len(visit.itinerary.model.rows()) == 5


def test_a_refused_save_keeps_the_dialog_open_with_the_text(qtbot, window, messages):
    visit = _open_sipo(qtbot, window)
    saved: list[bool] = []

    def save(data: EngagementData) -> bool:
        saved.append(
            visit.push_call(
                "Add", lambda: window.desk.itinerary.add(visit.visit_id, data), lambda: None
            )
        )
        return saved[-1]

    dialog = EngagementDialog(window.desk, save, None, date(2017, 3, 21), set(), visit)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("   ")
    dialog.objectives.setPlainText("Long objectives " * 300)
    dialog.accept()
    assert saved == [False]
    assert messages[-1] == (
        "Not saved",
        "Give the engagement a title, such as “Call on the Minister”.",
    )
    assert dialog.result() == 0
    assert dialog.objectives.toPlainText().startswith("Long objectives")


def test_delete_engagement_and_undo_brings_back_its_statements(
    qtbot, window, example_store, messages
):
    visit = _open_sipo(qtbot, window)
    said_at = [r.engagement for r in visit.statements.model.rows()]
    from_ = [r.engagement for r in visit.outcomes.model.rows()]
    minister = next(i for i, r in enumerate(visit.itinerary.model.rows()) if "Minister" in r.title)
    visit.itinerary.table.selectRow(minister)
    qtbot.mouseClick(visit.itinerary.delete_button, Qt.MouseButton.LeftButton)
    assert "stay with the visit" in messages[-1][1]
    assert visit.itinerary.model.rowCount() == 3
    assert not any("Minister" in r.engagement for r in visit.statements.model.rows())
    window.undo_group.undo()
    assert visit.itinerary.model.rowCount() == 4
    # What was said and agreed at it is linked to it again, as before.
    assert [r.engagement for r in visit.statements.model.rows()] == said_at
    assert [r.engagement for r in visit.outcomes.model.rows()] == from_


def test_followups_overdue_filter_and_mark_done(qtbot, window, example_store):
    followups = window.show_followups()
    rows = followups.model.rows()
    assert rows, "the example visit has open outcomes"
    assert all(r.overdue for r in rows if r.due_date is not None)  # due in 2017
    followups.kind.setCurrentIndex(followups.kind.findText("Agreement"))
    assert all(
        followups.proxy.source_row_at(i).kind.value == "agreement"
        for i in range(followups.proxy.rowCount())
    )
    followups.kind.setCurrentIndex(0)
    followups.table.selectRow(0)
    chosen = followups.current()
    assert chosen is not None
    followups.mark_done()
    assert chosen.id not in {r.id for r in followups.model.rows()}
    with example_store.session() as session:
        status = session.get(Outcome, chosen.id).status
        assert status in (OutcomeStatus.DONE, OutcomeStatus.IN_FORCE)
        assert chosen.id not in {r.id for r in open_followups(session, datetime.now().date())}


def test_new_visit_from_the_file_menu_opens_its_tab(qtbot, empty_window, fill_dialog):
    def fill(dialog: VisitDialog) -> None:
        dialog.title_edit.setText("Visit of the JPO delegation 特許庁")
        dialog.country.setEditText("pk")

    fill_dialog(VisitDialog, fill)
    empty_window.new_visit()
    view = empty_window.tabs.currentWidget()
    assert isinstance(view, VisitView)
    assert view.heading.text() == "Visit of the JPO delegation 特許庁"
    assert "Asia/Karachi" in view.details.text()
    assert empty_window.visits_view.model.rowCount() == 1


def test_office_setup_refuses_a_blank_name_then_saves(qtbot, empty_window, messages):
    dialog = OfficeDialog(empty_window.desk, empty_window)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert messages[-1][0] == "Not saved"
    dialog.name.setText("Intellectual Property Organization of Pakistan")
    dialog.prefix.setText("PR No.")
    dialog.accept()
    again = OfficeDialog(empty_window.desk, empty_window)
    qtbot.addWidget(again)
    assert again.name.text() == "Intellectual Property Organization of Pakistan"


def test_import_by_file_menu_reports_errors_in_plain_words(
    qtbot, empty_window, messages, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog

    bad = tmp_path / "broken.visit.json"
    bad.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    empty_window.import_file()
    title, text = messages[-1]
    assert title == "Nothing was imported" and text.startswith("broken.visit.json:")
    assert "Traceback" not in text
    assert empty_window.visits_view.model.rowCount() == 0


def test_dropping_a_file_on_the_window_imports_it(qtbot, empty_window, example_path, messages):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(example_path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    empty_window.dropEvent(event)
    assert messages[-1][0] == "Imported"
    assert empty_window.visits_view.model.rows()[0].ref == "sipo-2017-03"


def test_screenshot_option_saves_a_picture_and_exits_0(tmp_path, example_store, qapp):
    import argparse

    from visitdesk.ui.app import run

    picture = tmp_path / "shot.png"
    args = argparse.Namespace(
        database_url=None,
        data_dir=str(example_store.database_file.parent),
        screenshot=str(picture),
        visit="sipo-2017-03",
        view="itinerary",
    )
    assert run(args) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1366, 768)


def test_a_store_that_cannot_open_is_a_message_not_a_traceback(tmp_path, messages, qapp):
    import argparse

    from visitdesk.ui.app import run

    blocker = tmp_path / "file"
    blocker.write_text("x")
    args = argparse.Namespace(
        database_url=None, data_dir=str(blocker / "data"), screenshot=None, visit=None, view=None
    )
    assert run(args) == 3
    assert messages[-1][0] == "VisitDesk cannot start"
    assert "Cannot create the data folder" in messages[-1][1]


def test_undoing_an_outcomes_deletion_brings_back_its_status_history(qtbot, window, example_store):
    visit = _open_sipo(qtbot, window)
    visit.sections.setCurrentWidget(visit.outcomes)
    panel = visit.outcomes
    panel.table.selectRow(0)
    row = panel.proxy.source_row_at(0)
    with example_store.transaction() as session:
        outcome = session.get(Outcome, row.id)
        outcome.history.append(
            StatusChange(status=outcome.status, changed_on=date(2017, 3, 21), note="Offered")
        )
        outcome.history.append(
            StatusChange(status=outcome.status, changed_on=date(2017, 5, 2), note="Chased <b>")
        )

    def history() -> list[tuple[object, object, object]]:
        with example_store.session() as session:
            outcome = session.get(Outcome, row.id)
            if outcome is None:
                return []
            return [(c.status, c.changed_on, c.note) for c in outcome.history] + [
                (outcome.status, outcome.position, outcome.title)
            ]

    before = history()
    assert len(before) >= 2
    delete = next(b for b in panel.findChildren(QPushButton) if b.text() == "&Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert history() == []
    window.undo_group.undo()
    assert history() == before
    assert row.id in {r.id for r in panel.model.rows()}


def test_the_window_shows_before_the_records_open_then_fills_in(tmp_path, example_store):
    """Start-up: the first paint happens with no SQLAlchemy loaded; the visits list follows."""
    import os
    import subprocess
    import sys

    script = (
        "import sys, argparse\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from visitdesk.ui.app import show_window\n"
        f"args = argparse.Namespace(data_dir={str(example_store.database_file.parent)!r},\n"
        "    database_url=None, visit=None, view=None)\n"
        "window, opened = show_window(args)\n"
        "seen = []\n"
        "window._opening.painted.connect(lambda: seen.append(\n"
        "    (window.tabs.widget(0).__class__.__name__,\n"
        "     any(m.startswith('sqlalchemy') for m in sys.modules))))\n"
        "window.records_ready.connect(lambda: QTimer.singleShot(0, app.quit))\n"
        "app.exec()\n"
        "print(seen[0], window.tabs.widget(0).__class__.__name__,\n"
        "      window.visits_view.count_label.text())\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr[-800:]
    assert run.stdout.strip().splitlines()[-1] == "('Opening', False) VisitsView 1 visit"
