"""Diary entries: what one incident record holds, its limits, and the summary of a
diary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .errors import EmptyEntry, FieldTooLong

LONDON = ZoneInfo("Europe/London")

WHAT_HAPPENED_LIMIT = 2000
TEXT_LIMIT = 500
BEHAVIOUR_LIMIT = 60
MAX_BEHAVIOURS = 30


def _clean(value: str | None, name: str, limit: int = TEXT_LIMIT) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be text")
    value = value.strip()
    if len(value) > limit:
        raise FieldTooLong(name, limit)
    return value or None


class _Part:
    """What Person and Vehicle share: cleaned text fields; empty means absent."""

    _prefix = ""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            cleaned = _clean(getattr(self, f.name), f"{self._prefix}.{f.name}")
            object.__setattr__(self, f.name, cleaned)

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))  # type: ignore[arg-type]

    def to_record(self) -> dict[str, str]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name))}  # type: ignore[arg-type]

    def __repr__(self) -> str:  # never show diary content in logs
        return f"{type(self).__name__}(<{len(self.to_record())} fields>)"

    def describe(self) -> str:
        """One line for exports, e.g. 'name: Sam; clothing: red coat'."""
        return "; ".join(f"{k}: {v}" for k, v in self.to_record().items())


@dataclass(frozen=True, kw_only=True, repr=False)
class Person(_Part):
    _prefix = "person"
    name: str | None = None
    description: str | None = None
    clothing: str | None = None


@dataclass(frozen=True, kw_only=True, repr=False)
class Vehicle(_Part):
    _prefix = "vehicle"
    make: str | None = None
    colour: str | None = None
    registration: str | None = None


_CONTENT = (
    "occurred_at", "occurred_text", "place", "what_happened", "person", "vehicle",
    "evidence", "witnesses", "impact", "behaviours",
)  # fmt: skip


@dataclass(frozen=True, kw_only=True, repr=False)
class Entry:
    """One incident. Every field is optional, but at least one must be given.

    ``occurred_at`` is a ``datetime`` when a time is known and a ``date`` when only the
    day is; naive datetimes are read as Europe/London wall-clock time. ``occurred_text``
    keeps the words the person used ("yesterday about 6pm"). ``written_at`` is set by
    the store. Invalid values raise FieldTooLong or EmptyEntry at construction, where a
    form can ask again.
    """

    occurred_at: datetime | date | None = None
    occurred_text: str | None = None
    place: str | None = None
    what_happened: str | None = None
    person: Person | None = None
    vehicle: Vehicle | None = None
    evidence: str | None = None
    witnesses: str | None = None
    impact: str | None = None
    behaviours: tuple[str, ...] = ()
    written_at: datetime | None = None

    def __post_init__(self) -> None:
        put = object.__setattr__
        for name in ("occurred_text", "place", "evidence", "witnesses", "impact"):
            put(self, name, _clean(getattr(self, name), name))
        put(
            self,
            "what_happened",
            _clean(self.what_happened, "what_happened", WHAT_HAPPENED_LIMIT),
        )
        for name in ("person", "vehicle"):
            part = getattr(self, name)
            if part is not None and part.is_empty():
                put(self, name, None)
        put(self, "behaviours", _clean_behaviours(self.behaviours))
        at = self.occurred_at
        if isinstance(at, datetime) and at.tzinfo is None:
            put(self, "occurred_at", at.replace(tzinfo=LONDON))
        elif at is not None and not isinstance(at, date):
            raise TypeError("occurred_at must be a date or datetime")
        if self.written_at is not None and self.written_at.tzinfo is None:
            put(self, "written_at", self.written_at.replace(tzinfo=UTC))
        if not any(getattr(self, name) for name in _CONTENT):
            raise EmptyEntry()

    def __repr__(self) -> str:  # never show diary content in logs or tracebacks
        present = [name for name in _CONTENT if getattr(self, name)]
        return f"Entry(<{len(present)} fields: {', '.join(present)}>)"

    @property
    def sort_key(self) -> tuple[datetime, datetime]:
        """Occurred time (or written time if unknown), then written time."""
        written = self.written_at or datetime.min.replace(tzinfo=UTC)
        return (_as_datetime(self.occurred_at) or written, written)

    def with_written_at(self, when: datetime) -> Entry:
        return replace(self, written_at=when)

    def to_record(self) -> dict[str, Any]:
        """Compact dict for encryption (only the fields that are set)."""
        rec: dict[str, Any] = {}
        for name in _CONTENT + ("written_at",):
            value = getattr(self, name)
            if not value:
                continue
            if isinstance(value, date):  # datetime is a date too
                value = value.isoformat()
            elif isinstance(value, Person | Vehicle):
                value = value.to_record()
            elif isinstance(value, tuple):
                value = list(value)
            rec[name] = value
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Entry:
        data = dict(rec)
        if at := data.get("occurred_at"):
            data["occurred_at"] = (
                datetime.fromisoformat(at) if "T" in at else date.fromisoformat(at)
            )
        if wrote := data.get("written_at"):
            data["written_at"] = datetime.fromisoformat(wrote)
        if "person" in data:
            data["person"] = Person(**data["person"])
        if "vehicle" in data:
            data["vehicle"] = Vehicle(**data["vehicle"])
        data["behaviours"] = tuple(data.get("behaviours", ()))
        return cls(**data)


def _clean_behaviours(values: Any) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError("behaviours must be a list of strings")
    out: list[str] = []
    for value in values or ():
        canonical = re.sub(r"[\s\-]+", "_", str(value).strip().lower())
        if len(canonical) > BEHAVIOUR_LIMIT:
            raise FieldTooLong("behaviours", BEHAVIOUR_LIMIT)
        if canonical and canonical not in out:
            out.append(canonical)
    if len(out) > MAX_BEHAVIOURS:
        raise ValueError(f"at most {MAX_BEHAVIOURS} behaviours per entry")
    return tuple(out)


def _as_datetime(value: datetime | date | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day, tzinfo=LONDON)


def local_date(value: datetime | date) -> date:
    """The Europe/London calendar day of a date or datetime."""
    return value.astimezone(LONDON).date() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class Summary:
    count: int
    first: date | None
    last: date | None
    behaviours: tuple[str, ...]
    course_of_conduct: bool


def summary(entries: Sequence[Entry]) -> Summary:
    """What a diary shows at a glance. ``course_of_conduct`` is True from two incidents
    on: the Protection from Harassment Act 1997 needs conduct on at least two occasions.
    Dates are the days incidents happened (the day written when that is unknown), in
    London time."""
    days = [
        local_date(e.occurred_at or e.written_at) for e in entries if e.occurred_at or e.written_at
    ]
    seen: dict[str, None] = {}
    for entry in entries:
        seen.update(dict.fromkeys(entry.behaviours))
    return Summary(
        count=len(entries),
        first=min(days, default=None),
        last=max(days, default=None),
        behaviours=tuple(seen),
        course_of_conduct=len(entries) >= 2,
    )
