"""Hostile input against a real Rasa server's Telegram webhook: whatever arrives, a 2xx or a 4xx,
never a 500 and never a stack trace. Hypothesis generates the bodies, from raw bytes to updates
that are right except for one field of the wrong type at any level; the server is the trained
model behind Signpost's Telegram channel (credentials.telegram.example.yml, secrets from the
environment), the Bot API is the local stand-in, and there is no action server. Started once for
this module on port SIGNPOST_TEST_TELEGRAM_FUZZ_PORT (default 9105).

What the answers mean (connectors/telegram.py, docs/telegram.md): 403 without the secret; 400 for
what is not a Telegram update at all (Telegram never sends it); 200 for every update, even one we
cannot use, because Telegram repeats an update that gets anything else, to no avail.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_telegram import SENDER_SECRET, WEBHOOK_SECRET, update
from test_telegram_standin import BOT_ID, TOKEN, FakeBotAPI

from connectors.telegram import MAX_UPDATE_BYTES
from connectors.telegram_settings import SECRET_HEADER, WEBHOOK_PATH
from tests.connectors.fuzz_server import FUZZ, rasa_without_actions

PORT = int(os.environ.get("SIGNPOST_TEST_TELEGRAM_FUZZ_PORT", "9105"))
CHAT_IDS = itertools.count(880_000_001)  # a fresh private chat per example: never rate limited


@pytest.fixture(scope="module")
def server(api: FakeBotAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    environment = {
        **os.environ,
        "SIGNPOST_TELEGRAM_ACCESS_TOKEN": TOKEN,
        "SIGNPOST_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "SIGNPOST_TELEGRAM_SENDER_SECRET": SENDER_SECRET,
        "SIGNPOST_TELEGRAM_BASE_URL": api.base_url,
    }
    environment.pop("SIGNPOST_API_TOKEN", None)
    environment.pop("SIGNPOST_RATE_LIMIT", None)
    with rasa_without_actions(tmp_path_factory.mktemp("fuzz_telegram"), PORT,
                              "SIGNPOST_TEST_TELEGRAM_FUZZ_PORT",
                              "credentials.telegram.example.yml", "/webhooks/telegram/",
                              environment) as host:
        yield host


@pytest.fixture(autouse=True)
def fresh(api: FakeBotAPI) -> None:
    api.reset()


def request(host: str, body: bytes, secret: str | bytes | None = WEBHOOK_SECRET,
            method: str = "POST", headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(host, timeout=60)
    try:
        connection.putrequest(method, WEBHOOK_PATH)
        for name, value in {"Content-Type": "application/json", **(headers or {}),
                            "Content-Length": str(len(body))}.items():
            connection.putheader(name, value)
        if secret is not None:
            connection.putheader(SECRET_HEADER, secret)
        try:
            connection.endheaders(body)
        except (BrokenPipeError, ConnectionResetError):
            # The server answered (413) and closed before reading the whole body, as it should
            # for an oversized one; its answer is still there to read.
            pass
        reply = connection.getresponse()
        return reply.status, reply.read()
    finally:
        connection.close()


def check(status: int, raw: bytes) -> dict[str, Any] | None:
    """Never a 5xx or a stack trace; the channel's own answers are a JSON object that says what
    happened (200: "status") or what is wrong (4xx: "error")."""
    assert status < 500, (status, raw[:300])
    assert b"Traceback" not in raw and b'File "' not in raw, raw[:300]
    if status in (200, 400, 403):
        body = json.loads(raw)
        assert isinstance(body, dict) and set(body) == ({"status"} if status == 200 else {"error"})
        return body
    assert status in (405, 413), (status, raw[:300])  # Sanic's own: wrong method, too large
    return None


def post(host: str, data: Any) -> tuple[int, dict[str, Any] | None]:
    status, raw = request(host, json.dumps(data).encode())
    return status, check(status, raw)


# --- strategies --------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=25,
)


def sometimes_wrong(right: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly a value of the right type, sometimes any JSON at all: a wrong type at this level."""
    return st.one_of(*[right] * 6, JSON)


# Huge strings as a short drawn piece repeated: Hypothesis cannot draw 5,000+ characters one by one
HUGE_TEXT = st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=12),
                      st.integers(500, 4000))
