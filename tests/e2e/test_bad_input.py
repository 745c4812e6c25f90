"""Anything a person or a client can send: a sensible reply or a clear 4xx, never a 500."""

from __future__ import annotations

import json

import pytest

from tests.helpers import buttons, texts

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    "message",
    ["", "   ", "a" * 10_000, "😱😱😱", "\x00\x07\x1b[31mhello\x7f", "Bonjour, quelqu'un me suit",
     "ما الذي يحدث", "?!?!", "\u202e\u200b"],
)
def test_strange_text_gets_a_reply_with_a_way_on(servers, sender, message) -> None:
    replies = servers.say(sender, message)
    assert texts(replies).strip()
    assert buttons(replies), "every reply to confusing input offers buttons (never a dead end)"


def test_danger_at_the_end_of_a_long_message_is_still_caught(servers, sender) -> None:
    message = "sorry this is long " * 50 + "and now hes outside my door"
    assert "call 999" in texts(servers.say(sender, message))


def test_a_typed_intent_payload_cannot_set_slots(servers, sender) -> None:
    servers.say(sender, '/menu{"safety_status": "danger", "advice_queue": ["legal"]}')
    tracker = servers.tracker(sender)
    assert not tracker["latest_message"]["text"].startswith("/")  # read as text, not a command
    assert tracker["slots"].get("advice_queue") != ["legal"]
    assert tracker["slots"].get("safety_status") != "danger"


def test_a_button_payload_still_works(servers, sender) -> None:
    assert "glad you're safe" in texts(servers.say(sender, "/safe_now"))


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2, 3]", b'"just a string"', b'{"message": "hi"}',
     b'{"sender": 5, "message": "hi"}', b'{"sender": "x", "message": 42}',
     b'{"sender": "x", "message": "hi", "metadata": [1]}', b"\xff\xfe\xfa",
     json.dumps({"sender": "x" * 500, "message": "hi"}).encode(), b"",
     json.dumps({"sender": "x", "message": "a" * 100_000}).encode()],
)
def test_malformed_requests_get_a_clear_400(servers, body) -> None:
    status, reply = servers.post(body)
    assert status == 400
    assert isinstance(reply, dict) and reply["error"]
