"""The office's own set-up (letterhead name, city, press-release prefix, contact, logo).

There is one office, set up once and corrected later. `load()` gives it with its version, or
an empty set-up at version 0 when none was saved yet; `update` with version 0 makes it (and
is refused, showing theirs, if another officer set it up meanwhile).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from visitdesk.app.checks import checked
from visitdesk.app.errors import ConflictError, RefusedError, changed_fields
from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.services.office import OfficeSettings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["NOT_SET_UP", "OfficeSettings", "OfficeSetup"]

WHAT = "the office set-up"
# The version of an office not set up yet.
NOT_SET_UP = 0


class _SetUpMeanwhileError(Exception):
    """Another officer saved the first set-up between our look and our write."""


def _load(session: Session, _office_id: int) -> OfficeSettings:
    from visitdesk.services.office import load_office

    return load_office(session) or OfficeSettings(name="")


def _office_id(session: Session) -> int | None:
    from sqlalchemy import select

    from visitdesk.domain.office import Office

    found: int | None = session.scalar(select(Office.id).order_by(Office.id).limit(1))
    return found


class OfficeSetup(Part):
    def load(self) -> Record[OfficeSettings]:
        """The set-up with its version (version 0 and empty fields: not set up yet)."""

        def work(session: Session) -> Record[OfficeSettings] | None:
            office_id = _office_id(session)
            return None if office_id is None else self._record(office_id)

        found = self._desk.read(work)
        return found if found is not None else Record(0, NOT_SET_UP, OfficeSettings(name=""))

    def _record(self, office_id: int) -> Record[OfficeSettings]:
        from visitdesk.domain.office import Office

        return self._desk.record(Office, office_id, _load)

    def update(
        self, settings: OfficeSettings, version: int, opened: OfficeSettings | None = None
    ) -> Record[OfficeSettings]:
        """Save the set-up over the version read (0: the first set-up)."""
        from visitdesk.domain.office import Office
        from visitdesk.services.office import save_office

        office_id = self._desk.read(_office_id)
        if office_id is None:
            if version != NOT_SET_UP:
                raise ConflictError(WHAT, settings, None, deleted=True)

            def first(session: Session) -> int:
                if _office_id(session) is not None:
                    raise _SetUpMeanwhileError
                save_office(session, settings)
                made = _office_id(session)
                assert made is not None
                return made

            try:
                made = self._desk.write(first)
            except _SetUpMeanwhileError:
                pass
            else:
                return self._record(made)
            office_id = self._desk.read(_office_id)
            assert office_id is not None
        if version == NOT_SET_UP:
            theirs = self._record(office_id)
            fields = changed_fields(opened, theirs.data) if opened is not None else ()
            raise ConflictError(WHAT, settings, theirs, fields)
        return self._desk.save(
            Office,
            office_id,
            version,
            WHAT,
            settings,
            lambda s: save_office(s, settings),
            _load,
            opened,
        )

    def check_logo(self, data: bytes) -> str:
        """The logo's media type; RefusedError saying why a file cannot be the logo."""
        from visitdesk.services.office import logo_media_type

        return checked(lambda: logo_media_type(data))

    def read_logo(self, path: Path) -> bytes:
        """The bytes of a logo file, checked (PNG or JPEG, not too big)."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RefusedError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        self.check_logo(data)
        return data
