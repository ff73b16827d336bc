"""The Japanese delegation of `briefing_visits.japan_document`, with its logistics entered as
an officer would (records made through the models, not through the window's calls): a group
flight and two single arrivals, two hotels, a car plan for the signing and for the airport run,
liaison officers. Two more delegates come from China and Oman; the liaison officer's name is
in Urdu; a driver and a room request carry text that looks like markup."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from tests.briefing_helpers import import_document
from tests.briefing_visits import japan_document
from visitdesk.domain.cars import CarPassenger, Movement, MovementCar
from visitdesk.domain.enums import CarRole, CarSeat, RoomType, Side, TravelKind, TravelMode
from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.models import Engagement, Organisation, Person, Visit, VisitParticipant
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.store.database import Store

HOSTILE_DRIVER = "<b>Akram</b> & Sons"
HOSTILE_REQUEST = "<script>alert(1)</script> & no feather pillows"


def _people(session: object, refs: list[str]) -> dict[str, Person]:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    found = session.scalars(select(Person).where(Person.ref.in_(refs))).all()
    return {p.ref: p for p in found}


def add_logistics(data_dir: Path) -> None:
    """Import the Japanese visit and enter its logistics."""
    import_document(data_dir, japan_document(), "japan")
    store = Store.open(data_dir=data_dir)
    try:
        with store.transaction() as session:
            visit = session.scalars(select(Visit).where(Visit.ref == "jpo-2026")).one()
            li = Person(
                ref="li",
                honorific="Ms.",
                given_name="Na",
                family_name="Li",
                family_name_first=True,
                native_name="李娜",
                position="Examiner, CNIPA",
                precedence=4,
            )
            farsi = Person(
                ref="farsi",
                honorific="Dr.",
                given_name="Omar",
                family_name="Al-Farsi",
                native_name="عمر الفارسي",
                position="Observer",
                precedence=5,
            )
            ipo = session.scalars(select(Organisation).where(Organisation.ref == "ipo")).one()
            officer = Person(
                ref="bilal",
                honorific="Mr.",
                given_name="Bilal",
                family_name="Ahmed",
                native_name="بلال احمد",
                organisation=ipo,
                position="Protocol Officer",
                phone="+92 300 555 0101",
            )
            session.add_all([li, farsi, officer])
            session.flush()
            visit.participants.append(VisitParticipant(person=li, side=Side.GUEST))
            visit.participants.append(VisitParticipant(person=farsi, side=Side.GUEST))
            people = _people(session, ["yamada", "suzuki", "tanaka", "sato", "dg", "chair"])
            people |= {"li": li, "farsi": farsi, "bilal": officer}
            for participant in visit.participants:
                if participant.person.ref in ("yamada", "suzuki"):
                    participant.liaison_officer = officer

            group = TravelLeg(
                kind=TravelKind.ARRIVAL,
                carrier="Pakistan International Airlines",
                number="PK 853",
                origin="Tokyo Narita (NRT)",
                destination="Islamabad (ISB)",
                departs=datetime(2026, 5, 11, 22, 0),
                departs_zone="Asia/Tokyo",
                arrives=datetime(2026, 5, 12, 4, 30),
                terminal="1",
                received_by=people["dg"],
                vip_lounge=True,
                baggage_pieces=9,
                notes="HOST ONLY: protocol passes at gate 4",
            )
            for ref, seat in (("sato", "2A"), ("yamada", "1A"), ("suzuki", "1C")):
                group.travellers.append(Traveller(person=people[ref], seat=seat))
            tanaka = TravelLeg(
                kind=TravelKind.ARRIVAL,
                carrier="Emirates",
                number="EK 612",
                origin="Dubai (DXB)",
                destination="Islamabad (ISB)",
                departs=datetime(2026, 5, 12, 4, 15),
                departs_zone="Asia/Dubai",
                arrives=datetime(2026, 5, 12, 8, 40),
                received_by=people["bilal"],
            )
            tanaka.travellers.append(Traveller(person=people["tanaka"]))
            li_leg = TravelLeg(
                kind=TravelKind.ARRIVAL,
                carrier="China Southern",
                number="CZ 6007",
                origin="Ürümqi (URC)",
                destination="Islamabad (ISB)",
                departs=datetime(2026, 5, 12, 1, 0),
                departs_zone="Asia/Shanghai",
                arrives=datetime(2026, 5, 12, 2, 50),
            )
            li_leg.travellers.append(Traveller(person=li))
            home = TravelLeg(
                kind=TravelKind.DEPARTURE,
                carrier="Pakistan International Airlines",
                number="PK 852",
                origin="Islamabad (ISB)",
                destination="Tokyo Narita (NRT)",
                departs=datetime(2026, 5, 14, 0, 30),
                arrives=datetime(2026, 5, 14, 11, 0),
                arrives_zone="Asia/Tokyo",
                terminal="1",
                received_by=people["chair"],
                vip_lounge=True,
            )
            for ref in ("yamada", "suzuki", "tanaka", "sato", "li", "farsi"):
                home.travellers.append(Traveller(person=people[ref]))
            farsi_leg = TravelLeg(
                kind=TravelKind.ARRIVAL,
                number="QR 632",
                carrier="Qatar Airways",
                origin="Doha (DOH)",
                destination="Islamabad (ISB)",
                arrives=datetime(2026, 5, 12, 3, 10),
            )
            farsi_leg.travellers.append(Traveller(person=farsi))
            lahore = TravelLeg(
                kind=TravelKind.ONWARD,
                mode=TravelMode.TRAIN,
                carrier="Pakistan Railways",
                number="Green Line 5UP",
                origin="Islamabad (Margalla)",
                destination="Lahore Junction",
                departs=datetime(2026, 5, 13, 16, 0),
                arrives=datetime(2026, 5, 13, 20, 30),
            )
            lahore.travellers.append(Traveller(person=people["tanaka"], seat="Parlour, 12"))
            visit.travel_legs.extend([group, tanaka, li_leg, home, farsi_leg, lahore])

            serena = Hotel(
                name="Serena Hotel",
                city="Islamabad",
                address="Khayaban-e-Suharwardy, Islamabad",
                phone="+92 51 111 133 133",
                booking_reference="SER-2026-77",
                paid_by="Host government",
                notes="HOST ONLY: late check-out agreed",
            )
            first, last = date(2026, 5, 12), date(2026, 5, 14)
            for ref, kind, number in (
                ("sato", RoomType.STANDARD, "610"),
                ("suzuki", RoomType.JUNIOR_SUITE, "905"),
                ("yamada", RoomType.PRESIDENTIAL_SUITE, "1201"),
            ):
                serena.rooms.append(
                    HotelRoom(
                        person=people[ref],
                        room_type=kind,
                        room_number=number,
                        check_in=first,
                        check_out=last,
                        requests=HOSTILE_REQUEST if ref == "yamada" else None,
                    )
                )
            marriott = Hotel(
                name="Islamabad Marriott",
                city="Islamabad",
                phone="+92 51 282 6121",
                paid_by="Delegation",
            )
            for ref, kind, number in (
                ("farsi", RoomType.STANDARD, "220"),
                ("li", RoomType.STANDARD, "218"),
                ("tanaka", RoomType.DELUXE, "414"),
            ):
                marriott.rooms.append(
                    HotelRoom(
                        person=people[ref],
                        room_type=kind,
                        room_number=number,
                        check_in=first,
                        check_out=last,
                    )
                )
            visit.hotels.extend([serena, marriott])

            signing = session.scalars(select(Engagement).where(Engagement.ref == "signing")).one()
            to_signing = Movement(
                engagement=signing,
                departs=datetime(2026, 5, 12, 10, 20),
                arrives=datetime(2026, 5, 12, 10, 50),
                origin="Serena Hotel",
                destination="Jinnah Hall, Ministry of Commerce",
                notes="HOST ONLY: route via Constitution Avenue",
            )
            pilot = MovementCar(
                role=CarRole.PILOT, registration="ICT-POL-7", driver="Inspector Khan"
            )
            flag = MovementCar(
                role=CarRole.FLAG,
                registration="LEA-1234",
                driver=HOSTILE_DRIVER,
                driver_phone="+92 300 1234567",
            )
            flag.seats.extend(
                [
                    CarPassenger(person=people["bilal"], seat=CarSeat.FRONT),
                    CarPassenger(person=people["yamada"], seat=CarSeat.REAR_RIGHT),
                    CarPassenger(person=people["chair"], seat=CarSeat.REAR_LEFT),
                ]
            )
            second = MovementCar(
                role=CarRole.DELEGATION,
                registration="LEB-99",
                driver="Nadeem Abbas",
                driver_phone="+92 321 7654321",
            )
            second.seats.extend(
                [
                    CarPassenger(person=people["suzuki"], seat=CarSeat.REAR_RIGHT),
                    CarPassenger(person=people["tanaka"], seat=CarSeat.REAR_LEFT),
                    CarPassenger(person=people["sato"], seat=CarSeat.FRONT),
                ]
            )
            to_signing.cars.extend([pilot, flag, second])
            airport = Movement(
                travel_leg=group,
                title="Airport to Serena Hotel",
                departs=datetime(2026, 5, 12, 4, 45),
                arrives=datetime(2026, 5, 12, 5, 30),
                origin="Islamabad airport, VIP lounge",
                destination="Serena Hotel",
            )
            coach = MovementCar(
                label="Coach",
                role=CarRole.DELEGATION,
                registration="LES-4040",
                driver="Nadeem Abbas",
                driver_phone="+92 321 7654321",
            )
            for n, ref in enumerate(("yamada", "suzuki", "sato")):
                coach.seats.append(CarPassenger(person=people[ref], seat=CarSeat.OTHER, position=n))
            airport.cars.append(coach)
            visit.movements.extend([to_signing, airport])
    finally:
        store.close()
