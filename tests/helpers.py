"""Helpers for action tests: build trackers and read what the dispatcher sent."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

# The opening of utter_emergency and of nothing else: the answer to "are you in danger?" also
# says "call 999 (112 also works)" and "press 55", and must not pass for the emergency answer.
EMERGENCY = "If you are in danger now, call 999 (112 also works)"


def make_tracker(
    text: str = "",
    intent: str = "describe_behaviour",
    slots: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    sender_id: str = "test-sender",
) -> Tracker:
    """A tracker whose latest message is ``text`` with the given intent and entities."""
    return Tracker(
        sender_id=sender_id,
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def behaviour_entities(*values: str, relationship: str | None = None) -> list[dict[str, Any]]:
    found = [{"entity": "behaviour", "value": v} for v in values]
    if relationship:
        found.append({"entity": "relationship", "value": relationship})
    return found


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") for m in dispatcher.messages]


def texts(replies: list[dict[str, Any]]) -> str:
    """Everything the bot said in a REST reply, as one string."""
    return "\n".join(r.get("text") or "" for r in replies)


def buttons(replies: list[dict[str, Any]]) -> list[str]:
    return [b["payload"] for r in replies for b in r.get("buttons") or []]


ROOT = Path(__file__).resolve().parents[1]


def newest_model() -> Path:
    """$SIGNPOST_MODEL (make test sets it), else the newest trained model. None is an error with
    a clear message, never a silent skip."""
    chosen = os.environ.get("SIGNPOST_MODEL")
    if chosen:
        return ROOT / chosen
    models = sorted((ROOT / "models").glob("signpost-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise RuntimeError("no trained model in models/: run `make train` (make test does it)")
    return models[-1]


def wait_for(url: str, seconds: float, process: subprocess.Popen) -> None:
    """Until ``url`` answers; fails at once if the server process exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before {url} was up")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} not up after {seconds} s")
