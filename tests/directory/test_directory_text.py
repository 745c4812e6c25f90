"""What the chat says: opening times in words, the open-now summary, the clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from actions.directory import (
    LONDON,
    describe_opening,
    load_directory,
    now_london,
    open_now_summary,
    parse_when,
)


def describe(service_id: str, when: str, institution: str = "kent") -> str:
    now = parse_when(when)
    return describe_opening(load_directory(institution).get(service_id).status_at(now), now)


@pytest.mark.parametrize(
    ("service_id", "when", "text"),
    [
        ("national_stalking_helpline", "2026-11-23T10:00", "open now until 16:00"),
        ("national_stalking_helpline", "2026-11-25T10:00", "opens today at 13:00"),
        ("national_stalking_helpline", "2026-11-23T17:00", "opens tomorrow at 09:30"),
        ("national_stalking_helpline", "2026-11-27T17:00", "opens Monday at 09:30"),
        ("national_stalking_helpline", "2026-12-24T17:00", "opens Tuesday at 09:30"),
        ("nightline", "2026-11-23T23:00", "open now until tomorrow at 08:00"),
        ("nightline", "2026-11-24T02:00", "open now until 08:00"),
        ("samaritans", "2026-11-25T03:00", "open 24 hours"),
        ("police_non_emergency", "2026-11-25T03:00", "opening hours not confirmed"),
    ],
)
def test_describe_opening(service_id: str, when: str, text: str) -> None:
    assert describe(service_id, when) == text


def test_describe_opening_more_than_a_week_ahead_gives_the_date(content, service) -> None:
    root = content({"mondays": {"name": "M", "subdivision": "ENG", "services": [service()]}})
    mondays = load_directory("mondays", root).get("test_service")
    now = parse_when("2026-12-22T12:00")  # next two Mondays are bank holidays
    assert describe_opening(mondays.status_at(now), now) == "opens Monday 4 January at 09:00"


def ids(entries: list[dict]) -> list[str]:
    return [entry["id"] for entry in entries]


def test_summary_lists_every_service_once_in_the_right_group() -> None:
    directory = load_directory("kent")
    summary = open_now_summary(directory, parse_when("2026-11-25T10:00"))
    listed = ids(summary["open"]) + ids(summary["closed"]) + ids(summary["hours_unknown"])
    assert sorted(listed) == sorted(s.id for s in directory.services)
    assert {"police_emergency", "samaritans", "victim_support"} <= set(ids(summary["open"]))
    assert "police_non_emergency" in ids(summary["hours_unknown"])
    helpline = summary["closed"][0]
    assert helpline["id"] == "national_stalking_helpline"
    assert helpline["opens_next"] == "2026-11-25T13:00:00+00:00"
    assert helpline["description"] == "opens today at 13:00"
    assert all(entry["opens_next"] for entry in summary["closed"])


def test_999_first_then_priorities_then_stalking_specialists() -> None:
    directory, now = load_directory("kent"), parse_when("2026-11-25T14:00")
    plain = ids(open_now_summary(directory, now)["open"])
    assert plain[:3] == ["police_emergency", "national_stalking_helpline", "paladin"]
    ex_partner = ids(open_now_summary(directory, now, ["domestic_abuse"])["open"])
    assert ex_partner[:2] == ["police_emergency", "domestic_abuse_helpline"]
    threats = ids(open_now_summary(directory, now, ["high_risk", "samaritans"])["open"])
    assert threats[:3] == ["police_emergency", "paladin", "samaritans"]


def test_out_of_hours_when_no_stalking_specialist_is_open() -> None:
    directory = load_directory("kent")
    assert open_now_summary(directory, parse_when("2026-11-25T14:00"))["out_of_hours"] is False
    assert open_now_summary(directory, parse_when("2026-11-25T09:45"))["out_of_hours"] is True
    night = open_now_summary(directory, parse_when("2026-11-24T23:00"))
    assert night["out_of_hours"] is True
    assert "samaritans" in ids(night["open"]) and "nightline" in ids(night["closed"])


def test_clock_override_without_offset_is_london_time(monkeypatch) -> None:
    monkeypatch.setenv("SIGNPOST_NOW", "2026-07-01T12:00")
    assert now_london() == datetime(2026, 7, 1, 11, tzinfo=UTC)
    assert now_london().tzinfo is LONDON


def test_clock_override_with_offset_is_converted(monkeypatch) -> None:
    monkeypatch.setenv("SIGNPOST_NOW", "2026-07-01T12:00+00:00")
    assert now_london().strftime("%H:%M %Z") == "13:00 BST"


def test_clock_without_override_is_now(monkeypatch) -> None:
    assert abs(now_london() - datetime.now(UTC)) < timedelta(seconds=5)
    monkeypatch.setenv("SIGNPOST_NOW", "next tuesday")
    with pytest.raises(ValueError, match="SIGNPOST_NOW"):
        now_london()
