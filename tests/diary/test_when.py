from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actions.diary.when import LONDON, parse_when

# Wednesday 18 November 2026, 21:30 in London (GMT).
NOW = datetime(2026, 11, 18, 21, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "expected", "phrase"),
    [
        ("yesterday about 6pm", "2026-11-17 18:00", "Tuesday 17 November 2026 at 18:00"),
        ("Yesterday at about 6ish", "2026-11-17 18:00", None),
        ("yesterday 6.30pm", "2026-11-17 18:30", None),
        ("last Tuesday", "2026-11-17", "Tuesday 17 November 2026"),
        ("tuesday", "2026-11-17", None),
        ("last Wednesday", "2026-11-11", None),  # today is Wednesday: the one before
        ("this morning", "2026-11-18", "Wednesday 18 November 2026, in the morning"),
        ("last night", "2026-11-17", "Tuesday 17 November 2026, at night"),
        ("monday evening", "2026-11-16", "Monday 16 November 2026, in the evening"),
        ("2 days ago", "2026-11-16", "Monday 16 November 2026"),
        ("an hour ago", "2026-11-18 20:30", None),
        ("just now", "2026-11-18 21:30", None),
        ("on the 3rd", "2026-11-03", "Tuesday 3 November 2026"),
        ("the 20th", "2026-10-20", None),  # the 20th of this month is still to come
        ("the 31st", "2026-10-31", None),  # November has no 31st
        ("12/11", "2026-11-12", "Thursday 12 November 2026"),
        ("12/11 at 3pm", "2026-11-12 15:00", None),
        ("17/11 at 18:00", "2026-11-17 18:00", None),
        ("on 12/11/25", "2025-11-12", None),
        ("3 May", "2026-05-03", None),
        ("12th November 2025", "2025-11-12", None),
        ("tonight at 8", "2026-11-18 20:00", "Wednesday 18 November 2026 at 20:00"),
        ("this evening at 7.15", "2026-11-18 19:15", None),
        ("sunday at 3", "2026-11-15 15:00", None),  # a bare 1-6 is the afternoon
        ("this morning at 8", "2026-11-18 08:00", None),
        ("at 8", "2026-11-18 08:00", None),
        ("noon", "2026-11-18 12:00", None),
        ("yesterday at midnight", "2026-11-17 00:00", None),
        ("friday 13th", "2026-11-13", "Friday 13 November 2026"),
        ("11pm", "2026-11-17 23:00", None),  # 23:00 today is still to come
        ("10pm", "2026-11-18 22:00", None),  # within the hour: clocks differ
    ],
)
def test_uk_phrases(text: str, expected: str, phrase: str | None) -> None:
    parsed = parse_when(text, NOW)
    assert parsed is not None, text
    has_time = " " in expected
    shown = parsed.when.strftime("%Y-%m-%d %H:%M" if has_time else "%Y-%m-%d")
    assert (shown, parsed.has_time) == (expected, has_time)
    assert parsed.when.tzinfo is not None
    assert parsed.text == text.strip()
    if phrase:
        assert parsed.phrase == phrase
    assert isinstance(parsed.value, datetime) == has_time


@pytest.mark.parametrize(
    "text",
    [
        "banana",
        "",
        "   ",
        "I don't know",
        "5",
        "tomorrow",
        "next friday",
        "in 1850",
        "12/13",
        "31/02",
        "yesterday 25:00",
        "13pm",
        "may",
        "last morning",
        "tuesday 12 november 2026",  # 12 November 2026 is a Thursday
        "x" * 200,
    ],
)
def test_nonsense_future_and_contradictions_are_rejected(text: str) -> None:
    assert parse_when(text, NOW) is None


def test_more_than_an_hour_ahead_is_rejected() -> None:
    assert parse_when("tonight at 8", NOW.replace(hour=10)) is None
    within = parse_when("today at 22:15", NOW)  # 45 minutes ahead: clocks differ
    assert within is not None and within.has_time


def day_of(text: str, now: datetime) -> date:
    parsed = parse_when(text, now)
    assert parsed is not None, text
    return parsed.when.date()


def test_dates_early_in_the_month_and_year() -> None:
    now = datetime(2026, 11, 2, 10, 0, tzinfo=LONDON)
    assert day_of("on the 3rd", now) == date(2026, 10, 3)
    assert day_of("12/11", now) == date(2025, 11, 12)
    new_year = datetime(2026, 1, 1, 9, 0, tzinfo=LONDON)
    assert day_of("the 30th", new_year) == date(2025, 12, 30)
    assert day_of("yesterday", new_year) == date(2025, 12, 31)


def test_summer_time_and_utc_now() -> None:
    summer = datetime(2026, 7, 15, 9, 0, tzinfo=UTC)  # 10:00 in London
    parsed = parse_when("yesterday about 6pm", summer)
    assert parsed is not None
    assert parsed.when.isoformat() == "2026-07-14T18:00:00+01:00"
    hour_ago = parse_when("an hour ago", summer)
    assert hour_ago is not None and hour_ago.when.hour == 9


def test_value_is_a_date_without_a_time() -> None:
    parsed = parse_when("last tuesday", NOW)
    assert parsed is not None and parsed.value == date(2026, 11, 17)
    assert type(parsed.value) is date


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_and_never_in_the_future(text: str) -> None:
    parsed = parse_when(text, NOW)
    if parsed is not None:
        assert parsed.when <= NOW + timedelta(hours=1)
