"""The gifts register: a visit's gifts (given and received, with the deposit a gift received by
a host official requires), and the office-wide register across visits.

A gift is a versioned record: `load(id)` gives it with its version, `update(id, data, version,
opened)` refuses a save over another officer's newer one (ConflictError). Deleting returns a
`DeletedGift` that `restore` puts back as it was, under its id and version.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from visitdesk import files
from visitdesk.app.errors import RefusedError
from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.domain.enums import GiftDecision, GiftDirection
from visitdesk.services.gift_rows import GiftChoices, GiftPerson, GiftRow
from visitdesk.services.gifts import GiftData

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "DeletedGift",
    "ExportedRegister",
    "GiftChoices",
    "GiftData",
    "GiftDecision",
    "GiftDirection",
    "GiftPerson",
    "GiftRow",
    "Gifts",
    "parse_amount",
]


@dataclass(frozen=True)
class DeletedGift:
    """A gift as it was when deleted: what `Gifts.restore` puts back."""

    id: int
    visit_id: int
    version: int
    data: GiftData
    photo_media_type: str | None = None  # as stored: an imported GIF comes back a GIF


@dataclass(frozen=True)
class ExportedRegister:
    title: str
    rows: int
    data: bytes


def parse_amount(text: str, what: str = "value") -> int | None:
    """A value as typed ("12,500", "12 500", "") in whole units; RefusedError with a sentence
    for anything else. The limit is the register's (checked again when saved)."""
    from visitdesk.domain.gifts import MAX_VALUE

    cleaned = "".join(text.split()).replace(",", "")
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise RefusedError(
            f"The {what} “{text.strip()}” is not a whole number: type the amount in whole "
            "units, such as 25000 or 25,000."
        )
    amount = int(cleaned)
    if amount > MAX_VALUE:
        raise RefusedError(
            f"The {what} {amount:,} is beyond what the register keeps: at most {MAX_VALUE:,} "
            "(whole units of the currency). Check the number of digits."
        )
    return amount


def _load(session: Session, gift_id: int) -> GiftData:
    from visitdesk.services.gifts import load_gift

    return load_gift(session, gift_id)


def _what(data: GiftData) -> str:
    text = " ".join(data.description.split())
    return f"the gift “{text if len(text) <= 60 else text[:58] + '…'}”"


def _record(session: Session, gift_id: int) -> Record[GiftData]:
    from visitdesk.services.gifts import get_gift

    row = get_gift(session, gift_id)
    return Record(row.id, row.version, _load(session, row.id), row.changed_at, row.changed_by)