CHAT_TYPES = st.sampled_from(["private", "group", "supergroup", "channel"])
USER = st.fixed_dictionaries(
    {"id": sometimes_wrong(st.integers(1, 2**52) | st.just(BOT_ID)),
     "is_bot": sometimes_wrong(st.booleans()),
     "first_name": sometimes_wrong(st.text(max_size=20))},
    optional={"username": sometimes_wrong(st.text(max_size=20))},
)
CHAT = st.fixed_dictionaries(
    {"id": sometimes_wrong(st.integers(-2**52, 2**52)), "type": sometimes_wrong(CHAT_TYPES)})
ENTITY = st.fixed_dictionaries(
    {"type": sometimes_wrong(st.sampled_from(["mention", "text_mention", "bot_command", "bold"])),
     "offset": sometimes_wrong(st.integers(-3, 60)),
     "length": sometimes_wrong(st.integers(-3, 60))},
    optional={"user": sometimes_wrong(USER)},
)
TEXT = st.text(max_size=200) | st.sampled_from(
    ["/start", "/menu", "/help", "/exit", "/start@SignpostTestBot", "/menu@OtherBot",
     "@SignpostTestBot hi", "he is outside my house right now", '/safe_now{"x": 1}'])
KEYBOARD = st.fixed_dictionaries({"inline_keyboard": sometimes_wrong(st.lists(
    st.lists(st.fixed_dictionaries({"text": sometimes_wrong(st.text(max_size=20)),
                                    "callback_data": sometimes_wrong(st.text(max_size=70))}),
             max_size=2), max_size=3))})


def message(depth: int = 1) -> st.SearchStrategy:
    optional: dict[str, st.SearchStrategy] = {
        "from": sometimes_wrong(USER),
        "text": sometimes_wrong(TEXT),
        "caption": sometimes_wrong(st.text(max_size=50)),
        "entities": sometimes_wrong(st.lists(sometimes_wrong(ENTITY), max_size=3)),
        "caption_entities": sometimes_wrong(st.lists(sometimes_wrong(ENTITY), max_size=2)),
        "sticker": JSON,
        "photo": JSON,
        "message_thread_id": sometimes_wrong(st.integers(1, 1000)),
        "is_topic_message": sometimes_wrong(st.booleans()),
        "reply_markup": sometimes_wrong(KEYBOARD),
    }
    if depth:
        optional["reply_to_message"] = sometimes_wrong(message(depth - 1))
    return st.fixed_dictionaries(
        {"message_id": sometimes_wrong(st.integers(1, 2**31)),
         "date": sometimes_wrong(st.integers(0, 2**31)),
         "chat": sometimes_wrong(CHAT)},
        optional=optional,
    )


CALLBACK_QUERY = st.fixed_dictionaries(
    {"id": sometimes_wrong(st.text(min_size=1, max_size=20)), "from": sometimes_wrong(USER),
     "chat_instance": sometimes_wrong(st.text(max_size=20))},
    optional={"message": sometimes_wrong(message(0)),
              "data": sometimes_wrong(st.text(max_size=100) | HUGE_TEXT)},
)
UPDATE = st.fixed_dictionaries(
    {"update_id": sometimes_wrong(st.integers(0, 2**31))},
    optional={"message": sometimes_wrong(message()),
              "edited_message": sometimes_wrong(message()),
              "callback_query": sometimes_wrong(CALLBACK_QUERY),
              "channel_post": JSON, "my_chat_member": JSON, "extra": JSON},
)


# --- anything at all ---------------------------------------------------------------------------


@FUZZ
@given(raw=st.binary(max_size=4096))
def test_any_bytes(server: str, raw: bytes) -> None:
    check(*request(server, raw))


@FUZZ
@given(value=JSON)
def test_any_json_value(server: str, value: object) -> None:
    post(server, value)


@FUZZ
@given(data=UPDATE)
def test_updates_with_wrong_types_at_any_level(server: str, data: dict[str, Any]) -> None:
    status, body = post(server, data)
    assert status in (200, 400)
    assert body != {"status": "failed"}, "an exception while handling: a case to check first"


@FUZZ
@given(prefix=st.binary(max_size=50), junk=st.binary(min_size=1, max_size=50))
def test_invalid_utf8(server: str, prefix: bytes, junk: bytes) -> None:
    invalid = prefix + b"\xff" + junk + b"\xc3"  # 0xff never appears in UTF-8
    body = b'{"update_id": 1, "message": {"message_id": 1, "text": "' + invalid + b'"}}'
    status, raw = request(server, body)
    assert check(status, raw) == {"error": "body must be JSON in UTF-8"}


# --- the secret ------------------------------------------------------------------------------


@FUZZ
@given(secret=st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=300)
       | st.binary(max_size=100).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")))
