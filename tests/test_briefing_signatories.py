"""Who signs at a signing ceremony is part of the engagement: kept through `visitdesk/1` files,
checked on import and when the officer saves the engagement."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select

from tests.briefing_visits import japan_document
from visitdesk.domain.enums import EngagementKind
from visitdesk.domain.models import Engagement, Person
from visitdesk.services.errors import ServiceError
from visitdesk.services.exchange import schema_text
from visitdesk.services.exchange.errors import ExchangeFileError
from visitdesk.services.exchange.exporter import export_document
from visitdesk.services.exchange.importer import import_file
from visitdesk.services.itinerary import load_engagement, update_engagement
from visitdesk.store.database import Store


def write(tmp_path: Path, document: dict[str, object]) -> Path:
    path = tmp_path / "japan.visit.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def signing(store: Store) -> tuple[str | None, str | None]:
    with store.session() as session:
        engagement = session.scalar(select(Engagement).where(Engagement.ref == "signing"))
        assert engagement is not None
        people = {p.id: p.ref for p in session.scalars(select(Person))}
        return people.get(engagement.host_signatory_id or 0), people.get(
            engagement.guest_signatory_id or 0
        )


def test_signatories_survive_export_and_import(store: Store, tmp_path: Path) -> None:
    import_file(store, write(tmp_path, japan_document()))
    assert signing(store) == ("chair", "yamada")
    with store.session() as session:
        exported = json.loads(export_document(session))
    jsonschema.validate(exported, json.loads(schema_text()))
    engagement = exported["visits"][0]["engagements"][0]
    assert (engagement["host_signatory"], engagement["guest_signatory"]) == ("chair", "yamada")
    # An old file without them still imports: the principals sign.
    for other in exported["visits"][0]["engagements"]:
        other.pop("host_signatory", None), other.pop("guest_signatory", None)
    import_file(store, write(tmp_path, exported))
    assert signing(store) == (None, None)


def test_a_signatory_who_does_not_attend_on_that_side_is_refused(
    store: Store, tmp_path: Path
) -> None:
    document = japan_document()
    document["visits"][0]["engagements"][0]["host_signatory"] = "yamada"
    with pytest.raises(ExchangeFileError) as raised:
        import_file(store, write(tmp_path, document))
    assert (
        "visits[0].engagements[0].host_signatory: person 'yamada' signs for this side but is "
        "not among its host_attendees"
    ) in str(raised.value)


def test_saving_an_engagement_checks_and_keeps_its_signatories(
    store: Store, tmp_path: Path
) -> None:
    import_file(store, write(tmp_path, japan_document()))
    with store.transaction() as session:
        engagement = session.scalar(select(Engagement).where(Engagement.ref == "signing"))
        assert engagement is not None
        ids = {p.ref: p.id for p in session.scalars(select(Person))}
        data = load_engagement(session, engagement.id)
        assert (data.host_signatory_id, data.guest_signatory_id) == (ids["chair"], ids["yamada"])
        with pytest.raises(ServiceError, match="The guest signatory must attend on the guest"):
            update_engagement(
                session, engagement.id, replace(data, guest_signatory_id=ids["chair"])
            )
        # A meeting that is no longer a signing ceremony has nobody signing.
        update_engagement(session, engagement.id, replace(data, kind=EngagementKind.OFFICE_VISIT))
    assert signing(store) == (None, None)
