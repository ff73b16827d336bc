"""A visit made up for the car plan tests: a Chinese delegation of three (names in Chinese
script), a host side with an Urdu-named escort and a liaison officer, two engagements."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy.orm import Session

from visitdesk.app import Desk
from visitdesk.domain.engagement import Attendee, Engagement
from visitdesk.domain.enums import Side
from visitdesk.domain.lodging import Hotel
from visitdesk.domain.person import Person
from visitdesk.domain.visit import Visit, VisitParticipant

HOSTILE = "<b>Imran & Sons</b> =1+2"


class CarVisit(NamedTuple):
    visit_id: int
    leader: int  # 王小明, precedence 1
    deputy: int  # 李娜, 2
    third: int  # 陈 (unranked)
    escort: int  # جناب عمران خان, host, precedence 5
    liaison: int  # the leader's liaison officer
    talks: int  # engagement, 10:00 on day 1
    lunch: int  # engagement, 13:00 on day 1


def make_car_visit(desk: Desk, ref: str = "cnipa-2027") -> CarVisit:
    def work(session: Session) -> CarVisit:
        people = [
            Person(ref=f"{ref}-wang", family_name="王", given_name="小明", precedence=1,
                   family_name_first=True, position="Commissioner"),
            Person(ref=f"{ref}-li", family_name="李", given_name="娜", precedence=2,
                   family_name_first=True),
            Person(ref=f"{ref}-chen", family_name="陈", given_name="静", family_name_first=True),
            Person(ref=f"{ref}-imran", honorific="جناب", given_name="عمران", family_name="خان",
                   precedence=5),
            Person(ref=f"{ref}-sara", given_name="Sara", family_name="Qureshi",
                   position="Protocol Officer"),
        ]  # fmt: skip
        session.add_all(people)
        session.flush()
        wang, li, chen, imran, sara = (p.id for p in people)
        visit = Visit(
            ref=ref,
            title="Visit of the CNIPA delegation",
            start_date=date(2027, 5, 10),
            end_date=date(2027, 5, 11),
            time_zone="Asia/Karachi",
            city="Islamabad",
            leader_id=wang,
        )
        session.add(visit)
        session.flush()
        session.add_all(
            [
                VisitParticipant(visit_id=visit.id, person_id=wang, side=Side.GUEST, position=0,
                                 liaison_officer_id=sara),
                VisitParticipant(visit_id=visit.id, person_id=chen, side=Side.GUEST, position=1),
                VisitParticipant(visit_id=visit.id, person_id=li, side=Side.GUEST, position=2),
                VisitParticipant(visit_id=visit.id, person_id=imran, side=Side.HOST, position=3),
                VisitParticipant(visit_id=visit.id, person_id=sara, side=Side.HOST, position=4,
                                 role="liaison officer"),
            ]
        )  # fmt: skip
        session.add(Hotel(visit_id=visit.id, name="Serena Hotel", city="Islamabad"))
        talks = Engagement(
            visit_id=visit.id,
            ref="talks",
            title="Talks at the Ministry",
            start=datetime(2027, 5, 10, 10, 0),
            end=datetime(2027, 5, 10, 11, 30),
            venue="Ministry of Commerce, Blue Area",
            city="Islamabad",
        )
        talks.attendees = [
            Attendee(person_id=wang, side=Side.GUEST),
            Attendee(person_id=li, side=Side.GUEST),
            Attendee(person_id=imran, side=Side.HOST),
        ]
        lunch = Engagement(
            visit_id=visit.id,
            ref="lunch",
            title="Lunch 午餐",
            start=datetime(2027, 5, 10, 13, 0),
            end=datetime(2027, 5, 10, 14, 30),
            venue=HOSTILE,
            city="Islamabad",
        )
        session.add_all([talks, lunch])
        session.flush()
        return CarVisit(visit.id, wang, li, chen, imran, sara, talks.id, lunch.id)

    return desk.write(work)
