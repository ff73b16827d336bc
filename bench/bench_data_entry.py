"""How much work a visit entered from scratch takes in the window: dialogs, key presses, clicks.

Drives the real main window offscreen on an empty store, as an officer would: the office set-up,
a new visit, a Chinese delegation of five (one of them the interpreter), six engagements over two
days with attendees on both sides, two statements, an MoU and a directive. Fields are found by
their form labels or names, keys are typed one by one, and every dialog that opens is counted
(an application-wide event filter sees each one shown).

Two routes through the engagements are measured:
- inline: attendees ticked in the engagement dialog; host-side people added there by typing
  their name (the way the window offers now);
- picker: attendees chosen with the full people picker, new host people made in its New person
  dialog, one picker per side (how each engagement had to be entered before).

Prints figures; asserts nothing.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_data_entry.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)

# name given, family, native, position, precedence
DELEGATION = [
    ("Dr.", "Zhimin", "He", "何志敏", "Deputy Commissioner", 1),
    ("Mr.", "Wei", "Zhang", "张伟", "Director, International Cooperation", 2),
    ("Ms.", "Li", "Wang", "王丽", "Deputy Director, Patent Office", 3),
    ("Mr.", "Jun", "Liu", "刘军", "Examiner", 4),
    ("Ms.", "Min", "Chen", "陈敏", "Interpreter", 5),
]
# title, kind, day, time, venue, host people (typed names; the first time they are new),
# delegates not attending (by family name)
ENGAGEMENTS = [
    ("Talks at IPO-Pakistan", "Office visit", "22/3/2017", "10:00", "IPO-Pakistan Head Office",
     ["Mr. Shahid Rashid, Chairman", "Ms. Sana Malik, Director"], []),
    ("Lunch hosted by the Chairman", "Meal", "22/3/2017", "13:00", "Serena Hotel",
     ["Mr. Shahid Rashid, Chairman"], ["Liu"]),
    ("Visit to COMSATS", "University visit", "22/3/2017", "15:00", "COMSATS University",
     ["Dr. Tabassum Afzal, Rector"], ["Wang"]),
    ("Call on the Minister for Commerce", "Ministry meeting", "23 Mar 2017", "11:00",
     "Ministry of Commerce", ["Engr. Khurram Khan, Minister for Commerce",
                              "Mr. Shahid Rashid, Chairman"], ["Liu", "Chen"]),
    ("Signing of the MoU", "Signing ceremony", "2017-03-23", "13:00", "IPO-Pakistan Head Office",
     ["Mr. Shahid Rashid, Chairman", "Ms. Sana Malik, Director"], []),
    ("Visit to NUST", "University visit", "2017-03-23", "15:30", "NUST H-12 Campus",
     ["Dr. Rizwan Riaz, Pro-Rector"], ["Wang"]),
]  # fmt: skip


@dataclass
class Tally:
    dialogs: Counter[str] = field(default_factory=Counter)
    keys: int = 0
    clicks: int = 0

    def total_dialogs(self) -> int:
        return sum(self.dialogs.values())


class DialogCounter(QObject):
    """Counts every dialog shown in the application, by its title."""

    def __init__(self) -> None:
        super().__init__()
        self.tally = Tally()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            self.tally.dialogs[watched.windowTitle() or type(watched).__name__] += 1
        return False


class Officer:
    """Types and clicks, and counts what it types and clicks."""

    def __init__(self, counter: DialogCounter) -> None:
        self.counter = counter

    @property
    def tally(self) -> Tally:
        return self.counter.tally

    def type(self, widget: QWidget, text: str) -> None:
        widget.setFocus()
        _send_text(widget, text)
        self.tally.keys += len(text)

    def retype(self, widget: QLineEdit, text: str) -> None:
        widget.setFocus()
        widget.selectAll()
        self.tally.keys += 1  # the officer's Ctrl+A or a triple click
        _send_text(widget, text)
        self.tally.keys += len(text)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        self.tally.keys += 1

    def key(self, widget: QWidget, key: Qt.Key) -> None:
        QTest.keyClick(widget, key)
        self.tally.keys += 1

    def click(self, widget: QWidget) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.tally.clicks += 1

    def tick(self, box: QCheckBox) -> None:
        box.setChecked(not box.isChecked())
        self.tally.clicks += 1

    def choose(self, combo: QComboBox, starts: str) -> None:
        index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(starts))
        combo.setFocus()
        while combo.currentIndex() != index:
            self.key(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)

    def set_spin(self, spin: QSpinBox, value: int) -> None:
        spin.setFocus()
        spin.selectAll()
        self.type(spin, str(value))

    def in_dialog(self, title: str, steps: Callable[[QWidget], None]) -> None:
        """Run `steps` in the dialog the next click opens."""

        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or dialog.windowTitle() != title:
                raise RuntimeError(f"expected the dialog {title!r}, found {dialog!r}")
            dialog.activateWindow()
            QTest.qWaitForWindowActive(dialog)
            try:
                steps(dialog)
            except Exception as exc:
                # A field or button the bench no longer finds: close the dialog, so the run
                # ends with the reason instead of waiting on it forever.
                FAILURES.append(f"{title}: {exc}")
                if isinstance(dialog, QDialog):
                    QDialog.done(dialog, 0)
                return
            if dialog.isVisible() and isinstance(dialog, QDialog):
                # A refused save (its message is printed): close it rather than hang the bench.
                print(f"  the dialog {title!r} stayed open; closed without saving", flush=True)
                QDialog.done(dialog, 0)

        QTimer.singleShot(0, run)

    def uncheck_item(self, widget: QListWidget, starts: str) -> None:
        for i in range(widget.count()):
            item = widget.item(i)
            if starts in item.text() and item.checkState() == Qt.CheckState.Checked:
                item.setCheckState(Qt.CheckState.Unchecked)
                self.tally.clicks += 1
                return
        raise RuntimeError(f"{starts!r} is not ticked")


def _send_text(widget: QWidget, text: str) -> None:
    """Key by key; QTest knows only ASCII keys, so other characters come as typed text (as an
    input method delivers them)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _plain(text: str) -> str:
    return text.replace("&", "")


