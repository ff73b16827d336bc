from dataclasses import dataclass, field
from datetime import date, datetime

from visitdesk.domain.checks import WarningKind, check_programme


@dataclass(eq=False)
class Who:
    ref: str

    @property
    def display_name(self) -> str:
        return self.ref.title()


@dataclass(eq=False)
class E:
    ref: str
    start: datetime
    end: datetime
    attendee_people: list[Who] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.ref


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 5, day, hour, minute)


VISIT = (date(2024, 5, 6), date(2024, 5, 7))


def kinds(engagements: list[E]) -> list[WarningKind]:
    return [w.kind for w in check_programme(engagements, *VISIT)]


def test_a_sound_programme_has_no_warnings() -> None:
    minister = Who("minister")
    programme = [E("a", at(6, 9), at(6, 10), [minister]), E("b", at(6, 10), at(6, 11), [minister])]
    assert kinds(programme) == []  # back-to-back is not a clash


def test_end_before_start_and_outside_the_visit_are_warnings_not_errors() -> None:
    warnings = check_programme([E("late", at(8, 10), at(8, 9))], *VISIT)
    assert {w.kind for w in warnings} == {WarningKind.ENDS_BEFORE_START, WarningKind.OUTSIDE_VISIT}
    assert all("late" in w.message for w in warnings)


def test_person_booked_twice_at_once_is_named_with_both_engagements() -> None:
    minister, other = Who("minister"), Who("other")
    programme = [
        E("talks", at(6, 9), at(6, 11), [minister, other]),
        E("lunch", at(6, 12), at(6, 13), [minister]),
        E("press", at(6, 10), at(6, 12), [minister]),
    ]
    warnings = [
        w for w in check_programme(programme, *VISIT) if w.kind is WarningKind.DOUBLE_BOOKED
    ]
    assert len(warnings) == 1
    assert warnings[0].person_ref == "minister"
    assert set(warnings[0].engagement_refs) == {"talks", "press"}
    assert "Minister" in warnings[0].message
