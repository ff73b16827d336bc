"""People, organisations, the office set-up and delegations through the app layer: two
officers on one folder, stale saves refused with who and what, creating and merging undone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from visitdesk.app import ConflictError, Desk, NotFoundError, RefusedError
from visitdesk.app.enums import DelegateRole, OrganisationKind
from visitdesk.app.office import NOT_SET_UP, OfficeSettings
from visitdesk.app.organisations import OrganisationDetails
from visitdesk.app.people import Delegation, PersonDetails

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"


def _person(desk: Desk, name: str) -> int:
    return next(r.id for r in desk.people.rows() if r.name == name)


def _organisation(desk: Desk, short: str) -> int:
    return next(r.id for r in desk.organisations.rows() if r.short_name == short)


# People ------------------------------------------------------------------------------------


def test_a_stale_person_save_is_refused_naming_the_officer_and_the_field(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, _visit = two_desks
    he = _person(a, "Dr. HE Zhimin")
    opened_by_a = a.people.load(he)
    opened_by_b = b.people.load(he)
    b.people.update(
        he, dataclasses.replace(opened_by_b.data, position="Commissioner"), opened_by_b.version
    )
    mine = dataclasses.replace(opened_by_a.data, phone="+86 10 6208 3114")
    with pytest.raises(ConflictError) as refused:
        a.people.update(he, mine, opened_by_a.version, opened=opened_by_a.data)
    assert refused.value.fields == ("position",)
    assert "bmalik" in str(refused.value) and "HE Zhimin" in str(refused.value)
    assert a.people.load(he).data.phone is None  # nothing of A's was stored
    kept = a.people.update(he, mine, refused.value.theirs.version)
    assert kept.data.phone == "+86 10 6208 3114" and kept.changed_by == "akhan"
    assert kept.data.position == "Deputy Commissioner"  # A kept theirs on purpose: A's copy


def test_a_person_created_is_removed_by_undo_unless_used_since(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, visit = two_desks
    made = a.people.create(
        PersonDetails(family_name="Suzuki", given_name="Ichiro", family_name_first=True)
    )
    assert made.version == 1 and made.data.family_name == "Suzuki"
    assert "SUZUKI Ichiro" in [r.name for r in b.people.rows()]
    a.people.delete_unused(made.id)
    assert "SUZUKI Ichiro" not in [r.name for r in b.people.rows()]

    again = a.people.create(PersonDetails(family_name="خان", given_name="عمران"))
    b.people.add_members(visit, [again.id])  # the other officer puts him in the delegation
    with pytest.raises(RefusedError, match="take them off there first"):
        a.people.delete_unused(again.id)
    assert again.id in [r.person_id for r in a.people.delegation_rows(visit)]


def test_a_person_refused_says_why_in_a_sentence(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, _visit = two_desks
    with pytest.raises(RefusedError, match="family name"):
        a.people.create(PersonDetails(family_name="   "))
    with pytest.raises(RefusedError, match="not an e-mail address"):
        a.people.create(PersonDetails(family_name="Kim", email="kim at example"))
    with pytest.raises(NotFoundError):
        a.people.load(9999)


def test_a_photo_that_is_not_a_picture_is_refused(
    two_desks: tuple[Desk, Desk, int], tmp_path: Path
) -> None:
    a, _b, _visit = two_desks
    text = tmp_path / "photo.png"
    text.write_text("not a picture", encoding="utf-8")
    with pytest.raises(RefusedError, match="PNG or JPEG"):
        a.people.read_photo(text)
    with pytest.raises(RefusedError, match="Cannot read"):
        a.people.read_photo(tmp_path / "missing.png")


def test_two_people_merged_and_unmerged(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit = two_desks
    he = _person(a, "Dr. HE Zhimin")
    twin = a.people.create(PersonDetails(family_name="He", given_name="Zhimin", phone="+86 1"))
    left, right = a.people.merge_side(he), a.people.merge_side(twin.id)
    assert left.uses > 0 and right.uses == 0
    assert ("Phone", "+86 1") in right.fields
    done = a.people.merge(he, twin.id)
    assert a.people.load(he).data.phone == "+86 1"  # the blank field filled from the other
    with pytest.raises(NotFoundError):
        a.people.load(twin.id)
    a.people.unmerge(done)
    assert a.people.load(twin.id).data.phone == "+86 1"
    assert a.people.load(he).data.phone is None
    assert he in [r.person_id for r in a.people.delegation_rows(visit)]


# A visit's delegation ----------------------------------------------------------------------


def test_delegation_changes_are_undone_and_an_undo_after_another_officer_is_refused(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, visit = two_desks
    he, zhang = _person(a, "Dr. HE Zhimin"), _person(a, "Mr. ZHANG Wei")
    shahid = _person(a, "Mr. Shahid Rashid")
    removed = a.people.remove_member(visit, he)
    assert removed.after.leader_id == zhang  # the next most senior leads
    assert [r.name for r in b.people.delegation_rows(visit)] == ["Mr. ZHANG Wei"]
    a.people.replace_delegation(visit, removed.after, removed.before)  # undo
    rows = b.people.delegation_rows(visit)
    assert [(r.name, r.is_leader) for r in rows] == [
        ("Dr. HE Zhimin", True),
        ("Mr. ZHANG Wei", False),
    ]

    role = a.people.set_role(visit, zhang, DelegateRole.INTERPRETER)
    assert [r.role for r in a.people.delegation_rows(visit)] == ["", "interpreter"]
    b.people.add_members(visit, [shahid])  # the other officer changes the delegation
    with pytest.raises(RefusedError, match="changed since"):
        a.people.replace_delegation(visit, role.after, role.before)
    assert "interpreter" in [r.role for r in a.people.delegation_rows(visit)]


def test_the_leader_is_a_member_and_a_new_delegation_is_led_by_the_most_senior(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, visit = two_desks
    he, zhang = _person(a, "Dr. HE Zhimin"), _person(a, "Mr. ZHANG Wei")
    emptied = a.people.replace_delegation
    emptied(visit, a.people.delegation(visit), Delegation((), None))
    added = a.people.add_members(visit, [zhang, he])
    assert added.after.leader_id == he  # rank 1 leads, whatever the order chosen
    led = a.people.make_leader(visit, zhang)
    assert a.people.delegation_rows(visit)[0].name == "Mr. ZHANG Wei"
    assert led.before.leader_id == he
    with pytest.raises(RefusedError, match="member of the delegation"):
        a.people.make_leader(visit, _person(a, "Mr. Shahid Rashid"))


# Organisations -----------------------------------------------------------------------------


def test_a_stale_organisation_save_is_refused_and_a_new_one_is_undone(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, _visit = two_desks
    sipo = _organisation(a, "SIPO")
    opened = a.organisations.load(sipo)
    theirs = b.organisations.load(sipo)
    b.organisations.update(
        sipo, dataclasses.replace(theirs.data, short_name="CNIPA"), theirs.version
    )
    with pytest.raises(ConflictError) as refused:
        a.organisations.update(
            sipo,
            dataclasses.replace(opened.data, native_name="国家知识产权局"),
            opened.version,
            opened=opened.data,
        )
    assert refused.value.fields == ("short name",) and "bmalik" in str(refused.value)

    made = a.organisations.create(
        OrganisationDetails("Korean Intellectual Property Office", "KIPO", "특허청", "KR")
    )
    assert made.data.kind is OrganisationKind.OTHER
    assert "KIPO" in [r.short_name for r in b.organisations.choices()]
    a.organisations.delete_unused(made.id)
    assert "KIPO" not in [r.short_name for r in b.organisations.choices()]
    with pytest.raises(RefusedError, match="not a country code"):
        a.organisations.create(OrganisationDetails("Somewhere", country="XX"))


# The office set-up --------------------------------------------------------------------------


def test_the_first_office_set_up_by_two_officers_shows_the_second_one_theirs(
    tmp_path: Path,
) -> None:
    a = Desk.open(data_dir=tmp_path, user="akhan")
    b = Desk.open(data_dir=tmp_path, user="bmalik")
    try:
        assert a.office.load().version == NOT_SET_UP
        opened = b.office.load()
        a.office.update(OfficeSettings(name="Japan Patent Office", city="Tokyo"), NOT_SET_UP)
        mine = OfficeSettings(name="特許庁", city="東京")
        with pytest.raises(ConflictError) as refused:
            b.office.update(mine, opened.version, opened=opened.data)
        assert refused.value.theirs.data.name == "Japan Patent Office"
        assert "akhan" in str(refused.value) and "city" in refused.value.fields
        stored = b.office.update(mine, refused.value.theirs.version)  # Keep mine
        assert a.office.load().data.city == "東京" and stored.changed_by == "bmalik"
        # The office is also the host organisation, renamed with it.
        assert "特許庁" in [r.name for r in a.organisations.choices()]
        with pytest.raises(RefusedError, match="prefix"):
            a.office.update(
                dataclasses.replace(a.office.load().data, press_release_prefix=" "),
                a.office.load().version,
            )
    finally:
        a.close()
        b.close()
