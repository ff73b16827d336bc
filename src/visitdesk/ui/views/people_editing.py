"""What the People view can change: edit, add and merge people and organisations, undoably."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox
from sqlalchemy.orm import Session

from visitdesk.domain.countries import country_name
from visitdesk.services import merge as merging
from visitdesk.services.errors import ServiceError
from visitdesk.services.organisations import load_organisation
from visitdesk.services.people import rank_text
from visitdesk.services.person_details import load_person
from visitdesk.ui.dialogs.merge_dialog import Fields, MergeDialog

if TYPE_CHECKING:
    from visitdesk.ui.views.people_view import PeopleView


def _person_fields(session: Session, person_id: int) -> tuple[str, Fields]:
    from visitdesk.domain.models import Organisation, Person

    person = session.get(Person, person_id)
    d = load_person(session, person_id)
    org = session.get(Organisation, d.organisation_id) if d.organisation_id else None
    name = person.display_name if person is not None else d.family_name
    return name, [
        ("Name", name),
        ("Name in own script", d.native_name or ""),
        ("Position", d.position or ""),
        ("Organisation", org.display_name if org else ""),
        ("Precedence", rank_text(d.precedence)),
        ("E-mail", d.email or ""),
        ("Phone", d.phone or ""),
        ("Dietary needs", d.dietary or ""),
        ("Photo", "yes" if d.photo else ""),
    ]


def _organisation_fields(session: Session, organisation_id: int) -> tuple[str, Fields]:
    d = load_organisation(session, organisation_id)
    return d.short_name or d.name, [
        ("Name", d.name),
        ("Short name", d.short_name or ""),
        ("Name in own script", d.native_name or ""),
        ("Country", country_name(d.country)),
        ("Kind", d.kind.label),
    ]


def merge_selected(view: PeopleView) -> None:
    on_people = view.lists.currentIndex() == 0
    kind: merging.Kind = "person" if on_people else "organisation"
    noun = "person" if on_people else "organisation"
    rows = view.selected_rows()
    if len(rows) != 2:
        QMessageBox.information(
            view,
            "Merge",
            f"Select the two {'people' if on_people else 'organisations'} that are the same "
            "(Ctrl+click the second), then choose Merge.",
        )
        return
    fields = _person_fields if on_people else _organisation_fields
    try:
        with view.desk.store.session() as session:
            sides = []
            for row in rows:
                name, shown = fields(session, row.id)
                uses = merging.count_references(session, kind, row.id)
                sides.append((int(row.id), name, shown, uses))
    except ServiceError as exc:
        QMessageBox.warning(view, "Cannot merge", str(exc))
        return
    dialog = MergeDialog(noun, sides[0], sides[1], view)
    if not dialog.exec():
        return
    kept, dropped = dialog.kept_and_dropped()
    names = {side[0]: side[1] for side in sides}
    done: dict[str, merging.Merge] = {}

    def do(session: Session) -> None:
        done["merge"] = merging.merge(session, kind, kept, dropped)

    def undo(session: Session) -> None:
        merging.unmerge(session, done["merge"])

    view.push(f"Merge {names[dropped]} into {names[kept]}", do, undo)
