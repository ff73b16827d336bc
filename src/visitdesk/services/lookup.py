"""Fetch a record by its id, or say in plain words that it has gone.

Dialogs and undo steps hold ids for a while; by the time one is used its record may have been
deleted (by an undo, or by another window), and the officer must get a sentence, not a None.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from visitdesk.services.errors import NotFoundError

_T = TypeVar("_T")


def get_or_not_found(session: Session, model: type[_T], record_id: int, gone: str) -> _T:
    """The `model` row with `record_id`; NotFoundError saying `gone` if there is none."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(gone)
    return record
