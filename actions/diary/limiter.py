"""Slows down guessing of diary codes.

Every use of a code takes an attempt first; an attempt that turns out right is refunded,
so only wrong codes count. Limits hold per caller key (a hash of the conversation's
sender id) AND globally across all callers, because an attacker can open many
conversations. A success only refunds its own attempt and never clears earlier failures:
otherwise knowing one valid code would reset the counter between guesses. Taking the
attempt before the slow key derivation also stops a caller from racing many guesses in
parallel.

The global limit is a trade-off: a flood of wrong codes can lock everyone out for a
while. It caps the CPU spent on argon2id, and the per-caller limit keeps ordinary typos
well clear of it. Brute force is hopeless anyway (2**67 codes at ~0.3 s of argon2id
each); this is defence in depth.

State is in process memory: with several action servers each has its own counters. Issue
6 will move this to Redis.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from .errors import TooManyAttempts

WINDOW_SECONDS = 15 * 60


class AttemptLimiter:
    def __init__(
        self,
        per_caller: int = 5,
        global_limit: int = 200,
        window_seconds: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_caller = per_caller
        self.global_limit = global_limit
        self.window = window_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._callers: dict[str, deque[float]] = {}
        self._global: deque[float] = deque()

    def hit(self, caller: str) -> float:
        """Take an attempt for ``caller``; it counts as a failure until refunded.
        Raises TooManyAttempts, with the minutes to wait, if a limit is reached."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            mine = self._callers.get(caller, deque())
            for stamps, limit in (
                (mine, self.per_caller),
                (self._global, self.global_limit),
            ):
                if len(stamps) >= limit:
                    wait = stamps[len(stamps) - limit] + self.window - now
                    raise TooManyAttempts(max(1, math.ceil(wait / 60)))
            mine.append(now)
            self._callers[caller] = mine
            self._global.append(now)
            return now

    def refund(self, caller: str, stamp: float) -> None:
        """The attempt taken at ``stamp`` used a right code (or never reached the
        check).
        """
        with self._lock:
            for stamps in (self._callers.get(caller), self._global):
                if stamps is not None and stamp in stamps:
                    stamps.remove(stamp)
            if not self._callers.get(caller, True):
                del self._callers[caller]

    def _expire(self, now: float) -> None:
        cutoff = now - self.window
        while self._global and self._global[0] <= cutoff:
            self._global.popleft()
        for key in list(self._callers):
            stamps = self._callers[key]
            while stamps and stamps[0] <= cutoff:
                stamps.popleft()
            if not stamps:
                del self._callers[key]
