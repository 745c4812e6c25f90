"""Rasa's REST channel, hardened for people typing anything at all.

Same URL and JSON as Rasa's own (`POST /webhooks/rest/webhook` with `sender` and `message`), so
it works behind any load balancer, but: malformed or oversized requests get a clear 4xx, never a
500; a typed `/intent{...}` payload is treated as plain text, so nobody can set slots by typing;
control characters are removed; very long messages are cut; and no message text is ever logged.

A per-sender rate limit (connectors/rate_limit.py, SIGNPOST_RATE_LIMIT) answers a sender who is
over it with HTTP 429 and a short "slow down" reply, except for danger and crisis messages, which
always get the emergency answer.

If a custom action fails (the action server is down), the reply ends with a plain notice that
some features are unavailable, with the emergency numbers and a menu button, instead of silence.
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.action_failures import FEATURES_UNAVAILABLE as FEATURES_UNAVAILABLE
from connectors.action_failures import MENU_BUTTON, needs_notice, watching_actions
from connectors.action_replies import validate_action_replies_once
from connectors.rate_limit import EMERGENCY_ONLY as EMERGENCY_ONLY  # re-exported texts
from connectors.rate_limit import SLOW_DOWN as SLOW_DOWN
from connectors.rate_limit import SORRY as SORRY
from connectors.rate_limit import Decision, SenderRateLimit, admit, failure_reply

logger = logging.getLogger(__name__)

# The Rasa server loads this module at start (credentials.yml), so its speed fix lives here.
validate_action_replies_once()

MAX_BODY_BYTES = 64 * 1024
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
MAX_METADATA_DEPTH = 20  # deeper metadata could make Rasa's own JSON encoding recurse too far
# A button payload: an intent name alone. Anything richer typed by a person is treated as text.
BUTTON_PAYLOAD = re.compile(r"^/[a-z_]{1,64}$")


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


def _depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_METADATA_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return deepest


def parse_request(body: bytes) -> tuple[str, str, dict[str, Any] | None]:
    """(sender, text, metadata) from a webhook body, or RequestError."""
    if len(body) > MAX_BODY_BYTES:
        raise RequestError("request body too large")
    try:
        data = json.loads(body.decode("utf-8"))
    except ValueError:  # bad UTF-8, bad JSON, or an integer over Python's 4300-digit limit
        raise RequestError("body must be JSON in UTF-8") from None
    except RecursionError:  # e.g. 10 KB of "[[[[": found by tests/connectors/test_fuzz_rest.py
        raise RequestError("body is nested too deeply") from None
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
    if metadata is not None and _depth(metadata) > MAX_METADATA_DEPTH:
        raise RequestError(f"'metadata' may be nested at most {MAX_METADATA_DEPTH} deep")
    return sender.strip(), clean_text(text), metadata


class SignpostRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        webhook = Blueprint("signpost_rest_webhook", __name__)
        rate_limit = SenderRateLimit.from_env(dict(os.environ))

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
            admission = admit(rate_limit, sender, text)
            if admission.decision is Decision.SLOW_DOWN:
                return response.json(
                    [{"recipient_id": sender, "text": admission.reply}],
                    status=429,
                    headers={"Retry-After": str(admission.retry_after)},
                )
            if not admission.handled:  # EMERGENCY_ONLY
                return response.json([{"recipient_id": sender, "text": admission.reply}])
            collector = CollectingOutputChannel()
            try:
                with watching_actions() as failed:
                    await on_new_message(
                        UserMessage(
                            text, collector, sender, input_channel=self.name(), metadata=metadata
                        )
                    )
            except Exception as error:  # the person still gets an answer, never a stack trace
                logger.error("message handling failed: %s", type(error).__name__)
                # e.g. Redis down: a danger message still gets the emergency numbers in full
                return response.json(
                    [*collector.messages, {"recipient_id": sender, "text": failure_reply(text)}]
                )
            replies = collector.messages
            if needs_notice(failed, replied=bool(replies)):
                replies = [*replies, {
                    "recipient_id": sender, "text": FEATURES_UNAVAILABLE, "buttons": MENU_BUTTON,
                }]
            return response.json(replies)

        return webhook