def button(parent: QWidget, text: str) -> QAbstractButton:
    for candidate in parent.findChildren(QAbstractButton):
        if _plain(candidate.text()) == text and candidate.isVisible():
            return candidate
    raise RuntimeError(f"no visible button {text!r} in {parent.windowTitle()!r}")


def by_label(dialog: QWidget, label: str) -> Any:
    """The field of a form row, found by the label an officer reads."""
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            shown = item.widget() if item is not None else None
            if isinstance(shown, QLabel) and _plain(shown.text()) == label:
                target = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if target is not None and target.widget() is not None:
                    return target.widget()
    # A row whose field is a layout (a list with its buttons) names its widget instead.
    for widget in dialog.findChildren(QWidget):
        if widget.accessibleName() == label and widget.isVisible():
            return widget
    raise RuntimeError(f"no field {label!r} in {dialog.windowTitle()!r}")


def named(parent: QWidget, kind: type[Any], name: str) -> Any:
    found = parent.findChild(kind, name) if name else parent.findChild(kind)
    if found is None:
        raise RuntimeError(f"no {kind.__name__} named {name!r}")
    return found


def menu(window: Any, top: str, starts: str) -> Any:
    for action in window.menuBar().actions():
        if _plain(action.text()) == top:
            for item in action.menu().actions():
                if _plain(item.text()).startswith(starts):
                    return item
    raise RuntimeError(f"no {top} ▸ {starts}")


def section(visit: QWidget, name: str) -> QWidget:
    tabs = visit.findChild(QTabWidget)
    assert tabs is not None
    for i in range(tabs.count()):
        if _plain(tabs.tabText(i)) == name:
            tabs.setCurrentIndex(i)
            widget = tabs.widget(i)
            assert widget is not None
            return widget
    raise RuntimeError(name)


# The visit, step by step ---------------------------------------------------------------------


def set_up_office(officer: Officer, window: Any) -> None:
    def fill(dialog: QWidget) -> None:
        officer.retype(by_label(dialog, "Office name"), "Intellectual Property Organization")
        officer.retype(by_label(dialog, "Short name"), "IPO-Pakistan")
        officer.retype(by_label(dialog, "City"), "Islamabad")
        officer.retype(by_label(dialog, "Country").lineEdit(), "PK")
        officer.click(button(dialog, "Save"))

    officer.in_dialog("Office set-up", fill)
    officer.tally.clicks += 2  # File, then Office set-up…
    menu(window, "File", "Office set-up").trigger()


