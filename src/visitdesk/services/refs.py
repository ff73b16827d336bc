"""Stable references (`he-zhimin`, `sipo`) for records created in the window."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.models import Organisation, Person


def unique_ref(session: Session, model: type[Person] | type[Organisation], text: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60].strip("-") or "new"
    taken = set(session.scalars(select(model.ref).where(model.ref.startswith(base))))
    ref, n = base, 2
    while ref in taken:
        ref, n = f"{base}-{n}", n + 1
    return ref
