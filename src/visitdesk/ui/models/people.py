"""The people and organisations lists: everyone on record, with how many visits they were in."""

from __future__ import annotations

import sys

from visitdesk.app.organisations import OrganisationListRow
from visitdesk.app.people import PersonListRow, rank_text
from visitdesk.ui.models.rows import Column, RowTableModel


def _rank(row: PersonListRow) -> int:
    # The unranked sort after every ranked person, as in a delegation.
    return sys.maxsize if row.precedence is None else row.precedence


class PeopleModel(RowTableModel):
    """Names as printed (`Dr. HE Zhimin`) but in order of family name."""

    columns = (
        Column("Name", lambda r: r.name, lambda r: r.sort_name, tooltip=lambda r: r.name),
        Column("Native name", lambda r: r.native_name, tooltip=lambda r: r.native_name),
        Column("Position", lambda r: r.position, tooltip=lambda r: r.position),
        Column("Organisation", lambda r: r.organisation, tooltip=lambda r: r.organisation),
        Column("Precedence", lambda r: rank_text(r.precedence), _rank),
        Column("Visits", lambda r: str(r.visits), lambda r: r.visits),
    )


def _organisation_tooltip(row: OrganisationListRow) -> str:
    return "\n".join(part for part in (row.name, row.native_name) if part)


class OrganisationsModel(RowTableModel):
    columns = (
        Column("Organisation", lambda r: r.name, tooltip=_organisation_tooltip),
        Column("Short name", lambda r: r.short_name),
        Column("Native name", lambda r: r.native_name, tooltip=lambda r: r.native_name),
        Column("Country", lambda r: r.country),
        Column("Kind", lambda r: r.kind.label),
        Column("Visits", lambda r: str(r.visits), lambda r: r.visits),
    )
