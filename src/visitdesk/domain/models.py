"""Every model, imported together so that the metadata is complete wherever it is used."""

from visitdesk.domain import calendar_sequence  # noqa: F401  (registers the hook)
from visitdesk.domain.audit import AuditEntry
from visitdesk.domain.base import Base
from visitdesk.domain.calendar_tombstone import CalendarTombstone
from visitdesk.domain.cars import CarPassenger, Movement, MovementCar
from visitdesk.domain.engagement import Attendee, Engagement, TalkingPoint
from visitdesk.domain.gifts import Gift
from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.office import Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.outcome import Outcome, StatusChange
from visitdesk.domain.person import Person
from visitdesk.domain.press_release import PressRelease
from visitdesk.domain.statement import Statement
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.domain.visit import Visit, VisitParticipant

__all__ = [
    "Attendee",
    "AuditEntry",
    "Base",
    "CalendarTombstone",
    "CarPassenger",
    "Engagement",
    "Gift",
    "Hotel",
    "HotelRoom",
    "Movement",
    "MovementCar",
    "Office",
    "Organisation",
    "Outcome",
    "Person",
    "PressRelease",
    "Statement",
    "StatusChange",
    "TalkingPoint",
    "TravelLeg",
    "Traveller",
    "Visit",
    "VisitParticipant",
]
