"""Whole conversations through the REST channel, as a person meets them."""

from __future__ import annotations

import pytest

from tests.helpers import EMERGENCY, buttons, texts

pytestmark = pytest.mark.e2e



def test_greeting_says_what_signpost_is_and_asks_about_danger(servers, sender) -> None:
    replies = servers.say(sender, "hi")
    said = texts(replies)
    assert "not a person" in said and "not an emergency service" in said
    assert "in danger right now?" in said
    assert buttons(replies) == ["/immediate_danger", "/safe_now", "/unsure_safety"]


@pytest.mark.parametrize(
    "message", ["hes outside my door", "being followed rn", "HELP he's trying to get in"]
)
def test_danger_as_the_first_message(servers, sender, message) -> None:
    said = texts(servers.say(sender, message))
    assert EMERGENCY in said and "press 55" in said and "emergencySMS" in said


def test_danger_in_the_middle_of_advice(servers, sender) -> None:
    servers.say(sender, "hi")
    servers.say(sender, "/safe_now")
    servers.say(sender, "someone keeps sending me messages")
    advice = texts(servers.say(sender, "/ask_advice"))
    assert EMERGENCY not in advice
    assert EMERGENCY in texts(servers.say(sender, "wait hes at my door right now"))
    assert "/safe_now" in buttons(servers.say(sender, "/immediate_danger"))


@pytest.mark.parametrize(
    "message",
    ["he followed me last week", "I'm not in danger right now",
     "he was outside yesterday but he's gone"],
)
def test_past_or_negated_is_not_an_alarm(servers, sender, message) -> None:
    assert EMERGENCY not in texts(servers.say(sender, message))


def test_behaviours_accumulate_and_are_reflected_back(servers, sender) -> None:
    first = texts(servers.say(sender, "he keeps following me home"))
    assert "following you" in first
    assert "If any of this is happening right now, call 999" in first  # a quiet safety net
    second = texts(servers.say(sender, "and now he sends me flowers every week"))
    assert "gifts" in second
    slots = servers.tracker(sender)["slots"]
    # Sending flowers can also count as unwanted contact; what matters is that both stay.
    assert slots["behaviours"][0] == "following" and "gifts" in slots["behaviours"]


def test_advice_steps_through_with_buttons(servers, sender) -> None:
    servers.say(sender, "/safe_now")
    servers.say(sender, "my ex made fake accounts to watch my instagram")
    first = servers.say(sender, "yes")
    assert "/next_tip" in buttons(first) and "/menu" in buttons(first)
    second = texts(servers.say(sender, "next"))
    assert second and second != texts(first)


def test_self_harm_gets_the_crisis_answer(servers, sender) -> None:
    said = texts(servers.say(sender, "i just want to die"))
    assert "116 123" in said and "999" in said


def test_goodbye_ends_warmly_with_the_key_numbers(servers, sender) -> None:
    said = texts(servers.say(sender, "bye"))
    assert "999" in said and "116 123" in said
