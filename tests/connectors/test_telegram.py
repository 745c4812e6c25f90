"""The Telegram channel against a local stand-in for the Bot API (no network).

Real-shaped updates from telegram_updates/ go through the channel's webhook handler; Rasa is a
fake ``on_new_message`` that records each UserMessage and replies through the output channel
(the usual InputChannel test pattern). The assertions are what a person would notice in
Telegram: what was sent back, the keyboard, the answered button, the document, what was deleted.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Restarted, UserUttered
from test_telegram_standin import BOT_USERNAME, TOKEN, FakeBotAPI

from connectors.rest import SORRY
from connectors.telegram import (
    CALLBACK_DATA_LIMIT,
    FILE_FAILED,
    NOT_TEXT,
    NOT_TEXT_WITH_CAPTION,
    TEXT_LIMIT,
    MessageMemory,
    SettingsError,
    SignpostTelegramInput,
    TelegramSettings,
    forget_conversation,
    split_text,
    utf16_length,
)
from connectors.telegram_settings import SECRET_HEADER, sender_id_for
from connectors.tracker_store import ExpiringInMemoryTrackerStore
from tests.conftest import Clock

UPDATES = Path(__file__).parent / "telegram_updates"
WEBHOOK_SECRET = "test-webhook-secret_0123456789"
SENDER_SECRET = "test-sender-secret: stable across restarts"
PRIVATE_CHAT = 424242001
GROUP_CHAT = -1001234567890

WELCOME = "Hi, I'm Signpost. I can help if you think someone is stalking or harassing you."
ASK_SAFETY = {
    "text": "First, are you in danger right now?",
    "buttons": [
        {"title": "I'm in danger now", "payload": "/immediate_danger"},
        {"title": "I'm safe right now", "payload": "/safe_now"},
        {"title": "I'm not sure", "payload": "/unsure_safety"},
    ],
}
MENU = {
    "text": "If you're in danger right now, call 999.\n\nHere's what I can help with:",
    "buttons": [
        {"title": "I'm in danger now", "payload": "/immediate_danger"},
        {"title": "Advice", "payload": "/ask_advice"},
    ],
}
REPLIES: dict[str, list[dict[str, Any]]] = {
    "/greet": [{"text": WELCOME}, ASK_SAFETY],
    "/menu": [MENU],
}


def update(name: str) -> dict[str, Any]:
    return json.loads((UPDATES / f"{name}.json").read_text())


class FakeRasa:
    """Stands in for the agent: records messages, saves them to the store, replies."""

    def __init__(self, replies: dict[str, list[dict[str, Any]]], store: Any) -> None:
        self.replies = replies
        self.store = store
        self.messages: list[UserMessage] = []

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.messages]

    async def __call__(self, message: UserMessage) -> None:
        self.messages.append(message)
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        await self.store.save(tracker)
        if message.text == "/boom":
            raise RuntimeError("the dialogue failed")
        for reply in self.replies.get(message.text, [{"text": "I hear you."}]):
            await message.output_channel.send_response(message.sender_id, dict(reply))


class FakeAgent:
    def __init__(self, store: Any) -> None:
        self.tracker_store = store
        self.lock_store = InMemoryLockStore()


class Harness:
    def __init__(
        self,
        api: FakeBotAPI,
        username: str | None = BOT_USERNAME,
        replies: dict[str, list[dict[str, Any]]] | None = None,
        store: Any = None,
        token: str = TOKEN,
    ) -> None:
        self.api = api
        self.clock = Clock()
        settings = TelegramSettings(
            token, WEBHOOK_SECRET, SENDER_SECRET,
            username.lower() if username else None, None, api.base_url,
        )
        self.channel = SignpostTelegramInput(settings, clock=self.clock)
        domain = Domain.from_yaml("intents: [greet]")
        self.store = store or FailSafeTrackerStore(ExpiringInMemoryTrackerStore(domain))
        self.rasa = FakeRasa({**REPLIES, **(replies or {})}, self.store)
        self.agent = FakeAgent(self.store)

    async def post(
        self, data: dict[str, Any] | bytes | str, secret: str | None = WEBHOOK_SECRET
    ) -> tuple[int, dict[str, Any]]:
        if isinstance(data, str):
            data = update(data)
        raw = data if isinstance(data, bytes) else json.dumps(data).encode()
        return await self.channel.handle_request(secret, raw, self.rasa, self.agent)

    async def send(self, name: str | dict[str, Any]) -> str:
        status, body = await self.post(name)
        assert status == 200, body
        return body["status"]


def run(
    api: FakeBotAPI, scenario: Callable[[Harness], Awaitable[Any]], **options: Any
) -> Harness:
    async def main() -> Harness:
        harness = Harness(api, **options)
        await harness.channel.start()
        try:
            await scenario(harness)
        finally:
            await harness.channel.stop()
        return harness

    return asyncio.run(main())




@pytest.fixture(autouse=True)
def fresh(api: FakeBotAPI) -> None:
    api.reset()


# --- ordinary conversation -------------------------------------------------------------------


def test_a_text_message_reaches_rasa_under_a_keyed_hash_and_the_reply_comes_back(api) -> None:
    async def scenario(h: Harness) -> None:
        assert await h.send("private_text") == "message"

    h = run(api, scenario)
    [message] = h.rasa.messages
    assert message.text == "someone keeps following me home from work"
    assert message.input_channel == "telegram"
    assert message.sender_id == sender_id_for(PRIVATE_CHAT, SENDER_SECRET)
    assert str(PRIVATE_CHAT) not in message.sender_id
    assert re.fullmatch(r"tg-[0-9a-f]{64}", message.sender_id)
    assert not message.metadata  # nothing about the Telegram user goes to Rasa
    [sent] = api.of("sendMessage")
    assert sent.params == {"chat_id": PRIVATE_CHAT, "text": "I hear you."}


def test_the_sender_hash_is_stable_and_keyed() -> None:
    one = sender_id_for(PRIVATE_CHAT, SENDER_SECRET)
    assert one == sender_id_for(PRIVATE_CHAT, SENDER_SECRET)
    assert one != sender_id_for(PRIVATE_CHAT, SENDER_SECRET + "x")
    assert one != sender_id_for(PRIVATE_CHAT + 1, SENDER_SECRET)


@pytest.mark.parametrize("name", ["private_start", "private_start_deeplink"])
def test_start_greets_with_the_safety_buttons_as_an_inline_keyboard(api, name) -> None:
    async def scenario(h: Harness) -> None:
        assert await h.send(name) == "command start"

    h = run(api, scenario)
    assert h.rasa.texts == ["/greet"]
    assert api.texts() == [WELCOME, "First, are you in danger right now?"]
    assert api.keyboards() == [[
        ("I'm in danger now", "/immediate_danger"),
        ("I'm safe right now", "/safe_now"),
        ("I'm not sure", "/unsure_safety"),
    ]]


@pytest.mark.parametrize("name", ["private_help", "private_menu"])
def test_help_and_menu_show_the_menu(api, name) -> None:
    h = run(api, lambda h: h.send(name))
    assert h.rasa.texts == ["/menu"]
    assert api.texts() == [MENU["text"]]
    assert api.keyboards() == [[("I'm in danger now", "/immediate_danger"),
                                ("Advice", "/ask_advice")]]


def test_a_button_press_is_answered_and_fed_to_rasa_as_its_payload(api) -> None:
    async def scenario(h: Harness) -> None:
        assert await h.send("callback_query") == "button"

    h = run(api, scenario)
    [answer] = api.of("answerCallbackQuery")
    assert answer.params == {"callback_query_id": "1820493720387410345"}
    assert api.api_methods()[0] == "answerCallbackQuery"  # the spinner stops first
    [message] = h.rasa.messages
    assert message.text == "/safe_now"
    assert message.sender_id == sender_id_for(PRIVATE_CHAT, SENDER_SECRET)
    assert api.texts() == ["I hear you."]


def test_a_forged_button_cannot_set_slots(api) -> None:
    pressed = update("callback_query")
    pressed["callback_query"]["data"] = '/safe_now{"safety_status": "danger"}'
    h = run(api, lambda h: h.send(pressed))
    assert h.rasa.texts == ['safe_now{"safety_status": "danger"}']


def test_long_payloads_fit_in_callback_data_and_come_back_when_pressed(api) -> None:
    long_payload = "/" + ("faq_when_someone_keeps_turning_up_at_work_" * 2)[:64]  # 65 bytes
    replies = {"/menu": [{"text": "Pick one", "buttons": [
        {"title": "Long one", "payload": long_payload},
        {"title": "Short one", "payload": "/safe_now"},
    ]}]}

    def press(data: str, keyboard: list[tuple[str, str]]) -> dict[str, Any]:
        pressed = update("callback_query")
        query = pressed["callback_query"]
        query["data"] = data
        query["message"]["reply_markup"] = {"inline_keyboard": [
            [{"text": text, "callback_data": value}] for text, value in keyboard]}
        return pressed

    async def scenario(h: Harness) -> None:
        await h.send("private_menu")
        [keyboard] = api.keyboards()
        h.keyboard = keyboard
        await h.send(press(keyboard[0][1], keyboard))

    h = run(api, scenario, replies=replies)
    data = h.keyboard[0][1]
    assert len(data.encode()) <= CALLBACK_DATA_LIMIT
    assert h.keyboard[1] == ("Short one", "/safe_now")
    assert h.rasa.texts == ["/menu", long_payload]

    # After a restart the long payload is gone from memory: the button's title is read instead.
    api.reset()
    keyboard = h.keyboard
    restarted = run(api, lambda again: again.send(press(data, keyboard)), replies=replies)
    assert restarted.rasa.texts == ["Long one"]


def test_typed_payloads_and_unknown_commands_are_read_as_text(api) -> None:
    async def scenario(h: Harness) -> None:
        await h.send("private_typed_payload")
        await h.send("private_unknown_command")

    h = run(api, scenario)
    assert h.rasa.texts == ["safe_now", "settings"]


def test_an_edited_message_is_read_as_a_new_message(api) -> None:
    async def scenario(h: Harness) -> None:
        await h.send("private_text")
        assert await h.send("edited_message") == "edited message"

    h = run(api, scenario)
    assert h.rasa.texts[-1] == "he is outside my house right now"
    assert len({m.sender_id for m in h.rasa.messages}) == 1


# --- not text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sticker", "photo", "voice"])
def test_stickers_photos_and_voice_notes_get_a_gentle_reply_and_the_menu(api, name) -> None:
    async def scenario(h: Harness) -> None:
        assert await h.send(name) == "not text"

    h = run(api, scenario)
    assert h.rasa.messages == []
    assert api.texts() == [NOT_TEXT]
    assert api.keyboards() == [[("Menu", "/menu")]]
    assert "999" in NOT_TEXT


def test_a_photo_with_a_caption_gets_the_caption_read(api) -> None:
    h = run(api, lambda h: h.send("photo_caption"))
    assert h.rasa.texts == ["this note was left on my car"]
    assert api.texts() == [NOT_TEXT_WITH_CAPTION, "I hear you."]


# --- groups ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["group_not_addressed", "group_reply_to_someone_else", "group_command_bare",
     "group_command_other_bot"],
)
def test_in_a_group_messages_not_addressed_to_signpost_are_left_alone(api, name) -> None:
    async def scenario(h: Harness) -> None:
        assert await h.send(name) == "not addressed"

    h = run(api, scenario)
    assert h.rasa.messages == []
    assert api.api_methods() == []


@pytest.mark.parametrize(
    ("name", "fed"),
    [("group_reply_to_bot", "what should I do about it?"),
     ("group_mention", "someone keeps messaging me"),
     ("group_command_addressed", "/menu")],
)
def test_in_a_group_signpost_answers_when_addressed(api, name, fed) -> None:
    h = run(api, lambda h: h.send(name))
    assert h.rasa.texts == [fed]
    assert h.rasa.messages[0].sender_id == sender_id_for(GROUP_CHAT, SENDER_SECRET)
    assert {c.params["chat_id"] for c in api.of("sendMessage")} == {GROUP_CHAT}


def test_in_a_group_a_sticker_in_reply_gets_the_text_only_note(api) -> None:
    h = run(api, lambda h: h.send("group_sticker_reply_to_bot"))
    assert h.rasa.messages == []
    assert api.texts() == [NOT_TEXT]


def test_the_bot_username_comes_from_getme_when_not_configured(api) -> None:
    h = run(api, lambda h: h.send("group_mention"), username=None)
    assert h.channel.username == BOT_USERNAME.lower()
    assert h.rasa.texts == ["someone keeps messaging me"]


# --- refusing requests -------------------------------------------------------------------------


@pytest.mark.parametrize("secret", [None, "", "wrong-secret-0123456789", WEBHOOK_SECRET + "x",
                                    "ünïcode-sëcret-0123456789"])
def test_a_missing_or_wrong_secret_is_refused_and_nothing_happens(api, secret) -> None:
    async def scenario(h: Harness) -> None:
        assert await h.post("private_text", secret=secret) == (403, {"error": "forbidden"})
        assert await h.post(b"{", secret=secret) == (403, {"error": "forbidden"})

    h = run(api, scenario)
    assert h.rasa.messages == []
    assert api.api_methods() == []


@pytest.mark.parametrize(
    "raw",
    [b"{", b"", b"[]", b"null", b'"update"', "\udcff".encode("utf-8", "surrogatepass"),
     b'{"message": {"text": "hi"}}', b'{"update_id": "1"}', b'{"update_id": true}',
     b"x" * 300_000, b'{"update_id": 1, "message": {"message_id": 1, "text": "no chat"}}',
     b'{"update_id": 1, "message": "not an object"}'],
)
def test_malformed_requests_get_400_never_500(api, raw) -> None:
    async def scenario(h: Harness) -> None:
        status, body = await h.post(raw)
        assert status == 400, body

    h = run(api, scenario)
    assert h.rasa.messages == []
    assert api.api_methods() == []


@pytest.mark.parametrize("name", ["channel_post", "my_chat_member", "private_pinned_service"])
def test_well_formed_updates_we_do_not_handle_get_200_so_telegram_does_not_retry(api, name) -> None:
    async def scenario(h: Harness) -> None:
        assert await h.post(name) == (200, {"status": "ignored"})

    h = run(api, scenario)
    assert h.rasa.messages == []
    assert api.api_methods() == []


def test_a_failing_dialogue_still_answers_and_returns_200(api) -> None:
    async def scenario(h: Harness) -> None:
        button = update("callback_query")
        button["callback_query"]["data"] = "/boom"  # the fake Rasa raises on this one
        assert await h.post(button) == (200, {"status": "button"})

    h = run(api, scenario)
    assert h.rasa.texts == ["/boom"]
    assert api.texts() == [SORRY]


def test_a_telegram_outage_never_gives_telegram_a_500(api) -> None:
    async def scenario(h: Harness) -> None:
        status, _ = await h.post("private_text")
        assert status == 200

    # a wrong token: every Bot API call fails with 401
    h = run(api, scenario, token="7000000001:AAwrong-token-for-the-stand-in")
    assert h.rasa.texts == ["someone keeps following me home from work"]
    assert api.texts() == []


# --- long text and files -----------------------------------------------------------------------


def words(text: str) -> list[str]:
    return text.split()


def test_split_text_keeps_short_text_whole() -> None:
    assert split_text("hello there") == ["hello there"]
    assert split_text("  \n ") == []


def test_split_text_prefers_paragraphs_then_lines_then_words() -> None:
    paragraph = ("word " * 600).strip()  # 2999 characters
    text = f"{paragraph}\n\n{paragraph}"
    assert split_text(text) == [paragraph, paragraph]
    lines = "\n".join(["a line of text that goes on"] * 300)
    pieces = split_text(lines)
    assert all(p.endswith("goes on") and p.startswith("a line") for p in pieces)
    assert "\n".join(pieces) == lines
    prose = " ".join(f"w{i}" for i in range(3000))
    pieces = split_text(prose, limit=500)
    assert all(utf16_length(p) <= 500 for p in pieces)
    assert words(" ".join(pieces)) == words(prose)  # never mid-word, nothing lost


def test_split_text_counts_emoji_as_telegram_does_and_cuts_only_overlong_words() -> None:
    text = "\U0001F600" * 3000  # 6000 UTF-16 units, no spaces at all
    pieces = split_text(text)
    assert all(utf16_length(p) <= TEXT_LIMIT for p in pieces)
    assert "".join(pieces) == text
    assert split_text("ab " + "c" * 10, limit=5) == ["ab", "ccccc", "ccccc"]


def test_a_long_reply_is_split_cleanly_with_the_buttons_on_the_last_piece(api) -> None:
    long_text = "\n\n".join(
        f"Paragraph {n}: " + " ".join(f"sentence{n}_{i}" for i in range(120)) for n in range(6)
    )
    assert len(long_text) > 2 * TEXT_LIMIT
    replies = {"/menu": [{"text": long_text, "buttons": MENU["buttons"]}]}
    run(api, lambda h: h.send("private_menu"), replies=replies)
    sent = api.of("sendMessage")
    assert len(sent) >= 3
    assert all(utf16_length(c.params["text"]) <= TEXT_LIMIT for c in sent)
    assert all("reply_markup" not in c.params for c in sent[:-1])
    assert "reply_markup" in sent[-1].params
    assert words(" ".join(c.params["text"] for c in sent)) == words(long_text)
    assert all(c.params["text"].startswith("Paragraph") for c in sent)


def test_a_signpost_file_goes_out_as_a_document(api) -> None:
    content = json.dumps({"entries": [{"when": "2026-11-20", "what": "car outside"}]}).encode()
    custom = {"signpost_file": {"filename": "../../incident-diary.json",
                                "mime_type": "application/json",
                                "base64": base64.b64encode(content).decode()}}
    replies = {"/menu": [{"text": "Here is your diary."}, {"custom": custom}]}
    h = run(api, lambda h: h.send("private_menu"), replies=replies)
    assert api.texts() == ["Here is your diary."]
    [document] = api.of("sendDocument")
    assert document.params["chat_id"] == PRIVATE_CHAT
    assert document.files["document"] == {
        "filename": "incident-diary.json", "content_type": "application/json", "content": content,
    }
    assert len(h.channel.memory) == 3  # /menu, the text and the document, for /exit


@pytest.mark.parametrize(
    ("custom", "texts"),
    [({"signpost_file": {"filename": "d.txt", "mime_type": "text/plain", "base64": "@@@"}},
      [FILE_FAILED]),
     ({"signpost_file": "not an object"}, [FILE_FAILED]),
     ({"some_widget": {"x": 1}}, []),
     ({"text": "a payload for another channel"}, [])],
)
def test_bad_files_and_other_custom_payloads_are_handled_safely(api, custom, texts) -> None:
    run(api, lambda h: h.send("private_menu"), replies={"/menu": [{"custom": custom}]})
    assert api.texts() == texts
    assert api.of("sendDocument") == []


# --- /exit -------------------------------------------------------------------------------------


def test_exit_deletes_the_conversations_messages_and_forgets_it(api) -> None:
    async def scenario(h: Harness) -> None:
        await h.send("private_text")
        await h.send("private_start")
        h.sender = h.rasa.messages[0].sender_id
        assert await h.store.retrieve(h.sender) is not None
        h.bot_ids = [c for c in api.of("sendMessage")]
        assert await h.send("private_exit") == "exit"
        h.after = await h.store.retrieve(h.sender)

    h = run(api, scenario)
    bot_messages = 3  # "I hear you.", the welcome, the safety question
    deleted = [c.params["message_id"] for c in api.of("deleteMessage")]
    assert {101, 102, 106} <= set(deleted)  # the person's messages, /exit included
    assert len(deleted) == 3 + bot_messages
    assert len(set(deleted)) == len(deleted)
    assert all(c.params["chat_id"] == PRIVATE_CHAT for c in api.of("deleteMessage"))
    assert h.after is None  # forgotten in the tracker store, not just restarted
    note = api.texts()[-1]
    assert "forgotten this conversation" in note and "deleted 6 messages" in note
    assert "couldn't delete" not in note
    assert "Delete" in note or "delete this chat" in note
    assert h.rasa.texts == ["someone keeps following me home from work", "/greet"]


def test_exit_says_what_it_could_not_delete(api) -> None:
    async def scenario(h: Harness) -> None:
        await h.send("private_text")
        api.undeletable.update({101})  # Telegram refuses: older than 48 hours
        await h.send("private_exit")

    run(api, scenario)
    note = api.texts()[-1]
    assert "deleted 2 messages" in note
    assert "couldn't delete 1 message:" in note and "48 hours" in note


def test_message_ids_are_forgotten_after_48_hours_and_counted(api) -> None:
    async def scenario(h: Harness) -> None:
        await h.send("private_text")  # and its reply
        h.clock.now += 25 * 3600
        await h.send("private_menu")  # and its reply
        h.clock.now += 25 * 3600
        await h.send("private_exit")

    run(api, scenario)
    deleted = [c.params["message_id"] for c in api.of("deleteMessage")]
    assert sorted(deleted)[:2] == [105, 106] and len(deleted) == 3
    assert "couldn't delete 2 messages" in api.texts()[-1]


def test_a_second_exit_deletes_the_first_exit_note(api) -> None:
    async def scenario(h: Harness) -> None:
        await h.send("private_exit")
        h.note_id = api.next_message_id
        second = update("private_exit")
        second["message"]["message_id"] = 107
        await h.send(second)

    h = run(api, scenario)
    deleted = [c.params["message_id"] for c in api.of("deleteMessage")]
    assert deleted == [106, 107, h.note_id]  # newest first


def test_exit_in_a_group_explains_what_a_bot_may_delete_there(api) -> None:
    async def scenario(h: Harness) -> None:
        await h.send("group_reply_to_bot")
        api.undeletable.update({116})  # not an admin: Telegram refuses other people's messages
        await h.send("group_exit")

    run(api, scenario)
    assert sorted(c.params["message_id"] for c in api.of("deleteMessage"))[:2] == [116, 122]
    note = api.texts()[-1]
    assert "In a group I can only delete my own messages" in note
    assert "couldn't delete 1 message:" in note
    assert {c.params["chat_id"] for c in api.of("sendMessage")} == {GROUP_CHAT}


def test_forget_with_a_generic_tracker_store_restarts_the_conversation() -> None:
    async def scenario() -> list[Any]:
        store = FailSafeTrackerStore(InMemoryTrackerStore(Domain.empty()))
        tracker = await store.get_or_create_tracker("tg-abc")
        tracker.update(UserUttered("hello"))
        await store.save(tracker)
        assert await forget_conversation(FakeAgent(store), "tg-abc")
        return list((await store.retrieve("tg-abc")).events)

    events = asyncio.run(scenario())
    assert isinstance(events[-1], Restarted)


def test_message_memory_keeps_ids_only_and_a_bounded_number() -> None:
    clock = Clock()
    memory = MessageMemory(max_per_chat=3, clock=clock)
    for message_id in range(1, 6):
        memory.remember("a", message_id)
    memory.remember("a", 5)
    assert memory.take("a") == ([3, 4, 5], 2)
    assert memory.take("a") == ([], 0)
    memory.remember("b", 1)
    clock.now += 30 * 3600
    memory.remember("b", 2)
    clock.now += 30 * 3600
    assert memory.take("b") == ([2], 1)
    memory.remember("c", 1)
    clock.now += 49 * 3600
    memory.remember("d", 1)  # the sweep drops c entirely
    assert "c" not in memory._chats


# --- settings and start-up ---------------------------------------------------------------------

GOOD = {"access_token": TOKEN, "webhook_secret": WEBHOOK_SECRET, "sender_secret": SENDER_SECRET}


def test_settings_from_credentials_and_environment() -> None:
    settings = TelegramSettings.from_credentials({**GOOD, "bot_username": "@SignpostTestBot"}, {})
    assert settings.bot_username == "signposttestbot"
    assert settings.bot_id == 7000000001
    assert settings.base_url == "https://api.telegram.org/bot"
    assert TOKEN not in repr(settings) and SENDER_SECRET not in repr(settings)
    environ = {
        "SIGNPOST_TELEGRAM_ACCESS_TOKEN": TOKEN,
        "SIGNPOST_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "SIGNPOST_TELEGRAM_SENDER_SECRET": SENDER_SECRET,
        "SIGNPOST_TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot",
    }
    assert TelegramSettings.from_credentials(None, environ).base_url == "http://127.0.0.1:9/bot"


@pytest.mark.parametrize(
    "change",
    [{"access_token": None}, {"access_token": "not-a-token"},
     {"webhook_secret": "short"}, {"webhook_secret": "has spaces in it, 0123456789"},
     {"sender_secret": "short"}, {"sender_secret": WEBHOOK_SECRET},
     {"webhook_url": "example.org/hook"}],
)
def test_bad_settings_are_refused_without_showing_secrets(change) -> None:
    with pytest.raises(SettingsError) as refused:
        TelegramSettings.from_credentials({**GOOD, **change}, {})
    assert TOKEN not in str(refused.value) and SENDER_SECRET not in str(refused.value)


def test_from_credentials_builds_the_channel_and_start_sets_the_webhook(api) -> None:
    channel = SignpostTelegramInput.from_credentials({
        **GOOD, "base_url": api.base_url,
        "webhook_url": "https://signpost.example.org/webhooks/telegram/webhook",
    })
    assert channel.name() == "telegram"

    async def scenario() -> None:
        await channel.start()
        await channel.stop()

    asyncio.run(scenario())
    [commands] = api.of("setMyCommands")
    assert [c["command"] for c in commands.params["commands"]] == ["start", "menu", "help", "exit"]
    [webhook] = api.of("setWebhook")
    assert webhook.params == {
        "url": "https://signpost.example.org/webhooks/telegram/webhook",
        "secret_token": WEBHOOK_SECRET,
        "allowed_updates": ["message", "edited_message", "callback_query"],
    }


# --- through Sanic, as the Rasa server registers channels --------------------------------------


async def asgi_post(app: Any, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 5005),
        "headers": [(k.lower().encode(), v.encode()) for k, v in
                    {"host": "localhost", "content-type": "application/json",
                     "content-length": str(len(body)), **headers}.items()],
    }
    sent: list[dict[str, Any]] = []
    requested = False

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    payload = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(payload)


def test_the_blueprint_as_registered_by_rasa(api) -> None:
    from rasa.core.channels.channel import register
    from sanic import Sanic

    async def scenario() -> None:
        harness = Harness(api)
        app = Sanic(f"telegram_test_{time.monotonic_ns()}", configure_logging=False)
        app.ctx.agent = harness.agent

        class Agent:
            tracker_store = harness.store
            lock_store = harness.agent.lock_store

            async def handle_message(self, message: UserMessage) -> None:
                await harness.rasa(message)

        app.ctx.agent = Agent()
        register([harness.channel], app, "/webhooks/")
        startup: asyncio.Queue = asyncio.Queue()
        events: list[dict[str, Any]] = []
        await startup.put({"type": "lifespan.startup"})

        async def lifespan_send(message: dict[str, Any]) -> None:
            events.append(message)

        lifespan = asyncio.ensure_future(
            app({"type": "lifespan", "asgi": {"version": "3.0"}}, startup.get, lifespan_send)
        )
        for _ in range(200):
            if events:
                break
            await asyncio.sleep(0.01)
        assert events[0]["type"] == "lifespan.startup.complete"
        path = "/webhooks/telegram/webhook"
        raw = json.dumps(update("private_start")).encode()
        assert await asgi_post(app, path, raw, {}) == (403, {"error": "forbidden"})
        assert (await asgi_post(app, path, b"{", {SECRET_HEADER: WEBHOOK_SECRET}))[0] == 400
        assert await asgi_post(app, path, raw, {SECRET_HEADER: WEBHOOK_SECRET}) == (
            200, {"status": "command start"})
        harness.sender = harness.rasa.messages[0].sender_id
        exit_ = json.dumps(update("private_exit")).encode()
        assert (await asgi_post(app, path, exit_, {SECRET_HEADER: WEBHOOK_SECRET}))[0] == 200
        assert await harness.store.retrieve(harness.sender) is None
        await startup.put({"type": "lifespan.shutdown"})
        for _ in range(500):
            if events[-1]["type"] == "lifespan.shutdown.complete":
                break
            await asyncio.sleep(0.01)
        assert events[-1]["type"] == "lifespan.shutdown.complete"
        # Sanic 21.12 goes on to treat the finished lifespan scope as a request: ignore that.
        await asyncio.gather(lifespan, return_exceptions=True)

    asyncio.run(scenario())
    assert api.of("getMe")  # the start-up listener ran
    assert api.texts()[:2] == [WELCOME, "First, are you in danger right now?"]
    assert len(api.of("deleteMessage")) == 4


def test_the_example_credentials_file_works_with_the_secrets_in_the_environment(monkeypatch):
    monkeypatch.setenv("SIGNPOST_TELEGRAM_ACCESS_TOKEN", TOKEN)
    monkeypatch.setenv("SIGNPOST_TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setenv("SIGNPOST_TELEGRAM_SENDER_SECRET", SENDER_SECRET)
    example = Path(__file__).resolve().parents[2] / "credentials.telegram.example.yml"
    settings = TelegramSettings.from_file(example)
    assert settings.token == TOKEN and settings.webhook_url is None


# --- privacy of logs ---------------------------------------------------------------------------


def test_no_message_text_and_no_token_is_logged_at_info_or_above(api, caplog) -> None:
    marker = "kestrel-7c1e"
    typed = update("private_text")
    typed["message"]["text"] = f"he left a note saying {marker}"
    caption = update("photo_caption")
    caption["message"]["caption"] = f"{marker} written on my car"
    button = update("callback_query")
    button["callback_query"]["data"] = "/boom"
    bad_file = {"signpost_file": {"filename": marker, "mime_type": "x/y", "base64": marker}}

    async def scenario(h: Harness) -> None:
        for sent in (typed, caption, button, "private_menu", "private_exit"):
            await h.send(sent)
        await h.post(json.dumps({"update_id": 1, "message": marker}).encode())

    with caplog.at_level(logging.DEBUG):
        run(api, scenario, replies={"/menu": [{"custom": bad_file}]})
        run(api, lambda h: h.post("private_text"), token="7000000001:AAwrong-token-for-this-test")
    assert len(api.texts()) >= 5
    for record in caplog.records:
        text = record.getMessage()
        if record.levelno >= logging.INFO or record.name.startswith("connectors"):
            assert marker not in text, record
            assert "AAtest-token" not in text and "AAwrong-token" not in text, record
