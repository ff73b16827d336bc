"""Closed vocabularies of the data model.

Each value is the word used in the `visitdesk/1` exchange format and in the database, so they
must never be renamed; add new members instead. `label` is what an officer reads.
"""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class OrganisationKind(_Labelled):
    MINISTRY = "ministry"
    GOVERNMENT_AGENCY = "government_agency"
    UNIVERSITY = "university"
    EMBASSY = "embassy"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    COMPANY = "company"
    OTHER = "other"


class DelegateRole(_Labelled):
    """What a delegate does on a visit besides being in the delegation (none for most)."""

    INTERPRETER = "interpreter"
    SECURITY = "security"
    AIDE = "aide"
    LIAISON_OFFICER = "liaison_officer"
    OTHER = "other"


class VisitDirection(_Labelled):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class VisitStatus(_Labelled):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    IN_PROGRESS = "in_progress"
    CONCLUDED = "concluded"
    CANCELLED = "cancelled"


class Side(_Labelled):
    """Which side of the table a person sits on: the office hosting, or the delegation."""

    HOST = "host"
    GUEST = "guest"


class EngagementKind(_Labelled):
    MINISTRY_MEETING = "ministry_meeting"
    UNIVERSITY_VISIT = "university_visit"
    OFFICE_VISIT = "office_visit"
    COURTESY_CALL = "courtesy_call"
    SIGNING_CEREMONY = "signing_ceremony"
    MEAL = "meal"
    TRANSFER = "transfer"
    SITE_VISIT = "site_visit"
    PRESS_EVENT = "press_event"
    OTHER = "other"


class StatementStyle(_Labelled):
    DIRECT = "direct"
    REPORTED = "reported"


class StatementRole(_Labelled):
    NONE = "none"
    HEADLINE = "headline"
    LEAD_QUOTE = "lead_quote"


class OutcomeKind(_Labelled):
    AGREEMENT = "agreement"
    OFFER = "offer"
    DIRECTIVE = "directive"
    DECISION = "decision"
    ACTION = "action"


class OutcomeStatus(_Labelled):
    # The life cycle of an agreement.
    PROPOSED = "proposed"
    DRAFTED = "drafted"
    INITIALLED = "initialled"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    # The life cycle of everything else (offers, directives, decisions, actions).
    OPEN = "open"
    DONE = "done"
    # Either may be abandoned.
    DROPPED = "dropped"


class PressReleaseStatus(_Labelled):
    DRAFT = "draft"
    ISSUED = "issued"


# Logistics (issue 14). Each ordered vocabulary lists its members from the first in rank.


class TravelKind(_Labelled):
    """Which way a journey goes: into the visit, out of it, or between two of its cities."""

    ARRIVAL = "arrival"
    DEPARTURE = "departure"
    ONWARD = "onward"


class TravelMode(_Labelled):
    FLIGHT = "flight"
    TRAIN = "train"
    ROAD = "road"


class RoomType(_Labelled):
    """Hotel rooms from the best down: precedence gives the best room to the highest rank."""

    PRESIDENTIAL_SUITE = "presidential_suite"
    SUITE = "suite"
    JUNIOR_SUITE = "junior_suite"
    EXECUTIVE = "executive"
    DELUXE = "deluxe"
    STANDARD = "standard"

    @property
    def rank(self) -> int:
        """0 for the best room; used to hand the rooms out by precedence."""
        return list(RoomType).index(self)


class CarRole(_Labelled):
    """What a car does in a motorcade, in the order the cars drive."""

    PILOT = "pilot"
    FLAG = "flag"
    DELEGATION = "delegation"
    ESCORT = "escort"
    BACKUP = "backup"
    BAGGAGE = "baggage"


class CarSeat(_Labelled):
    """Seats of a car; the rear right seat (behind the front passenger) is the seat of honour."""

    REAR_RIGHT = "rear_right"
    REAR_LEFT = "rear_left"
    REAR_MIDDLE = "rear_middle"
    FRONT = "front"
    # Minibuses and coaches: further seats by number, in the order of the list.
    OTHER = "other"


class GiftDirection(_Labelled):
    GIVEN = "given"
    RECEIVED = "received"


class GiftDecision(_Labelled):
    """What became of a gift received by an official under the deposit rules (the Toshakhana
    in Pakistan). No payment rule is encoded: the rules in force decide, the register records."""

    NOT_REPORTED = "not_reported"
    REPORTED = "reported"
    DEPOSITED = "deposited"
    RETAINED = "retained"
    NOT_REQUIRED = "not_required"
