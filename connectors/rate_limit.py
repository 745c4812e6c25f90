"""A per-sender rate limit that can never silence the danger answer.

Plain Python (no Rasa, no Sanic), used by the REST and Telegram channels (connectors/rest.py,
connectors/telegram.py). Each sender id has a token bucket: ``capacity`` messages at once,
refilled at ``per_minute``. A person typing, or pressing buttons quickly, stays well inside it;
a script hammering one conversation does not.

When a sender is over the limit, the message is checked by the deterministic safety guard
(``actions/safety/danger.py``, the same patterns the NLU pipeline uses) before anything is
refused:

- danger now or self-harm (or the "I'm in danger now" button): ``URGENT``, handled as normal, so
  the person gets the full emergency or crisis answer. These use a second, separate bucket per
  sender; only when that one is empty too (a flood of danger messages) does the channel answer
  with ``EMERGENCY_ONLY``: a fixed emergency text sent at once, without the pipeline. Either way
  the emergency numbers always go back; a limit never makes the bot go quiet on danger.
- anything else: ``SLOW_DOWN``, a short polite reply (REST: HTTP 429 and Retry-After; Telegram:
  a chat message, since Telegram would retry anything but a 2xx).

``admit()`` turns a decision into what every channel does with it (run the pipeline, or send
which fixed text instead), and ``failure_reply()`` is what a channel sends when handling a
message failed: both live here so the channels cannot drift apart on the danger answer.

State is in the memory of one process (with two Rasa servers each has its own buckets, so a
sender whose messages alternate between them gets up to twice the rate). At most
``max_senders`` buckets are kept; the least recently used go first (an evicted bucket was idle,
or is simply full again, so eviction never lets anyone past a limit they had not already got by
using a new sender id). Single-threaded use (one asyncio event loop) is assumed.
"""

from __future__ import annotations

import math
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

# Defaults: 20 messages at once, then 30 a minute (one every 2 s) per conversation.
DEFAULT_CAPACITY = 20
DEFAULT_PER_MINUTE = 30.0
# Danger/self-harm messages over the normal limit: 10 at once, then 12 a minute, processed fully.
DEFAULT_URGENT_CAPACITY = 10
DEFAULT_URGENT_PER_MINUTE = 12.0
DEFAULT_MAX_SENDERS = 100_000

# Button payloads that mean danger or crisis (a pressed button is never text the guard can read).
URGENT_PAYLOADS = re.compile(r"^/(?:immediate_danger|self_harm)$")

# What a channel sends instead of running the pipeline (the same words on every channel).
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
SORRY = (
    "Sorry, something went wrong on my side. If you are in danger, call 999. "
    "You can try again, or type menu."
)


