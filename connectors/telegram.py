"""Signpost on Telegram: a Rasa input channel built on python-telegram-bot 22.

Telegram POSTs each update to ``/webhooks/telegram/webhook`` (webhook mode), or
``python -m connectors.telegram_polling`` fetches updates with getUpdates and POSTs them to the
same route (polling mode), so the conversation logic is the same either way and the same as on
the web: every message goes through Rasa's ``on_new_message`` like the REST channel's.

What this channel adds to a plain bridge (see docs/telegram.md):

- every request must carry the webhook secret (``X-Telegram-Bot-Api-Secret-Token``), compared
  in constant time; a missing or wrong one gets 403 and nothing is processed;
- what is not a Telegram update at all (not JSON in UTF-8, not an object, no integer
  ``update_id``, over 256 KiB, or a shape python-telegram-bot cannot read) gets 400: Telegram
  never sends that, so the 400 only ever reaches a misconfigured client, and says why;
- everything else gets 200, because Telegram repeats an update that gets anything but a 2xx
  (until it gives up) and the polling script repeats a 5xx forever, and handling the same update
  again cannot go better: an update we do not handle ("ignored"), one whose fields have the wrong
  types ("unusable": nothing is sent, a warning names the field), and a failure while handling
  ("failed", a log line with the error type only). Never a 500
  (tests/connectors/test_fuzz_telegram.py throws Hypothesis-generated updates at a real server);
- the per-sender rate limit of the REST channel (connectors/rate_limit.py, SIGNPOST_RATE_LIMIT),
  keyed by the hashed conversation id: over it, a message gets a "slow down" chat message (at
  most one per chat every 30 s, so a flood is not answered message for message) and a button a
  "slow down" notification; danger and self-harm are still handled in full, or get the fixed
  emergency text. /exit is never limited. Over the limit the answer is 200 too (see above);
- the conversation id given to Rasa is ``tg-`` + HMAC-SHA256(sender secret, chat id), so the
  Telegram id never reaches the tracker store;
- buttons become inline keyboards (callback_data is the payload, or a short key for payloads
  over Telegram's 64 bytes); presses are answered and fed to Rasa as the payload;
- replies over 4096 characters are split on paragraph, line or word boundaries;
- ``{"signpost_file": {"filename", "mime_type", "base64"}}`` custom messages go out as documents;
- /start greets, /help and /menu show the menu, /exit deletes what Telegram still allows and
  forgets the conversation; message ids (never text) are remembered in memory for 48 hours;
- in groups Signpost answers only when addressed; edited messages are read as new messages;
  stickers, photos, voice notes and the like get a gentle "I can only read text".
- no message text is logged at any level by this module.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import inspect
import io
import json
import logging
import os
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.core.events import Restarted
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, RetryAfter, TelegramError

from connectors.action_failures import FEATURES_UNAVAILABLE, needs_notice, watching_actions
from connectors.rate_limit import (
    Admission,
    Decision,
    SenderRateLimit,
    TokenBuckets,
    admit,
    failure_reply,
)
from connectors.rest import clean_text
from connectors.telegram_settings import (
    ALLOWED_UPDATES,
    CHANNEL_NAME,
    SECRET_HEADER,
    SettingsError,
    TelegramSettings,
    describe_error,
    sender_id_for,
)

__all__ = ["SettingsError", "SignpostTelegramInput", "TelegramOutput", "TelegramSettings"]

logger = logging.getLogger(__name__)
# httpx logs every request URL at INFO, and Bot API URLs contain the bot token.
logging.getLogger("httpx").setLevel(logging.WARNING)

TEXT_LIMIT = 4096  # Telegram's limit per message, in UTF-16 code units
CALLBACK_DATA_LIMIT = 64  # bytes
MAX_UPDATE_BYTES = 256 * 1024
MAX_FILE_BYTES = 20 * 1024 * 1024  # Telegram accepts 50 MB from bots; a diary export is far less
DELETE_WINDOW_SECONDS = 48 * 3600  # Telegram lets bots delete messages under 48 hours old
MAX_REMEMBERED_PER_CHAT = 500
SLOW_DOWN_NOTICES_PER_MINUTE = 2  # at most one "slow down" chat message per chat every 30 s
CONVERSATION_CHATS = (ChatType.PRIVATE, ChatType.GROUP, ChatType.SUPERGROUP)

COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=\s|$)")
MIME_TYPE = re.compile(r"^[A-Za-z0-9][\w.+-]*/[\w.+-]+$")
LONG_PAYLOAD_PREFIX = "~"

# What each command feeds to Rasa; /exit is handled by the channel itself.
COMMAND_PAYLOADS = {"start": "/greet", "help": "/menu", "menu": "/menu"}
MENU_BUTTON = {"title": "Menu", "payload": "/menu"}
# The menu Telegram shows next to the text box (setMyCommands, at start).
BOT_COMMANDS = [
    ("start", "Start again"),
    ("menu", "What I can help with"),
    ("help", "What I can help with"),
    ("exit", "Delete this conversation"),
]
NOT_TEXT = (
    "I can only read text, so I can't see stickers, photos, voice notes or files. "
    "You can type what's happening in your own words, or tap Menu. "
    "If you are in danger right now, call 999."
)
NOT_TEXT_WITH_CAPTION = "I can only read text, so I'll answer the words you wrote."
BUTTONS_ONLY_TEXT = "Choose an option:"
FILE_FAILED = (
    "Sorry, I couldn't attach the file here. You can try again, or type menu. "
    "If you are in danger, call 999."
)


class RequestError(ValueError):
    """A webhook request refused with a 400."""


# --- splitting long text -------------------------------------------------------------------


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _longest_prefix(text: str, limit: int) -> str:
    head = text[:limit]
    over = utf16_length(head) - limit
    while over > 0:  # astral characters (emoji) count twice
        head = head[: len(head) - max(1, over // 2)]
        over = utf16_length(head) - limit
    return head


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` UTF-16 units, cut at a paragraph, line or word boundary.

    Only the whitespace at a cut is dropped; a word is cut only if it alone is over the limit.
    """
    rest = text.strip()
    chunks: list[str] = []
    while utf16_length(rest) > limit:
        head = _longest_prefix(rest, limit)
        cut = None
        for minimum in (len(head) // 2, 1):  # prefer a cut in the second half of the piece
            for separator in ("\n\n", "\n", " "):
                at = head.rfind(separator)
                if at >= minimum:
                    cut = at
                    break
            if cut is not None:
                break
        if cut is None:
            chunk, rest = head, rest[len(head) :]
        else:
            chunk, rest = head[:cut], rest[cut:]
        chunks.append(chunk.rstrip())
        rest = rest.lstrip()
    if rest:
        chunks.append(rest)
    return chunks


# --- in-memory, expiring state ---------------------------------------------------------------


class _Chat:
    __slots__ = ("ids", "lost", "last_seen")

    def __init__(self, now: float) -> None:
        self.ids: OrderedDict[int, float] = OrderedDict()
        self.lost = 0
        self.last_seen = now


class MessageMemory:
    """Ids (never text) of this conversation's recent messages, for /exit. Memory only.

    An id is dropped 48 hours after it was seen (Telegram would refuse to delete it by then) and
    counted, so /exit can say how many it could no longer delete; a chat quiet for 48 hours is
    dropped entirely.
    """

    def __init__(
        self,
        keep_seconds: float = DELETE_WINDOW_SECONDS,
        max_per_chat: int = MAX_REMEMBERED_PER_CHAT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.keep_seconds = keep_seconds
        self.max_per_chat = max_per_chat
        self._clock = clock
        self._chats: dict[str, _Chat] = {}
        self._last_sweep = clock()

    def _chat(self, key: str, now: float) -> _Chat | None:
        chat = self._chats.get(key)
        if chat is None:
            return None
        if now - chat.last_seen > self.keep_seconds:
            del self._chats[key]
            return None
        while chat.ids and now - next(iter(chat.ids.values())) > self.keep_seconds:
            chat.ids.popitem(last=False)
            chat.lost += 1
        return chat

    def _sweep(self, now: float) -> None:
        if now - self._last_sweep < 60:
            return
        self._last_sweep = now
        for key in list(self._chats):
            self._chat(key, now)

    def remember(self, key: str, message_id: int) -> None:
        now = self._clock()
        self._sweep(now)
        chat = self._chat(key, now)
        if chat is None:
            chat = self._chats[key] = _Chat(now)
        chat.last_seen = now
        chat.ids.setdefault(message_id, now)
        while len(chat.ids) > self.max_per_chat:
            chat.ids.popitem(last=False)
            chat.lost += 1

    def take(self, key: str) -> tuple[list[int], int]:
        """Forget this chat: its ids, oldest first, and how many were dropped before."""
        chat = self._chat(key, self._clock())
        self._chats.pop(key, None)
        return ([], 0) if chat is None else (list(chat.ids), chat.lost)

    def __len__(self) -> int:
        return sum(len(chat.ids) for chat in self._chats.values())


class PayloadMemory:
    """Button payloads too long for callback_data (64 bytes), under a short deterministic key."""

    def __init__(self, max_entries: int = 2000) -> None:
        self.max_entries = max_entries
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def callback_data(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= CALLBACK_DATA_LIMIT and not payload.startswith(
            LONG_PAYLOAD_PREFIX
        ):
            return payload
        key = LONG_PAYLOAD_PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self.max_entries:
            self._payloads.popitem(last=False)
        return key

    def payload(self, data: str) -> str | None:
        if not data.startswith(LONG_PAYLOAD_PREFIX):
            return data
        return self._payloads.get(data)


def inline_keyboard(
    buttons: Iterable[Mapping[str, Any]], payloads: PayloadMemory
) -> InlineKeyboardMarkup | None:
    rows = []
    for button in buttons:
        if not isinstance(button, Mapping):
            continue
        title = str(button.get("title") or "").strip()
        payload = button.get("payload")
        if not isinstance(payload, str) or not payload.strip():
            payload = title
        if not title:
            continue
        rows.append(
            [InlineKeyboardButton(title, callback_data=payloads.callback_data(payload.strip()))]
        )
    return InlineKeyboardMarkup(rows) if rows else None


def decode_file(spec: Any) -> tuple[str, str, bytes]:
    """(filename, mime type, content) from a signpost_file payload, or ValueError."""
    if not isinstance(spec, Mapping):
        raise ValueError("signpost_file must be an object")
    filename, mime_type, encoded = spec.get("filename"), spec.get("mime_type"), spec.get("base64")
    if not isinstance(encoded, str) or not encoded:
        raise ValueError("signpost_file.base64 must be a non-empty string")
    if len(encoded) > MAX_FILE_BYTES * 4 // 3 + 4:
        raise ValueError("signpost_file is too large")
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("signpost_file.base64 is not base64") from None
    name = os.path.basename(str(filename or "").replace("\\", "/"))
    name = re.sub(r"[^\w .()-]", "_", name).strip(" .")[:100] or "signpost-file"
    mime = str(mime_type or "")
    if not MIME_TYPE.match(mime):
        mime = "application/octet-stream"
    return name, mime, content


# --- output ----------------------------------------------------------------------------------


class TelegramOutput(OutputChannel):
    """Sends Rasa's replies to one chat, remembering each sent message id for /exit."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    def __init__(
        self,
        bot: Bot,
        chat_id: int,
        on_sent: Callable[[int], None],
        payloads: PayloadMemory,
        thread_id: int | None = None,
    ) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.sent = 0  # messages sent through this output (one per update)
        self.on_sent = on_sent
        self.payloads = payloads
        self.thread_id = thread_id

    async def _send(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        chunks = split_text(text or "")
        if not chunks:
            if markup is None:
                return
            chunks = [BUTTONS_ONLY_TEXT]
        for number, chunk in enumerate(chunks, start=1):
            sent = await self.bot.send_message(
                self.chat_id,
                chunk,
                reply_markup=markup if number == len(chunks) else None,
                message_thread_id=self.thread_id,
            )
            self.sent += 1
            self.on_sent(sent.message_id)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(text)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._send(text, inline_keyboard(buttons, self.payloads))

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        spec = json_message.get("signpost_file") if isinstance(json_message, Mapping) else None
        if spec is None:
            logger.debug("telegram: custom payload without signpost_file ignored")
            return
        try:
            filename, mime_type, content = decode_file(spec)
        except ValueError as error:
            logger.error("telegram: file not sent: %s", error)
            await self._send(FILE_FAILED)
            return
        document = InputFile(io.BytesIO(content), filename=filename)
        document.mimetype = mime_type
        sent = await self.bot.send_document(
            self.chat_id, document=document, message_thread_id=self.thread_id
        )
        self.on_sent(sent.message_id)


# --- input -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    name: str
    target: str | None  # the @botname it was addressed to, lower case
    args: str


def parse_command(text: str | None) -> Command | None:
    match = COMMAND.match(text or "")
    if not match:
        return None
    target = match.group(2).lower() if match.group(2) else None
    return Command(match.group(1).lower(), target, text[match.end() :].strip())


def parse_body(body: bytes) -> dict[str, Any]:
    if len(body) > MAX_UPDATE_BYTES:
        raise RequestError("request body too large")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):  # ValueError: also an integer of 4300+ digits
        raise RequestError("body must be JSON in UTF-8") from None
    except RecursionError:
        raise RequestError("body is nested too deeply") from None
    if not isinstance(data, dict):
        raise RequestError("body must be a JSON object")
    if not isinstance(data.get("update_id"), int) or isinstance(data.get("update_id"), bool):
        raise RequestError("not a Telegram update: 'update_id' must be an integer")
    return data


def _is_int(value: Any) -> bool:
    return type(value) is int  # not bool, although bool is an int in Python


def _is_str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _user_ok(user: Any) -> bool:
    return user is None or (isinstance(user, dict) and _is_int(user.get("id")))


def _entities_ok(entities: Any) -> bool:
    return entities is None or (
        isinstance(entities, list)
        and all(
            isinstance(entity, dict)
            and isinstance(entity.get("type"), str)
            and _is_int(entity.get("offset"))
            and _is_int(entity.get("length"))
            and _user_ok(entity.get("user"))
            for entity in entities
        )
    )


def _keyboard_ok(markup: Any) -> bool:
    if markup is None:
        return True
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    return isinstance(rows, list) and all(
        isinstance(row, list)
        and all(
            isinstance(button, dict)
            and isinstance(button.get("text"), str)
            and _is_str_or_none(button.get("callback_data"))
            for button in row
        )
        for row in rows
    )


def _message_problem(message: Any, path: str) -> str | None:
    if not isinstance(message, dict):
        return path
    chat = message.get("chat")
    reply = message.get("reply_to_message")
    thread = message.get("message_thread_id")
    checks = {
        "message_id": _is_int(message.get("message_id")),
        "chat": isinstance(chat, dict)
        and _is_int(chat.get("id"))
        and isinstance(chat.get("type"), str),
        "from": _user_ok(message.get("from")),
        "text": _is_str_or_none(message.get("text")),
        "caption": _is_str_or_none(message.get("caption")),
        "entities": _entities_ok(message.get("entities")),
        "caption_entities": _entities_ok(message.get("caption_entities")),
        "message_thread_id": thread is None or _is_int(thread),
        "reply_to_message": reply is None
        or (isinstance(reply, dict) and _user_ok(reply.get("from"))),
        "reply_markup": _keyboard_ok(message.get("reply_markup")),
    }
    return next((f"{path}.{name}" for name, ok in checks.items() if not ok), None)


def unusable_field(data: dict[str, Any]) -> str | None:
    """The first field this channel relies on that has a type Telegram never sends (e.g. a chat
    id that is a string, text that is a number), as a path like ``message.chat``; None if the
    update is usable. Checked before anything is handled, so nothing half-happens."""
    for kind in ("message", "edited_message"):
        if data.get(kind) is not None:
            return _message_problem(data[kind], kind)
    query = data.get("callback_query")
    if query is None:
        return None
    if not isinstance(query, dict):
        return "callback_query"
    if not isinstance(query.get("id"), str):
        return "callback_query.id"
    if not _is_str_or_none(query.get("data")):
        return "callback_query.data"
    if query.get("message") is not None:
        return _message_problem(query["message"], "callback_query.message")
    return None


def _unwrap_tracker_store(store: Any) -> Any:
    """The real store inside Rasa's FailSafeTrackerStore / AwaitableTrackerStore wrappers."""
    seen = 0
    while hasattr(store, "_tracker_store") and seen < 5:
        store = store._tracker_store
        seen += 1
    return store


async def forget_conversation(agent: Any, sender_id: str) -> bool:
    """Delete the conversation from the tracker store, or at least restart it."""
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return False
    lock_store = getattr(agent, "lock_store", None)

    async def forget() -> None:
        inner = _unwrap_tracker_store(store)
        if callable(getattr(inner, "forget", None)):
            result = inner.forget(sender_id)
            if inspect.isawaitable(result):
                await result
            return
        tracker = await store.retrieve(sender_id)
        if tracker is not None:  # a generic store keeps events: at least start afresh
            tracker.update(Restarted())
            await store.save(tracker)

    if lock_store is not None:
        async with lock_store.lock(sender_id):
            await forget()
    else:
        await forget()
    return True


def exit_note(private: bool, deleted: int, not_deleted: int, forgotten: bool) -> str:
    """What /exit says it did (the one message left behind, so it gives no details)."""
    plural = "s" if deleted != 1 else ""
    if forgotten:
        parts = [f"Done: I've deleted {deleted} message{plural} here and forgotten this "
                 "conversation on my side."]
    else:
        parts = [f"I've deleted {deleted} message{plural} here, but couldn't clear the "
                 "conversation on my side just now: it is forgotten by itself after 30 quiet "
                 "minutes."]
    if not_deleted:
        parts.append(
            f"I couldn't delete {not_deleted} message{'s' if not_deleted != 1 else ''}: "
            "Telegram only lets me delete messages less than 48 hours old"
            + ("." if private else ", and in a group only my own unless I'm an admin.")
        )
    if private:
        parts.append(
            "I can't delete older messages, or ones from before I last restarted. To remove "
            "everything, delete this chat in your Telegram app."
        )
    else:
        parts.append(
            "In a group I can only delete my own messages (any, if I'm an admin), so please "
            "delete yours yourself."
        )
    parts.append("If you are in danger, call 999.")
    return "\n\n".join(parts)


class SignpostTelegramInput(InputChannel):
    """The Telegram channel: ``POST /webhooks/telegram/webhook`` (see the module docstring)."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SignpostTelegramInput:
        """As Rasa builds the channel: the rate limit from SIGNPOST_RATE_LIMIT, like REST's."""
        return cls(
            TelegramSettings.from_credentials(credentials),
            rate_limit=SenderRateLimit.from_env(os.environ),
        )

    def __init__(
        self,
        settings: TelegramSettings,
        bot: Bot | None = None,
        clock: Callable[[], float] = time.monotonic,
        rate_limit: SenderRateLimit | None = None,
    ) -> None:
        self.settings = settings
        self.rate_limit = rate_limit
        self._slow_down_notices = TokenBuckets(1, SLOW_DOWN_NOTICES_PER_MINUTE, clock=clock)
        self.bot = bot or settings.make_bot()
        self.bot_id = settings.bot_id
        self.username = settings.bot_username
        self.memory = MessageMemory(clock=clock)
        self.payloads = PayloadMemory()
        self._expected_secret = settings.webhook_secret.encode("utf-8")
        self._initialised = False
        self._last_init_attempt = -1e9
        self._clock = clock

    # -- start-up ---------------------------------------------------------------------------

    async def _ensure_bot(self) -> bool:
        """Initialise the Bot (getMe) once; retried at most once a minute if it fails."""
        if self._initialised:
            return True
        now = self._clock()
        if now - self._last_init_attempt < 60:
            return False
        self._last_init_attempt = now
        try:
            await self.bot.initialize()
        except TelegramError as error:
            logger.error("telegram: getMe failed: %s", describe_error(error, self.settings.token))
            return False
        self._initialised = True
        if self.username is None and self.bot.username:
            self.username = self.bot.username.lower()
        return True

    async def start(self) -> None:
        """At server start: check the token, list the commands, set the webhook if configured."""
        if not await self._ensure_bot():
            return
        try:
            await self.bot.set_my_commands(BOT_COMMANDS)
        except TelegramError as error:
            logger.warning("telegram: setMyCommands failed: %s", type(error).__name__)
        if not self.settings.webhook_url:
            logger.info("telegram: no webhook_url; expecting updates from the polling script")
            return
        try:
            await self.bot.set_webhook(
                self.settings.webhook_url,
                secret_token=self.settings.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
            logger.info("telegram: webhook set")
        except TelegramError as error:
            logger.error(
                "telegram: setWebhook failed: %s", describe_error(error, self.settings.token)
            )

    async def stop(self) -> None:
        try:
            if self._initialised:
                await self.bot.shutdown()
            else:  # getMe never worked, but sending may have opened connections
                await self.bot.request.shutdown()
        except Exception as error:  # shutting down anyway
            logger.debug("telegram: shutdown: %s", type(error).__name__)
        self._initialised = False

    # -- HTTP -------------------------------------------------------------------------------

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("signpost_telegram_webhook", __name__)

        @webhook.listener("after_server_start")
        async def start(app: Any, loop: Any) -> None:
            await self.start()

        @webhook.listener("before_server_stop")
        async def stop(app: Any, loop: Any) -> None:
            await self.stop()

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            status, body = await self.handle_request(
                request.headers.get(SECRET_HEADER),
                request.body or b"",
                on_new_message,
                agent=getattr(request.app.ctx, "agent", None),
            )
            return response.json(body, status=status)

        return webhook

    def secret_ok(self, secret: str | None) -> bool:
        given = (secret or "").encode("utf-8", "replace")
        return hmac.compare_digest(given, self._expected_secret)

    async def handle_request(
        self,
        secret: str | None,
        body: bytes,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        agent: Any = None,
    ) -> tuple[int, dict[str, Any]]:
        """(HTTP status, JSON body) for one webhook request. Never raises."""
        if not self.secret_ok(secret):
            return 403, {"error": "forbidden"}
        try:
            data = parse_body(body)
            update = Update.de_json(data, self.bot)
        except RequestError as error:
            return 400, {"error": str(error)}
        except Exception as error:  # PTB could not read it: not a Telegram update
            logger.warning("telegram: unreadable update: %s", type(error).__name__)
            return 400, {"error": "not a Telegram update"}
        problem = unusable_field(data)
        if problem is not None:  # 200 all the same: a retry would bring the same update back
            logger.warning("telegram: update %s unusable: %s", update.update_id, problem)
            return 200, {"status": "unusable"}
        try:
            outcome = await self.handle_update(update, on_new_message, agent)
        except Exception as error:  # 200 anyway: a retry would repeat what was already sent
            logger.error("telegram: update %s failed: %s", update.update_id, type(error).__name__)
            return 200, {"status": "failed"}
        logger.debug("telegram: update %s %s", update.update_id, outcome)
        return 200, {"status": outcome}

    # -- updates ----------------------------------------------------------------------------

    def sender_id(self, chat_id: int) -> str:
        return sender_id_for(chat_id, self.settings.sender_secret)

    def _output(self, message: Any, key: str) -> TelegramOutput:
        topic = getattr(message, "is_topic_message", None)
        thread_id = message.message_thread_id if topic else None
        return TelegramOutput(
            self.bot,
            message.chat.id,
            lambda message_id: self.memory.remember(key, message_id),
            self.payloads,
            thread_id,
        )

    async def _feed(
        self,
        text: str,
        key: str,
        output: TelegramOutput,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> None:
        try:
            with watching_actions() as failed:
                await on_new_message(UserMessage(text, output, key, input_channel=self.name()))
            if needs_notice(failed, replied=output.sent > 0):  # the action server is down
                await output.send_text_with_buttons(key, FEATURES_UNAVAILABLE, [MENU_BUTTON])
        except Exception as error:  # the person still gets an answer, in full if in danger
            logger.error("telegram: message handling failed: %s", type(error).__name__)
            try:
                await output.send_text_message(key, failure_reply(text))
            except TelegramError:
                pass

    async def _refuse(self, admission: Admission, key: str, output: TelegramOutput) -> str:
        """Over the rate limit: the fixed emergency text always; "slow down" at most once per
        chat every 30 s, so a flood never turns into as many messages back."""
        if admission.decision is Decision.EMERGENCY_ONLY:
            await output.send_text_message(key, admission.reply)
            return "emergency only"
        if self._slow_down_notices.take(key):
            await output.send_text_message(key, admission.reply)
        return "slow down"

    async def handle_update(
        self,
        update: Update,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        agent: Any = None,
    ) -> str:
        """Handle one update; returns what happened (for logs and tests, never text)."""
        if update.callback_query is not None:
            return await self._on_button(update, on_new_message)
        message = update.message or update.edited_message
        if message is None:
            return "ignored"  # channel posts, member updates, polls...: not a conversation
        chat = message.chat
        if chat.type not in CONVERSATION_CHATS:
            return "ignored"
        if message.from_user is not None and message.from_user.id == self.bot_id:
            return "ignored"
        private = chat.type == ChatType.PRIVATE
        command = parse_command(message.text)
        if not private and not await self._addressed(message, command):
            return "not addressed"
        key = self.sender_id(chat.id)
        self.memory.remember(key, message.message_id)
        output = self._output(message, key)

        if command is not None and command.name == "exit":  # a way out is never rate limited
            await self._exit(message, key, output, agent)
            return "exit"
        payload = COMMAND_PAYLOADS.get(command.name) if command is not None else None
        # (an unknown /command: its words are read as text)
        text = message.text if message.text is not None else message.caption
        if payload is None and text is None and message.effective_attachment is None:
            return "ignored"  # service messages (pins, joins, timers)
        fed = payload or self._typed_text(text or "")
        admission = admit(self.rate_limit, key, fed)
        if not admission.handled:
            return await self._refuse(admission, key, output)

        if payload is not None:
            await self._feed(payload, key, output, on_new_message)
            return f"command {command.name}"
        if message.effective_attachment is not None:
            if not (text or "").strip():
                await output.send_text_with_buttons(key, NOT_TEXT, [MENU_BUTTON])
                return "not text"
            await output.send_text_message(key, NOT_TEXT_WITH_CAPTION)
        await self._feed(fed, key, output, on_new_message)
        return "edited message" if update.edited_message is not None else "message"

    def _typed_text(self, text: str) -> str:
        """Typed text is only ever text: no mention of us, no leading slash (no payloads)."""
        if self.username:
            text = re.sub(rf"(?i)@{re.escape(self.username)}\b", " ", text)
        text = clean_text(text)
        while text.startswith("/"):
            text = clean_text(text[1:])
        return text or "/nlu_fallback"

    async def _addressed(self, message: Message, command: Command | None) -> bool:
        """In a group: a /command@us, a reply to one of our messages, or an @mention of us."""
        if self.username is None:
            await self._ensure_bot()
        if command is not None and command.target is not None:
            return command.target == self.username
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == self.bot_id:
            return True
        mentions = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
        found = {**message.parse_entities(mentions), **message.parse_caption_entities(mentions)}
        for entity, value in found.items():
            if entity.type == MessageEntity.TEXT_MENTION:
                if entity.user is not None and entity.user.id == self.bot_id:
                    return True
            elif self.username and value.lstrip("@").lower() == self.username:
                return True
        return False

    async def _on_button(
        self, update: Update, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> str:
        query = update.callback_query
        message = query.message
        usable = (
            message is not None
            and query.data is not None
            and message.chat.type in CONVERSATION_CHATS
        )
        admission, key, text = Admission(Decision.ALLOW), "", ""
        if usable:
            key = self.sender_id(message.chat.id)
            payload = self.payloads.payload(query.data)
            if payload is None:  # a long payload from before a restart: read the button's title
                payload = self._button_title(message, query.data) or MENU_BUTTON["payload"]
            text = clean_text(payload) or MENU_BUTTON["payload"]
            admission = admit(self.rate_limit, key, text)
        # Answered first, whatever happens next: it stops the spinner on the button. Over the
        # limit, Telegram shows the "slow down" text as a brief notification there too.
        slow_down = admission.decision is Decision.SLOW_DOWN
        try:
            await self.bot.answer_callback_query(
                query.id, text=admission.reply if slow_down else None
            )
        except TelegramError as error:  # too old to answer: carry on anyway
            logger.debug("telegram: answerCallbackQuery: %s", type(error).__name__)
        if not usable:
            return "ignored"
        output = self._output(message, key)
        if not admission.handled:
            return await self._refuse(admission, key, output)
        await self._feed(text, key, output, on_new_message)
        return "button"

    @staticmethod
    def _button_title(message: Any, data: str) -> str | None:
        markup = getattr(message, "reply_markup", None)
        for row in getattr(markup, "inline_keyboard", ()) or ():
            for button in row:
                if button.callback_data == data:
                    return button.text
        return None

    async def _delete(self, chat_id: int, message_id: int) -> bool:
        for attempt in (1, 2):
            try:
                return bool(await self.bot.delete_message(chat_id, message_id))
            except RetryAfter:
                if attempt == 2:
                    return False
                await asyncio.sleep(1)
            except BadRequest as error:
                return "not found" in str(error).lower()  # already deleted by the person
            except TelegramError as error:
                logger.debug("telegram: deleteMessage: %s", type(error).__name__)
                return False
        return False

    async def _exit(self, message: Message, key: str, output: TelegramOutput, agent: Any) -> None:
        ids, too_old = self.memory.take(key)
        deleted = 0
        for message_id in reversed(ids):  # newest first
            if await self._delete(message.chat.id, message_id):
                deleted += 1
        try:
            forgotten = await forget_conversation(agent, key)
        except Exception as error:
            logger.error("telegram: forgetting the conversation failed: %s", type(error).__name__)
            forgotten = False
        private = message.chat.type == ChatType.PRIVATE
        not_deleted = len(ids) - deleted + too_old
        await output.send_text_message(key, exit_note(private, deleted, not_deleted, forgotten))
