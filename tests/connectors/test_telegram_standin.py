"""A local stand-in for the Telegram Bot API, for tests: no network.

An aiohttp app on 127.0.0.1 (a free port, its own thread and event loop, so the code under test
and even a separate Rasa server process can call it) that records every call and answers like
Telegram: sendMessage and sendDocument return a Message with a new message_id,
answerCallbackQuery, setWebhook and deleteWebhook return true, deleteMessage returns true or,
for ids marked undeletable (older than 48 hours), Telegram's 400 error; getUpdates hands out
queued updates from the given offset. It also stands in for the Rasa server's Telegram route
(``/webhooks/telegram/webhook``) to record what the polling script forwards.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "7000000001:AAtest-token-for-the-local-stand-in"
BOT_ID = 7000000001
BOT_USERNAME = "SignpostTestBot"
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Signpost",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
JSON_FIELDS = {"reply_markup", "allowed_updates", "entities", "commands"}
INT_FIELDS = {"chat_id", "message_id", "offset", "timeout", "limit", "message_thread_id"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)


class FakeBotAPI:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.undeletable: set[int] = set()
        self.updates: list[dict[str, Any]] = []
        self.sink: list[tuple[dict[str, str], bytes]] = []
        self.sink_statuses: list[int] = []  # answers for the next forwarded updates, then 200
        self.next_message_id = 5000
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> FakeBotAPI:
        ready = threading.Event()

        def serve() -> None:
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)
            app = web.Application()
            app.router.add_post("/bot{token}/{method}", self._handle)
            app.router.add_post("/webhooks/telegram/webhook", self._sink)
            self._runner = web.AppRunner(app, access_log=None)
            self._loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            self._loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]
            ready.set()
            self._loop.run_forever()
            self._loop.run_until_complete(self._runner.cleanup())
            self._loop.close()

        self._thread = threading.Thread(target=serve, name="fake-bot-api", daemon=True)
        self._thread.start()
        assert ready.wait(10), "the Bot API stand-in did not start"
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.undeletable.clear()
            self.updates.clear()
            self.sink.clear()
            self.sink_statuses.clear()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def rasa_url(self) -> str:
        """Where the polling script should forward to, to land in ``sink``."""
        return f"http://127.0.0.1:{self.port}"

    # -- what tests look at -----------------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def texts(self) -> list[str]:
        return [c.params["text"] for c in self.of("sendMessage")]

    def keyboards(self) -> list[list[tuple[str, str]]]:
        """For each sendMessage with an inline keyboard: [(button text, callback_data)]."""
        found = []
        for call in self.of("sendMessage"):
            markup = call.params.get("reply_markup")
            if markup:
                found.append(
                    [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"]
                     for b in row]
                )
        return found

    def api_methods(self) -> list[str]:
        """Methods called, apart from the channel's start-up (getMe, setMyCommands)."""
        with self._lock:
            return [c.method for c in self.calls if c.method not in {"getMe", "setMyCommands"}]

    # -- the API ----------------------------------------------------------------------------

    def _new_message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        with self._lock:
            self.next_message_id += 1
            message_id = self.next_message_id
        chat = (
            {"id": chat_id, "type": "private", "first_name": "Sam"}
            if chat_id > 0
            else {"id": chat_id, "type": "supergroup", "title": "Flatmates"}
        )
        return {
            "message_id": message_id,
            "from": {k: BOT_USER[k] for k in ("id", "is_bot", "first_name", "username")},
            "chat": chat,
            "date": int(time.time()),
            **content,
        }

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        files: dict[str, dict[str, Any]] = {}
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files[key] = {
                    "filename": value.filename,
                    "content_type": value.content_type,
                    "content": value.file.read(),
                }
                value.file.close()
                continue
            if key in JSON_FIELDS:
                value = json.loads(value)
            elif key in INT_FIELDS:
                value = int(value)
            params[key] = value
        with self._lock:
            self.calls.append(Call(method, params, files))
        answer = self._answer(method, params, files)
        return web.json_response(answer, status=answer.get("error_code", 200))

    def _answer(
        self, method: str, params: dict[str, Any], files: dict[str, dict[str, Any]]
    ) -> dict[str, Any]:
        ok = {"ok": True, "result": True}
        if method == "getMe":
            return {"ok": True, "result": BOT_USER}
        if method == "sendMessage":
            content: dict[str, Any] = {"text": params["text"]}
            if params.get("reply_markup"):
                content["reply_markup"] = params["reply_markup"]
            return {"ok": True, "result": self._new_message(params["chat_id"], **content)}
        if method == "sendDocument":
            sent = files.get("document", {})
            document = {
                "file_id": "BQACAgQAAxkDAAIBbGVn5Ee",
                "file_unique_id": "AgADeBQAAu",
                "file_name": sent.get("filename"),
                "mime_type": sent.get("content_type"),
                "file_size": len(sent.get("content", b"")),
            }
            return {"ok": True, "result": self._new_message(params["chat_id"], document=document)}
        if method == "deleteMessage":
            if params["message_id"] in self.undeletable:
                return {
                    "ok": False,
                    "error_code": 400,
                    "description": "Bad Request: message can't be deleted for everyone",
                }
            return ok
        if method == "getUpdates":
            offset = params.get("offset") or 0
            with self._lock:
                pending = [u for u in self.updates if u["update_id"] >= offset]
                self.updates = pending
            return {"ok": True, "result": pending[:100]}
        if method in {"answerCallbackQuery", "setWebhook", "deleteWebhook", "setMyCommands"}:
            return ok
        return {"ok": False, "error_code": 404, "description": "Not Found: method not found"}

    async def _sink(self, request: web.Request) -> web.Response:
        body = await request.read()
        with self._lock:
            self.sink.append((dict(request.headers), body))
            status = self.sink_statuses.pop(0) if self.sink_statuses else 200
        return web.json_response({"status": "ok"}, status=status)


# --- the stand-in itself answers like Telegram ------------------------------------------------


def test_the_stand_in_answers_like_the_bot_api() -> None:
    from telegram import Bot
    from telegram.error import BadRequest, InvalidToken

    api = FakeBotAPI().start()

    async def scenario() -> None:
        async with Bot(TOKEN, base_url=api.base_url) as bot:
            assert bot.username == BOT_USERNAME
            sent = await bot.send_message(424242001, "hello")
            assert sent.message_id > 5000 and sent.chat.id == 424242001
            api.undeletable.add(sent.message_id)
            try:
                await bot.delete_message(424242001, sent.message_id)
            except BadRequest as error:
                assert "can't be deleted" in str(error)
            else:
                raise AssertionError("deleting an old message must fail")
        try:
            async with Bot("7000000001:AAa-wrong-token-for-this-test", base_url=api.base_url):
                pass
        except InvalidToken:
            pass
        else:
            raise AssertionError("a wrong token must be refused")

    try:
        asyncio.run(scenario())
    finally:
        api.stop()
    assert [c.method for c in api.calls] == ["getMe", "sendMessage", "deleteMessage"]
