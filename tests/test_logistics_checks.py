"""The logistics warnings, each with a case that warns and one that does not: an engagement
before an attendee lands or after they leave (each journey's times in its own zones), one car
on two movements at once, a delegate without a room for a night of the visit. Records are
made through the models, as the window's calls would leave them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from visitdesk.domain.cars import Movement, MovementCar
from visitdesk.domain.checks import WarningKind
from visitdesk.domain.engagement import Attendee, Engagement
from visitdesk.domain.enums import EngagementKind, Side, TravelKind, TravelMode
from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.logistics_checks import check_arrivals, check_cars, check_rooms, check_visit
from visitdesk.domain.person import Person
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.domain.visit import Visit, VisitParticipant

ZONE = "Asia/Karachi"


def person(ref: str, given: str, family: str, native: str, first: bool = False) -> Person:
    return Person(
        ref=ref, given_name=given, family_name=family, native_name=native, family_name_first=first
    )


@pytest.fixture
def people() -> dict[str, Person]:
    return {
        "wang": person("wang", "Wei", "Wang", "王伟", first=True),
        "kato": person("kato", "Yumi", "Kato", "加藤由美", first=True),
        "saeed": person("saeed", "Khalid", "Al-Saeed", "خالد السعيد"),
        "rana": person("rana", "Ayesha", "Rana", "عائشہ رانا"),
    }


def engagement(ref: str, title: str, start: datetime, *guests: Person) -> Engagement:
    found = Engagement(
        ref=ref,
        title=title,
        kind=EngagementKind.MINISTRY_MEETING,
        start=start,
        end=start.replace(hour=start.hour + 1),
    )
    for n, guest in enumerate(guests):
        found.attendees.append(Attendee(person=guest, side=Side.GUEST, position=n))
    return found


def leg(kind: TravelKind, number: str, *who: Person, **times: object) -> TravelLeg:
    found = TravelLeg(kind=kind, mode=TravelMode.FLIGHT, number=number, **times)
    for n, traveller in enumerate(who):
        found.travellers.append(Traveller(person=traveller, position=n))
    return found


def test_an_engagement_before_its_attendee_lands_warns_in_the_journey_s_own_zones(
    people: dict[str, Person],
) -> None:
    wang = people["wang"]
    # Lands 09:40 Karachi time: a 09:00 meeting is too early, an 11:00 one is fine.
    arrival = leg(TravelKind.ARRIVAL, "CZ 6007", wang, arrives=datetime(2027, 4, 5, 9, 40))
    early = engagement("early", "Call on the Secretary", datetime(2027, 4, 5, 9, 0), wang)
    later = engagement("later", "Working lunch", datetime(2027, 4, 5, 11, 0), wang)
    [warning] = check_arrivals([early, later], [arrival], ZONE)
    assert warning.kind is WarningKind.BEFORE_ARRIVAL
    assert warning.engagement_refs == ("early",) and warning.person_ref == "wang"
    assert warning.message == (
        "“Call on the Secretary” starts (5 Apr 2027 09:00) before WANG Wei's flight "
        "CZ 6007 lands (5 Apr 2027 09:40)."
    )
    # The same landing written in Beijing's time (12:40 there is 09:40 here) reads the same.
    beijing = leg(
        TravelKind.ARRIVAL,
        "CZ 6007",
        wang,
        arrives=datetime(2027, 4, 5, 12, 40),
        arrives_zone="Asia/Shanghai",
    )
    assert [w.engagement_refs for w in check_arrivals([early, later], [beijing], ZONE)] == [
        ("early",)
    ]
    assert "(Asia/Shanghai)" in check_arrivals([early], [beijing], ZONE)[0].message
    # A meeting held in Dubai's zone at 08:30 there (09:30 here) is also before 09:40.
    dubai = engagement("dubai", "Stopover call", datetime(2027, 4, 5, 8, 30), wang)
    dubai.time_zone = "Asia/Dubai"
    assert check_arrivals([dubai], [arrival], ZONE)[0].engagement_refs == ("dubai",)
    dubai.start = datetime(2027, 4, 5, 8, 50)  # 09:50 here: after landing
    assert check_arrivals([dubai], [arrival], ZONE) == []


def test_an_engagement_after_its_attendee_s_departure_leaves_warns(
    people: dict[str, Person],
) -> None:
    kato = people["kato"]
    home = leg(TravelKind.DEPARTURE, "PK 852", kato, departs=datetime(2027, 4, 7, 14, 0))
    farewell = engagement("farewell", "Farewell dinner", datetime(2027, 4, 7, 20, 0), kato)
    breakfast = engagement("breakfast", "Breakfast meeting", datetime(2027, 4, 7, 8, 0), kato)
    [warning] = check_arrivals([farewell, breakfast], [home], ZONE)
    assert warning.kind is WarningKind.AFTER_DEPARTURE
    assert warning.message == (
        "“Farewell dinner” starts (7 Apr 2027 20:00) after KATO Yumi's flight PK 852 leaves "
        "(7 Apr 2027 14:00)."
    )
    # Someone without a recorded journey is not warned about.
    assert check_arrivals([farewell], [], ZONE) == []


def car(registration: str | None, driver: str | None) -> MovementCar:
    return MovementCar(registration=registration, driver=driver)


def movement(
    title: str, departs: datetime, arrives: datetime | None, *cars: MovementCar
) -> Movement:
    found = Movement(title=title, departs=departs, arrives=arrives)
    found.cars.extend(cars)
    return found


def test_one_car_on_two_movements_at_once_warns_by_registration_else_driver() -> None:
    day = datetime(2027, 4, 5)
    airport = movement(
        "Airport to hotel", day.replace(hour=9), day.replace(hour=10), car("LEA-1234", "Akram")
    )
    ministry = movement(
        "Hotel to ministry",
        day.replace(hour=9, minute=30),
        day.replace(hour=10),
        car("lea 1234", "Someone else"),
    )
    [warning] = check_cars([airport, ministry])
    assert warning.kind is WarningKind.CAR_DOUBLE_BOOKED
    assert warning.message == (
        "Car LEA-1234 is booked for “Airport to hotel” and “Hotel to ministry” at the same "
        "time (5 Apr 2027 09:30)."
    )
    # Back to back (one ends as the other starts) is not at once; other cars are not the same.
    ministry.departs = day.replace(hour=10)
    ministry.arrives = day.replace(hour=10, minute=30)
    assert check_cars([airport, ministry]) == []
    other = movement("Hotel to museum", day.replace(hour=9, minute=15), None, car("ICT-9", "Akram"))
    assert check_cars([airport, other]) == []
    # Without a registration, the driver tells the car.
    coach = movement("Coach to Taxila", day.replace(hour=9, minute=15), None, car(None, "Nadeem"))
    van = movement("Van to hotel", day.replace(hour=9), day.replace(hour=12), car("", " nadeem "))
    [by_driver] = check_cars([coach, van])
    assert by_driver.message == (
        "The driver nadeem is booked for “Van to hotel” and “Coach to Taxila” at the same time "
        "(5 Apr 2027 09:15)."
    )


def _visit(people: dict[str, Person], *members: str) -> Visit:
    visit = Visit(
        ref="v",
        title="Visit",
        start_date=date(2027, 4, 5),
        end_date=date(2027, 4, 8),
        time_zone=ZONE,
    )
    for n, ref in enumerate(members):
        visit.participants.append(VisitParticipant(person=people[ref], side=Side.GUEST, position=n))
    return visit


def room(who: Person, check_in: date, check_out: date) -> HotelRoom:
    return HotelRoom(person=who, check_in=check_in, check_out=check_out)


def test_a_delegate_without_a_room_for_a_night_warns_naming_the_nights(
    people: dict[str, Person],
) -> None:
    saeed, rana = people["saeed"], people["rana"]
    hotel = Hotel(name="Serena Hotel")
    # Nights of 5, 6 and 7 April (the visit's dates: no journey recorded).
    hotel.rooms.extend(
        [
            room(saeed, date(2027, 4, 5), date(2027, 4, 6)),
            room(rana, date(2027, 4, 5), date(2027, 4, 8)),
        ]
    )
    warnings = check_rooms([saeed, rana], [], [hotel], date(2027, 4, 5), date(2027, 4, 8))
    assert [w.message for w in warnings] == [
        "Khalid Al-Saeed has no room for the nights of 6–7 April 2027."
    ]
    assert warnings[0].kind is WarningKind.NO_ROOM and warnings[0].person_ref == "saeed"
    # A second hotel for those nights (the delegation moves city) covers him.
    lahore = Hotel(name="Pearl Continental Lahore")
    lahore.rooms.append(room(saeed, date(2027, 4, 6), date(2027, 4, 8)))
    assert check_rooms([saeed, rana], [], [hotel, lahore], date(2027, 4, 5), date(2027, 4, 8)) == []


def test_nights_run_from_the_first_arrival_to_the_last_departure_a_late_comer_needs_none_before(
    people: dict[str, Person],
) -> None:
    saeed, rana = people["saeed"], people["rana"]
    legs = [
        leg(TravelKind.ARRIVAL, "EK 612", saeed, arrives=datetime(2027, 4, 4, 23, 0)),
        leg(TravelKind.ARRIVAL, "PK 301", rana, arrives=datetime(2027, 4, 6, 10, 0)),
        leg(TravelKind.DEPARTURE, "EK 613", saeed, rana, departs=datetime(2027, 4, 8, 3, 0)),
    ]
    hotel = Hotel(name="Serena Hotel")
    hotel.rooms.extend(
        [
            room(saeed, date(2027, 4, 5), date(2027, 4, 8)),
            room(rana, date(2027, 4, 6), date(2027, 4, 8)),
        ]
    )
    # He lands on the 4th, before the visit begins: that night counts too.
    [warning] = check_rooms([saeed, rana], legs, [hotel], date(2027, 4, 5), date(2027, 4, 8))
    assert warning.message == "Khalid Al-Saeed has no room for the night of 4 Apr 2027."
    hotel.rooms[0].check_in = date(2027, 4, 4)
    assert check_rooms([saeed, rana], legs, [hotel], date(2027, 4, 5), date(2027, 4, 8)) == []
    # A visit that records no hotel is not short of rooms.
    assert check_rooms([saeed, rana], legs, [], date(2027, 4, 5), date(2027, 4, 8)) == []


def test_check_visit_joins_the_programme_s_warnings_and_the_logistics(
    people: dict[str, Person],
) -> None:
    visit = _visit(people, "wang", "kato")
    wang = people["wang"]
    visit.engagements.append(engagement("call", "Call", datetime(2027, 4, 5, 9, 0), wang))
    visit.engagements.append(engagement("late", "Late", datetime(2027, 4, 9, 9, 0), wang))
    visit.travel_legs.append(
        leg(TravelKind.ARRIVAL, "CZ 6007", wang, arrives=datetime(2027, 4, 5, 9, 40))
    )
    kinds = [w.kind for w in check_visit(visit)]
    assert kinds == [WarningKind.OUTSIDE_VISIT, WarningKind.BEFORE_ARRIVAL]
