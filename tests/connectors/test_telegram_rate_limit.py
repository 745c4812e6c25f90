"""The per-sender rate limit on Telegram, through the Bot API stand-in.

The same limit as the REST channel (connectors/rate_limit.py), keyed by the hashed chat id. What
a person would notice: over the limit, one "slow down" chat message (not one per message), a
notification on a pressed button, and never silence on danger. Telegram always gets a 200, since
it would retry anything else.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_telegram import GROUP_CHAT, PRIVATE_CHAT, SENDER_SECRET, Harness, run, update
from test_telegram_standin import FakeBotAPI

from connectors.rate_limit import EMERGENCY_ONLY, SLOW_DOWN, SenderRateLimit
from connectors.telegram import SignpostTelegramInput
from connectors.telegram_settings import sender_id_for

DANGER = "he is outside my house right now"
SELF_HARM = "i want to kill myself"


@pytest.fixture(autouse=True)
def fresh(api: FakeBotAPI) -> None:
    api.reset()


def limited(h: Harness, capacity: int = 3, urgent_capacity: int = 2) -> None:
    """A small limit on the harness's clock: ``capacity`` at once, then one every 10 s."""
    h.channel.rate_limit = SenderRateLimit(
        capacity=capacity, per_minute=6, urgent_capacity=urgent_capacity,
        urgent_per_minute=6, clock=h.clock,
    )


def text(words: str, message_id: int = 101, chat: int = PRIVATE_CHAT) -> dict[str, Any]:
    typed = update("private_text" if chat == PRIVATE_CHAT else "group_mention")
    typed["message"]["text"] = words if chat == PRIVATE_CHAT else f"@SignpostTestBot {words}"
    typed["message"]["message_id"] = message_id
    if chat == PRIVATE_CHAT:
        return typed
    typed["message"]["entities"] = [{"type": "mention", "offset": 0, "length": 16}]
    return typed


def press(payload: str) -> dict[str, Any]:
    pressed = update("callback_query")
    pressed["callback_query"]["data"] = payload
    return pressed


def test_a_flood_gets_one_slow_down_message_and_telegram_always_gets_200(api) -> None:
    async def scenario(h: Harness) -> None:
        limited(h)
        h.statuses = [await h.send(text(f"message {n}", 200 + n)) for n in range(8)]

    h = run(api, scenario)
    assert h.statuses == ["message"] * 3 + ["slow down"] * 5
    assert h.rasa.texts == ["message 0", "message 1", "message 2"]
    assert api.texts() == ["I hear you."] * 3 + [SLOW_DOWN]  # one notice, not five
    assert "999" in SLOW_DOWN


def test_after_a_pause_messages_go_through_again_and_a_new_flood_gets_a_new_notice(api) -> None:
    async def scenario(h: Harness) -> None:
        limited(h, capacity=1)
        await h.send(text("first"))
        await h.send(text("too fast"))
        h.clock.now += 10  # one message every 10 s
        assert await h.send(text("after a pause")) == "message"
        h.clock.now += 25  # the last notice was 35 s ago
        await h.send(text("again"))
        assert await h.send(text("too fast again")) == "slow down"

    h = run(api, scenario)
    assert h.rasa.texts == ["first", "after a pause", "again"]
    assert api.texts().count(SLOW_DOWN) == 2


def test_over_the_limit_danger_and_crisis_are_still_answered_in_full(api) -> None:
    async def scenario(h: Harness) -> None:
        limited(h, capacity=1, urgent_capacity=2)
        for n in range(4):
            await h.send(text(f"spam {n}", 300 + n))
        h.statuses = [await h.send(text(words, 310 + n))
                      for n, words in enumerate([DANGER, SELF_HARM, DANGER, "ok"])]

    h = run(api, scenario)
    # The first two urgent messages reach the assistant (the full emergency or crisis answer);
    # past the urgent bucket too, the fixed emergency text goes back at once.
    assert h.statuses == ["message", "message", "emergency only", "slow down"]
    assert h.rasa.texts == ["spam 0", DANGER, SELF_HARM]
    assert api.texts()[-1] == EMERGENCY_ONLY
    assert "999" in EMERGENCY_ONLY and "116 123" in EMERGENCY_ONLY


