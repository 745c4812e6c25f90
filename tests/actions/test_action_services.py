"""Who can I talk to now: computed from the clock, at fixed times (SIGNPOST_NOW)."""

from __future__ import annotations

import pytest

from actions.action_services import ActionNoteClosedServices, ActionShowServices
from actions.directory import load_directory, parse_when
from actions.directory.chat import closed_notes, priorities_for, services_messages
from tests.helpers import make_tracker

WEEKDAY_DAY = "2026-11-25T14:00"  # Wednesday afternoon: the helpline is open 13:00-16:00
WEEKDAY_NIGHT = "2026-11-24T02:00"  # Tuesday 2 a.m.
SUNDAY = "2026-11-22T11:00"
CHRISTMAS = "2026-12-25T10:00"


def texts(dispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def run_at(monkeypatch, dispatcher, when: str, **slots) -> str:
    monkeypatch.setenv("SIGNPOST_NOW", when)
    ActionShowServices().run(dispatcher, make_tracker(intent="ask_services", slots=slots), {})
    return texts(dispatcher)


def test_weekday_daytime_leads_with_the_open_helpline(monkeypatch, dispatcher) -> None:
    reply = run_at(monkeypatch, dispatcher, WEEKDAY_DAY)
    assert "Open right now:" in reply
    open_part = reply.split("Open right now:")[1].split("Opening later")[0]
    assert "National Stalking Helpline" in open_part and "until 16:00" in open_part
    assert "999" in reply and "101" in reply


@pytest.mark.parametrize("when", [WEEKDAY_NIGHT, SUNDAY, CHRISTMAS])
def test_out_of_hours_says_so_and_leads_with_what_is_open(monkeypatch, dispatcher, when) -> None:
    reply = run_at(monkeypatch, dispatcher, when)
    assert "out of hours" in reply
    assert "Samaritans: 116 123 (open 24 hours)" in reply
    later = reply.split("Opening later:")[1]
    assert "National Stalking Helpline" in later


def test_weekday_night_says_when_the_helpline_opens(monkeypatch, dispatcher) -> None:
    reply = run_at(monkeypatch, dispatcher, WEEKDAY_NIGHT)
    assert "National Stalking Helpline, 0808 802 0300" not in reply  # not listed as open
    assert "opens today at 09:30" in reply


def test_christmas_day_helpline_reopens_after_the_bank_holidays(monkeypatch, dispatcher) -> None:
    reply = run_at(monkeypatch, dispatcher, CHRISTMAS)
    # 25 Dec is a Friday; Monday 28 Dec 2026 is the Boxing Day substitute: opens Tuesday.
    assert "opens Tuesday at 09:30" in reply


def test_an_ex_partner_puts_the_domestic_abuse_helpline_first(monkeypatch, dispatcher) -> None:
    reply = run_at(monkeypatch, dispatcher, WEEKDAY_NIGHT, relationship="partner_ex")
    first_open = reply.split("but you can talk to someone now:\n")[1].splitlines()[0]
    assert "Domestic Abuse Helpline" in first_open


def test_priorities_follow_the_situation() -> None:
    assert priorities_for(["threats"], "partner_ex")[:2] == ["domestic_abuse", "high_risk"]
    assert priorities_for([], None)[0] == "stalking_specialist"


def test_closed_service_named_in_advice_gets_its_opening_time() -> None:
    directory = load_directory("generic")
    now = parse_when(WEEKDAY_NIGHT)
    notes = closed_notes(directory, now, "call the National Stalking Helpline on 0808 802 0300")
    assert len(notes) == 1
    assert "closed right now" in notes[0] and "opens today at 09:30" in notes[0]
    assert "is open now: " in notes[0]  # and what is open instead
    assert closed_notes(directory, parse_when(WEEKDAY_DAY), "0808 802 0300") == []


def test_note_action_reads_the_last_bot_message(monkeypatch, dispatcher) -> None:
    monkeypatch.setenv("SIGNPOST_NOW", SUNDAY)
    tracker = make_tracker()
    tracker.events = [{"event": "bot", "text": "The National Stalking Helpline: 0808 802 0300"}]
    ActionNoteClosedServices().run(dispatcher, tracker, {})
    assert "opens tomorrow at 09:30" in texts(dispatcher)  # Sunday -> Monday


def test_every_institution_answers(monkeypatch) -> None:
    for institution in ["generic", "kent", "leicester", "city"]:
        messages = services_messages(load_directory(institution), parse_when(WEEKDAY_NIGHT))
        assert messages[0].startswith("In an emergency, call 999")
