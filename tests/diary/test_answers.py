"""What the diary form's answers become: skips, people, vehicles, dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from actions.diary import EmptyEntry, FieldTooLong, generate_code
from actions.diary.answers import (
    SKIPPED,
    entry_from_answers,
    is_skip,
    means_nothing,
    parse_person,
    parse_vehicle,
)
from actions.diary.codes import looks_like_code
from actions.diary.entries import LONDON

NOW = datetime(2026, 11, 19, 21, 30, tzinfo=LONDON)  # a Thursday evening


@pytest.mark.parametrize(
    "text", ["skip", "Skip!", "pass", "dont know", "I don't know", "idk", "n/a", "rather not say"]
)
def test_skip_words(text: str) -> None:
    assert is_skip(text)


@pytest.mark.parametrize("text", ["no", "outside Tesco", "skipping rope in the park", "Sam"])
def test_answers_that_are_not_skips(text: str) -> None:
    assert not is_skip(text)


def test_no_means_nothing_to_record_for_person_and_vehicle() -> None:
    assert means_nothing("No.") and means_nothing("on foot") and not means_nothing("a van")


def test_person_keeps_their_words_and_picks_out_name_and_clothing() -> None:
    person = parse_person("tall, his name is Sam Jones, wearing a grey hoodie. Beard")
    assert person.name == "Sam Jones"
    assert person.clothing == "a grey hoodie"
    assert person.description == "tall, his name is Sam Jones, wearing a grey hoodie. Beard"


def test_person_without_name_or_clothing() -> None:
    person = parse_person("short dark hair, maybe 30")
    assert person.name is None and person.clothing is None
    assert person.description == "short dark hair, maybe 30"


@pytest.mark.parametrize(
    ("text", "make", "colour", "registration"),
    [
        ("silver ford fiesta AB12 CDE", "ford fiesta", "silver", "AB12 CDE"),
        ("a dark blue van, reg ab12cde", "van", "dark blue", "AB12CDE"),
        ("black BMW", "BMW", "black", None),
        ("some kind of hatchback", "some kind of hatchback", None, None),
        ("red car with plate L123 ABC", None, "red", "L123 ABC"),
    ],
)
def test_vehicle(text: str, make: str | None, colour: str | None, registration: str | None) -> None:
    vehicle = parse_vehicle(text)
    assert (vehicle.make, vehicle.colour, vehicle.registration) == (make, colour, registration)


def test_entry_from_answers_reads_the_date_and_leaves_out_skips() -> None:
    entry = entry_from_answers(
        {
            "when": "yesterday about 6pm",
            "place": "outside my halls",
            "what": "they waited by the door",
            "person": "no",
            "vehicle": SKIPPED,
            "evidence": "none",
            "witnesses": SKIPPED,
            "impact": "couldn't sleep",
        },
        NOW,
        ["loitering"],
    )
    assert entry.occurred_at == datetime(2026, 11, 18, 18, 0, tzinfo=LONDON)
    assert entry.occurred_text == "yesterday about 6pm"
    assert entry.place == "outside my halls" and entry.impact == "couldn't sleep"
    assert entry.person is None and entry.vehicle is None and entry.witnesses is None
    assert entry.evidence == "none"  # "no evidence" is worth recording
    assert entry.behaviours == ("loitering",)


def test_a_day_without_a_time_is_a_date() -> None:
    entry = entry_from_answers({"when": "last tuesday", "place": "gym"}, NOW)
    assert entry.occurred_at == date(2026, 11, 17)


def test_unreadable_when_keeps_the_words() -> None:
    entry = entry_from_answers({"when": "the night of the party"}, NOW)
    assert entry.occurred_at is None and entry.occurred_text == "the night of the party"


def test_everything_skipped_is_an_empty_entry() -> None:
    with pytest.raises(EmptyEntry):
        entry_from_answers(dict.fromkeys(["when", "place", "what", "impact"], SKIPPED), NOW)


def test_too_long_is_refused_with_a_message() -> None:
    with pytest.raises(FieldTooLong) as error:
        entry_from_answers({"place": "x" * 501}, NOW)
    assert "The place is too long" in str(error.value)


def test_codes_are_recognised_with_any_separator_and_one_typo() -> None:
    code = generate_code()
    words = code.split()
    assert looks_like_code(code)
    assert looks_like_code("-".join(words).upper())
    assert looks_like_code(" ".join([*words[:5], "zzzq"]))  # one word mistyped
    assert not looks_like_code(" ".join(words[:3]))


@pytest.mark.parametrize(
    "text",
    [
        "he is always outside my door at night",
        "please help me now he is here",
        "my ex keeps sending me messages",
        "what can the police do about it",
    ],
)
def test_ordinary_messages_are_not_codes(text: str) -> None:
    assert not looks_like_code(text)
