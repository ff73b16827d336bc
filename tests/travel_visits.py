"""A made-up visit with a delegation in Korean, Japanese and Arabic script, for the travel and
hotel tests: everything made through the app layer, as the window makes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from visitdesk.app import Desk
from visitdesk.app.people import PersonDetails
from visitdesk.app.visits import VisitDetails

HOSTILE = '=HYPERLINK("http://x","click") <b>&amp;</b>'


@dataclass(frozen=True)
class TravelVisit:
    visit_id: int
    leader: int  # 김민준, ranked 2 but leading
    deputy: int  # 佐藤 健, rank 1
    aide: int  # عمر الفاروق, unranked
    hostile: int  # a name an attacker typed
    host: int  # the receiving officer (host side)
    liaison: int


def make_travel_visit(desk: Desk, ref: str = "kipo-2027") -> TravelVisit:
    visit = desk.visits.create(
        VisitDetails(
            title="Visit of the KIPO delegation",
            start_date=date(2027, 4, 12),
            end_date=date(2027, 4, 15),
            ref=ref,
            city="Islamabad",
            time_zone="Asia/Karachi",
        )
    ).id

    def person(details: PersonDetails) -> int:
        return desk.people.create(details).id

    leader = person(
        PersonDetails(
            "Kim",
            "Minjun",
            "H.E.",
            True,
            native_name="김민준",
            precedence=2,
            dietary="No pork",
            medical="Diabetic: insulin in the fridge",
            email="kim@kipo.example",
        )
    )
    deputy = person(PersonDetails("Sato", "Ken", "Mr.", True, native_name="佐藤 健", precedence=1))
    aide = person(PersonDetails("الفاروق", "عمر", "Mr.", native_name="عمر الفاروق"))
    hostile = person(PersonDetails(HOSTILE, "Eve", "Ms."))
    host = person(PersonDetails("Ranjha", "Bilal", "Mr.", position="Protocol Officer"))
    liaison = person(PersonDetails("Malik", "Sana", "Ms.", position="Liaison Officer"))
    desk.people.add_members(visit, [leader, deputy, aide, hostile])
    desk.people.make_leader(visit, leader)
    return TravelVisit(visit, leader, deputy, aide, hostile, host, liaison)
