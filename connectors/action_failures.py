"""Noticing that the action server failed while a message was handled, for every channel.

Rasa logs a failed call to the action server and carries on without that action's messages, so
the person could get silence, or half an answer, with no reason given. The channels (REST,
widget, Telegram) wrap each message in ``watching_actions()`` and, when ``needs_notice`` says
so, add ``FEATURES_UNAVAILABLE``. The danger and crisis answers are static domain responses and
never need the action server.

Importing this module patches Rasa's ``RemoteAction.run`` once (the channels are loaded by the
Rasa server at start, from credentials.yml).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

FEATURES_UNAVAILABLE = (
    "Sorry, part of Signpost isn't working right now, so I couldn't do all of that: advice "
    "steps and who is open now may be unavailable for a while. If you are in danger, call 999. "
    "Samaritans are there day or night on 116 123. You can still type menu, or ask me a question."
)
MENU_BUTTON: list[dict[str, Any]] = [{"title": "Menu", "payload": "/menu"}]

# Set while one message is handled: "main" if a custom action the dialogue chose failed, "slots"
# if only a custom slot mapping failed. Each request runs in its own task, so its own context.
_failed_actions: ContextVar[set[str] | None] = ContextVar("signpost_failed_actions", default=None)


@contextmanager
def watching_actions() -> Iterator[set[str]]:
    """The failures noted while the body runs (see ``_failed_actions``)."""
    failed: set[str] = set()
    token = _failed_actions.set(failed)
    try:
        yield failed
    finally:
        _failed_actions.reset(token)


def needs_notice(failed: set[str], replied: bool) -> bool:
    """An action the dialogue chose failed, or only a slot mapping did and nothing was said."""
    return "main" in failed or (bool(failed) and not replied)


def _watch_custom_actions() -> None:
    """Note in ``_failed_actions`` when a call to the action server fails."""
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