class Decision(str, Enum):
    ALLOW = "allow"  # within the limit
    URGENT = "urgent"  # over the limit, but danger or crisis: handle as normal
    EMERGENCY_ONLY = "emergency_only"  # over both limits and urgent: fixed emergency text
    SLOW_DOWN = "slow_down"  # over the limit: refuse politely


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """Token buckets keyed by a string, with a bounded number of keys (LRU eviction)."""

    def __init__(
        self,
        capacity: float,
        per_minute: float,
        max_keys: int = DEFAULT_MAX_SENDERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1 or per_minute <= 0 or max_keys < 1:
            raise ValueError("capacity >= 1, per_minute > 0 and max_keys >= 1 are required")
        self.capacity = float(capacity)
        self.rate = per_minute / 60.0  # tokens per second
        self.max_keys = max_keys
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def _bucket(self, key: str, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(self.capacity, now)
            self._buckets[key] = bucket
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(self.capacity, bucket.tokens + elapsed * self.rate)
            bucket.updated = now
        return bucket

    def take(self, key: str) -> bool:
        """Take one token for ``key``; False (and nothing taken) if its bucket is empty."""
        bucket = self._bucket(key, self._clock())
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return True
        return False

    def retry_after(self, key: str) -> int:
        """Whole seconds until ``key`` has a token again (at least 1)."""
        bucket = self._bucket(key, self._clock())
        missing = max(0.0, 1.0 - bucket.tokens)
        return max(1, math.ceil(missing / self.rate))


def is_urgent(text: str) -> bool:
    """Danger now or self-harm, by the deterministic guard, or the danger button."""
    if URGENT_PAYLOADS.match(text):
        return True
    # Imported here so that the limiter itself stays importable and testable on its own.
    from actions.safety.danger import Verdict, assess

    found = assess(text)
    return found.danger is Verdict.DANGER or found.self_harm is Verdict.DANGER


class SenderRateLimit:
    """The channels' policy: normal bucket, then urgent bucket for danger, never silence."""

    def __init__(
        self,
        capacity: float = DEFAULT_CAPACITY,
        per_minute: float = DEFAULT_PER_MINUTE,
        urgent_capacity: float = DEFAULT_URGENT_CAPACITY,
        urgent_per_minute: float = DEFAULT_URGENT_PER_MINUTE,
        max_senders: int = DEFAULT_MAX_SENDERS,
        clock: Callable[[], float] = time.monotonic,
        urgent: Callable[[str], bool] = is_urgent,
    ) -> None:
        self.normal = TokenBuckets(capacity, per_minute, max_senders, clock)
        self.urgent_buckets = TokenBuckets(urgent_capacity, urgent_per_minute, max_senders, clock)
        self._is_urgent = urgent

    def check(self, sender: str, text: str) -> Decision:
        """What to do with ``text`` (already cleaned) from ``sender``. The guard runs only
        for senders over the limit, so ordinary traffic pays nothing for it."""
        if self.normal.take(sender):
            return Decision.ALLOW
        if not self._is_urgent(text):
            return Decision.SLOW_DOWN
        if self.urgent_buckets.take(sender):
            return Decision.URGENT
        return Decision.EMERGENCY_ONLY

    def retry_after(self, sender: str) -> int:
        return self.normal.retry_after(sender)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str], clock: Callable[[], float] = time.monotonic
    ) -> SenderRateLimit | None:
        """From SIGNPOST_RATE_LIMIT ("CAPACITY/PER_MINUTE", e.g. "20/30"; "off" disables).
        Unset: the defaults. A malformed value is an error at start, not a silent default."""
        raw = environ.get("SIGNPOST_RATE_LIMIT", "").strip().lower()
        if raw in ("off", "0", "none"):
            return None
        if not raw:
            return cls(clock=clock)
        match = re.fullmatch(r"(\d+)\s*/\s*(\d+(?:\.\d+)?)", raw)
        if not match:
            raise ValueError(
                f"SIGNPOST_RATE_LIMIT must look like 20/30 (burst/per minute) or off, not {raw!r}"
            )
        return cls(capacity=int(match.group(1)), per_minute=float(match.group(2)), clock=clock)


@dataclass(frozen=True)
class Admission:
    """What a channel does with one message: run the pipeline, or send ``reply`` instead."""

    decision: Decision
    reply: str | None = None  # a fixed text to send instead of running the pipeline
    retry_after: int = 0  # SLOW_DOWN only: whole seconds until the sender may send again

    @property
    def handled(self) -> bool:
        """True: run the pipeline as usual (within the limit, or urgent)."""
        return self.reply is None


def admit(limit: SenderRateLimit | None, sender: str, text: str) -> Admission:
    """The decision every channel makes before the pipeline (``limit`` None: no limit).
    ``text`` is what the pipeline would get: cleaned typed text or a button payload."""
    decision = limit.check(sender, text) if limit is not None else Decision.ALLOW
    if decision is Decision.SLOW_DOWN:
        return Admission(decision, SLOW_DOWN, limit.retry_after(sender))
    if decision is Decision.EMERGENCY_ONLY:
        return Admission(decision, EMERGENCY_ONLY)
    return Admission(decision)


def failure_reply(text: str) -> str:
    """What to send when handling ``text`` failed (e.g. Redis is down): the emergency answer in
    full for danger or crisis, so a failure never costs the person those numbers; else SORRY."""
    return EMERGENCY_ONLY if is_urgent(text) else SORRY
