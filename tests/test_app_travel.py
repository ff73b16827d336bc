"""Journeys, hotels, rooms and liaison officers through the app layer: a group is one journey,
impossible times and dates are refused with a sentence, a stale save names the officer, and a
delete is undone under the same id and version."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.travel_visits import TravelVisit, make_travel_visit
from visitdesk.app import ConflictError, Desk, RefusedError
from visitdesk.app.hotels import HotelData, RoomData, RoomType
from visitdesk.app.travel import LegData, TravelKind


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk, TravelVisit]]:
    a = Desk.open(data_dir=tmp_path / "records", user="akhan")
    made = make_travel_visit(a)
    b = Desk.open(data_dir=tmp_path / "records", user="bmalik")
    yield a, b, made
    a.close()
    b.close()


def _group_arrival(v: TravelVisit) -> LegData:
    return LegData(
        kind=TravelKind.ARRIVAL,
        carrier="Korean Air",
        number="KE 9641",
        origin="Seoul Incheon (ICN)",
        destination="Islamabad (ISB)",
        departs=datetime(2027, 4, 12, 9, 0),
        departs_zone="Asia/Seoul",
        arrives=datetime(2027, 4, 12, 14, 30),
        terminal="VIP Terminal",
        received_by_id=v.host,
        vip_lounge=True,
        baggage_pieces=9,
        travellers=((v.aide, None), (v.leader, "1A"), (v.deputy, None)),
    )


def test_a_group_is_one_journey_listed_by_precedence(
    desks: tuple[Desk, Desk, TravelVisit],
) -> None:
    a, _b, v = desks
    made = a.travel.add(v.visit_id, _group_arrival(v))
    assert made.version == 1 and made.changed_by == "akhan"
    (row,) = a.travel.rows(v.visit_id)
    # The leader first (though ranked 2), then rank 1, then the unranked.
    assert row.travellers == "H.E. KIM Minjun, Mr. SATO Ken, Mr. عمر الفاروق"
    assert row.flight == "KE 9641 (Korean Air)" and row.received_by == "Mr. Bilal Ranjha"
    assert a.travel.load(made.id).data.travellers[1] == (v.leader, "1A")  # seats kept


def test_times_and_order_that_cannot_be_are_refused_with_a_sentence(
    desks: tuple[Desk, Desk, TravelVisit],
) -> None:
    a, _b, v = desks
    backwards = dataclasses.replace(_group_arrival(v), departs_zone=None)
    # 09:00 and 14:30 both in Islamabad time would be fine; landing before take-off is not.
    backwards = dataclasses.replace(backwards, arrives=datetime(2027, 4, 12, 8, 0))
    with pytest.raises(RefusedError, match=r"arrives \(12 Apr 2027 08:00\) before it departs"):
        a.travel.add(v.visit_id, backwards)
    # Seoul 09:00 is Islamabad 05:00: landing at 08:00 local is possible with the zone given.
    assert a.travel.add(v.visit_id, dataclasses.replace(backwards, departs_zone="Asia/Seoul"))
    early = LegData(
        kind=TravelKind.DEPARTURE,
        number="KE 9642",
        departs=datetime(2027, 4, 11, 23, 0),
        travellers=((v.deputy, None),),
    )
    with pytest.raises(RefusedError, match=r"Mr\. SATO Ken would leave .* before arriving"):
        a.travel.add(v.visit_id, early)
    with pytest.raises(RefusedError, match="departure or of arrival"):
        a.travel.add(v.visit_id, LegData(travellers=((v.aide, None),)))
    assert len(a.travel.rows(v.visit_id)) == 1  # nothing refused was stored


def test_a_stale_journey_save_names_the_officer_and_delete_undoes_whole(
    desks: tuple[Desk, Desk, TravelVisit],
) -> None:
    a, b, v = desks
    made = a.travel.add(v.visit_id, _group_arrival(v))
    theirs = b.travel.load(made.id)
    b.travel.update(made.id, dataclasses.replace(theirs.data, terminal="T1"), theirs.version)
    with pytest.raises(ConflictError) as refused:
        a.travel.update(
            made.id, dataclasses.replace(made.data, baggage_pieces=10), made.version, made.data
        )
    assert "bmalik" in str(refused.value) and refused.value.fields == ("terminal",)
    gone = a.travel.delete(made.id)
    assert a.travel.rows(v.visit_id) == ()
    back = a.travel.restore(gone)
    assert back.id == made.id and back.version == gone.version and back.data.terminal == "T1"


def test_rooms_are_part_of_their_hotel_and_check_out_before_check_in_is_refused(
    desks: tuple[Desk, Desk, TravelVisit],
) -> None:
    a, b, v = desks
    hotel = a.hotels.add(v.visit_id, HotelData("Serena Hotel", city="Islamabad", paid_by="Host"))
    room = RoomData(v.leader, date(2027, 4, 12), date(2027, 4, 14), RoomType.SUITE)
    with_room = a.hotels.update(
        hotel.id, dataclasses.replace(hotel.data, rooms=(room,)), hotel.version
    )
    assert with_room.version == hotel.version + 1
    (row,) = a.hotels.rooms(v.visit_id)
    assert (row.name, row.nights, row.paid_by) == ("H.E. KIM Minjun", 2, "Host")
    backwards = dataclasses.replace(room, check_out=date(2027, 4, 11))
    with pytest.raises(RefusedError, match=r"check-out of H\.E\. KIM Minjun \(11 Apr 2027\)"):
        a.hotels.update(
            hotel.id, dataclasses.replace(with_room.data, rooms=(backwards,)), with_room.version
        )
    # The other officer's stale copy of the hotel is refused, naming akhan.
    with pytest.raises(ConflictError, match="akhan"):
        b.hotels.update(hotel.id, dataclasses.replace(hotel.data, phone="051"), hotel.version)


def test_allotting_by_precedence_keeps_hand_given_rooms_and_is_one_save(
    desks: tuple[Desk, Desk, TravelVisit],
) -> None:
    a, _b, v = desks
    by_hand = RoomData(v.aide, date(2027, 4, 12), date(2027, 4, 15), RoomType.DELUXE, "1204")
    hotel = a.hotels.add(v.visit_id, HotelData("Pearl Continental", "Lahore", rooms=(by_hand,)))
    block = {RoomType.SUITE: 1, RoomType.DELUXE: 1, RoomType.STANDARD: 2}
    preview = a.hotels.preview_allotment(hotel.id, block, date(2027, 4, 14), date(2027, 4, 15))
    assert preview.lines[0] == "H.E. KIM Minjun: a suite, new."
    assert "Mr. عمر الفاروق: keeps the deluxe." in preview.lines
    assert preview.changes == 3
    saved = a.hotels.update(hotel.id, preview.data, hotel.version)
    rooms = {r.person_id: r for r in saved.data.rooms}
    assert rooms[v.leader].room_type is RoomType.SUITE
    assert rooms[v.deputy].room_type is RoomType.STANDARD
    assert rooms[v.aide] == by_hand  # the room given by hand, untouched (its number too)
    assert rooms[v.leader].check_in == date(2027, 4, 14)
    with pytest.raises(RefusedError, match="check-out"):
        a.hotels.preview_allotment(hotel.id, block, date(2027, 4, 15), date(2027, 4, 14))


def test_a_hotel_deleted_comes_back_with_its_rooms(desks: tuple[Desk, Desk, TravelVisit]) -> None:
    a, _b, v = desks
    first = a.hotels.add(v.visit_id, HotelData("Serena", "Islamabad"))
    room = RoomData(v.deputy, date(2027, 4, 12), date(2027, 4, 13))
    second = a.hotels.add(v.visit_id, HotelData("Avari", "Lahore", rooms=(room,)))
    gone = a.hotels.delete(first.id)
    assert [c.label for c in a.hotels.choices(v.visit_id)] == ["Avari (Lahore)"]
    a.hotels.restore(gone)
    assert [c.id for c in a.hotels.choices(v.visit_id)] == [first.id, second.id]


def test_a_liaison_officer_is_a_host_person_and_a_stale_change_is_refused(
    desks: tuple[Desk, Desk, TravelVisit],
) -> None:
    a, b, v = desks
    hosts = [c.id for c in a.travel.host_people(v.visit_id)]
    assert v.liaison in hosts and v.leader not in hosts
    a.travel.set_liaison(v.visit_id, v.leader, v.liaison, None)
    assert a.travel.liaison_rows(v.visit_id)[0].officer == "Ms. Sana Malik"
    with pytest.raises(RefusedError, match="changed this delegate's liaison officer"):
        b.travel.set_liaison(v.visit_id, v.leader, v.host, None)
    with pytest.raises(RefusedError, match="host side"):
        a.travel.set_liaison(v.visit_id, v.deputy, v.aide, None)
    a.travel.set_liaison(v.visit_id, v.leader, None, v.liaison)  # the undo
    assert a.travel.liaison_rows(v.visit_id)[0].officer_id is None


def test_a_journey_longer_than_visitdesk_1_holds_is_refused_so_the_export_imports_again(
    desks: tuple[Desk, Desk, TravelVisit],
) -> None:
    a, _b, v = desks
    carrier = ("Emirates & <b>Long</b> Carrier طيران " * 10)[:314]
    too_long = dataclasses.replace(_group_arrival(v), carrier=carrier)
    with pytest.raises(RefusedError, match=r"carrier is 314 characters long; at most 120 fit\."):
        a.travel.add(v.visit_id, too_long)
    number = dataclasses.replace(_group_arrival(v), number="<b>x</b> & y EK&612 رحلة")
    with pytest.raises(RefusedError, match="flight or train number is 24 characters long"):
        a.travel.add(v.visit_id, number)
    assert a.travel.rows(v.visit_id) == ()  # nothing refused was stored


def test_a_hotel_or_room_longer_than_visitdesk_1_holds_is_refused_in_a_sentence(
    desks: tuple[Desk, Desk, TravelVisit],
) -> None:
    a, _b, v = desks
    name = ("Pearl Continental Hotel & <i>Towers</i> فندق " * 8)[:301]
    with pytest.raises(RefusedError, match=r"hotel's name is 301 characters long; at most 300"):
        a.hotels.add(v.visit_id, HotelData(name, city="Lahore"))
    assert a.hotels.add(v.visit_id, HotelData(name[:300], city="Lahore"))  # 300 is kept
    room = RoomData(v.leader, date(2027, 4, 12), date(2027, 4, 14), room_number="701-" * 7 + "07")
    with pytest.raises(RefusedError, match="room number is 30 characters long; at most 20"):
        a.hotels.add(v.visit_id, HotelData("Serena Hotel", rooms=(room,)))
