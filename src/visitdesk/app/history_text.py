"""The trail's rows as sentences: "Ms. Khan moved this engagement from 10:00 to 15:00 at …".

Pure functions over plain values; both stores' spellings of a value (PostgreSQL's JSON and
SQLite's: 2017-03-21T10:00:00 or 2017-03-21 10:00:00.000000, true or 1) read alike, by the
column's type in the models.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Enum, LargeBinary

from visitdesk.app.errors import local_time
from visitdesk.domain.base import Base
from visitdesk.domain.dates import day_month_year
from visitdesk.domain.names import NameParts, display_name

# What an officer never typed: bookkeeping the trail keeps but the history does not tell.
NOISE = frozenset(
    {"id", "version", "changed_at", "changed_by", "sequence", "uid", "published", "position",
     "briefing_pack_version"}
)  # fmt: skip
NOUNS = {
    "visit": "visit",
    "engagement": "engagement",
    "person": "person",
    "organisation": "organisation",
    "outcome": "outcome",
    "statement": "statement",
    "press_release": "press release",
    "office": "office's set-up",
}
# A record's parts: (the column naming the record they belong to, that record's table).
PARTS = {
    "talking_point": ("engagement_id", "engagement"),
    "attendee": ("engagement_id", "engagement"),
    "visit_participant": ("visit_id", "visit"),
    "status_change": ("outcome_id", "outcome"),
}
FIELD_WORDS = {
    "start_date": "first day",
    "end_date": "last day",
    "start": "start",
    "end": "end",
    "family_name_first": "name order",
    "delegation_description": "delegation",
    "for_press": "for the press",
    "changed_on": "date",
}
NOT_SHOWN = frozenset({"calendar_tombstone"})  # a deleted event's calendar notice

Values = Mapping[str, Any]
Lookup = Callable[[str, int], str | None]  # (table, id) -> the record's name, if it exists


@dataclass(frozen=True)
class FieldChange:
    field: str  # as words: "first day"
    old: str  # as the officer reads it: "10:00", "“Islamabad”", "nothing"
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime  # UTC
    who: str  # the officer's name
    login: str
    kind: str  # the table: visit, engagement, talking_point, …
    record_id: int | None
    action: str  # added, changed, deleted
    fields: tuple[FieldChange, ...]
    sentence: str


def _column(table: str, name: str) -> Column[Any] | None:
    found = Base.metadata.tables.get(table)
    return None if found is None else found.columns.get(name)


def _quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return f"“{text}”"
    cut = text[: limit - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut  # at a word's end
    return f"“{cut}…”"


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _true(value: Any) -> bool:
    return value in (True, 1, "1", "true", "t")


def field_word(name: str) -> str:
    if name in FIELD_WORDS:
        return FIELD_WORDS[name]
    return (name[:-3] if name.endswith("_id") else name).replace("_", " ")


def show(table: str, name: str, value: Any, lookup: Lookup) -> str:
    """One stored value as the officer reads it."""
    if value is None or value == "":
        return "nothing"
    column = _column(table, name)
    kind = None if column is None else column.type
    if isinstance(kind, LargeBinary):
        return "a picture"
    if isinstance(kind, Boolean):
        return "yes" if _true(value) else "no"
    if isinstance(kind, DateTime):
        moment = _when(value)
        return str(value) if moment is None else f"{day_month_year(moment.date())}, {moment:%H:%M}"
    if isinstance(kind, Date):
        moment = _when(value)
        return str(value) if moment is None else day_month_year(moment.date())
    if isinstance(kind, Enum) and kind.enum_class is not None:
        try:
            member: Any = kind.enum_class(value)
            return str(getattr(member, "label", member))
        except (ValueError, AttributeError):
            return str(value)
    if column is not None and column.foreign_keys and isinstance(value, int | str):
        target = next(iter(column.foreign_keys)).column.table.name
        found = lookup(target, int(value))
        return found if found is not None else f"a deleted {NOUNS.get(target, target)}"
    if isinstance(value, str):
        return _quoted(value)
    return str(value)


def label(table: str, values: Values, lookup: Lookup) -> str | None:
    """A record's name from its column values (current or as the trail last saw it)."""
    if table == "person":
        family = values.get("family_name")
        if not family:
            return None
        parts = NameParts(
            honorific=values.get("honorific"),
            given_name=values.get("given_name"),
            family_name=str(family),
            family_name_first=_true(values.get("family_name_first")),
        )
        return display_name(parts)
    if table in ("attendee", "visit_participant") and values.get("person_id") is not None:
        return lookup("person", int(values["person_id"]))
    if table == "press_release" and not values.get("headline") and values.get("number"):
        return f"No. {values['number']}"
    if table == "status_change" and values.get("status") is not None:
        return show(table, "status", values["status"], lookup)
    if table == "gift" and values.get("description"):
        return str(values["description"])  # "the gift “Cloisonné vase”"
    for name in ("title", "headline", "name", "text", "ref"):
        if values.get(name):
            return str(values[name])
    return None


