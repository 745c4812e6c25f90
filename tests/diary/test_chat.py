"""The diary summary as the person reads it."""

from __future__ import annotations

from datetime import date

from actions.diary import Entry
from actions.diary.chat import summary_text


def label(behaviour: str) -> str:
    return behaviour.replace("_", " ")


def test_one_incident_has_no_course_of_conduct_line() -> None:
    said = summary_text([Entry(occurred_at=date(2026, 11, 3), behaviours=("following",))], label)
    assert said.startswith("Your diary has 1 incident on Tuesday 3 November 2026.")
    assert "following" in said and "course of conduct" not in said


def test_two_incidents_are_a_course_of_conduct_with_a_gentle_next_step() -> None:
    entries = [
        Entry(occurred_at=date(2026, 11, 3), behaviours=("following",)),
        Entry(occurred_at=date(2026, 11, 18), place="gym", behaviours=("turning_up",)),
    ]
    said = summary_text(entries, label)
    assert "2 incidents, from Tuesday 3 November 2026 to Wednesday 18 November 2026" in said
    assert "following and turning up" in said
    assert "course of conduct" in said and "0808 802 0300" in said and "101" in said


def test_empty_diary() -> None:
    assert summary_text([], label) == "Your diary has no entries yet."
