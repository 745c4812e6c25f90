"""Conversations shared between two Rasa servers through Redis: state, expiry, Redis losing
everything, the API token and what the front exposes."""

from __future__ import annotations

import json
import time

import pytest

from tests.helpers import EMERGENCY, buttons, texts
from tests.production.stack import PREFIX, RASA_PORTS, get, post, redis_client

pytestmark = pytest.mark.production

# The advice for following (actions/advice/plan.py), in order: no contact, routine, safe places.
FOLLOWING_ADVICE = ["Try not to reply to, confront or meet", "vary your routes",
                    "Know your safe places"]


def test_turns_alternating_between_the_two_servers_keep_the_conversation(stack, sender) -> None:
    a, b = stack.rasa(0), stack.rasa(1)
    assert "in danger right now?" in texts(stack.say(a, sender, "hi"))
    assert "glad you're safe" in texts(stack.say(b, sender, "/safe_now"))
    assert "following you" in texts(stack.say(a, sender, "he keeps following me"))
    # each step of the advice is chosen by state the other server saved
    for base, message, expected in zip((b, a, b), ("/ask_advice", "/next_tip", "/next_tip"),
                                       FOLLOWING_ADVICE, strict=True):
        advice = texts(stack.say(base, sender, message))
        assert expected in advice, (message, advice)
    for base in (a, b):  # both servers see the same conversation
        slots = stack.tracker(base, sender)["slots"]
        assert slots["behaviours"] == ["following"]
        assert slots["safety_status"] == "safe"
    ttl = redis_client().ttl(f"{PREFIX}:tracker:{sender}")
    assert 0 < ttl <= stack.expiry_seconds  # record_exp is applied on every save


def test_a_conversation_through_the_front_keeps_its_state(stack, sender) -> None:
    stack.say(stack.front, sender, "/safe_now")
    stack.say(stack.front, sender, "my ex keeps calling me")
    stack.say(stack.front, sender, "he also follows me home")
    found = set(stack.tracker(stack.rasa(0), sender)["slots"]["behaviours"])
    assert {"unwanted_contact", "following"} <= found, found


def test_an_expired_conversation_starts_fresh(stack, sender) -> None:
    a, b = stack.rasa(0), stack.rasa(1)
    stack.say(a, sender, "/safe_now")
    stack.say(a, sender, "he keeps following me")
    assert stack.tracker(b, sender)["slots"]["behaviours"] == ["following"]
    time.sleep(stack.expiry_seconds + 1.5)
    assert redis_client().exists(f"{PREFIX}:tracker:{sender}") == 0  # Redis deleted it
    replies = stack.say(b, sender, "hello")
    assert "in danger right now?" in texts(replies)  # the welcome, as for a new person
    tracker = stack.tracker(a, sender)
    assert not tracker["slots"]["behaviours"]
    said = [e.get("text") for e in tracker["events"] if e["event"] == "user"]
    assert said == ["hello"], said


def test_redis_losing_everything_mid_conversation_restarts_it_gracefully(stack, sender) -> None:
    """A restart of a Redis that keeps nothing on disk: every key gone and every connection cut.
    Only this test's database is flushed and only its clients are disconnected."""
    a, b = stack.rasa(0), stack.rasa(1)
    stack.say(a, sender, "/safe_now")
    stack.say(b, sender, "he keeps following me")
    client = redis_client()
    client.flushdb()
    db = client.connection_pool.connection_kwargs["db"]
    mine = client.client_id()
    for info in client.client_list():
        if int(info["db"]) == db and int(info["id"]) != mine:
            client.client_kill_filter(_id=info["id"])
    for base, message in ((a, "/ask_advice"), (b, "what should i do"), (a, "hes outside my door")):
        status, body = stack.send(base, sender, message)
        assert status == 200, (status, body)  # never a 500
        assert texts(body).strip(), body  # and never silence
    assert EMERGENCY in texts(body)
    # started afresh: what was said before the loss is gone
    assert "following" not in (stack.tracker(b, sender)["slots"]["behaviours"] or [])
    assert redis_client().exists(f"{PREFIX}:tracker:{sender}") == 1  # and saved again


def test_the_http_api_needs_the_token(stack, sender) -> None:
    stack.say(stack.rasa(0), sender, "hi")
    for port in RASA_PORTS:
        status, _ = get(f"http://127.0.0.1:{port}/conversations/{sender}/tracker")
        assert status == 401
        status, _ = get(f"http://127.0.0.1:{port}/conversations/{sender}/tracker?token=wrong")
        assert status in (401, 403)
    assert stack.tracker(stack.rasa(1), sender)["sender_id"] == sender


def test_the_front_exposes_the_rest_channel_only(stack, sender) -> None:
    front = stack.front
    assert get(f"{front}/webhooks/rest/") == (200, {"status": "ok"})
    for path in (f"/conversations/{sender}/tracker?token={stack.token}", "/", "/status",
                 "/version", "/model/parse", "/webhook"):
        assert get(f"{front}{path}")[0] == 404, path
    assert get(f"{front}/webhooks/widget/signpost.js")[0] == 200  # the web widget's script
    assert get(f"{front}/webhooks/widget/demo")[0] == 404  # its demo page: development only
    status, body, _ = post(f"{front}/webhooks/rest/webhook", b"x" * 300_000)
    assert status == 413 and body == {"error": "request body too large"}
    status, body, _ = post(f"{front}/webhooks/rest/webhook", b"{broken")
    assert status == 400 and "error" in body


def test_cors_allows_no_other_site_by_default(stack) -> None:
    import urllib.request

    request = urllib.request.Request(
        f"{stack.rasa(0)}/webhooks/rest/webhook",
        json.dumps({"sender": "cors-check", "message": "hi"}).encode(),
        {"Content-Type": "application/json", "Origin": "https://evil.example"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.headers.get("Access-Control-Allow-Origin") in (None, "")


def test_the_diary_tables_are_in_the_configured_database(stack, diary_direct_url) -> None:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(diary_direct_url)
    try:
        assert {"diary_diaries", "diary_entries"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_the_menu_has_buttons_on_both_servers(stack, sender) -> None:
    for index in (0, 1):
        assert "/ask_advice" in buttons(stack.say(stack.rasa(index), f"{sender}-{index}", "menu"))