def test_a_wrong_secret_is_refused_and_nothing_is_sent(server: str, api: FakeBotAPI,
                                                       secret: str | bytes) -> None:
    if secret in (WEBHOOK_SECRET, WEBHOOK_SECRET.encode()):
        return
    status, raw = request(server, json.dumps(update("private_start")).encode(), secret=secret)
    assert (status, check(status, raw)) == (403, {"error": "forbidden"})
    assert api.api_methods() == []


def test_a_missing_secret_is_refused(server: str, api: FakeBotAPI) -> None:
    for body in (json.dumps(update("private_start")).encode(), b"{", b""):
        status, raw = request(server, body, secret=None)
        assert (status, check(status, raw)) == (403, {"error": "forbidden"})
    assert api.api_methods() == []


# --- every usable message is handled ----------------------------------------------------------


@FUZZ
@given(text=st.text(min_size=1, max_size=600), edited=st.booleans())
def test_any_text_in_a_private_chat_is_handled(server: str, text: str, edited: bool) -> None:
    chat = next(CHAT_IDS)
    typed = update("private_text")
    typed["message"]["chat"]["id"] = typed["message"]["from"]["id"] = chat
    typed["message"]["text"] = text
    if edited:
        typed["edited_message"] = typed.pop("message")
    status, body = post(server, typed)
    assert status == 200, body
    assert body["status"] in ("message", "edited message", "exit") or body["status"].startswith(
        "command "), body


@FUZZ
@given(data=st.text(max_size=100) | HUGE_TEXT)
def test_a_button_with_any_data_is_answered(server: str, api: FakeBotAPI, data: str) -> None:
    chat = next(CHAT_IDS)
    pressed = update("callback_query")
    pressed["callback_query"]["id"] = f"query-{chat}"
    pressed["callback_query"]["message"]["chat"]["id"] = chat
    pressed["callback_query"]["data"] = data
    status, body = post(server, pressed)
    if len(json.dumps(pressed)) > MAX_UPDATE_BYTES:  # astral characters take 12 bytes in JSON
        assert (status, body) == (400, {"error": "request body too large"})
        return
    assert (status, body) == (200, {"status": "button"})
    answered = [c.params["callback_query_id"] for c in api.of("answerCallbackQuery")]
    assert f"query-{chat}" in answered  # the spinner stops


def test_with_the_action_server_down_a_message_still_gets_an_answer(
    server: str, api: FakeBotAPI
) -> None:
    # Found by this fuzzer: Telegram sent nothing at all where REST adds its notice.
    chat = next(CHAT_IDS)
    typed = changed(text="someone keeps following me home", chat={"id": chat, "type": "private"})
    assert post(server, typed) == (200, {"status": "message"})
    sent = [c.params for c in api.of("sendMessage") if c.params["chat_id"] == chat]
    notice = [p for p in sent if "part of Signpost isn't working" in p["text"]]
    assert notice, sent
    assert "Menu" in json.dumps(notice[0].get("reply_markup")), notice[0]


# --- found by the fuzzer: well-formed updates we cannot use get 200, and nothing happens ----------

PRIVATE = {"message_id": 7, "date": 1763716800, "chat": {"id": 880_000_000, "type": "private"},
           "from": {"id": 880_000_000, "is_bot": False, "first_name": "Sam"}, "text": "hi"}


def changed(**fields: Any) -> dict[str, Any]:
    return {"update_id": 1, "message": {**PRIVATE, **fields}}


def pressed(**fields: Any) -> dict[str, Any]:
    query = {"id": "q1", "from": PRIVATE["from"], "chat_instance": "1", "message": PRIVATE,
             "data": "/safe_now", **fields}
    return {"update_id": 1, "callback_query": query}


