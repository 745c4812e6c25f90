"""Settings of the Telegram channel, shared by the Rasa channel and the polling script.

Kept apart from connectors/telegram.py so the polling script starts without loading Rasa's core.
Each credential can come from the channel's block in the credentials file or from an environment
variable ``SIGNPOST_TELEGRAM_<KEY>`` (e.g. SIGNPOST_TELEGRAM_ACCESS_TOKEN); see docs/telegram.md.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import Bot

CHANNEL_NAME = "telegram"
CHANNEL_CLASS = "connectors.telegram.SignpostTelegramInput"  # the key in credentials files
WEBHOOK_PATH = f"/webhooks/{CHANNEL_NAME}/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
ENV_PREFIX = "SIGNPOST_TELEGRAM_"

WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,256}$")
TOKEN = re.compile(r"^(\d+):[A-Za-z0-9_-]{20,}$")
TOKEN_ANYWHERE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")


class SettingsError(ValueError):
    """The Telegram channel is misconfigured; the message never contains a secret."""


@dataclass(frozen=True)
class TelegramSettings:
    token: str
    webhook_secret: str
    sender_secret: str
    bot_username: str | None = None
    webhook_url: str | None = None
    base_url: str = DEFAULT_BASE_URL

    def __repr__(self) -> str:  # never print the secrets
        return (
            f"TelegramSettings(bot_id={self.bot_id}, bot_username={self.bot_username!r}, "
            f"webhook_url={self.webhook_url!r}, base_url={self.base_url!r})"
        )

    @property
    def bot_id(self) -> int:
        return int(self.token.split(":", 1)[0])

    @classmethod
    def from_credentials(
        cls, credentials: Mapping[str, Any] | None, environ: Mapping[str, str] | None = None
    ) -> TelegramSettings:
        """Read the channel's credentials block; each key falls back to SIGNPOST_TELEGRAM_<KEY>."""
        credentials = credentials or {}
        environ = os.environ if environ is None else environ

        def value(key: str) -> str | None:
            found = credentials.get(key)
            if found is None or str(found).strip() == "":
                found = environ.get(ENV_PREFIX + key.upper())
            found = None if found is None else str(found).strip()
            return found or None

        token = value("access_token")
        if not token or not TOKEN.match(token):
            raise SettingsError(
                "telegram: 'access_token' (or SIGNPOST_TELEGRAM_ACCESS_TOKEN) must be the bot "
                "token from @BotFather, like 123456789:AA..."
            )
        webhook_secret = value("webhook_secret")
        if not webhook_secret or not WEBHOOK_SECRET.match(webhook_secret):
            raise SettingsError(
                "telegram: 'webhook_secret' (or SIGNPOST_TELEGRAM_WEBHOOK_SECRET) must be 16-256 "
                "characters from A-Z, a-z, 0-9, _ and -"
            )
        sender_secret = value("sender_secret")
        if not sender_secret or len(sender_secret) < 16:
            raise SettingsError(
                "telegram: 'sender_secret' (or SIGNPOST_TELEGRAM_SENDER_SECRET) must be at least "
                "16 characters, and the same on every restart"
            )
        if sender_secret == webhook_secret:
            raise SettingsError("telegram: 'sender_secret' must differ from 'webhook_secret'")
        username = value("bot_username")
        if username:
            username = username.lstrip("@").lower()
        webhook_url = value("webhook_url")
        if webhook_url and not webhook_url.startswith(("https://", "http://")):
            raise SettingsError("telegram: 'webhook_url' must be a full https:// URL")
        base_url = value("base_url") or DEFAULT_BASE_URL
        return cls(token, webhook_secret, sender_secret, username, webhook_url, base_url)

    @classmethod
    def from_file(
        cls, path: str | Path, environ: Mapping[str, str] | None = None
    ) -> TelegramSettings:
        """The Telegram block of a Rasa credentials file (``${VAR}`` expanded as Rasa does)."""
        from rasa.shared.utils.io import read_config_file

        content = read_config_file(str(path)) or {}
        if CHANNEL_CLASS not in content:
            raise SettingsError(f"telegram: {path} has no '{CHANNEL_CLASS}:' block")
        return cls.from_credentials(content.get(CHANNEL_CLASS), environ)

    def make_bot(self) -> Bot:
        return Bot(self.token, base_url=self.base_url)


def describe_error(error: BaseException, token: str | None = None) -> str:
    """An error for the log: its type and message, with any bot token blanked out.

    (python-telegram-bot puts the token in InvalidToken's message.)
    """
    text = f"{type(error).__name__}: {error}"
    if token:
        text = text.replace(token, "<token>")
    return TOKEN_ANYWHERE.sub("<token>", text)


def sender_id_for(chat_id: int, sender_secret: str) -> str:
    """The conversation id Rasa sees: a keyed hash of the chat id, never the id itself."""
    digest = hmac.new(
        sender_secret.encode("utf-8"), f"telegram-chat:{chat_id}".encode(), hashlib.sha256
    )
    return f"tg-{digest.hexdigest()}"