def new_visit(officer: Officer, window: Any) -> None:
    def fill(dialog: QWidget) -> None:
        officer.type(by_label(dialog, "Title"), "Visit of the SIPO China delegation")
        officer.retype(named(dialog, QLineEdit, "From"), "22/3/2017")
        officer.retype(by_label(dialog, "City"), "Islamabad")
        officer.click(button(dialog, "Save"))

    officer.in_dialog("New visit", fill)
    officer.tally.clicks += 2
    menu(window, "File", "New visit").trigger()


def new_person(officer: Officer, person: tuple[str, str, str, str, str, int], first: bool) -> None:
    honorific, given, family, native, position, rank = person

    def fill(dialog: QWidget) -> None:
        officer.type(by_label(dialog, "Honorific"), honorific)
        officer.type(by_label(dialog, "Given name"), given)
        officer.type(by_label(dialog, "Family name"), family)
        box = next(b for b in dialog.findChildren(QCheckBox) if "Family name first" in b.text())
        officer.tick(box)
        officer.type(by_label(dialog, "Name in own script"), native)
        officer.type(by_label(dialog, "Position"), position)
        if first:

            def organisation(ask: QWidget) -> None:
                officer.type(named(ask, QLineEdit, ""), "State Intellectual Property Office")
                officer.click(button(ask, "OK") if _has(ask, "OK") else button(ask, "Save"))

            officer.in_dialog("New organisation", organisation)
            officer.click(button(dialog, "New organisation…"))
        else:
            officer.choose(by_label(dialog, "Organisation"), "State Intellectual")
        officer.set_spin(by_label(dialog, "Precedence (1 = most senior)"), rank)
        officer.click(button(dialog, "OK") if _has(dialog, "OK") else button(dialog, "Save"))

    return _fill_person(officer, fill)


def _fill_person(officer: Officer, fill: Callable[[QWidget], None]) -> None:
    officer.in_dialog("New person", fill)


def _has(dialog: QWidget, text: str) -> bool:
    return any(
        _plain(b.text()) == text and b.isVisible() for b in dialog.findChildren(QAbstractButton)
    )


def enter_delegation(officer: Officer, visit: QWidget) -> None:
    panel = section(visit, "Delegation")
    officer.tally.clicks += 1  # the Delegation tab
    for number, person in enumerate(DELEGATION):

        def pick(picker: QWidget, person: Any = person, first: bool = number == 0) -> None:
            new_person(officer, person, first)
            officer.click(button(picker, "New person…"))
            officer.click(button(picker, "OK"))

        officer.in_dialog("Add to the delegation", pick)
        officer.click(button(panel, "Add members…"))


def enter_engagement(officer: Officer, programme: QWidget, engagement: Any, route: str) -> None:
    title, kind, day, at, venue, hosts, absent = engagement

    def fill(dialog: QWidget) -> None:
        officer.type(named(dialog, QLineEdit, "engagement title"), title)
        officer.choose(named(dialog, QComboBox, "engagement kind"), kind)
        officer.retype(named(dialog, QLineEdit, "Starts date"), day)
        officer.retype(named(dialog, QLineEdit, "Starts time"), at.replace(":", ""))
        officer.type(by_label(dialog, "Venue"), venue)
        guests = named(dialog, QListWidget, "guest attendees")
        if route == "inline":
            for family in absent:
                officer.uncheck_item(guests, family.upper())
        else:
            pick_delegates(officer, dialog, guests, absent)
        for typed in hosts:
            if route == "inline":
                add_host_inline(officer, dialog, typed)
            else:
                add_host_with_picker(officer, dialog, typed)
        officer.click(button(dialog, "Save"))

    officer.in_dialog("New engagement", fill)
    officer.click(button(programme, "Add engagement…"))


