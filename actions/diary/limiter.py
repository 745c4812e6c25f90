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

Two implementations, one interface (``hit`` returns a stamp, ``refund`` takes it back):

- ``AttemptLimiter`` counts in process memory: the embedded default, right for one action
  server. With several, each would have its own counters.
- ``RedisAttemptLimiter`` counts in Redis sorted sets (one per caller, one global; members
  are attempts, scores their times), so every action server shares the counts. Each
  check-and-take is one Lua script, atomic in Redis, so two servers can never both take
  the last attempt; times come from the Redis server's clock, so the servers' clocks do not
  matter. Keys expire with the window: Redis never holds more than the last 15 minutes.

``limiter_from_env`` picks one: Redis when SIGNPOST_DIARY_LIMITER_REDIS_URL is set
(scripts/run_prod.sh sets it to the Redis it already uses), else in memory.

If Redis cannot be reached, the Redis limiter falls back to counts in its own process, with a
warning (once per outage), and tries Redis again every few seconds. It keeps those counts all
along (every attempt is counted in both places), so an outage neither forgets anyone's recent
wrong codes nor locks anyone out: people can still open their diaries, and guessing stays
limited per process, as it was before there was Redis. After an outage the stricter of the two
counts applies until the window has passed.
"""

from __future__ import annotations

import logging
import math
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .errors import TooManyAttempts

if TYPE_CHECKING:
    import redis

log = logging.getLogger(__name__)

WINDOW_SECONDS = 15 * 60
PER_CALLER = 5
GLOBAL_LIMIT = 200
REDIS_URL_ENV = "SIGNPOST_DIARY_LIMITER_REDIS_URL"
REDIS_TIMEOUT_SECONDS = 1.0  # a Redis that does not answer costs a person at most this
REDIS_RETRY_SECONDS = 5.0  # while Redis is down, try it again this often, not on every attempt


class Limiter(Protocol):
    """What the diary store needs. The stamp is opaque: give back what ``hit`` returned."""

    def hit(self, caller: str) -> Any: ...

    def refund(self, caller: str, stamp: Any) -> None: ...


class AttemptLimiter:
    def __init__(
        self,
        per_caller: int = PER_CALLER,
        global_limit: int = GLOBAL_LIMIT,
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


# KEYS: the caller's sorted set, the global one. ARGV: now in seconds ("" = the Redis server's
# clock), window seconds, per-caller limit, global limit, a random token for the member.
# Returns {1, member} if the attempt was taken, else {0, seconds until one is free}.
_HIT = """
local now = tonumber(ARGV[1])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) + tonumber(time[2]) / 1000000
end
local window = tonumber(ARGV[2])
local limits = {tonumber(ARGV[3]), tonumber(ARGV[4])}
for i = 1, 2 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
end
for i = 1, 2 do
  local count = redis.call('ZCARD', KEYS[i])
  if count >= limits[i] then
    local oldest = redis.call('ZRANGE', KEYS[i], count - limits[i], count - limits[i],
                              'WITHSCORES')
    return {0, tostring(tonumber(oldest[2]) + window - now)}
  end
