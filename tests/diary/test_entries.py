from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from actions.diary.entries import LONDON, Entry, Person, Vehicle, summary
from actions.diary.errors import EmptyEntry, FieldTooLong


def test_what_happened_allows_2000_characters_and_no_more() -> None:
    Entry(what_happened="x" * 2000)
    with pytest.raises(FieldTooLong) as raised:
        Entry(what_happened="x" * 2001)
    assert (raised.value.field, raised.value.limit) == ("what_happened", 2000)
    assert str(raised.value).startswith("What happened is too long")
    assert "2000 characters" in str(raised.value)


@pytest.mark.parametrize(
    ("make", "field", "label"),
    [
        (lambda t: Entry(place=t), "place", "The place"),
        (lambda t: Entry(evidence=t), "evidence", "The evidence"),
        (lambda t: Entry(person=Person(clothing=t)), "person.clothing", "clothing"),
        (lambda t: Entry(vehicle=Vehicle(registration=t)), "vehicle.registration", "registr"),
    ],
)
def test_other_fields_allow_500(make: Callable[[str], Entry], field: str, label: str) -> None:
    make("y" * 500)
    with pytest.raises(FieldTooLong) as raised:
        make("y" * 501)
    assert raised.value.field == field and raised.value.limit == 500
    assert label in str(raised.value) and "yyy" not in str(raised.value)


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"place": "   "}, {"person": Person()}, {"vehicle": Vehicle(make="")}, {"behaviours": []}],
)
def test_an_entry_needs_at_least_one_detail(kwargs: dict[str, Any]) -> None:
    with pytest.raises(EmptyEntry):
        Entry(**kwargs)


def test_written_at_alone_is_not_an_entry() -> None:
    with pytest.raises(EmptyEntry):
        Entry(written_at=datetime.now(UTC))


def test_text_is_trimmed_and_behaviours_are_canonical() -> None:
    e = Entry(place="  the park ", behaviours=["Following", "unwanted contact", "following"])
    assert e.place == "the park"
    assert e.behaviours == ("following", "unwanted_contact")
    with pytest.raises(TypeError):
        Entry(behaviours="following")  # type: ignore[arg-type]
    with pytest.raises(FieldTooLong):
        Entry(behaviours=["x" * 61])


def test_naive_times_are_london_and_written_at_utc() -> None:
    e = Entry(occurred_at=datetime(2026, 7, 1, 18, 0), written_at=datetime(2026, 7, 2, 9))
    assert isinstance(e.occurred_at, datetime) and e.written_at is not None
    assert e.occurred_at.tzinfo is LONDON
    assert e.occurred_at.isoformat() == "2026-07-01T18:00:00+01:00"
    assert e.written_at.tzinfo is UTC


def test_record_round_trip() -> None:
    full = Entry(
        occurred_at=datetime(2026, 11, 17, 18, 0, tzinfo=LONDON),
        occurred_text="yesterday about 6pm",
        place="bus stop",
        what_happened="He was there again.",
        person=Person(name="Sam", description="tall", clothing="red coat"),
        vehicle=Vehicle(make="Ford", colour="blue", registration="AB12 CDE"),
        evidence="photo",
        witnesses="my neighbour",
        impact="scared",
        behaviours=("following",),
        written_at=datetime(2026, 11, 18, 9, 0, tzinfo=UTC),
    )
    assert Entry.from_record(full.to_record()) == full
    dated = Entry(occurred_at=date(2026, 11, 3), place="work")
    assert Entry.from_record(dated.to_record()) == dated
    assert type(Entry.from_record(dated.to_record()).occurred_at) is date


def test_repr_shows_no_content() -> None:
    e = Entry(place="secret-place", person=Person(name="secret-name"))
    assert "secret" not in repr(e) and "secret" not in repr(e.person)
    assert "place" in repr(e)


def when(day: int, hour: int | None = None) -> Entry:
    at = date(2026, 11, day) if hour is None else datetime(2026, 11, day, hour, tzinfo=LONDON)
    return Entry(occurred_at=at, behaviours=("following",) if day % 2 else ("messages",))


def test_summary() -> None:
    empty = summary([])
    assert (empty.count, empty.first, empty.last, empty.course_of_conduct) == (
        0,
        None,
        None,
        False,
    )
    one = summary([when(3)])
    assert one.count == 1 and not one.course_of_conduct
    s = summary([when(3, 23), when(10), when(5)])
    assert s.count == 3 and s.course_of_conduct
    assert (s.first, s.last) == (date(2026, 11, 3), date(2026, 11, 10))
    assert s.behaviours == ("following", "messages")


def test_summary_uses_written_date_when_the_day_is_unknown() -> None:
    late = Entry(place="x", written_at=datetime(2026, 11, 20, 23, 30, tzinfo=UTC))
    s = summary([late, when(3)])
    assert s.last == date(2026, 11, 20)