def pick_delegates(officer: Officer, dialog: QWidget, guests: QListWidget, absent: Any) -> None:
    """As before: the delegation list starts empty; the delegates are chosen in the picker."""
    for i in range(guests.count()):
        guests.item(i).setCheckState(Qt.CheckState.Unchecked)  # not counted: the old start

    def pick(picker: QWidget) -> None:
        table = picker.findChild(QTableView)
        assert table is not None
        selection = table.selectionModel()
        model = table.model()
        for row in range(model.rowCount()):
            text = str(model.index(row, 0).data())
            delegate = any(f"{family.upper()} " in text for _h, _g, family, *_r in DELEGATION)
            if delegate and not any(f"{a.upper()} " in text for a in absent):
                selection.select(
                    model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
                officer.tally.clicks += 1  # a Ctrl+click each
        officer.click(button(picker, "OK"))

    officer.in_dialog("Choose attendees", pick)
    officer.click(button(dialog, "More people…"))


def add_host_inline(officer: Officer, dialog: QWidget, typed: str) -> None:
    """Type the name (and position) in the host side's search, then Enter: the one person who
    matches is ticked, or, when nobody does, the name typed is added as a new person."""
    search = named(dialog, QLineEdit, "host search")
    # Someone met before is found by the family name; someone new is typed whole.
    known = typed in KNOWN_HOSTS
    officer.type(search, typed.split(",")[0].split()[-1] if known else typed)
    officer.key(search, Qt.Key.Key_Return)
    KNOWN_HOSTS.add(typed)


KNOWN_HOSTS: set[str] = set()
FAILURES: list[str] = []  # steps that could not be done, by dialog


def add_host_with_picker(officer: Officer, dialog: QWidget, typed: str) -> None:
    """The full people picker, and its New person dialog for someone new."""
    name, _, position = typed.partition(",")
    words = name.split()

    def pick(picker: QWidget) -> None:
        search = picker.findChild(QLineEdit)
        assert search is not None
        officer.type(search, words[-1])
        table = picker.findChild(QTableView)
        assert table is not None
        if table.model().rowCount() == 0:

            def person(form: QWidget) -> None:
                officer.type(by_label(form, "Honorific"), words[0])
                officer.type(by_label(form, "Given name"), " ".join(words[1:-1]))
                officer.type(by_label(form, "Family name"), words[-1])
                officer.type(by_label(form, "Position"), position.strip())
                officer.click(button(form, "OK") if _has(form, "OK") else button(form, "Save"))

            officer.in_dialog("New person", person)
            officer.click(button(picker, "New person…"))
        else:
            table.selectRow(0)
            officer.tally.clicks += 1
        officer.click(button(picker, "OK"))

    officer.in_dialog("Choose attendees", pick)
    officer.click(button(dialog, "More people…"))


def enter_records(officer: Officer, visit: QWidget) -> None:
    statements = section(visit, "Statements")
    officer.tally.clicks += 1
    for text in (
        "Both offices will work together on the examination of patents.",
        "China will train twenty examiners of IPO-Pakistan this year.",
    ):

        def say(dialog: QWidget, text: str = text) -> None:
            officer.choose(by_label(dialog, "Speaker"), "Dr. HE")
            officer.type(by_label(dialog, "What was said"), text)
            officer.click(button(dialog, "Save"))

        officer.in_dialog("New statement", say)
        officer.click(button(statements, "Add statement…"))

    outcomes = section(visit, "Outcomes")
    officer.tally.clicks += 1

    def mou(dialog: QWidget) -> None:
        officer.choose(named(dialog, QComboBox, "outcome kind"), "Agreement")
        officer.type(named(dialog, QLineEdit, "outcome title"), "MoU on patent examination")
        officer.choose(named(dialog, QComboBox, "outcome status"), "Signed")
        officer.retype(named(dialog, QLineEdit, "Status date"), "23/3/2017")
        officer.click(button(dialog, "Save"))

    officer.in_dialog("New outcome", mou)
    officer.click(button(outcomes, "Add outcome…"))

    def directive(dialog: QWidget) -> None:
        officer.choose(named(dialog, QComboBox, "outcome kind"), "Directive")
        officer.type(named(dialog, QLineEdit, "outcome title"), "Share the examination manual")
        officer.choose(named(dialog, QComboBox, "outcome owner"), "Mr. Shahid Rashid")
        officer.retype(named(dialog, QLineEdit, "Due date"), "30/6/2017")
        officer.click(button(dialog, "Save"))

    officer.in_dialog("New outcome", directive)
    officer.click(button(outcomes, "Add outcome…"))


# Running and reporting -----------------------------------------------------------------------


def snapshot(tally: Tally) -> tuple[int, int, int]:
    return tally.total_dialogs(), tally.keys, tally.clicks


def run(route: str) -> list[tuple[str, tuple[int, int, int]]]:
    from visitdesk.app import Desk
    from visitdesk.ui.main_window import MainWindow
    from visitdesk.ui.refcounts import pin_singletons

    FAILURES.clear()
    pin_singletons()  # as the app does (shiboken6 6.12 on Python 3.11, see ui/refcounts.py)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("VisitDeskBench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = Path(tempfile.mkdtemp(prefix="visitdesk-entry-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "ini"))
    # Messages are counted as dialogs but answered at once (none is expected).
    shown: list[str] = []  # printed at the end

    def answer(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> None:
        shown.append(f"{title}: {text}")
        print(f"  message: {title}: {text}", flush=True)

    for name in ("warning", "information", "critical"):
        setattr(QMessageBox, name, staticmethod(answer))
    counter = DialogCounter()
    app.installEventFilter(counter)
    officer = Officer(counter)
    store = Desk.open(data_dir=folder / "store")
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    phases: list[tuple[str, tuple[int, int, int]]] = []

    def mark(name: str) -> None:
        phases.append((name, snapshot(counter.tally)))

    set_up_office(officer, window)
    new_visit(officer, window)
    mark("office and visit")
    visit = window.tabs.currentWidget()
    enter_delegation(officer, visit)
    mark("delegation of five")
    programme = section(visit, "Programme")
    officer.tally.clicks += 1
    for engagement in ENGAGEMENTS:
        enter_engagement(officer, programme, engagement, route)
        mark(f"engagement: {engagement[0]}")
    enter_records(officer, visit)
    mark("statements, MoU, directive")
    if FAILURES:
        window.close()
        store.close()
        raise RuntimeError("the window has changed under the bench: " + "; ".join(FAILURES))
    table = programme.findChild(QTableView)
    assert table is not None
    model = table.model()
    rows = model.rowCount()
    for row in range(rows):
        texts = [str(model.index(row, c).data() or "") for c in (0, 1, 3, 5, 6)]
        print("   ", " | ".join(texts))
    if shown:
        print(f"  messages shown on the way ({route}):", *shown, sep="\n    ")
    print(f"  {rows} engagements in the programme ({route} route)")
    app.removeEventFilter(counter)
    window.close()
    store.close()
    return phases


def report(route: str, phases: list[tuple[str, tuple[int, int, int]]]) -> None:
    print(f"\n{route} route: dialogs / key presses / clicks")
    before = (0, 0, 0)
    engagement_dialogs = []
    for name, now in phases:
        step = tuple(n - b for n, b in zip(now, before, strict=True))
        if name.startswith("engagement"):
            engagement_dialogs.append(step[0])
        print(f"  {name:<44} {step[0]:>3} {step[1]:>6} {step[2]:>4}")
        before = now
    total = phases[-1][1]
    print(f"  {'total':<44} {total[0]:>3} {total[1]:>6} {total[2]:>4}")
    print(
        f"  engagements: {sum(engagement_dialogs)} dialogs for {len(engagement_dialogs)} "
        f"(at most {max(engagement_dialogs)} per engagement)"
    )


def entry_figures() -> list[Any]:
    """Dialogs, key presses and clicks of the whole visit by each route, as counts."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from measure import Figure, Runs

    figures = []
    for route in ("picker", "inline"):
        KNOWN_HOSTS.clear()
        total = run(route)[-1][1]
        for count, what in zip(total, ("dialogs", "key presses", "clicks"), strict=True):
            runs = Runs()
            runs.add(count)
            figures.append(Figure(f"entering a visit, {route} route: {what}", runs, unit=""))
    return figures


def main() -> None:
    print("Entering a visit from scratch in the window (offscreen)")
    for route in ("picker", "inline"):
        KNOWN_HOSTS.clear()
        report(route, run(route))


if __name__ == "__main__":
    main()
