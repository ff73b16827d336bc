"""The gift dialog: saved over another officer's change it shows both versions and keeps the
fields each changed; a photo that is no picture is refused with a sentence; a gift our side
gave carries no deposit."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from visitdesk.app import ConflictError, Desk
from visitdesk.app.gifts import GiftData, GiftDecision, GiftDirection
from visitdesk.ui.dialogs import conflict_dialog
from visitdesk.ui.dialogs.conflict_dialog import Choice, shown
from visitdesk.ui.dialogs.gift_dialog import GiftDialog

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "sipo-2017.visit.json"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def two_desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk, int]]:
    a = Desk.open(data_dir=tmp_path, user="akhan")
    a.exchange.import_file(EXAMPLE)
    b = Desk.open(data_dir=tmp_path, user="bmalik")
    yield a, b, a.visits.id_of("sipo-2017-03")
    a.close()
    b.close()


def _vase(desk: Desk, visit_id: int) -> int:
    people = {name: pid for pid, name in desk.gifts.choices(visit_id).people}
    he = next(i for n, i in people.items() if "Zhimin" in n)
    minister = next(i for n, i in people.items() if "Dastgir" in n)
    data = GiftData(
        description="景泰蓝花瓶", giver_id=he, receiver_id=minister, given_on=date(2017, 3, 22),
        estimated_value=45000, currency="CNY", photo=PNG,
    )  # fmt: skip
    return desk.gifts.add(visit_id, data).id


def test_a_gift_saved_over_another_officer_keeps_the_fields_each_changed(
    qtbot: Any, two_desks: tuple[Desk, Desk, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, visit_id = two_desks
    gift_id = _vase(a, visit_id)
    record = a.gifts.load(gift_id)
    parent = QWidget()
    qtbot.addWidget(parent)
    saved: list[GiftData] = []

    def save(data: GiftData, version: int) -> bool:
        saved.append(a.gifts.update(gift_id, data, version, record.data).data)
        return True

    dialog = GiftDialog(a, visit_id, save, record.data, parent, record.version)
    theirs = b.gifts.load(gift_id)
    b.gifts.update(
        gift_id,
        dataclasses.replace(theirs.data, decision=GiftDecision.REPORTED),
        theirs.version,
    )
    seen: list[ConflictError] = []

    def resolve(_parent: Any, error: ConflictError, _opened: Any = None) -> Choice:
        seen.append(error)
        return Choice.KEEP_MINE

    monkeypatch.setattr(conflict_dialog, "resolve", resolve)
    dialog.reference.setText("TK/2017/0412")
    dialog.accept()
    assert len(seen) == 1 and "bmalik" in str(seen[0]) and seen[0].fields == ("decision",)
    stored = a.gifts.load(gift_id).data
    assert stored.decision is GiftDecision.REPORTED  # theirs, which I did not touch
    assert stored.deposit_reference == "TK/2017/0412"  # mine
    assert stored.photo == PNG and saved[-1] == stored
    assert shown(PNG) == "a picture of 1 KB"  # how the comparison shows a photo


def test_a_file_that_is_no_picture_is_refused_and_the_photo_stays(
    qtbot: Any, two_desks: tuple[Desk, Desk, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _b, visit_id = two_desks
    gift_id = _vase(a, visit_id)
    record = a.gifts.load(gift_id)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: told.append(text))
    dialog = GiftDialog(a, visit_id, lambda *_: True, record.data, None, record.version)
    qtbot.addWidget(dialog)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7 not a picture")
    assert not dialog.use_photo_file(tmp_path / "scan.pdf")
    assert told == ["The photo must be a PNG or JPEG picture."]
    assert dialog.data().photo == PNG


def test_a_gift_our_side_gave_has_no_deposit(qtbot: Any, two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    dialog = GiftDialog(a, visit_id, lambda *_: True, None, None)
    qtbot.addWidget(dialog)
    dialog.reference.setText("TK/1")
    assert dialog.deposit.isEnabled()
    dialog.direction.setCurrentIndex(dialog.direction.findData(GiftDirection.GIVEN.value))
    assert not dialog.deposit.isEnabled()
    data = dialog.data()
    assert data.direction is GiftDirection.GIVEN and data.deposit_reference is None


def test_the_gifts_tab_warns_in_plain_text_of_a_gift_with_markup_in_its_name(
    qtbot: Any, two_desks: tuple[Desk, Desk, int]
) -> None:
    from PySide6.QtWidgets import QLabel, QTabWidget, QTextEdit

    from visitdesk.ui.views.visit_view import VisitView

    a, _b, visit_id = two_desks
    people = {name: pid for pid, name in a.gifts.choices(visit_id).people}
    minister = next(i for n, i in people.items() if "Dastgir" in n)
    a.gifts.add(visit_id, GiftData(description="<b>Vase</b> & box", receiver_id=minister))
    view = VisitView(a, visit_id)
    qtbot.addWidget(view)
    assert view.reload()
    sections = view.findChild(QTabWidget)
    assert sections is not None
    tip = sections.tabToolTip(sections.indexOf(view.gifts))
    shown = QTextEdit()
    shown.setHtml(tip)  # as Qt renders a tooltip that holds a tag
    assert "“<b>Vase</b> & box”" in shown.toPlainText()
    banner = view.gifts.findChild(QLabel, "gifts_open")
    assert banner is not None and "“<b>Vase</b> & box”" in banner.text()