end
local member = string.format('%.6f', now) .. ':' .. ARGV[5]
for i = 1, 2 do
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('PEXPIRE', KEYS[i], math.ceil(window * 1000))
end
return {1, member}
"""


@dataclass(frozen=True)
class SharedStamp:
    """An attempt counted in this process (``local``) and in Redis (``member``; None if Redis
    could not be reached when it was taken)."""

    local: float
    member: str | None


class RedisAttemptLimiter:
    """The same limits as AttemptLimiter, counted in Redis and shared by every action server.

    ``client`` is a redis.Redis (give it short timeouts; ``limiter_from_env`` does). ``clock``
    is for tests only: by default the Redis server's clock decides, for every server alike.
    """

    def __init__(
        self,
        client: redis.Redis,
        per_caller: int = PER_CALLER,
        global_limit: int = GLOBAL_LIMIT,
        window_seconds: float = WINDOW_SECONDS,
        prefix: str = "signpost",
        clock: Callable[[], float] | None = None,
        retry_seconds: float = REDIS_RETRY_SECONDS,
    ) -> None:
        self.client = client
        self.per_caller = per_caller
        self.global_limit = global_limit
        self.window = window_seconds
        self.prefix = f"{prefix}:diary-attempts"
        self.retry_seconds = retry_seconds
        self._clock = clock
        # Every attempt is counted here too: the fallback while Redis is unreachable.
        self.local = AttemptLimiter(
            per_caller, global_limit, window_seconds, clock or time.monotonic
        )
        self._script = client.register_script(_HIT)
        self._state = threading.Lock()
        self._down_until: float | None = None  # monotonic time; None while Redis answers

    def hit(self, caller: str) -> SharedStamp:
        """Take an attempt for ``caller`` in Redis and in this process. Raises
        TooManyAttempts, with the minutes to wait, if either count is at a limit."""
        member = self._hit_shared(caller) if self._redis_worth_trying() else None
        try:
            local = self.local.hit(caller)
        except TooManyAttempts:  # stricter here (after an outage): give Redis its attempt back
            if member is not None:
                self._refund_shared(caller, member)
            raise
        return SharedStamp(local, member)

    def refund(self, caller: str, stamp: SharedStamp) -> None:
        """The attempt used a right code (or never reached the check). If Redis cannot be
        reached now, its copy simply expires with the window: stricter, never looser."""
        self.local.refund(caller, stamp.local)
        if stamp.member is not None and self._redis_worth_trying():
            self._refund_shared(caller, stamp.member)

    # -- Redis -------------------------------------------------------------------------

    def _keys(self, caller: str) -> list[str]:
        return [f"{self.prefix}:caller:{caller}", f"{self.prefix}:global"]

    def _hit_shared(self, caller: str) -> str | None:
        """The member taken in Redis; None if Redis could not be reached."""
        import redis

        now = "" if self._clock is None else repr(float(self._clock()))
        token = secrets.token_hex(8)
        try:
            taken, value = self._script(
                keys=self._keys(caller),
                args=[now, self.window, self.per_caller, self.global_limit, token],
                client=self.client,
            )
        except redis.RedisError as error:
            self._unreachable(error)
            return None
        self._reachable()
        value = value.decode() if isinstance(value, bytes) else str(value)
        if int(taken) != 1:
            raise TooManyAttempts(max(1, math.ceil(float(value) / 60)))
        return value

    def _refund_shared(self, caller: str, member: str) -> None:
        import redis

        try:
            with self.client.pipeline(transaction=True) as pipe:  # MULTI: both or neither
                for key in self._keys(caller):
                    pipe.zrem(key, member)
                pipe.execute()
        except redis.RedisError as error:
            self._unreachable(error)

    def _redis_worth_trying(self) -> bool:
        with self._state:
            return self._down_until is None or time.monotonic() >= self._down_until

    def _unreachable(self, error: Exception) -> None:
        with self._state:
            first = self._down_until is None
            self._down_until = time.monotonic() + self.retry_seconds
        if first:
            log.warning(
                "diary: Redis for the wrong-code limiter is unreachable (%s); counting in "
                "this process until it is back",
                type(error).__name__,
            )

    def _reachable(self) -> None:
        with self._state:
            was_down, self._down_until = self._down_until is not None, None
        if was_down:
            log.warning("diary: Redis for the wrong-code limiter is back")


def limiter_from_env(environ: Mapping[str, str]) -> AttemptLimiter | RedisAttemptLimiter:
    """Redis if SIGNPOST_DIARY_LIMITER_REDIS_URL is set (``redis://host:port/db``; its
    password, if not in the URL, from SIGNPOST_REDIS_PASSWORD; keys under
    SIGNPOST_REDIS_PREFIX), else in process memory. A malformed URL is an error at start."""
    url = environ.get(REDIS_URL_ENV, "").strip()
    if not url:
        return AttemptLimiter()
    import redis

    try:
        client = redis.Redis.from_url(
            url,
            password=environ.get("SIGNPOST_REDIS_PASSWORD") or None,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            decode_responses=True,
        )
    except ValueError:  # the message would show the URL, which may hold a password
        raise ValueError(
            f"{REDIS_URL_ENV} must look like redis://host:6379/0 (or rediss://, unix://)"
        ) from None
    where = client.connection_pool.connection_kwargs
    log.info(
        "diary: wrong-code limiter shared in Redis at %s:%s db %s",
        where.get("host", where.get("path")), where.get("port", ""), where.get("db", 0),
    )
    return RedisAttemptLimiter(client, prefix=environ.get("SIGNPOST_REDIS_PREFIX") or "signpost")
