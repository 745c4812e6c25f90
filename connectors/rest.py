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
from contextvars import ContextVar
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.action_replies import validate_action_replies_once
from connectors.rate_limit import Decision, SenderRateLimit, is_urgent

logger = logging.getLogger(__name__)

# The Rasa server loads this module at start (credentials.yml), so its speed fix lives here.
validate_action_replies_once()

MAX_BODY_BYTES = 64 * 1024
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
MAX_METADATA_DEPTH = 20  # deeper metadata could make Rasa's own JSON encoding recurse too far
# A button payload: an intent name alone. Anything richer typed by a person is treated as text.
BUTTON_PAYLOAD = re.compile(r"^/[a-z_]{1,64}$")
SORRY = (
    "Sorry, something went wrong on my side. If you are in danger, call 999. "
    "You can try again, or type menu."
)
SLOW_DOWN = (
    "You're sending messages very quickly, so I've paused for a moment. Please wait a few "
    "seconds and send that again. If you are in danger now, call 999."
)
# Sent without the pipeline when one sender floods danger messages past both limits, or when a
# danger message cannot be handled at all (e.g. Redis is down).
EMERGENCY_ONLY = (
    "If you are in danger now, call 999 (112 also works). If you can't speak, stay on the line "
    "and cough or tap; on a mobile, press 55 when a recorded voice asks you to.\n\n"
    "If you might hurt yourself, call 999, or Samaritans free on 116 123, day or night."
)


FEATURES_UNAVAILABLE = (
    "Sorry, part of Signpost isn't working right now, so I couldn't do all of that: advice "
    "steps and who is open now may be unavailable for a while. If you are in danger, call 999. "
    "Samaritans are there day or night on 116 123. You can still type menu, or ask me a question."
)

# Set while one message is handled: "main" if a custom action the dialogue chose failed, "slots"
# if only a custom slot mapping failed. Each request runs in its own task, so its own context.
_failed_actions: ContextVar[set[str] | None] = ContextVar("signpost_failed_actions", default=None)


def _watch_custom_actions() -> None:
    """Note in ``_failed_actions`` when a call to the action server fails (Rasa logs it and
    carries on without the action's messages)."""
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction

    if getattr(RemoteAction.run, "_signpost_watched", False):
        return
    original = RemoteAction.run

    async def run(self: RemoteAction, output_channel, nlg, tracker, domain):  # noqa: ANN001, ANN202
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise  # a form rejecting input: normal dialogue, not a failure
        except Exception:
            failed = _failed_actions.get()
            if failed is not None:
                mapping_actions = {
                    mapping.get("action")
                    for slot in domain.slots
                    for mapping in slot.mappings
                }
                failed.add("slots" if self.name() in mapping_actions else "main")
            if self.name().startswith("validate_"):
                # A form that cannot validate rejects the message, so the rules take over: the
                # danger and crisis answers (static) are then reached in the middle of a form too.
                raise ActionExecutionRejection(self.name(), "action server unavailable") from None
            raise

    run._signpost_watched = True  # type: ignore[attr-defined]
    RemoteAction.run = run  # type: ignore[method-assign]


_watch_custom_actions()


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
    except (UnicodeDecodeError, json.JSONDecodeError):
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
            decision = rate_limit.check(sender, text) if rate_limit else Decision.ALLOW
            if decision is Decision.SLOW_DOWN:
                return response.json(
                    [{"recipient_id": sender, "text": SLOW_DOWN}],
                    status=429,
                    headers={"Retry-After": str(rate_limit.retry_after(sender))},
                )
            if decision is Decision.EMERGENCY_ONLY:
                return response.json([{"recipient_id": sender, "text": EMERGENCY_ONLY}])
            collector = CollectingOutputChannel()
            failed: set[str] = set()
            _failed_actions.set(failed)
            try:
                await on_new_message(
                    UserMessage(
                        text, collector, sender, input_channel=self.name(), metadata=metadata
                    )
                )
            except Exception as error:  # the person still gets an answer, never a stack trace
                logger.error("message handling failed: %s", type(error).__name__)
                # e.g. Redis down: a danger message still gets the emergency numbers in full
                apology = EMERGENCY_ONLY if is_urgent(text) else SORRY
                return response.json(
                    [*collector.messages, {"recipient_id": sender, "text": apology}]
                )
            replies = collector.messages
            if "main" in failed or (failed and not replies):
                replies = [*replies, {
                    "recipient_id": sender, "text": FEATURES_UNAVAILABLE,
                    "buttons": [{"title": "Menu", "payload": "/menu"}],
                }]
            return response.json(replies)

        return webhook
