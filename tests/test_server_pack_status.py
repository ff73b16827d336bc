"""On a shared PostgreSQL office the server's trail tells, as SQLite's does, that a flight
changed after the last pack: a reader who prints sees the packs printed so far out of date."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests import server_helpers
from tests.server_helpers import VISIT, SignIn
from visitdesk.domain.enums import TravelKind
from visitdesk.domain.models import Visit
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.store.database import Store

empty_database = server_helpers.empty_database
office_url = server_helpers.office_url
logins = server_helpers.logins
sign_in = server_helpers.sign_in

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]


def test_a_flight_added_after_the_pack_puts_it_out_of_date_on_the_server(
    sign_in: SignIn, office_url: str
) -> None:
    reader = sign_in("reader", "Ms. Ayesha Siddiqui")
    visit_id = reader.visits.id_of(VISIT)
    assert reader.documents.pack_status(visit_id) is None
    pack = reader.documents.briefing_pack(visit_id)  # a reader may print
    status = reader.documents.pack_status(visit_id)
    assert status is not None and status.version == pack.version and not status.out_of_date
    store = Store.open(database_url=office_url)
    try:
        with store.transaction() as session:
            visit = session.get(Visit, visit_id)
            assert visit is not None
            leg = TravelLeg(
                kind=TravelKind.ARRIVAL, number="CA 945", arrives=datetime(2017, 3, 20, 7, 5)
            )
            leg.travellers.append(Traveller(person=visit.members[0]))
            visit.travel_legs.append(leg)
    finally:
        store.close()
    status = reader.documents.pack_status(visit_id)
    assert status is not None and status.out_of_date
    assert status.changed == ("the flights and journeys",)
    assert reader.visits.summary(VISIT).count("is out of date: the flights and journeys") == 1
    reader.close()