@pytest.mark.parametrize(
    "data",
    [changed(chat={"id": "880000000", "type": "private"}),  # fed to Rasa as a conversation before
     changed(chat={"id": True, "type": "private"}),
     changed(chat={"id": 1.5, "type": "private"}),
     changed(chat={"id": 880_000_000, "type": 5}),
     changed(text=5), changed(text=["hi"]), changed(caption={"a": 1}),
     changed(message_id={}),
     changed(**{"from": {"id": "880000000", "is_bot": False, "first_name": "Sam"}}),
     changed(entities=[{"type": "mention", "offset": "0", "length": 3}]),
     changed(message_thread_id="x"),
     changed(reply_to_message={**PRIVATE, "from": {"id": [1], "is_bot": False,
                                                   "first_name": "x"}}),
     {"update_id": 1, "edited_message": {**PRIVATE, "text": 1e300}},
     pressed(id=5), pressed(data={"a": 1}), pressed(data=7),
     pressed(message={**PRIVATE, "reply_markup": {"inline_keyboard": [[{"text": 5}]]}}),
     pressed(message={**PRIVATE, "chat": {"id": "x", "type": "private"}})],
)
def test_an_update_with_a_field_of_the_wrong_type_gets_200_and_nothing_is_sent(
    server: str, api: FakeBotAPI, data: dict[str, Any]
) -> None:
    assert post(server, data) == (200, {"status": "unusable"})
    assert api.api_methods() == []  # not even answerCallbackQuery: there is nothing to answer


@pytest.mark.parametrize(
    "raw",
    [b'{"update_id": 1, "message": "not an object"}',
     b'{"update_id": 1, "message": {"message_id": 1, "text": "no chat"}}',
     json.dumps(changed(**{"from": "me"})).encode(),  # python-telegram-bot cannot read these
     json.dumps(changed(**{"from": {"id": 1}})).encode(),
     json.dumps(changed(entities="@SignpostTestBot")).encode(),
     b'{"update_id": "1"}', b'{"update_id": 1.0}', b'{"update_id": null}',
     b'{"update_id": ' + b"1" * 5000 + b"}",  # more digits than Python will parse
     b'{"update_id": 1, "x": ' + b"9" * 5000 + b"}",
     b"[" * 100_000 + b"]" * 100_000, b'{"update_id": 1, "a": ' + b"[" * 50_000 + b"]" * 50_000
     + b"}", b"\xef\xbb\xbf" + json.dumps(update("private_start")).encode(),
     b"NaN", b"1e999999", b"", b" "],
)
def test_what_is_not_a_telegram_update_gets_400_with_a_reason(server: str, api: FakeBotAPI,
                                                               raw: bytes) -> None:
    status, reply = request(server, raw)
    assert status == 400, (status, reply[:200])
    assert check(status, reply)["error"]
    assert api.api_methods() == []


@pytest.mark.parametrize("depth", [50, 500, 3000])
def test_deeply_nested_replies_are_refused_or_handled_never_a_500(server: str, depth: int) -> None:
    one = json.dumps(PRIVATE)[:-1].encode()  # '{... "text": "hi"' without the closing brace
    body = b'{"update_id": 1, "message": ' + (one + b', "reply_to_message": ') * depth + one
    body += b"}" * (depth + 2)
    status, raw = request(server, body)
    assert status in (200, 400), (depth, status)
    check(status, raw)


# --- sizes, methods, content types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [(MAX_UPDATE_BYTES + 1, 400), (1_100_000, 413), (3_000_000, 413)],
)
def test_huge_bodies_are_refused(server: str, size: int, expected: int) -> None:
    body = json.dumps(changed(text="a" * size)).encode()
    status, raw = request(server, body)
    # the channel refuses over 256 KiB (400); Sanic refuses over 1 MiB unread (413)
    assert status == expected
    check(status, raw)


def test_a_long_danger_message_is_cut_and_still_gets_the_emergency_answer(
    server: str, api: FakeBotAPI
) -> None:
    chat = next(CHAT_IDS)
    long = changed(text="he is outside my house right now. " * 7000,
                   chat={"id": chat, "type": "private"})
    assert len(json.dumps(long)) < MAX_UPDATE_BYTES
    assert post(server, long) == (200, {"status": "message"})
    answers = [c.params["text"] for c in api.of("sendMessage") if c.params["chat_id"] == chat]
    assert any("999" in text and "55" in text for text in answers), answers


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", ""])
def test_the_content_type_does_not_matter(server: str, content_type: str) -> None:
    status, raw = request(server, json.dumps(update("channel_post")).encode(),
                          headers={"Content-Type": content_type})
    assert (status, check(status, raw)) == (200, {"status": "ignored"})


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_other_methods(server: str, method: str) -> None:
    status, raw = request(server, b"{}", method=method)
    assert status == 405
    check(status, raw)


def test_the_server_still_answers_normally_afterwards(server: str, api: FakeBotAPI) -> None:
    start = update("private_start")
    start["message"]["chat"]["id"] = next(CHAT_IDS)
    assert post(server, start) == (200, {"status": "command start"})
    assert api.texts()[0].startswith("Hi, I'm Signpost.")
    assert any("in danger right now?" in text for text in api.texts())
