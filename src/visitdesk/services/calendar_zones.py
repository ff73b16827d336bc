"""VTIMEZONE components written the way Outlook writes them: yearly rules, not date lists.

icalendar's own generator lists every change of offset as an RDATE, which some clients read
badly. Here each run of years whose summer-time changes follow one rule ("last Sunday of March
at 01:00") becomes a STANDARD or DAYLIGHT block with `RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=..`;
a change that follows no such rule gets a block of its own. The span given is the visit's,
with a margin: clients only need the rules in force around the events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class _Change:
    local: datetime  # wall-clock time of the change, in the offset before it
    before: timedelta
    after: timedelta
    name: str
    daylight: bool


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).utcoffset() or timedelta(0)


def _changes(zone: ZoneInfo, first: date, last: date) -> list[_Change]:
    """Every change of UTC offset between the two dates, found to the minute."""
    changes: list[_Change] = []
    instant = datetime.combine(first, time(), UTC)
    end = datetime.combine(last, time(), UTC)
    step = timedelta(hours=6)
    while instant < end:
        following = instant + step
        if _offset(zone, instant) != _offset(zone, following):
            low, high = instant, following
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    break
                if _offset(zone, middle) == _offset(zone, low):
                    low = middle
                else:
                    high = middle
            before, after = _offset(zone, low), _offset(zone, high)
            moment = high.astimezone(zone)
            changes.append(
                _Change(
                    local=(high + before).replace(tzinfo=None),
                    before=before,
                    after=after,
                    name=moment.tzname() or "",
                    daylight=bool(moment.dst()),
                )
            )
        instant = following
    return changes


def _rule_keys(change: _Change) -> set[tuple[int, int, int, time]]:
    """(month, week, weekday, time) rules the change satisfies: week 1..4 or -1 for 'last'."""
    day = change.local.date()
    keys = {(day.month, (day.day - 1) // 7 + 1, day.weekday(), change.local.time())}
    if (day + timedelta(days=7)).month != day.month:
        keys.add((day.month, -1, day.weekday(), change.local.time()))
    return keys


def _same_kind(a: _Change, b: _Change) -> bool:
    return (a.before, a.after, a.name, a.daylight) == (b.before, b.after, b.name, b.daylight)


def _groups(
    changes: list[_Change],
) -> list[tuple[list[_Change], tuple[int, int, int, time] | None]]:
    """Runs of changes, one a year, that share one yearly rule (None: no rule, a single one)."""
    groups: list[tuple[list[_Change], tuple[int, int, int, time] | None]] = []
    open_runs: list[tuple[list[_Change], set[tuple[int, int, int, time]]]] = []
    for change in changes:
        for run, keys in open_runs:
            last = run[-1]
            common = keys & _rule_keys(change)
            if common and _same_kind(last, change) and change.local.year == last.local.year + 1:
                run.append(change)
                keys.intersection_update(common)
                break
        else:
            open_runs.append(([change], _rule_keys(change)))
    for run, keys in open_runs:
        if len(run) == 1:
            groups.append((run, None))
        else:
            # Prefer 'last Sunday' (-1) over 'fourth Sunday' when both fit, as Outlook does.
            groups.append((run, min(keys, key=lambda k: (k[1] != -1, k))))
    return sorted(groups, key=lambda g: g[0][0].local)


def _block(change: _Change) -> TimezoneStandard | TimezoneDaylight:
    block = TimezoneDaylight() if change.daylight else TimezoneStandard()
    block.add("dtstart", change.local)
    block.add("tzoffsetfrom", change.before)
    block.add("tzoffsetto", change.after)
    if change.name:
        block.add("tzname", change.name)
    return block


def vtimezone(name: str, first: date, last: date) -> Timezone:
    """The VTIMEZONE of `name` valid from `first` to `last` (and beyond, by its last rules)."""
    zone = ZoneInfo(name)
    component = Timezone()
    component.add("tzid", name)
    changes = _changes(zone, first, last)
    if not changes:
        start = datetime.combine(first, time())
        offset = _offset(zone, start.replace(tzinfo=UTC))
        moment = start.replace(tzinfo=UTC).astimezone(zone)
        fixed = _Change(start, offset, offset, moment.tzname() or "", bool(moment.dst()))
        component.add_component(_block(fixed))
        return component
    groups = _groups(changes)
    # What held at the span's start, before its first change (summer time in Sydney in
    # January): clients take the latest block begun before a moment, so the rules below
    # take over from their first change on.
    opening = changes[0]
    before = _Change(
        datetime.combine(first, time()),
        opening.before,
        opening.before,
        _name_before(zone, opening),
        bool(_dst_before(zone, opening)),
    )
    component.add_component(_block(before))
    for run, rule in groups:
        block = _block(run[0])
        if rule is not None:
            month, week, weekday, _at = rule
            recur: dict[str, object] = {
                "freq": "YEARLY",
                "bymonth": month,
                "byday": f"{week}{_WEEKDAYS[weekday]}",
            }
            if run[-1].local.date() + timedelta(days=372) < last:
                # Its next change would have fallen inside the span and did not: the zone
                # changed its law, so the rule ends there.
                # A day after its last change: parsers that compare UNTIL (UTC) with the
                # local DTSTART still include that change, and no later one can match.
                last_utc = run[-1].local - run[-1].before
                recur["until"] = (last_utc + timedelta(days=1)).replace(tzinfo=UTC)
            block.add("rrule", vRecur(recur))
        component.add_component(block)
    return component


def _just_before(zone: ZoneInfo, change: _Change) -> datetime:
    return (change.local - change.before - timedelta(hours=1)).replace(tzinfo=UTC).astimezone(zone)


def _name_before(zone: ZoneInfo, change: _Change) -> str:
    return _just_before(zone, change).tzname() or ""


def _dst_before(zone: ZoneInfo, change: _Change) -> timedelta | None:
    return _just_before(zone, change).dst()