class Gifts(Part):
    def rows(self, visit_id: int) -> tuple[GiftRow, ...]:
        """The visit's gifts, by date, each with its deposit warning (None when settled)."""
        from visitdesk.services.gift_rows import visit_gifts

        return tuple(self._desk.read(lambda s: visit_gifts(s, visit_id)))

    def open_deposits(self, visit_id: int) -> tuple[GiftRow, ...]:
        """The visit's gifts received by host officials that await a deposit or decision."""
        return tuple(r for r in self.rows(visit_id) if r.warning)

    def register(
        self, year: int | None = None, person_id: int | None = None
    ) -> tuple[GiftRow, ...]:
        """The office-wide register, newest first, of one year and/or one person (giver or
        receiver) when given."""
        from visitdesk.services.gift_rows import register_rows

        return tuple(self._desk.read(lambda s: register_rows(s, year, person_id)))

    def register_years(self) -> tuple[int, ...]:
        """The years the register holds gifts of, newest first (its year filter)."""
        from visitdesk.services.gift_rows import register_years

        return tuple(self._desk.read(register_years))

    def register_people(self) -> tuple[GiftPerson, ...]:
        """Whom the register's person filter offers: everyone who gave or received a gift."""
        from visitdesk.services.gift_rows import register_people

        return tuple(self._desk.read(register_people))

    def person_id(self, ref: str) -> int:
        """The id of the person with this reference (the command line's --person)."""
        from sqlalchemy import select

        from visitdesk.domain.models import Person
        from visitdesk.services.errors import NotFoundError

        def work(session: Session) -> int:
            found = session.scalar(select(Person.id).where(Person.ref == ref))
            if found is None:
                raise NotFoundError(f"There is no person with the reference “{ref}”.")
            return int(found)

        return self._desk.read(work)

    def choices(self, visit_id: int) -> GiftChoices:
        """The visit's people and engagements for the gift dialog, and the deposit authority."""
        from visitdesk.services.gift_rows import gift_choices

        return self._desk.read(lambda s: gift_choices(s, visit_id))

    def deposit_authority(self) -> str:
        """The office's deposit authority ("Toshakhana (Cabinet Division)" by default)."""
        from visitdesk.services.gifts import deposit_authority

        return self._desk.read(deposit_authority)

    def load(self, gift_id: int) -> Record[GiftData]:
        from visitdesk.domain.gifts import Gift

        return self._desk.record(Gift, gift_id, _load)

    def add(self, visit_id: int, data: GiftData) -> Record[GiftData]:
        from visitdesk.services.gifts import add_gift

        return self._desk.write(lambda s: _record(s, add_gift(s, visit_id, data)))

    def update(
        self, gift_id: int, data: GiftData, version: int, opened: GiftData | None = None
    ) -> Record[GiftData]:
        """Save over the version read; ConflictError when another officer saved since."""
        from visitdesk.domain.gifts import Gift
        from visitdesk.services.gifts import update_gift

        return self._desk.save(
            Gift,
            gift_id,
            version,
            _what(opened or data),
            data,
            lambda s: update_gift(s, gift_id, data),
            _load,
            opened,
        )

    def delete(self, gift_id: int) -> DeletedGift:
        from visitdesk.services.gifts import delete_gift, get_gift

        def work(session: Session) -> DeletedGift:
            gift = get_gift(session, gift_id)
            gone = DeletedGift(
                gift.id, gift.visit_id, gift.version, _load(session, gift_id), gift.photo_media_type
            )
            delete_gift(session, gift_id)
            return gone

        return self._desk.write(work)

    def restore(self, deleted: DeletedGift) -> Record[GiftData]:
        """Put a deleted gift back as it was, under its id and version (an undo)."""
        from visitdesk.app.itinerary import keep_version
        from visitdesk.domain.gifts import Gift
        from visitdesk.services.errors import ServiceError
        from visitdesk.services.gifts import add_gift

        def work(session: Session) -> Record[GiftData]:
            if session.get(Gift, deleted.id) is not None:
                raise ServiceError("This gift cannot be put back: it is in the register already.")
            data = deleted.data
            if data.engagement_id is not None:
                from visitdesk.domain.models import Engagement

                if session.get(Engagement, data.engagement_id) is None:
                    # Its engagement went meanwhile: the gift stays on the visit, as deleting
                    # the engagement would have left it.
                    from dataclasses import replace

                    data = replace(data, engagement_id=None)
            add_gift(session, deleted.visit_id, data, deleted.id, deleted.photo_media_type)
            keep_version(session, Gift, deleted.id, deleted.version)
            return _record(session, deleted.id)

        return self._desk.write(work)

    def check_photo(self, data: bytes) -> str:
        """The photo's media type; RefusedError saying why a file cannot be the photo."""
        from visitdesk.app.checks import checked
        from visitdesk.services.person_details import photo_media_type

        return checked(lambda: photo_media_type(data))

    def read_photo(self, path: Path) -> bytes:
        """The bytes of a photo file, checked (PNG or JPEG, not too big)."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RefusedError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        self.check_photo(data)
        return data

    # Lists -----------------------------------------------------------------------------------

    def export_register(
        self, suffix: str = ".xlsx", year: int | None = None, person_id: int | None = None
    ) -> ExportedRegister:
        """The office-wide register (of a year, of a person) as an .xlsx or .csv file's bytes."""
        import tempfile

        from visitdesk.app.checks import checked
        from visitdesk.services.spreadsheets.gifts_lists import register_list
        from visitdesk.services.spreadsheets.tables import FORMATS, write_sheet

        if suffix.lower() not in FORMATS:
            raise RefusedError("A list is written as an Excel workbook (.xlsx) or a CSV (.csv).")
        table = self._desk.read(lambda s: register_list(s, year, person_id))
        with tempfile.TemporaryDirectory(prefix="visitdesk-gifts-") as folder:
            target = Path(folder) / f"register{suffix.lower()}"
            checked(lambda: write_sheet(target, table.title, table.headings, table.rows))
            data = target.read_bytes()
        return ExportedRegister(table.title, len(table.rows), data)

    def export_register_to(
        self, path: Path, year: int | None = None, person_id: int | None = None
    ) -> ExportedRegister:
        """Write the register to `path` (.xlsx or .csv by its name), whole or not at all."""
        from visitdesk.app.checks import checked
        from visitdesk.services.spreadsheets.tables import file_format

        checked(lambda: file_format(path))
        made = self.export_register(path.suffix, year, person_id)
        checked(lambda: files.write_bytes(path, made.data))
        return made
