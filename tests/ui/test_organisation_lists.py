"""An organisation made inside a dialog is offered at once in every organisation list open."""

from __future__ import annotations

from datetime import date
from typing import Any

from visitdesk.app import Desk
from visitdesk.services.organisations import OrganisationDetails
from visitdesk.store.database import Store
from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog
from visitdesk.ui.dialogs.organisation_dialog import OrganisationDialog, new_organisation
from visitdesk.ui.dialogs.person_dialog import PersonDialog
from visitdesk.ui.dialogs.visit_dialog import VisitDialog


def _texts(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_new_organisation_appears_in_every_open_list_and_is_chosen_where_made(
    qtbot: Any, store: Store, fill_dialog: Any
) -> None:
    engagement = EngagementDialog(Desk(store), lambda _d: True, None, date(2026, 12, 1), set())
    visit = VisitDialog(Desk(store), lambda _d: True, None)
    person = PersonDialog(Desk(store), lambda _d: True)
    for dialog in (engagement, visit, person):
        qtbot.addWidget(dialog)

    def fill(dialog: OrganisationDialog) -> None:
        dialog.name.setText("Agencia Nacional de Innovación")
        dialog.short_name.setText("ANI")
        dialog.country.set_code("UY")

    fill_dialog(OrganisationDialog, fill)
    person._new_organisation()
    assert person.organisation.currentText() == "Agencia Nacional de Innovación (ANI)"
    assert "Agencia Nacional de Innovación (ANI)" in _texts(engagement.organisation)
    assert "Agencia Nacional de Innovación (ANI)" in _texts(visit.guest)
    assert visit.guest.currentText() == "(none)"  # offered there, not chosen for the officer


def test_a_country_typed_as_three_letters_is_refused_in_a_sentence(
    qtbot: Any, store: Store, fill_dialog: Any, messages: list[tuple[str, str]]
) -> None:
    seen: list[OrganisationDetails] = []

    def fill(dialog: OrganisationDialog) -> None:
        dialog.name.setText("Ministry of Commerce")
        dialog.country.setEditText("PAK")
        seen.append(dialog.data())

    fill_dialog(OrganisationDialog, fill)
    assert new_organisation(Desk(store), PersonDialog(Desk(store), lambda _d: True)) is None
    assert messages[-1] == (
        "Not saved",
        "“PAK” is not a country code; choose the country by name from the list.",
    )
    assert seen[0].name == "Ministry of Commerce"
