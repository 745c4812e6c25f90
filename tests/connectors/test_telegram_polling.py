"""Polling mode: getUpdates from the Bot API stand-in, forwarded to the Telegram route."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httpx
import pytest
from telegram import Update
from test_telegram import (
    PRIVATE_CHAT,
    SENDER_SECRET,
    WEBHOOK_SECRET,
    WELCOME,
    Harness,
    update,
)
from test_telegram_standin import TOKEN, FakeBotAPI

from connectors.telegram_polling import (
    FatalDeliveryError,
    Poller,
    http_deliverer,
    main,
    main_async,
)
from connectors.telegram_settings import SECRET_HEADER, SettingsError, TelegramSettings


@pytest.fixture(autouse=True)
def fresh(api: FakeBotAPI) -> None:
    api.reset()


async def no_sleep(seconds: float) -> None:
    await asyncio.sleep(0)


def test_polling_removes_the_webhook_then_passes_updates_on_in_order(api) -> None:
    originals = [update("private_start"), update("callback_query"), update("private_text")]
    for number, original in enumerate(originals):
        original["update_id"] = 906000000 + number  # as Telegram numbers them: increasing
    api.updates.extend(originals)
    delivered: list[dict[str, Any]] = []

    async def scenario() -> Harness:
        harness = Harness(api)

        async def deliver(body: bytes) -> int:  # the channel's own webhook handler
            delivered.append(json.loads(body))
            status, _ = await harness.channel.handle_request(
                WEBHOOK_SECRET, body, harness.rasa, harness.agent
            )
            return status

        poller = Poller(harness.channel.settings.make_bot(), deliver, poll_timeout=0)
        await poller.start()
        assert await poller.poll_once() == 3
        assert await poller.poll_once() == 0
        await poller.bot.shutdown()
        await harness.channel.stop()
        return harness

    harness = asyncio.run(scenario())
    methods = [m for m in api.api_methods() if m in {"deleteWebhook", "getUpdates"}]
    assert methods == ["deleteWebhook", "getUpdates", "getUpdates"]
    assert api.of("deleteWebhook")[0].params == {"drop_pending_updates": "false"}
    polls = api.of("getUpdates")
    assert "offset" not in polls[0].params
    assert polls[1].params["offset"] == originals[-1]["update_id"] + 1
    assert polls[0].params["allowed_updates"] == ["message", "edited_message", "callback_query"]
    # passed on without loss (the library adds its defaults, e.g. "group_chat_created": false)
    assert [Update.de_json(d).to_dict() for d in delivered] == [
        Update.de_json(o).to_dict() for o in originals]
    assert [d["update_id"] for d in delivered] == [o["update_id"] for o in originals]
    assert harness.rasa.texts == [
        "/greet", "/safe_now", "someone keeps following me home from work"]
    assert WELCOME in api.texts()
    assert api.of("answerCallbackQuery")


def test_updates_are_posted_to_the_rasa_server_with_the_secret(api) -> None:
    async def scenario() -> None:
        async with httpx.AsyncClient() as client:
            deliver = http_deliverer(client, api.rasa_url + "/", WEBHOOK_SECRET)
            assert await deliver(b'{"update_id": 1}') == 200

    asyncio.run(scenario())
    [(headers, body)] = api.sink
    assert body == b'{"update_id": 1}'
    assert headers[SECRET_HEADER] == WEBHOOK_SECRET
    assert headers["Content-Type"] == "application/json"


def run_poller(api: FakeBotAPI) -> Poller:
    async def scenario() -> Poller:
        async with httpx.AsyncClient() as client:
            deliver = http_deliverer(client, api.rasa_url, WEBHOOK_SECRET)
            poller = Poller(
                TelegramSettings(TOKEN, WEBHOOK_SECRET, SENDER_SECRET, None, None,
                                 api.base_url).make_bot(),
                deliver, poll_timeout=0, sleep=no_sleep,
            )
            async with poller.bot:
                await poller.poll_once()
            return poller

    return asyncio.run(scenario())


def test_a_rasa_server_that_is_down_or_restarting_is_retried_without_losing_the_update(api):
    api.updates.append(update("private_text"))
    api.sink_statuses.extend([503, 502])
    poller = run_poller(api)
    assert len(api.sink) == 3 and poller.delivered == 1
    assert poller.offset == update("private_text")["update_id"] + 1


def test_an_update_the_server_refuses_as_malformed_is_skipped(api) -> None:
    api.updates.extend([update("private_text"), update("private_menu")])
    api.sink_statuses.append(400)
    poller = run_poller(api)
    assert len(api.sink) == 2 and poller.delivered == 1
    assert poller.offset == update("private_menu")["update_id"] + 1


@pytest.mark.parametrize("status", [403, 404])
def test_a_wrong_secret_or_a_missing_channel_stops_with_a_clear_error(api, status) -> None:
    api.updates.append(update("private_text"))
    api.sink_statuses.append(status)
    with pytest.raises(FatalDeliveryError):
        run_poller(api)


def test_polling_refuses_to_run_with_a_webhook_url(api, caplog) -> None:
    settings = TelegramSettings(TOKEN, WEBHOOK_SECRET, SENDER_SECRET, None,
                                "https://example.org/webhooks/telegram/webhook", api.base_url)
    with caplog.at_level(logging.ERROR):
        assert asyncio.run(main_async(settings, api.rasa_url)) == 2
    assert "remove it for polling mode" in caplog.text
    assert api.api_methods() == []


def test_the_credentials_file_is_read_as_rasa_reads_it(tmp_path, monkeypatch, api) -> None:
    path = tmp_path / "credentials.telegram.yml"
    path.write_text(
        "connectors.rest.SignpostRestInput:\n"
        "connectors.telegram.SignpostTelegramInput:\n"
        "  access_token: ${TEST_TG_TOKEN}\n"
        f"  webhook_secret: {WEBHOOK_SECRET}\n"
        f"  sender_secret: \"{SENDER_SECRET}\"\n"
        f"  base_url: {api.base_url}\n"
    )
    monkeypatch.setenv("TEST_TG_TOKEN", TOKEN)
    settings = TelegramSettings.from_file(path)
    assert settings.token == TOKEN and settings.base_url == api.base_url
    other = tmp_path / "credentials.yml"
    other.write_text("connectors.rest.SignpostRestInput:\n")
    with pytest.raises(SettingsError):
        TelegramSettings.from_file(other)
    assert main(["--credentials", str(other)]) == 2
    assert main(["--credentials", str(tmp_path / "missing.yml")]) == 2


def test_forwarded_updates_reach_the_same_chat(api) -> None:
    """A polled update, re-serialised by the library, still names the same chat."""
    api.updates.append(update("private_menu"))
    run_poller(api)
    [(_, body)] = api.sink
    assert json.loads(body)["message"]["chat"]["id"] == PRIVATE_CHAT


def make_poller(api: FakeBotAPI, deliver, **options: Any) -> Poller:  # noqa: ANN001
    settings = TelegramSettings(TOKEN, WEBHOOK_SECRET, SENDER_SECRET, None, None, api.base_url)
    return Poller(settings.make_bot(), deliver, poll_timeout=0, **options)


def test_stopping_finishes_the_update_in_hand_and_confirms_it(api) -> None:
    first, second = update("private_text"), update("private_menu")
    second["update_id"] = first["update_id"] + 1
    api.updates.extend([first, second])

    async def scenario() -> Poller:
        delivered: list[bytes] = []

        async def deliver(body: bytes) -> int:
            delivered.append(body)
            poller.stop()  # e.g. SIGTERM while the first update is being passed on
            return 200

        poller = make_poller(api, deliver)
        await asyncio.wait_for(poller.run(), 10)
        await poller.bot.shutdown()
        assert len(delivered) == 1
        return poller

    poller = asyncio.run(scenario())
    assert poller.offset == first["update_id"] + 1
    confirm = api.of("getUpdates")[-1]
    assert confirm.params["offset"] == first["update_id"] + 1 and confirm.params["limit"] == 1


def test_stopping_while_the_rasa_server_is_down_does_not_lose_the_update(api) -> None:
    api.updates.append(update("private_text"))

    async def scenario() -> Poller:
        async def deliver(body: bytes) -> int:
            return 503

        async def sleep(seconds: float) -> None:
            poller.stop()
            await asyncio.sleep(0)

        poller = make_poller(api, deliver, sleep=sleep)
        await asyncio.wait_for(poller.run(), 10)
        await poller.bot.shutdown()
        return poller

    poller = asyncio.run(scenario())
    assert poller.offset is None and poller.delivered == 0  # Telegram will send it again
    assert len(api.of("getUpdates")) == 1  # nothing confirmed


def test_a_wrong_token_stops_polling_without_logging_the_token(api, caplog) -> None:
    wrong = "7000000001:AAwrong-token-for-this-test"
    settings = TelegramSettings(wrong, WEBHOOK_SECRET, SENDER_SECRET, None, None, api.base_url)
    with caplog.at_level(logging.INFO):
        assert asyncio.run(main_async(settings, api.rasa_url)) == 1
    assert "InvalidToken" in caplog.text
    assert wrong not in caplog.text and "AAwrong" not in caplog.text
