"""The Telegram channel in a real Rasa server with the trained model (and the action server).

The server is started with credentials.telegram.example.yml as shipped, secrets from the
environment, and the Bot API pointed at the local stand-in; updates arrive as Telegram would
send them (webhook POSTs with the secret header) and through the polling script. Ports 6005
(Rasa) and 6055 (actions). Skipped only when no model has been trained (models/ is empty).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_telegram import PRIVATE_CHAT, SENDER_SECRET, WEBHOOK_SECRET, update
from test_telegram_standin import TOKEN, FakeBotAPI

from connectors.telegram import NOT_TEXT
from connectors.telegram_polling import Poller, http_deliverer
from connectors.telegram_settings import (
    SECRET_HEADER,
    WEBHOOK_PATH,
    TelegramSettings,
    sender_id_for,
)
from tests.helpers import EMERGENCY, newest_model, wait_for

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
RASA_PORT = 6005
ACTIONS_PORT = 6055
RASA_URL = f"http://127.0.0.1:{RASA_PORT}"
MARKER = "kestrel-7c1e"  # a word typed by the person that must never appear in the logs


class Server:
    def __init__(self, api: FakeBotAPI, log: Path) -> None:
        self.api = api
        self.log = log

    def post(self, data: dict[str, Any] | bytes, secret: str | None = WEBHOOK_SECRET) -> int:
        body = data if isinstance(data, bytes) else json.dumps(data).encode()
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        request = urllib.request.Request(RASA_URL + WEBHOOK_PATH, body, headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                return reply.status
        except urllib.error.HTTPError as error:
            return error.code

    def tracker(self, sender: str) -> dict[str, Any]:
        url = f"{RASA_URL}/conversations/{sender}/tracker"
        with urllib.request.urlopen(url, timeout=30) as reply:
            return json.loads(reply.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    model = newest_model()
    api = FakeBotAPI().start()
    tmp = tmp_path_factory.mktemp("telegram_e2e")
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        (ROOT / "endpoints.yml").read_text().replace(
            "http://localhost:5055/webhook", f"http://127.0.0.1:{ACTIONS_PORT}/webhook"
        )
    )
    environment = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "SIGNPOST_TELEGRAM_ACCESS_TOKEN": TOKEN,
        "SIGNPOST_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "SIGNPOST_TELEGRAM_SENDER_SECRET": SENDER_SECRET,
        "SIGNPOST_TELEGRAM_BASE_URL": api.base_url,
    }
    actions_log, rasa_log = tmp / "actions.log", tmp / "rasa.log"
    with actions_log.open("wb") as log:
        actions = subprocess.Popen(
            [str(BIN / "rasa"), "run", "actions", "--actions", "actions",
             "--port", str(ACTIONS_PORT)],
            cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
        )
    with rasa_log.open("wb") as log:
        rasa = subprocess.Popen(
            [str(BIN / "rasa"), "run", "--model", str(model), "--enable-api",
             "--port", str(RASA_PORT), "--credentials", "credentials.telegram.example.yml",
             "--endpoints", str(endpoints)],
            cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        wait_for(f"http://127.0.0.1:{ACTIONS_PORT}/health", 120, actions)
        wait_for(f"{RASA_URL}/status", 300, rasa)
        yield Server(api, rasa_log)
    finally:
        for process in (rasa, actions):
            process.terminate()
        for process in (rasa, actions):
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
        api.stop()


@pytest.fixture(autouse=True)
def fresh(server: Server) -> None:
    server.api.reset()


def test_start_button_and_exit_through_the_real_assistant(server: Server) -> None:
    api = server.api
    sender = sender_id_for(PRIVATE_CHAT, SENDER_SECRET)
    assert server.post(update("private_exit")) == 200  # start from a clean conversation
    api.reset()
    assert server.post(update("private_start")) == 200
    assert api.texts()[0].startswith("Hi, I'm Signpost.")
    assert ("I'm safe right now", "/safe_now") in api.keyboards()[-1]

    assert server.post(update("callback_query")) == 200
    assert api.of("answerCallbackQuery")
    typed = update("private_text")
    typed["message"]["text"] = f"he keeps sending me messages about {MARKER}"
    assert server.post(typed) == 200
    assert len(api.texts()) >= 4

    tracker = server.tracker(sender)
    said = [e.get("text") for e in tracker["events"] if e["event"] == "user"]
    assert said[:2] == ["/greet", "/safe_now"]
    assert str(PRIVATE_CHAT) not in json.dumps(tracker)  # the Telegram id is not stored
    assert not [e for e in server.tracker(str(PRIVATE_CHAT))["events"] if e["event"] == "user"]

    assert api.of("deleteMessage") == []
    assert server.post(update("private_exit")) == 200
    deleted = {c.params["message_id"] for c in api.of("deleteMessage")}
    assert {101, 102, 106} <= deleted
    assert len(deleted) >= 3 + len(api.texts()) - 1
    assert not [e for e in server.tracker(sender)["events"] if e["event"] == "user"]
    assert "forgotten this conversation" in api.texts()[-1]


def test_danger_typed_on_telegram_gets_the_emergency_answer(server: Server) -> None:
    typed = update("edited_message")  # "he is outside my house right now", as an edit
    assert server.post(typed) == 200
    assert any(EMERGENCY in text for text in server.api.texts())


def test_refusals_and_not_text(server: Server) -> None:
    assert server.post(update("private_text"), secret=None) == 403
    assert server.post(update("private_text"), secret="wrong-secret-0123456789") == 403
    assert server.post(b"{") == 400
    assert server.post(update("channel_post")) == 200
    assert server.api.api_methods() == []
    assert server.post(update("sticker")) == 200
    assert server.api.texts() == [NOT_TEXT]


def test_polling_feeds_the_same_route(server: Server) -> None:
    api = server.api
    api.updates.append(update("private_menu"))

    async def scenario() -> None:
        async with httpx.AsyncClient() as client:
            bot = TelegramSettings(
                TOKEN, WEBHOOK_SECRET, SENDER_SECRET, None, None, api.base_url).make_bot()
            poller = Poller(bot, http_deliverer(client, RASA_URL, WEBHOOK_SECRET), poll_timeout=0)
            await poller.start()
            assert await poller.poll_once() == 1
            await bot.shutdown()

    asyncio.run(scenario())
    assert api.of("deleteWebhook")
    assert any("Here's what I can help with" in text for text in api.texts())


def test_no_typed_text_in_the_server_log(server: Server) -> None:
    assert MARKER not in server.log.read_text(errors="replace")
    assert TOKEN not in server.log.read_text(errors="replace")

