"""Privacy in the logs, the directory at fixed times, and safety with the action server down.

These run last in the session (file name order) because they restart the action server.
"""

from __future__ import annotations

import uuid

import pytest

from tests.helpers import EMERGENCY, texts

pytestmark = pytest.mark.e2e


def test_no_message_text_in_the_logs(servers, sender) -> None:
    marker = f"zebra{uuid.uuid4().hex[:10]}"
    servers.say(sender, f"my neighbour {marker} keeps following me")
    servers.say(sender, f"{marker} hes outside my door")
    for log in (servers.rasa_log, servers.actions_log):
        assert marker not in log.read_text(errors="replace"), f"message text in {log.name}"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-25T14:00", ["Open right now:", "National Stalking Helpline"]),  # weekday day
        ("2026-11-24T02:00", ["out of hours", "opens today at 09:30"]),  # weekday night
        ("2026-11-22T11:00", ["out of hours", "opens tomorrow at 09:30"]),  # Sunday
        ("2026-12-25T10:00", ["out of hours", "opens Tuesday at 09:30"]),  # Christmas Day
    ],
)
def test_who_can_i_talk_to_at_fixed_times(servers, sender, now, expected) -> None:
    servers.start_actions(SIGNPOST_NOW=now)
    said = texts(servers.say(sender, "who can i talk to tonight"))
    for phrase in expected:
        assert phrase in said, (now, phrase, said)
    assert "999" in said and "Samaritans" in said


def test_safety_answers_work_with_the_action_server_down(servers, sender) -> None:
    servers.stop_actions()
    assert EMERGENCY in texts(servers.say(sender, "hes outside my door"))
    assert "116 123" in texts(servers.say(f"{sender}-2", "i want to kill myself"))
    assert "Here's what I can help with" in texts(servers.say(f"{sender}-3", "menu"))


def test_danger_in_the_middle_of_a_diary_entry_with_the_action_server_down(servers, sender) -> None:
    servers.start_actions()
    servers.say(sender, "I want to write down what happened")
    assert "When did it happen?" in texts(servers.say(sender, "yes"))
    servers.stop_actions()
    try:
        said = texts(servers.say(sender, "hes outside my door right now"))
        assert EMERGENCY in said and "press 55" in said
        assert "116 123" in texts(servers.say(f"{sender}", "i want to kill myself"))
    finally:
        servers.start_actions()
