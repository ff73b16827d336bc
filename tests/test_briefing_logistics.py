"""The pack's logistics as its readers see them (text pulled from the PDF by poppler): the
journeys, the rooms by precedence in two hotels, the car plan of each movement and whom to
call; a guest copy with only its reader's part; nothing at all for a visit without logistics."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.briefing_helpers import build_pack, flat, import_document, page_texts
from tests.briefing_visits import japan_document, saudi_document
from tests.logistics_visits import HOSTILE_DRIVER, HOSTILE_REQUEST, add_logistics


def in_order(path: Path) -> str:
    """The pack's text in the order it is drawn (cell after cell, row after row)."""
    return " ".join(page_texts(path))


def pdf_text(path: Path) -> str:
    """The pack's text as poppler gives it: right-to-left scripts in their logical order."""
    return flat(
        subprocess.run(
            ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    )


def pdf_pages(path: Path) -> list[str]:
    return [
        flat(page)
        for page in subprocess.run(
            ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout.split("\f")
    ]


@pytest.fixture
def japan(data_dir: Path) -> Path:
    add_logistics(data_dir)
    return data_dir


def _section(text: str) -> str:
    """The logistics section: from its heading (the last 'Logistics', after the contents) to
    the follow-ups."""
    start = text.rindex("Logistics Journeys, rooms")
    return text[start : text.index("Follow-ups", start)]


def test_the_pack_lists_journeys_rooms_cars_and_contacts_in_order_of_precedence(
    japan: Path, tmp_path: Path
) -> None:
    path = build_pack(japan, "jpo-2026", tmp_path / "pack.pdf")
    text = in_order(path)
    contents = pdf_pages(path)[1]
    for entry in (
        "Logistics",
        "Arrivals",
        "Departures",
        "Hotels and rooms",
        "Car plans",
        "Contacts",
    ):
        assert entry in contents, entry
    section = _section(text)
    # The group flight: one entry, its three travellers by precedence with their seats,
    # the leader first, received at the VIP lounge; its departure in Tokyo's own time.
    group = section[section.index("PK 853") : section.index("EK 612")]
    assert (
        group.index("Mr. YAMADA Taro")
        < group.index("Ms. SUZUKI Hanako")
        < group.index("Mr. SATO Kenji")
    )
    assert "Seat 1A" in group and "Seat 2A" in group
    assert "Tue 12 May 2026, 04:30" in group
    assert "Departs Mon 11 May 2026, 22:00 (Asia/Tokyo)" in group
    assert "Terminal 1" in group and "VIP lounge" in group and "Mr. Asad Malik" in group
    assert "Baggage: 9 pieces" in group
    assert "Car: Coach, LES-4040" in group  # the car allotted: the airport run's
    # Arrivals by the time they land; the departure after them.
    assert section.index("CZ 6007") < section.index("QR 632") < section.index("PK 853")
    assert section.index("EK 612") < section.index("Departures") < section.index("PK 852")
    # A journey within the visit by train, between the arrivals and the departures.
    onward = section[section.index("Journeys within the visit") : section.index("Departures")]
    assert onward.startswith("Journeys within the visit Journey When (local time)")
    assert "Green Line 5UP Pakistan Railways Train" in onward and "Seat Parlour, 12" in onward
    # Two hotels, each with its rooms by precedence: the suite first, the interpreter last.
    serena = section[
        section.index("Serena Hotel, Islamabad") : section.index("Islamabad Marriott, Islamabad")
    ]
    assert (
        serena.index("Presidential suite") < serena.index("Junior suite") < serena.index("Standard")
    )
    assert serena.index("Room 1201") < serena.index("Room 905") < serena.index("Room 610")
    assert "Booking reference SER-2026-77" in serena and "Host government" in serena
    marriott = section[section.index("Islamabad Marriott, Islamabad") : section.index("Car plans")]
    assert (
        marriott.index("Mr. TANAKA Ichiro")
        < marriott.index("Ms. LI Na")
        < marriott.index("Dr. Omar Al-Farsi")
    )
    assert "李娜" in marriott and "Delegation" in marriott
    # The car plan: the pilot ahead, car 1 the flag car with the leader in the rear right.
    cars = section[section.index("10:20–10:50 · Signing") : section.index("Contacts")]
    assert cars.index("Pilot car") < cars.index("Car 1") < cars.index("Car 2")
    assert "Rear right: Mr. YAMADA Taro" in cars
    assert "Rear left: Ms. Farah Qureshi" in cars
    assert "Front: Mr. Bilal Ahmed" in cars
    assert "+92 300 1234567" in cars
    # Whom to call: the liaison officer once for the two delegates he looks after.
    contacts = section[section.index("Contacts") :]
    assert "Liaison officer for Mr. YAMADA Taro and Ms. SUZUKI Hanako" in contacts
    assert "+92 300 555 0101" in contacts
    assert "Driver, LES-4040, LEB-99" in contacts
    assert "+92 51 111 133 133" in contacts
    # Urdu and Arabic names as typed; text that looks like markup printed as typed.
    logical = pdf_text(path)
    assert "بلال احمد" in logical and "عمر الفارسي" in logical
    assert HOSTILE_DRIVER in logical
    assert "<script>alert(1)</" in logical


def test_an_engagement_s_brief_carries_the_cars_of_its_movement(
    japan: Path, tmp_path: Path
) -> None:
    text = in_order(build_pack(japan, "jpo-2026", tmp_path / "pack.pdf"))
    brief = text[text.index("ENGAGEMENT 1 OF 3") : text.index("ENGAGEMENT 2 OF 3")]
    cars = brief[brief.index("Cars") :]
    assert "10:20–10:50 · Signing of the MoU" in cars
    assert "Rear right: Mr. YAMADA Taro" in cars
    # The lunch has no movement: no heading for cars it does not have.
    lunch = text[text.index("ENGAGEMENT 2 OF 3") : text.index("ENGAGEMENT 3 OF 3")]
    assert "Cars " not in lunch and "Who sits where" not in lunch


def test_a_guest_copy_shows_only_its_reader_s_journeys_room_cars_and_liaison_officer(
    japan: Path, tmp_path: Path
) -> None:
    text = pdf_text(build_pack(japan, "jpo-2026", tmp_path / "g.pdf", "--for", "suzuki"))
    section = text[text.rindex("Logistics Your journeys") :]
    # Her flights, her room, her cars, her liaison officer.
    assert "PK 853" in section and "Seat 1C" in section and "PK 852" in section
    assert "Room 905" in section and "Junior suite" in section
    assert "12 May 2026" in section and "14 May 2026" in section
    assert "Rear right: Ms. SUZUKI Hanako" in section
    assert "Liaison officer for Ms. SUZUKI Hanako" in section
    # Not other people's flights or rooms, nor their seats on her flight.
    for other in (
        "EK 612",
        "CZ 6007",
        "QR 632",
        "Seat 1A",
        "Seat 2A",
        "Room 1201",
        "Room 610",
        "Room 414",
        "Room 218",
        "Islamabad Marriott",
        "Liaison officer for Mr. YAMADA",
    ):
        assert other not in text, other
    # None of the host's bookkeeping.
    for internal in (
        "HOST ONLY",
        "Host government",
        "Paid by",
        "SER-2026-77",
        "Baggage",
        "Pilot car",
        "Car 1",
        "Inspector Khan",
        HOSTILE_REQUEST.split()[0],
    ):
        assert internal not in text, internal


def test_a_visit_without_logistics_has_no_logistics_section(data_dir: Path, tmp_path: Path) -> None:
    import_document(data_dir, saudi_document(), "saudi")
    import_document(data_dir, japan_document(), "japan")
    for visit in ("saip-2026", "jpo-2026"):
        text = pdf_text(build_pack(data_dir, visit, tmp_path / f"{visit}.pdf"))
        for heading in (
            "Logistics",
            "Arrivals",
            "Hotels and rooms",
            "Car plans",
            "Contacts",
            "Who sits where",
        ):
            assert heading not in text, (visit, heading)


def test_a_large_group_flight_and_a_full_coach_flow_over_pages_whole(
    data_dir: Path, tmp_path: Path
) -> None:
    """Sixty on one flight, forty in one coach: no row taller than a page, nobody left out."""
    from datetime import date, datetime

    from sqlalchemy import select

    from visitdesk.domain.cars import CarPassenger, Movement, MovementCar
    from visitdesk.domain.enums import CarSeat, Side, TravelKind
    from visitdesk.domain.lodging import Hotel, HotelRoom
    from visitdesk.domain.models import Person, Visit, VisitParticipant
    from visitdesk.domain.travel import TravelLeg, Traveller
    from visitdesk.store.database import Store

    import_document(data_dir, saudi_document(), "saudi")
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        visit = session.scalars(select(Visit)).one()
        people = [
            Person(
                ref=f"m{n}",
                honorific="Mr.",
                given_name="Abdullah",
                family_name=f"Al-Qahtani {n:02d}",
                native_name=f"عبدالله القحطاني {n}",
                precedence=3 + n,
            )
            for n in range(60)
        ]
        session.add_all(people)
        session.flush()
        leg = TravelLeg(kind=TravelKind.ARRIVAL, number="SV 722", arrives=datetime(2026, 6, 1, 7))
        hotel = Hotel(name="Islamabad Marriott")
        coach = MovementCar(label="Coach", registration="ISB-40")
        for person in people:
            visit.participants.append(VisitParticipant(person=person, side=Side.GUEST))
            leg.travellers.append(Traveller(person=person, seat="economy"))
            hotel.rooms.append(
                HotelRoom(person=person, check_in=date(2026, 6, 1), check_out=date(2026, 6, 2))
            )
        for person in people[:40]:
            coach.seats.append(CarPassenger(person=person, seat=CarSeat.OTHER))
        visit.travel_legs.append(leg)
        visit.hotels.append(hotel)
        movement = Movement(title="Airport to hotel", departs=datetime(2026, 6, 1, 7, 30))
        movement.cars.append(coach)
        visit.movements.append(movement)
    store.close()
    text = in_order(build_pack(data_dir, "saip-2026", tmp_path / "big.pdf"))
    section = text[text.rindex("Logistics Journeys") :]
    for n in range(60):
        assert f"Mr. Abdullah Al-Qahtani {n:02d}" in section, n
    assert section.count("SV 722 continued") == 11  # sixty in rows of five
    assert section.count("Coach continued") == 3  # forty seats in rows of twelve
