"""The wrong-code limiter shared in Redis, against the real local Redis.

Database SIGNPOST_TEST_LIMITER_REDIS_DB (default 12) on SIGNPOST_TEST_REDIS_HOST/PORT (default
127.0.0.1:6379); every test uses its own key prefix and deletes only those keys. These tests run
by default (make test); SIGNPOST_SKIP_REDIS=1 skips them and says so, and a Redis that cannot be
reached is a failure, never a silent skip. Two limiter instances stand for two action servers.
The rules both limiters keep are in test_limiter.py, run against each (fixtures in conftest.py).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable

import pytest
import redis

from actions.diary import DiaryNotFound, DiaryStore, Entry
from actions.diary.errors import TooManyAttempts
from actions.diary.limiter import (
    REDIS_URL_ENV,
    AttemptLimiter,
    RedisAttemptLimiter,
    limiter_from_env,
)
from tests.conftest import Clock
from tests.diary.conftest import REDIS_DB as DB
from tests.diary.conftest import REDIS_HOST as HOST
from tests.diary.conftest import REDIS_PORT as PORT
from tests.diary.conftest import REDIS_URL

pytestmark = pytest.mark.redis

URL = REDIS_URL


@pytest.fixture
def prefix(redis_prefix: str) -> str:
    return redis_prefix


@pytest.fixture
def make(
    make_redis_limiter: Callable[..., RedisAttemptLimiter],
) -> Callable[..., RedisAttemptLimiter]:
    return make_redis_limiter


def dead_redis() -> redis.Redis:
    """A client for a port nobody listens on: Redis down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=0.5,
                       socket_timeout=0.5, decode_responses=True)


def fail(limiter, caller: str, times: int) -> None:
    for _ in range(times):
        limiter.hit(caller)


# --- shared by several action servers ----------------------------------------------------------


def test_two_action_servers_share_the_count_per_caller_and_globally(make) -> None:
    one, two = make(per_caller=5, global_limit=12), make(per_caller=5, global_limit=12)
    fail(one, "a", 3)
    fail(two, "a", 2)
    for server in (one, two):  # five wrong codes in all: neither server allows a sixth
        with pytest.raises(TooManyAttempts):
            server.hit("a")
    for n in range(7):  # 5 + 7 = 12 attempts across both servers and many callers
        (one if n % 2 else two).hit(f"rotating-{n}")
    for server in (one, two):
        with pytest.raises(TooManyAttempts):
            server.hit("fresh-caller")


def test_a_refund_on_one_server_is_seen_by_the_other(make) -> None:
    one, two = make(per_caller=2), make(per_caller=2)
    one.hit("a")
    one.refund("a", one.hit("a"))  # the right code, on server one
    two.hit("a")  # the second wrong code, on server two: still allowed
    with pytest.raises(TooManyAttempts):
        one.hit("a")


def test_two_diaries_stores_on_two_servers_share_the_wrong_code_count(make, sqlite_url) -> None:
    one = DiaryStore(sqlite_url, limiter=make(per_caller=3))
    two = DiaryStore(sqlite_url, limiter=make(per_caller=3))
    try:
        code = one.create_diary(Entry(what_happened="a car outside again"))
        wrong = "apple " * 5 + "pear"
        for store in (one, two, one):
            with pytest.raises(DiaryNotFound):
                store.open_diary(wrong, caller="guesser")
        with pytest.raises(TooManyAttempts):  # even the right code, on the other server
            two.open_diary(code, caller="guesser")
        assert [e.what_happened for e in two.open_diary(code, caller="owner")] == [
            "a car outside again"]
    finally:
        one.close()
        two.close()


