"""Opening hours: weekly ranges in London wall-clock time, bank holidays and the clock.

Rules (documented in docs/adding-an-institution.md):

* A range "20:00-08:00" whose end is not after its start runs past midnight. The session
  belongs to the day it starts on: Monday's "20:00-08:00" covers Monday 23:00 and
  Tuesday 02:00, and it is Monday's bank-holiday status that decides whether it runs.
  "24:00" may end a range.
* A service closed on bank holidays holds no session that starts on one; a session that
  started the evening before runs to its end.
* Times are Europe/London. On the spring-forward night a time in the skipped hour moves
  one hour later, as the clocks do (PEP 495, fold=0): "01:00-03:00" runs 02:00-03:00
  BST, and a range that becomes empty ("01:30-02:30") does not happen that night. On the
  fall-back night an ambiguous time means its first occurrence (BST), so "01:00-03:00"
  lasts three real hours. All comparisons are made in UTC: nothing is off by an hour.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SUBDIVISIONS = ("ENG", "WLS", "SCT", "NIR")

# How far ahead to look for the next opening. Four weeks covers a Monday-only service
# that loses two Mondays in a row to Christmas and New Year.
_HORIZON_DAYS = 28
_RANGE = re.compile(r"(\d\d):(\d\d)-(\d\d):(\d\d)")

Range = tuple[int, int]  # minutes after midnight: start in [0, 1440), end in [0, 1440]


@dataclass(frozen=True)
class Hours:
    """When a service answers.

    ``kind`` is "weekly" (see ``weekly``), "always" (24/7) or "unknown": hours not
    verified, so we never tell anyone the service is open or closed. ``weekly`` holds
    seven tuples of ranges, Monday first.
    """

    kind: str
    weekly: tuple[tuple[Range, ...], ...] = ((),) * 7


ALWAYS = Hours("always")
UNKNOWN = Hours("unknown")


def parse_hours(value: str | dict[str, list[str]]) -> Hours:
    """Turn the YAML ``hours`` value into Hours.

    Expects the shape the schema already checked. Raises ValueError("field: problem")
    for mistakes a schema cannot see, so the loader can name the field.
    """
    if value == "always":
        return ALWAYS
    if value == "unknown":
        return UNKNOWN
    assert isinstance(value, dict)
    weekly = tuple(
        tuple(_parse_range(text, f"{day}[{i}]") for i, text in enumerate(value.get(day, ())))
        for day in DAYS
    )
    if not any(weekly):
        raise ValueError("(all days): give at least one time range, or use 'unknown'")
    return Hours("weekly", weekly)


def _parse_range(text: str, field: str) -> Range:
    match = _RANGE.fullmatch(text)
    if not match:
        raise ValueError(f"{field}: {text!r} is not a time range like '09:30-16:00'")
    h1, m1, h2, m2 = map(int, match.groups())
    if h1 > 23 or m1 > 59 or m2 > 59 or h2 > 24 or (h2 == 24 and m2):
        raise ValueError(f"{field}: {text!r} has an impossible time (00:00 to 23:59, or 24:00)")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end == start:
        raise ValueError(f"{field}: {text!r} starts and ends at the same time")
    return start, end


@functools.cache
def bank_holidays(subdivision: str) -> holidays.HolidayBase:
    """Bank holidays, substitute days included, of one nation: ENG, WLS, SCT or NIR."""
    return holidays.UK(subdiv=subdivision)


def to_london(when: datetime) -> datetime:
    """``when`` in London time; a naive datetime is taken as London wall-clock time."""
    return when.replace(tzinfo=LONDON) if when.tzinfo is None else when.astimezone(LONDON)


def parse_when(text: str) -> datetime:
    """Parse ISO 8601: without an offset it is London time, with one it is converted."""
    try:
        return to_london(datetime.fromisoformat(text.strip()))
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 date-time like 2026-11-25T14:00") from None


def now_london() -> datetime:
    """The current London time, or SIGNPOST_NOW (ISO 8601) if set, so demos and tests
    can pin the clock (say, to a Wednesday morning, when the helpline is closed)."""
    override = os.environ.get("SIGNPOST_NOW", "").strip()
    if not override:
        return datetime.now(LONDON)
    try:
        return parse_when(override)
    except ValueError as exc:
        raise ValueError(f"SIGNPOST_NOW: {exc}") from None


def _instant(day: date, minutes: int) -> datetime:
    local = datetime.combine(day, time()) + timedelta(minutes=minutes)
    return local.replace(tzinfo=LONDON).astimezone(UTC)


def _sessions(
    hours: Hours, closed_on_bank_holidays: bool, subdivision: str, first: date
) -> Iterator[tuple[datetime, datetime]]:
    """(start, end) in UTC of each session from ``first`` to the horizon, in order."""
    skip = bank_holidays(subdivision) if closed_on_bank_holidays else {}
    for offset in range(_HORIZON_DAYS + 1):
        day = first + timedelta(days=offset)
        if day in skip:
            continue
        found = []
        for start, end in hours.weekly[day.weekday()]:
            begins = _instant(day, start)
            ends = _instant(day if end > start else day + timedelta(days=1), end)
            if begins < ends:  # empty only for a range inside the spring-forward gap
                found.append((begins, ends))
        yield from sorted(found)  # a day's sessions all start before the next day's


def status(
    hours: Hours, closed_on_bank_holidays: bool, subdivision: str, when: datetime
) -> tuple[bool | None, datetime | None, datetime | None]:
    """(open, opens_next, closes_at) at ``when``; the datetimes are in London time.

    opens_next is set only when closed; closes_at only when open on a timetable.
    Back-to-back sessions count as one, so closes_at is when the line really goes quiet.
    """
    if hours.kind == "always":
        return True, None, None
    if hours.kind == "unknown":
        return None, None, None
    moment = to_london(when).astimezone(UTC)
    yesterday = moment.astimezone(LONDON).date() - timedelta(days=1)
    sessions = _sessions(hours, closed_on_bank_holidays, subdivision, yesterday)
    for begins, ends in sessions:
        if begins > moment:
            return False, begins.astimezone(LONDON), None
        if moment < ends:
            for later_begins, later_ends in sessions:  # the rest, in order
                if later_begins > ends:
                    break
                ends = max(ends, later_ends)
            return True, None, ends.astimezone(LONDON)
    return False, None, None