def _the(table: str, name: str | None, this: bool) -> str:
    noun = NOUNS.get(table, table.replace("_", " "))
    if table == "office":
        return "the office's set-up"
    if this:
        return f"this {noun}"
    return f"the {noun} {_quoted(name, 80)}" if name else f"a {noun}"


def _part_words(table: str, name: str | None) -> str:
    if table == "talking_point":
        return f"the talking point {_quoted(name or '', 80)}"
    if table == "attendee":
        return f"{name or 'someone'} (attendee)"
    if table == "visit_participant":
        return f"{name or 'someone'} (delegation)"
    if table == "status_change":
        return f"the status {name or ''}".rstrip()
    return f"a {table.replace('_', ' ')}"


def _moved(changes: Values, lookup: Lookup) -> tuple[str, set[str]] | None:
    """An engagement's new time as "from 10:00 to 15:00" (the end moving with it unsaid)."""
    start = changes.get("start")
    if not start:
        return None
    old, new = _when(start[0]), _when(start[1])
    if old is None or new is None:
        return None
    said = {"start"}
    end = changes.get("end")
    if end:
        old_end, new_end = _when(end[0]), _when(end[1])
        if old_end is not None and new_end is not None and new_end - old_end == new - old:
            said.add("end")
    same_day = old.date() == new.date()
    was = f"{old:%H:%M}" if same_day else show("engagement", "start", start[0], lookup)
    now = f"{new:%H:%M}" if same_day else show("engagement", "start", start[1], lookup)
    return f"from {was} to {now}", said


def entry(
    row: tuple[datetime, str, str, str, int | None, str, str],
    names: Mapping[tuple[str, int], str],
    lookup: Lookup,
    this: tuple[str, int] | None = None,
) -> HistoryEntry | None:
    """One trail row as a HistoryEntry, or None when it changed only bookkeeping."""
    at, login, who, table, record_id, action, changes_text = row
    if table in NOT_SHOWN:
        return None
    changes: dict[str, list[Any]] = json.loads(changes_text)
    shown = {k: v for k, v in changes.items() if k not in NOISE}
    if action == "update" and not shown:
        return None
    fields = tuple(
        FieldChange(field_word(k), show(table, k, v[0], lookup), show(table, k, v[1], lookup))
        for k, v in shown.items()
        if action == "update"
    )
    name = names.get((table, record_id)) if record_id is not None else None
    verb = {"insert": "added", "update": "changed", "delete": "deleted"}[action]
    when = local_time(at)
    if table in PARTS:
        parent_column, parent_table = PARTS[table]
        side = changes.get(parent_column) or [None, None]
        parent_id = side[1] if side[1] is not None else side[0]
        parent_name = names.get((parent_table, int(parent_id))) if parent_id is not None else None
        is_this = this == (parent_table, parent_id)
        owner = _the(parent_table, parent_name, is_this)
        part = _part_words(table, name)
        if action == "insert":
            text = f"{who} added {part} to {owner}"
        elif action == "delete":
            text = f"{who} removed {part} from {owner}"
        else:
            details = "; ".join(f"{f.field} from {f.old} to {f.new}" for f in fields)
            text = f"{who} changed {part} of {owner} ({details})"
        return HistoryEntry(at, who, login, table, record_id, verb, fields, f"{text} at {when}.")
    what = _the(table, name, this == (table, record_id))
    if action != "update":
        text = f"{who} {verb} {what}"
    else:
        moved = _moved(shown, lookup) if table == "engagement" else None
        said = moved[1] if moved else set()
        rest = [
            f"the {f.field} from {f.old} to {f.new}"
            for k, f in zip(shown, fields, strict=True)
            if k not in said
        ]
        if moved:
            text = f"{who} moved {what} {moved[0]}"
            if rest:
                text += f" and changed {'; '.join(rest)}"
        elif len(rest) == 1:
            text = f"{who} changed {rest[0].replace(' from ', f' of {what} from ', 1)}"
        else:
            text = f"{who} changed {what}: {'; '.join(rest)}"
    return HistoryEntry(at, who, login, table, record_id, verb, fields, f"{text} at {when}.")


def since_utc(since: date | datetime | None) -> datetime | None:
    """A day (from its local midnight) or a moment as the trail's UTC."""
    if since is None:
        return None
    from datetime import UTC, time

    moment = since if isinstance(since, datetime) else datetime.combine(since, time())
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the officer's clock
    return moment.astimezone(UTC).replace(tzinfo=None)
