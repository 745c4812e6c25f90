"""Rasa's REST channel, hardened for people typing anything at all.

Same URL and JSON as Rasa's own (`POST /webhooks/rest/webhook` with `sender` and `message`), so
it works behind any load balancer, but: malformed or oversized requests get a clear 4xx, never a
500; a typed `/intent{...}` payload is treated as plain text, so nobody can set slots by typing;
control characters are removed; very long messages are cut; and no message text is ever logged.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.action_replies import validate_action_replies_once

logger = logging.getLogger(__name__)

# The Rasa server loads this module at start (credentials.yml), so its speed fix lives here.
validate_action_replies_once()

MAX_BODY_BYTES = 64 * 1024
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
# A button payload: an intent name alone. Anything richer typed by a person is treated as text.
BUTTON_PAYLOAD = re.compile(r"^/[a-z_]{1,64}$")
SORRY = (
    "Sorry, something went wrong on my side. If you are in danger, call 999. "
    "You can try again, or type menu."
)


class RequestError(ValueError):
    """A request we refuse with a 4xx; the message is safe to show the client."""


def clean_text(text: str) -> str:
    """Drop control characters, keep line breaks, cut to MAX_MESSAGE_CHARS."""
    kept = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text
    )
    kept = kept.strip()[:MAX_MESSAGE_CHARS]
    if kept.startswith("/") and not BUTTON_PAYLOAD.match(kept):
        kept = kept.lstrip("/").strip()
    return kept


def parse_request(body: bytes) -> tuple[str, str, dict[str, Any] | None]:
    """(sender, text, metadata) from a webhook body, or RequestError."""
    if len(body) > MAX_BODY_BYTES:
        raise RequestError("request body too large")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise RequestError("body must be JSON in UTF-8") from None
    if not isinstance(data, dict):
        raise RequestError("body must be a JSON object")
    sender = data.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise RequestError(f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS}")
    text = data.get("message", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise RequestError("'message' must be a string")
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise RequestError("'metadata' must be an object")
    return sender.strip(), clean_text(text), metadata


class SignpostRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        webhook = Blueprint("signpost_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_request(request.body or b"")
            except RequestError as error:
                return response.json({"error": str(error)}, status=400)
            if not text:
                text = "/nlu_fallback"  # nothing typed: ask again gently, with the menu
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text, collector, sender, input_channel=self.name(), metadata=metadata
                    )
                )
            except Exception as error:  # the person still gets an answer, never a stack trace
                logger.error("message handling failed: %s", type(error).__name__)
                return response.json(
                    [*collector.messages, {"recipient_id": sender, "text": SORRY}]
                )
            return response.json(collector.messages)

        return webhook
