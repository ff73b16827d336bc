"""The arrivals list for the airport and the transport company, and the rooming list for the
hotel: what each reads in its cells, and nothing internal."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from tests.travel_visits import HOSTILE, TravelVisit, make_travel_visit
from visitdesk.app import Desk
from visitdesk.app.hotels import HotelData, RoomData, RoomType
from visitdesk.app.lists import ListKind
from visitdesk.app.travel import LegData, TravelKind
from visitdesk.cli import main
from visitdesk.domain.cars import CarPassenger, Movement, MovementCar
from visitdesk.domain.enums import CarRole, CarSeat
from visitdesk.store.database import Store


def _journeys(desk: Desk, v: TravelVisit) -> int:
    group = desk.travel.add(
        v.visit_id,
        LegData(
            kind=TravelKind.ARRIVAL,
            carrier="Korean Air",
            number="KE 9641",
            origin="Seoul (ICN)",
            destination="Islamabad (ISB)",
            departs=datetime(2027, 4, 12, 9, 0),
            departs_zone="Asia/Seoul",
            arrives=datetime(2027, 4, 12, 14, 30),
            terminal="VIP",
            received_by_id=v.host,
            vip_lounge=True,
            baggage_pieces=9,
            travellers=((v.aide, None), (v.leader, None), (v.deputy, None)),
        ),
    )
    desk.travel.add(
        v.visit_id,
        LegData(
            kind=TravelKind.DEPARTURE,
            number="EK 613",
            carrier="Emirates",
            departs=datetime(2027, 4, 15, 4, 10),
            travellers=((v.leader, None),),
        ),
    )
    desk.travel.add(
        v.visit_id,
        LegData(
            kind=TravelKind.ARRIVAL,
            number="PK 785",
            carrier=HOSTILE,
            arrives=datetime(2027, 4, 11, 22, 0),
            travellers=((v.hostile, None),),
        ),
    )
    return group.id


def _rows(data: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_the_arrivals_list_gives_each_journey_once_arrivals_first(tmp_path: Path) -> None:
    desk = Desk.open(data_dir=tmp_path / "records")
    v = make_travel_visit(desk)
    leg = _journeys(desk, v)
    # A car plan linked to the group's arrival (as the car plans part records it).
    store = Store.open(data_dir=tmp_path / "records")
    with store.transaction() as session:
        movement = Movement(
            visit_id=v.visit_id, travel_leg_id=leg, departs=datetime(2027, 4, 12, 14, 45)
        )
        car = MovementCar(
            role=CarRole.FLAG, registration="GA-123", driver="Imran", driver_phone="0300 1"
        )
        car.seats.append(CarPassenger(person_id=v.leader, seat=CarSeat.REAR_RIGHT))
        movement.cars += [MovementCar(role=CarRole.PILOT), car]
        session.add(movement)
    store.close()
    rows = _rows(desk.lists.export(v.visit_id, ListKind.ARRIVALS).data)
    head = rows[0]
    assert head[:4] == ["No.", "Journey", "Date", "Local time"]
    cell = {h: i for i, h in enumerate(head)}
    journeys = [(r[cell["Journey"]], r[cell["Flight"]]) for r in rows[1:]]
    assert journeys == [("Arrival", "PK 785"), ("Arrival", "KE 9641"), ("Departure", "EK 613")]
    group = rows[2]
    assert group[cell["Travellers"]] == (
        "H.E. KIM Minjun (김민준)\nMr. SATO Ken (佐藤 健)\nMr. عمر الفاروق"
    )
    assert group[cell["Local time"]] == "14:30" and group[cell["Terminal"]] == "VIP"
    assert group[cell["Received by"]] == "Mr. Bilal Ranjha"
    assert (group[cell["VIP lounge"]], group[cell["Baggage (pieces)"]]) == ("Yes", 9)
    assert group[cell["Car"]] == "Pilot car\nCar 1 · GA-123 · driver Imran 0300 1 · H.E. KIM Minjun"
    assert group[cell["Date"]] == datetime(2027, 4, 12)
    # Typed text stays text: never a formula, never markup.
    assert rows[1][cell["Carrier"]] == HOSTILE
    book = load_workbook(io.BytesIO(desk.lists.export(v.visit_id, ListKind.ARRIVALS).data))
    carrier = book.active.cell(row=2, column=cell["Carrier"] + 1)
    assert carrier.data_type == "s" and carrier.quotePrefix
    # The group's row is three lines high, so the print shows every traveller, not the first,
    # each line tall enough for the Korean and Arabic names (18 points, not Latin's 15).
    assert book.active.row_dimensions[3].height == 3 * 18
    desk.close()


def test_the_rooming_list_puts_the_leader_s_suite_first_with_requests_not_medical(
    tmp_path: Path,
) -> None:
    desk = Desk.open(data_dir=tmp_path / "records")
    v = make_travel_visit(desk)
    stay = (date(2027, 4, 12), date(2027, 4, 14))
    desk.hotels.add(
        v.visit_id,
        HotelData(
            "Serena Hotel",
            "Islamabad",
            booking_reference="SER-2027-17",
            paid_by="Host government",
            notes="Talking point: do not mention the tender",
            rooms=(
                RoomData(v.deputy, *stay, RoomType.EXECUTIVE, "1201"),
                RoomData(v.leader, *stay, RoomType.SUITE, "1501", requests="Late check-out"),
                RoomData(v.aide, *stay, RoomType.EXECUTIVE, paid_by="Delegation"),
            ),
        ),
    )
    desk.hotels.add(
        v.visit_id,
        HotelData(
            "Pearl Continental",
            "Lahore",
            rooms=(RoomData(v.leader, date(2027, 4, 14), date(2027, 4, 15), RoomType.SUITE),),
        ),
    )
    target = tmp_path / "rooming.csv"
    args = ["--data-dir", str(tmp_path / "records"), "export-list", "kipo-2027"]
    desk.close()
    assert main([*args, "--list", "rooming", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
    assert [(r["Hotel"], r["Guest"], r["Room type"]) for r in rows] == [
        ("Serena Hotel", "H.E. KIM Minjun", "Suite"),
        ("Serena Hotel", "Mr. SATO Ken", "Executive"),
        ("Serena Hotel", "Mr. عمر الفاروق", "Executive"),
        ("Pearl Continental", "H.E. KIM Minjun", "Suite"),
    ]
    leader = rows[0]
    assert leader["Native name"] == "김민준" and leader["Room number"] == "1501"
    assert (leader["Check-in"], leader["Check-out"], leader["Nights"]) == (
        "2027-04-12",
        "2027-04-14",
        "2",
    )
    assert leader["Requests"] == "Late check-out\nDiet: No pork"
    assert leader["Paid by"] == "Host government" and rows[2]["Paid by"] == "Delegation"
    assert leader["Booking reference"] == "SER-2027-17"
    text = target.read_text("utf-8-sig")
    for secret in ("Diabetic", "insulin", "kim@kipo.example", "Talking point", "kipo-2027"):
        assert secret not in text
