"""The gifts register through the app layer: add, edit (versioned), delete and undo, the
deposit warnings, the office-wide register by year and person, and its spreadsheet."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date
from pathlib import Path

import pytest

from visitdesk.app import ConflictError, Desk, RefusedError
from visitdesk.app.gifts import GiftData, GiftDecision, GiftDirection, parse_amount
from visitdesk.app.lists import ListKind
from visitdesk.app.office import OfficeSettings

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
HOSTILE = '=HYPERLINK("http://x")<b>&amp; </para>'


def _people(desk: Desk, visit_id: int) -> dict[str, int]:
    return {name: pid for pid, name in desk.gifts.choices(visit_id).people}


def _ids(desk: Desk, visit_id: int) -> tuple[int, int, int]:
    people = _people(desk, visit_id)
    he = next(i for n, i in people.items() if "HE" in n or "Zhimin" in n)
    dastgir = next(i for n, i in people.items() if "Dastgir" in n)
    talks = desk.gifts.choices(visit_id).engagements[0][0]
    return he, dastgir, talks


def _received(he: int, dastgir: int, talks: int, **changes: object) -> GiftData:
    gift = GiftData(
        description="景泰蓝花瓶 (cloisonné vase)",
        direction=GiftDirection.RECEIVED,
        engagement_id=talks,
        giver_id=he,
        receiver_id=dastgir,
        given_on=date(2017, 3, 21),
        estimated_value=45000,
        currency="cny",
        photo=PNG,
    )
    return dataclasses.replace(gift, **changes)  # type: ignore[arg-type]


def test_a_gift_received_by_the_minister_awaits_the_toshakhana_until_deposited(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    made = a.gifts.add(visit_id, _received(he, dastgir, talks))
    assert made.data.currency == "CNY" and made.data.photo == PNG
    given = GiftData(
        description="Truck-art tea tray", direction=GiftDirection.GIVEN, giver_id=dastgir,
        receiver_id=he, given_on=date(2017, 3, 22), estimated_value=8000, currency="PKR",
    )  # fmt: skip
    a.gifts.add(visit_id, given)
    rows = a.gifts.rows(visit_id)
    assert [r.description for r in rows] == ["景泰蓝花瓶 (cloisonné vase)", "Truck-art tea tray"]
    assert rows[0].giver.endswith("HE Zhimin") or "HE" in rows[0].giver
    assert rows[0].engagement.startswith("Talks at IPO-Pakistan")
    assert rows[0].warning == "Not yet reported to the Toshakhana (Cabinet Division)"
    assert rows[1].warning is None  # the host gave it: nothing to deposit
    assert [r.id for r in a.gifts.open_deposits(visit_id)] == [made.id]

    opened = a.gifts.load(made.id)
    deposited = dataclasses.replace(
        opened.data,
        decision=GiftDecision.DEPOSITED,
        reported_on=date(2017, 3, 24),
        deposited_on=date(2017, 3, 27),
        deposit_reference="TK/2017/0412",
        assessed_value=52000,
    )
    saved = a.gifts.update(made.id, deposited, opened.version, opened.data)
    assert saved.version == opened.version + 1
    assert a.gifts.open_deposits(visit_id) == ()
    assert a.gifts.rows(visit_id)[0].deposit_reference == "TK/2017/0412"


def test_the_office_names_its_own_deposit_authority(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    a.gifts.add(visit_id, _received(he, dastgir, talks))
    office = a.office.load()
    a.office.update(
        dataclasses.replace(office.data, gift_deposit_authority="Office of Government Ethics"),
        office.version,
    )
    assert a.gifts.deposit_authority() == "Office of Government Ethics"
    assert a.gifts.rows(visit_id)[0].warning == (
        "Not yet reported to the Office of Government Ethics"
    )
    with pytest.raises(RefusedError, match="at most 120"):
        a.office.update(
            OfficeSettings(name=office.data.name, gift_deposit_authority="x" * 121),
            a.office.load().version,
        )


def test_values_beyond_the_register_and_wrong_fields_are_refused_with_a_sentence(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    with pytest.raises(RefusedError, match=r"beyond what the register keeps: at most 1,000,000"):
        a.gifts.add(visit_id, _received(he, dastgir, talks, estimated_value=10**15 + 1))
    with pytest.raises(RefusedError, match="not a currency code"):
        a.gifts.add(visit_id, _received(he, dastgir, talks, currency="yuan"))
    with pytest.raises(RefusedError, match="Describe the gift"):
        a.gifts.add(visit_id, _received(he, dastgir, talks, description="  "))
    with pytest.raises(RefusedError, match=r"deposited .* before it is reported"):
        a.gifts.add(
            visit_id,
            _received(
                he, dastgir, talks, reported_on=date(2017, 4, 2), deposited_on=date(2017, 4, 1)
            ),
        )
    with pytest.raises(RefusedError, match="not reported or deposited"):
        a.gifts.add(
            visit_id,
            _received(
                he, dastgir, talks, direction=GiftDirection.GIVEN, decision=GiftDecision.RETAINED
            ),
        )
    with pytest.raises(RefusedError, match="PNG or JPEG"):
        a.gifts.add(visit_id, _received(he, dastgir, talks, photo=b"GIF89a not a png"))
    assert a.gifts.rows(visit_id) == ()
    assert parse_amount(" 25,000 ") == 25000 and parse_amount("") is None
    with pytest.raises(RefusedError, match="not a whole number"):
        parse_amount("12.5k")
    with pytest.raises(RefusedError, match="beyond what the register keeps"):
        parse_amount("9" * 17)


def test_a_stale_save_of_a_gift_is_refused_naming_the_other_officer(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    made = a.gifts.add(visit_id, _received(he, dastgir, talks))
    mine, theirs = a.gifts.load(made.id), b.gifts.load(made.id)
    b.gifts.update(made.id, dataclasses.replace(theirs.data, estimated_value=50000), theirs.version)
    with pytest.raises(ConflictError) as refused:
        a.gifts.update(
            made.id, dataclasses.replace(mine.data, notes="Wrapped"), mine.version, mine.data
        )
    assert "bmalik" in str(refused.value) and refused.value.fields == ("estimated value",)
    assert a.gifts.load(made.id).data.notes is None


def test_delete_and_restore_put_the_gift_back_under_its_id_and_version(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    made = a.gifts.add(visit_id, _received(he, dastgir, talks, giver_id=None, giver_name=HOSTILE))
    gone = a.gifts.delete(made.id)
    assert a.gifts.rows(visit_id) == ()
    back = a.gifts.restore(gone)
    assert (back.id, back.version, back.data) == (made.id, made.version, made.data)
    assert a.gifts.rows(visit_id)[0].giver == HOSTILE  # kept literally


def test_the_register_across_visits_filters_by_year_and_person(
    two_desks: tuple[Desk, Desk, int], tmp_path: Path
) -> None:
    a, _b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    a.gifts.add(visit_id, _received(he, dastgir, talks))
    a.gifts.add(
        visit_id,
        GiftData(
            description="Ajrak shawl", direction=GiftDirection.GIVEN, giver_name="وزارت تجارت",
            receiver_id=he, given_on=date(2018, 1, 9),
        ),
    )  # fmt: skip
    a.gifts.add(visit_id, GiftData(description="Book", receiver_name="Library"))  # no date
    # Newest first; an undated gift after the dated ones of its visit's year.
    assert [r.description for r in a.gifts.register()] == [
        "Ajrak shawl",
        "景泰蓝花瓶 (cloisonné vase)",
        "Book",
    ]
    assert {r.description for r in a.gifts.register(2017)} == {
        "景泰蓝花瓶 (cloisonné vase)",
        "Book",  # undated: the year of its visit
    }
    assert [r.description for r in a.gifts.register(person_id=dastgir)] == [
        "景泰蓝花瓶 (cloisonné vase)"
    ]
    assert [r.description for r in a.gifts.register(2018, he)] == ["Ajrak shawl"]
    assert {p.id for p in a.gifts.register_people()} == {he, dastgir}
    assert a.gifts.register_years() == (2018, 2017)
    assert a.gifts.person_id("dastgir") == dastgir
    with pytest.raises(RefusedError, match="no person with the reference"):
        a.gifts.person_id("nobody")

    made = a.gifts.export_register_to(tmp_path / "register.csv", year=2017)
    assert made.rows == 2
    table = list(csv.reader(io.StringIO((tmp_path / "register.csv").read_text("utf-8-sig"))))
    assert table[0][:4] == ["No.", "Date", "Visit", "Engagement"]
    assert "Decision (Toshakhana (Cabinet Division))" in table[0]
    vase = next(r for r in table[1:] if r[7].startswith("景泰蓝"))
    assert vase[8:11] == ["45000", "CNY", "Yes"]
    assert vase[-1] == "Not yet reported to the Toshakhana (Cabinet Division)"


def test_the_visit_s_gifts_list_needs_no_delegation(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    a.gifts.add(visit_id, _received(he, dastgir, talks, giver_id=None, giver_name=HOSTILE))
    made = a.lists.export(visit_id, ListKind.GIFTS, ".csv")
    assert made.title == "Gifts" and made.rows == 1
    text = made.data.decode("utf-8-sig")
    assert "'" + HOSTILE in text.replace('""', '"')  # a formula is never run by Excel


def test_an_engagement_deleted_and_put_back_takes_its_gifts_back(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    a.gifts.add(visit_id, _received(he, dastgir, talks))
    gone = a.itinerary.delete(talks)
    row = a.gifts.rows(visit_id)[0]
    assert (row.engagement_id, row.engagement) == (None, "")  # kept, on the visit as a whole
    a.itinerary.restore(gone)
    assert a.gifts.rows(visit_id)[0].engagement_id == talks


def test_an_imported_gif_photo_survives_an_edit_and_an_undone_delete(
    example_path: Path, tmp_path: Path
) -> None:
    import base64
    import json

    gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    doc["visits"][0]["gifts"] = [
        {"description": "Lacquer box", "receiver": "dastgir",
         "photo": {"media_type": "image/gif", "data": base64.b64encode(gif).decode()}}
    ]  # fmt: skip
    source = tmp_path / "gif.visit.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    desk = Desk.open(data_dir=tmp_path / "records")
    try:
        desk.exchange.import_file(source)
        visit_id = desk.visits.id_of("sipo-2017-03")
        gift_id = desk.gifts.rows(visit_id)[0].id
        opened = desk.gifts.load(gift_id)
        desk.gifts.update(
            gift_id, dataclasses.replace(opened.data, notes="In the cabinet"), opened.version
        )
        back = desk.gifts.restore(desk.gifts.delete(gift_id))
        assert back.data.photo == gif and back.data.notes == "In the cabinet"
        exported = json.loads(desk.exchange.export_text(["sipo-2017-03"]))
        assert exported["visits"][0]["gifts"][0]["photo"]["media_type"] == "image/gif"
    finally:
        desk.close()


def test_the_visit_s_history_names_each_gift_and_what_changed(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, visit_id = two_desks
    he, dastgir, talks = _ids(a, visit_id)
    made = a.gifts.add(visit_id, _received(he, dastgir, talks))
    opened = b.gifts.load(made.id)
    b.gifts.update(
        made.id, dataclasses.replace(opened.data, deposit_reference="TK/2017/0412"), opened.version
    )
    said = [e.sentence for e in a.history.visit(visit_id)]
    assert any("akhan added the gift “景泰蓝花瓶 (cloisonné vase)”" in s for s in said), said[-3:]
    changed = next(s for s in said if s.startswith("bmalik"))
    assert "the gift “景泰蓝花瓶 (cloisonné vase)”" in changed and "TK/2017/0412" in changed
