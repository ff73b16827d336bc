"""The audit trail: one row per inserted, changed or deleted record, with who, when and what.

On PostgreSQL the server writes it (triggers, store/server/trail.py), so no client can skip it;
on SQLite VisitDesk's own connections write it (store/trail_sqlite.py) with the OS user name.
`changes` is a JSON object {column: [old, new]} of the columns that changed (every column of an
inserted or deleted row), in each store's own spelling of the values (app/history.py reads
both). No foreign keys: the trail outlives the records it speaks of.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from visitdesk.domain.base import Base


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # UTC, naive, like changed_at on the records.
    at: Mapped[datetime] = mapped_column(DateTime)
    # The login that made the change (PostgreSQL's session_user; the OS user on SQLite) ...
    login: Mapped[str] = mapped_column(String(100))
    # ... and the officer's name at that moment (the login's comment on the server).
    name: Mapped[str] = mapped_column(String(200))
    table_name: Mapped[str] = mapped_column(String(63))
    record_id: Mapped[int | None] = mapped_column(Integer)
    # The visit the record belonged to (None for people, organisations, the office).
    visit_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(6))  # insert, update, delete
    changes: Mapped[str] = mapped_column(Text)