def test_concurrent_guesses_on_two_servers_never_get_past_the_limit(make) -> None:
    """Check and take are one step in Redis: 20 guesses at the same instant, 5 get through."""
    servers = [make(per_caller=5, global_limit=7), make(per_caller=5, global_limit=7)]

    def race(callers: list[str]) -> int:
        start = threading.Barrier(len(callers))
        taken: list[bool] = []

        def guess(index: int) -> None:
            start.wait()
            try:
                servers[index % 2].hit(callers[index])
                taken.append(True)
            except TooManyAttempts:
                pass

        threads = [threading.Thread(target=guess, args=(i,)) for i in range(len(callers))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return len(taken)

    assert race(["same-caller"] * 20) == 5
    assert race([f"caller-{n}" for n in range(20)]) == 2  # 5 + 2 = the global limit of 7


def test_redis_keeps_only_the_window_and_no_more(make, prefix: str, clock: Clock) -> None:
    limiter = make(per_caller=1000, global_limit=1000)
    for n in range(30):
        limiter.hit(f"caller-{n % 3}")
    probe = redis.Redis(host=HOST, port=PORT, db=DB)
    keys = list(probe.scan_iter(match=f"{prefix}:*"))
    assert len(keys) == 4  # three callers and the global count, nothing else
    assert all(0 < probe.pttl(key) <= 15 * 60 * 1000 for key in keys)  # they expire by themselves
    clock.now += 15 * 60 + 1
    limiter.hit("caller-0")  # old attempts are dropped as new ones come
    assert probe.zcard(f"{prefix}:diary-attempts:global") == 1
    probe.close()


def test_by_default_the_redis_servers_clock_decides(make) -> None:
    limiter = make(per_caller=1, window_seconds=1, clock=None)
    limiter.hit("a")
    with pytest.raises(TooManyAttempts) as raised:
        limiter.hit("a")
    assert raised.value.minutes == 1
    time.sleep(1.1)
    limiter.hit("a")


# --- when Redis cannot be reached ---------------------------------------------------------------


def test_with_redis_down_nobody_is_locked_out_and_guessing_is_still_limited(
    make, caplog
) -> None:
    limiter = make(per_caller=5)
    limiter.client = dead_redis()
    with caplog.at_level(logging.WARNING, logger="actions.diary.limiter"):
        limiter.refund("owner", limiter.hit("owner"))  # a right code still opens the diary
        fail(limiter, "guesser", 5)
        with pytest.raises(TooManyAttempts):  # counted in this process meanwhile
            limiter.hit("guesser")
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "unreachable" in warnings[0]  # once, not per attempt


def test_an_outage_does_not_forget_earlier_wrong_codes_and_counts_survive_it(make) -> None:
    limiter = make(per_caller=5, retry_seconds=0)
    live = limiter.client
    fail(limiter, "guesser", 3)  # with Redis up
    limiter.client = dead_redis()
    fail(limiter, "guesser", 2)  # Redis down: 3 + 2
    with pytest.raises(TooManyAttempts):
        limiter.hit("guesser")
    limiter.client = live  # Redis is back, and knows of only 3: the stricter count applies
    with pytest.raises(TooManyAttempts):
        limiter.hit("guesser")


def test_when_redis_is_back_the_servers_share_the_count_again(make, caplog) -> None:
    one, two = make(per_caller=4, retry_seconds=0), make(per_caller=4)
    live = one.client
    one.client = dead_redis()
    one.refund("owner", one.hit("owner"))
    one.client = live
    with caplog.at_level(logging.WARNING, logger="actions.diary.limiter"):
        fail(one, "guesser", 2)
    assert any("is back" in r.getMessage() for r in caplog.records)
    fail(two, "guesser", 2)
    with pytest.raises(TooManyAttempts):
        one.hit("guesser")


def test_while_redis_is_down_it_is_tried_again_only_every_few_seconds(make) -> None:
    limiter = make(per_caller=100, retry_seconds=30)
    calls = 0
    dead = dead_redis()
    execute = dead.execute_command

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        nonlocal calls
        calls += 1
        return execute(*args, **kwargs)

    dead.execute_command = counting  # type: ignore[method-assign]
    limiter.client = dead
    started = time.monotonic()
    for _ in range(20):
        limiter.refund("a", limiter.hit("a"))
    assert calls <= 2  # one EVALSHA (and one EVAL), not one per attempt
    assert time.monotonic() - started < 2  # people are not kept waiting on a dead Redis


# --- configuration ------------------------------------------------------------------------------


def test_from_env_is_in_memory_by_default_and_shared_with_the_url(prefix: str) -> None:
    assert type(limiter_from_env({})) is AttemptLimiter
    environ = {REDIS_URL_ENV: URL, "SIGNPOST_REDIS_PREFIX": prefix}
    one, two = limiter_from_env(environ), limiter_from_env(environ)  # two action servers
    assert isinstance(one, RedisAttemptLimiter)
    fail(one, "a", 3)
    fail(two, "a", 2)
    with pytest.raises(TooManyAttempts):
        one.hit("a")
    one.client.close()
    two.client.close()


def test_a_malformed_url_is_refused_without_showing_it() -> None:
    with pytest.raises(ValueError) as refused:
        limiter_from_env({REDIS_URL_ENV: "http://user:hunter2-secret@127.0.0.1:6379/0"})
    assert REDIS_URL_ENV in str(refused.value) and "hunter2" not in str(refused.value)
