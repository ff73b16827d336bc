"""The gifts register as a spreadsheet: one visit's gifts (`export-list REF --list gifts`) and
the office-wide register of a year or a person (`visitdesk gifts -o FILE.xlsx`, the register
view). Values are numbers and dates are dates, so the sheet sums and sorts them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from visitdesk.services.gift_rows import GiftRow, register_rows, visit_gifts
from visitdesk.services.gifts import deposit_authority
from visitdesk.services.spreadsheets.cells import CellValue
from visitdesk.services.spreadsheets.lists import OfficeList


def _headings(authority: str, with_visit: bool) -> tuple[str, ...]:
    return (
        "No.",
        "Date",
        *(("Visit",) if with_visit else ()),
        "Engagement",
        "Given or received",
        "From",
        "To",
        "Description",
        "Estimated value",
        "Currency",
        "Photo",
        f"Decision ({authority})",
        "Reported on",
        "Deposited on",
        "Deposit reference",
        "Assessed value",
        "Awaits",
    )


def _cells(n: int, r: GiftRow, with_visit: bool) -> list[CellValue]:
    return [
        n,
        r.given_on,
        *([f"{r.visit_title} ({r.visit_ref})"] if with_visit else []),
        r.engagement or None,
        r.direction.label,
        r.giver or None,
        r.receiver or None,
        r.description,
        r.estimated_value,
        r.currency,
        "Yes" if r.has_photo else None,
        r.decision.label if r.decision else None,
        r.reported_on,
        r.deposited_on,
        r.deposit_reference,
        r.assessed_value,
        r.warning,
    ]


def visit_list(session: Session, visit_id: int) -> OfficeList:
    rows = visit_gifts(session, visit_id)
    headings = _headings(deposit_authority(session), with_visit=False)
    return OfficeList("Gifts", headings, [_cells(n, r, False) for n, r in enumerate(rows, start=1)])


def register_list(session: Session, year: int | None, person_id: int | None) -> OfficeList:
    rows = register_rows(session, year, person_id)
    headings = _headings(deposit_authority(session), with_visit=True)
    title = f"Gifts register {year}" if year else "Gifts register"
    return OfficeList(title, headings, [_cells(n, r, True) for n, r in enumerate(rows, start=1)])
