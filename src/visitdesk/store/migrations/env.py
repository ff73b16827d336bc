"""Alembic environment: always run from `visitdesk.store.migrate` with a live connection."""

from __future__ import annotations

from alembic import context

from visitdesk.domain.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "VisitDesk migrations run through visitdesk.store.migrate, not the alembic CLI"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