def test_no_sequence_of_messages_or_buttons_silences_danger(api) -> None:
    async def scenario(h: Harness) -> None:
        limited(h, capacity=1, urgent_capacity=1)
        for step in range(60):
            before = len(api.texts())
            if step % 3 == 0:
                await h.send(text("spam", 400 + step))
                continue
            urgent = text(DANGER, 400 + step) if step % 3 == 1 else press("/immediate_danger")
            status = await h.send(urgent)
            assert status in ("message", "button", "emergency only"), (step, status)
            assert len(api.texts()) > before, step  # something went back every time
            h.clock.now += 0.5

    run(api, scenario)


def test_a_button_pressed_too_fast_is_answered_with_a_notification(api) -> None:
    async def scenario(h: Harness) -> None:
        limited(h, capacity=2)
        await h.send(text("hello"))
        await h.send(press("/safe_now"))
        api.reset()
        assert await h.send(press("/ask_advice")) == "slow down"
        h.after_flood = api.api_methods()
        assert await h.send(press("/immediate_danger")) == "button"

    h = run(api, scenario)
    assert h.after_flood[0] == "answerCallbackQuery"  # the spinner still stops at once
    first_answer = api.of("answerCallbackQuery")[0]
    assert first_answer.params["text"] == SLOW_DOWN  # shown on the button as a notification
    assert h.rasa.texts == ["hello", "/safe_now", "/immediate_danger"]  # danger still handled
    assert "text" not in api.of("answerCallbackQuery")[-1].params


def test_exit_works_however_fast_the_person_was_typing(api) -> None:
    async def scenario(h: Harness) -> None:
        limited(h, capacity=1)
        for n in range(5):
            await h.send(text(f"message {n}", 500 + n))
        assert await h.send("private_exit") == "exit"

    run(api, scenario)
    deleted = {c.params["message_id"] for c in api.of("deleteMessage")}
    assert {500, 501, 502, 503, 504, 106} <= deleted  # the flood is deleted too
    assert "forgotten this conversation" in api.texts()[-1]


def test_each_chat_has_its_own_limit_and_a_group_shares_one(api) -> None:
    async def scenario(h: Harness) -> None:
        limited(h, capacity=1)
        await h.send(text("private one"))
        assert await h.send(text("private two")) == "slow down"
        assert await h.send(text("group one", chat=GROUP_CHAT)) == "message"
        assert await h.send(text("group two", chat=GROUP_CHAT)) == "slow down"

    h = run(api, scenario)
    assert h.rasa.texts == ["private one", "group one"]
    assert {m.sender_id for m in h.rasa.messages} == {
        sender_id_for(PRIVATE_CHAT, SENDER_SECRET), sender_id_for(GROUP_CHAT, SENDER_SECRET)}


def test_stickers_count_too_so_a_sticker_flood_is_not_answered_sticker_by_sticker(api) -> None:
    async def scenario(h: Harness) -> None:
        limited(h, capacity=2)
        h.statuses = [await h.send("sticker") for _ in range(6)]

    h = run(api, scenario)
    assert h.statuses == ["not text"] * 2 + ["slow down"] * 4
    assert len(api.texts()) == 3


def test_a_danger_message_whose_handling_fails_still_gets_the_emergency_answer(api) -> None:
    async def scenario(h: Harness) -> None:
        async def broken(message: Any) -> None:  # e.g. Redis down: Rasa cannot load the tracker
            raise ConnectionError("tracker store unreachable")

        h.rasa = broken
        assert await h.send(text(DANGER)) == "message"
        assert await h.send(text("what is stalking", 102)) == "message"

    run(api, scenario)
    assert api.texts()[0] == EMERGENCY_ONLY
    assert api.texts()[1].startswith("Sorry, something went wrong") and "999" in api.texts()[1]


def test_the_channel_takes_the_limit_from_the_environment_like_rest(api, monkeypatch) -> None:
    from test_telegram import GOOD

    monkeypatch.setenv("SIGNPOST_RATE_LIMIT", "1/6")
    channel = SignpostTelegramInput.from_credentials({**GOOD, "base_url": api.base_url})
    assert channel.rate_limit is not None

    async def scenario(h: Harness) -> None:
        h.channel.rate_limit = channel.rate_limit
        h.statuses = [await h.send(text(f"m{n}", 600 + n)) for n in range(2)]

    assert run(api, scenario).statuses == ["message", "slow down"]
    monkeypatch.setenv("SIGNPOST_RATE_LIMIT", "off")
    assert SignpostTelegramInput.from_credentials(
        {**GOOD, "base_url": api.base_url}).rate_limit is None
