"""Row-level security for briefs above a visit's classification, on PostgreSQL.

Written from the one declaration in `domain/classification.py` (the levels in order and each
role's clearance), so an office that changes it runs `visitdesk server init` again. The server
itself filters the rows, for any client (psql included): a login reads a talking point when it
has no level of its own, or when its level is at most the visit's level or the login's
clearance (the highest of its groups'). The owner of the tables (the login `server init` ran
as) and superusers read everything, as PostgreSQL lets owners. The trail's lines about a talking
point are filtered the same way, so a point's text cannot be read back from its history.

What is hidden is counted by a SECURITY DEFINER function, which runs with the owner's rights:
it tells a reader how many points of each engagement they may not read (never their text), so
the pack can say what it leaves out.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, text

from visitdesk.domain.classification import CLEARANCE, LEVELS, Level
from visitdesk.store.server.roles import GROUPS
from visitdesk.store.trail import TRAIL_TABLE

TABLE = "talking_point"
POLICY = "visitdesk_cleared"
TRAIL_POLICY = "visitdesk_trail_cleared"
RANK, CLEARED, MAY_READ, CEILING, HIDDEN = (
    "visitdesk_level_rank",
    "visitdesk_clearance",
    "visitdesk_may_read",
    "visitdesk_reading_ceiling",
    "visitdesk_hidden_talking_points",
)
UNKNOWN_RANK = 1000  # a level this version does not know is above every clearance


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _functions() -> list[str]:
    ranks = " ".join(f"WHEN {_literal(level.value)} THEN {level.rank}" for level in LEVELS)
    names = " ".join(f"WHEN {level.rank} THEN {_literal(level.value)}" for level in LEVELS)
    clearances = " ".join(
        f"WHEN {_literal(GROUPS[role])} THEN {level.rank}" for role, level in CLEARANCE.items()
    )
    groups = ", ".join(_literal(GROUPS[role]) for role in CLEARANCE)
    top = LEVELS[-1].rank
    definer = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
    return [
        f"""CREATE OR REPLACE FUNCTION {RANK}(level text) RETURNS integer
        LANGUAGE sql IMMUTABLE AS $$ SELECT CASE level {ranks} ELSE {UNKNOWN_RANK} END $$""",
        # session_user: the login signed in, which SET ROLE does not change.
        f"""CREATE OR REPLACE FUNCTION {CLEARED}() RETURNS integer
        LANGUAGE sql STABLE {definer} AS $$
        SELECT CASE WHEN EXISTS (
                SELECT 1 FROM pg_roles r WHERE r.rolname = session_user AND (r.rolsuper
                    OR pg_has_role(session_user, (SELECT c.relowner FROM pg_class c
                        WHERE c.oid = '{TABLE}'::regclass), 'MEMBER')))
            THEN {top}
            ELSE coalesce((SELECT max(CASE g.rolname {clearances} END) FROM pg_roles g
                WHERE g.rolname IN ({groups}) AND pg_has_role(session_user, g.oid, 'MEMBER')),
                -1)
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {MAY_READ}(engagement integer, level text)
        RETURNS boolean LANGUAGE sql STABLE {definer} AS $$
        SELECT level IS NULL OR {RANK}(level) <= (
            SELECT greatest({RANK}(v.classification), {CLEARED}())
            FROM engagement e JOIN visit v ON v.id = e.visit_id WHERE e.id = engagement) $$""",
        f"""CREATE OR REPLACE FUNCTION {CEILING}(visit integer) RETURNS text
        LANGUAGE sql STABLE {definer} AS $$
        SELECT CASE greatest({RANK}(v.classification), {CLEARED}()) {names} END
        FROM visit v WHERE v.id = visit $$""",
        f"""CREATE OR REPLACE FUNCTION {HIDDEN}(visit integer)
        RETURNS TABLE (engagement_id integer, hidden integer)
        LANGUAGE sql STABLE {definer} AS $$
        SELECT t.engagement_id, count(*)::integer FROM {TABLE} t
        JOIN engagement e ON e.id = t.engagement_id
        WHERE e.visit_id = visit AND NOT {MAY_READ}(t.engagement_id, t.level)
        GROUP BY t.engagement_id $$""",
    ]


def install(connection: Connection) -> None:
    """(Re)write the functions from the declaration, and the policies that use them."""
    run = connection.exec_driver_sql
    for statement in _functions():
        run(statement)
    run(f"ALTER TABLE {TABLE} ENABLE ROW LEVEL SECURITY")
    run(f"DROP POLICY IF EXISTS {POLICY} ON {TABLE}")
    run(
        f"CREATE POLICY {POLICY} ON {TABLE} USING ({MAY_READ}(engagement_id, level)) "
        f"WITH CHECK ({MAY_READ}(engagement_id, level))"
    )
    # The trail is written only by its SECURITY DEFINER trigger (the owner's rights), so a
    # policy for reading is the only one it needs.
    run(f"ALTER TABLE {TRAIL_TABLE} ENABLE ROW LEVEL SECURITY")
    run(f"DROP POLICY IF EXISTS {TRAIL_POLICY} ON {TRAIL_TABLE}")
    run(
        f"CREATE POLICY {TRAIL_POLICY} ON {TRAIL_TABLE} FOR SELECT USING ("
        f"table_name <> {_literal(TABLE)} OR {CLEARED}() >= {LEVELS[-1].rank} "
        f"OR EXISTS (SELECT 1 FROM {TABLE} t WHERE t.id = record_id))"
    )


def uninstall(connection: Connection) -> None:
    run = connection.exec_driver_sql
    run(f"DROP POLICY IF EXISTS {TRAIL_POLICY} ON {TRAIL_TABLE}")
    run(f"ALTER TABLE {TRAIL_TABLE} DISABLE ROW LEVEL SECURITY")
    run(f"DROP POLICY IF EXISTS {POLICY} ON {TABLE}")
    run(f"ALTER TABLE {TABLE} DISABLE ROW LEVEL SECURITY")
    for name in (HIDDEN, CEILING):
        run(f"DROP FUNCTION IF EXISTS {name}(integer)")
    run(f"DROP FUNCTION IF EXISTS {MAY_READ}(integer, text)")
    run(f"DROP FUNCTION IF EXISTS {CLEARED}()")
    run(f"DROP FUNCTION IF EXISTS {RANK}(text)")


class Hidden(NamedTuple):
    """What the signed-in login may not read of a visit's briefs."""

    ceiling: Level  # the highest level it reads there
    by_engagement: dict[int, int]  # engagement id -> talking points left out

    @property
    def total(self) -> int:
        return sum(self.by_engagement.values())


def cleared_for_all(connection: Connection) -> bool:
    """Whether the signed-in login reads every level (nothing can be hidden from it)."""
    if connection.dialect.name != "postgresql":
        return True
    cleared = connection.execute(text(f"SELECT {CLEARED}()")).scalar()
    return int(cleared or 0) >= LEVELS[-1].rank


def hidden(connection: Connection, visit_id: int) -> Hidden | None:
    """None where nothing is hidden from anyone (SQLite: one officer, the file's owner)."""
    if connection.dialect.name != "postgresql":
        return None
    ceiling = connection.execute(text(f"SELECT {CEILING}(:visit)"), {"visit": visit_id}).scalar()
    rows = connection.execute(
        text(f"SELECT engagement_id, hidden FROM {HIDDEN}(:visit)"), {"visit": visit_id}
    ).all()
    known = {level.value: level for level in LEVELS}
    return Hidden(known.get(str(ceiling), LEVELS[-1]), {int(e): int(n) for e, n in rows})
