"""Correcting people and organisations: names, photos, roles, countries, the office itself."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from visitdesk.domain.enums import DelegateRole, OrganisationKind
from visitdesk.domain.models import Organisation, Person, Visit
from visitdesk.services import people
from visitdesk.services.errors import ServiceError
from visitdesk.services.office import OfficeSettings, office_organisation_id, save_office
from visitdesk.services.organisations import OrganisationDetails, add_organisation
from visitdesk.services.person_details import (
    PersonDetails,
    add_person,
    load_person,
    update_person,
)
from visitdesk.store.database import Store

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_misspelt_name_is_corrected_and_the_old_details_put_back_exactly(store: Store) -> None:
    with store.transaction() as session:
        person_id = add_person(
            session, PersonDetails(family_name="Suzukki", given_name="Ichiro", honorific="Mr.")
        )
        before = load_person(session, person_id)
        update_person(
            session,
            person_id,
            PersonDetails(
                family_name=" Suzuki ",
                given_name="Ichiro",
                honorific="Mr.",
                family_name_first=True,
                native_name="鈴木一郎",
                dietary="Vegetarian",
                email="suzuki@example.jp",
                photo=PNG,
            ),
        )
    with store.session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        assert person.display_name == "Mr. SUZUKI Ichiro"
        assert person.photo_media_type == "image/png" and person.dietary == "Vegetarian"
    with store.transaction() as session:
        update_person(session, person_id, before)
    with store.session() as session:
        assert load_person(session, person_id) == before


@pytest.mark.parametrize(
    ("details", "words"),
    [
        (PersonDetails(family_name="  "), "family name"),
        (PersonDetails(family_name="Ali", precedence=0), "Precedence"),
        (PersonDetails(family_name="Ali", email="ali at example.pk"), "e-mail"),
        (PersonDetails(family_name="Ali", photo=b"GIF89a..."), "PNG or JPEG"),
    ],
)
def test_a_person_that_cannot_be_saved_is_refused_in_a_sentence(
    store: Store, details: PersonDetails, words: str
) -> None:
    with store.transaction() as session, pytest.raises(ServiceError, match=words):
        add_person(session, details)


@pytest.mark.parametrize("typed", ["PAK", "XX", "Pakistann"])
def test_a_country_that_is_not_one_is_refused_never_cut_short(store: Store, typed: str) -> None:
    with store.transaction() as session, pytest.raises(ServiceError, match="not a country"):
        add_organisation(session, OrganisationDetails("Ministry of Commerce", country=typed))


def test_an_organisation_keeps_its_country_code_and_kind(store: Store) -> None:
    with store.transaction() as session:
        org_id = add_organisation(
            session,
            OrganisationDetails(
                "特許庁", "JPO", "特許庁", "jp", OrganisationKind.GOVERNMENT_AGENCY
            ),
        )
    with store.session() as session:
        org = session.get(Organisation, org_id)
        assert org is not None and org.country == "JP"
        assert org.kind is OrganisationKind.GOVERNMENT_AGENCY


def test_a_role_from_an_older_file_reads_as_other_and_keeps_its_words(example_store: Store) -> None:
    assert people.role_text("interpreter") == "Interpreter"
    assert people.role_text("liaison_officer") == "Liaison officer"
    assert people.role_text("Press attaché") == "Other (Press attaché)"
    assert people.role_choice("Press attaché") is DelegateRole.OTHER
    with example_store.transaction() as session:
        visit = session.scalars(select(Visit)).one()
        member = visit.members[1].id
        people.restore_role(session, visit.id, member, "Press attaché")
        people.set_role(session, visit.id, member, DelegateRole.OTHER)
        assert people.get_role(session, visit.id, member) == "Press attaché"
        people.set_role(session, visit.id, member, DelegateRole.INTERPRETER)
        rows = people.delegation_rows(session, visit.id)
        assert [people.role_text(r.role) for r in rows if r.person_id == member] == ["Interpreter"]
        with pytest.raises(ServiceError):
            people.set_role(session, visit.id, member, "security")  # type: ignore[arg-type]


def test_pickers_list_by_precedence_then_family_name_never_by_honorific(store: Store) -> None:
    with store.transaction() as session:
        for honorific, given, family, rank in (
            ("Mr.", "Shahid", "Rashid", 3),
            ("Mr.", "Azmat Ali", "Ranjha", 2),
            ("Engr.", "Khurram", "Khan", 1),
            ("Ms.", "Amna", "Baig", None),
            ("Dr.", "Bilal", "Ahmed", None),
        ):
            add_person(
                session,
                PersonDetails(
                    family_name=family, given_name=given, honorific=honorific, precedence=rank
                ),
            )
        names = [row.name for row in people.person_rows(session)]
    assert names == [
        "Engr. Khurram Khan",
        "Mr. Azmat Ali Ranjha",
        "Mr. Shahid Rashid",
        "Dr. Bilal Ahmed",
        "Ms. Amna Baig",
    ]


def test_office_set_up_makes_the_host_organisation_and_renaming_renames_it(store: Store) -> None:
    with store.transaction() as session:
        save_office(
            session, OfficeSettings(name="Korean Intellectual Property Office", country="KR")
        )
        first = office_organisation_id(session)
        save_office(
            session,
            OfficeSettings(name="Korean IP Office", short_name="KIPO", country="KR"),
        )
        assert office_organisation_id(session) == first
        org = session.get(Organisation, first)
        assert org is not None
        assert (org.name, org.short_name, org.country) == ("Korean IP Office", "KIPO", "KR")
        assert len(session.scalars(select(Organisation)).all()) == 1
        with pytest.raises(ServiceError, match="not a country"):
            save_office(session, OfficeSettings(name="Korean IP Office", country="KOR"))


def test_a_role_typed_in_a_spreadsheet_as_its_name_counts_as_that_role() -> None:
    assert people.role_choice(" Liaison  officer ") is DelegateRole.LIAISON_OFFICER
    assert people.role_text("INTERPRETER") == "Interpreter"
    assert people.role_text("other") == "Other"


@pytest.mark.parametrize("typed", ["XX", "PAK"])
def test_a_visit_in_no_real_country_is_refused(store: Store, typed: str) -> None:
    from datetime import date

    from visitdesk.services.visit_editing import VisitDetails, create_visit

    details = VisitDetails("Visit of the JPO delegation", date(2026, 4, 1), date(2026, 4, 2))
    with store.transaction() as session, pytest.raises(ServiceError, match="not a country"):
        create_visit(session, replace(details, country=typed))
