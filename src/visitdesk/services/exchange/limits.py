"""Field lengths, read from the model so that the file check and the database never disagree.

SQLite would store a longer text anyway, but PostgreSQL refuses it: checking first means a
file that imports on one store imports on every store.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import String

from visitdesk.domain.models import Base

# PostgreSQL's `integer` is 32 bits (SQLite's is 64): a number beyond it would import on one
# store and fail on the other.
INT_MIN = -(2**31)
INT_MAX = 2**31 - 1


@cache
def max_length(table: str, column: str) -> int | None:
    col = Base.metadata.tables[table].c[column]
    return col.type.length if isinstance(col.type, String) else None
