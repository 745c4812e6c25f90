from __future__ import annotations

import pytest

from actions.diary.errors import TooManyAttempts
from actions.diary.limiter import AttemptLimiter
from tests.conftest import Clock


def fail(limiter, caller: str, times: int) -> None:  # noqa: ANN001 (either limiter)
    for _ in range(times):
        limiter.hit(caller)


# --- the rules both limiters keep (the Redis one against the real local Redis) -----------------


def test_blocks_after_five_failures_then_recovers(make_limiter, clock: Clock) -> None:
    limiter = make_limiter(per_caller=5)
    fail(limiter, "a", 5)
    with pytest.raises(TooManyAttempts) as raised:
        limiter.hit("a")
    assert raised.value.minutes == 15
    assert "15 minutes" in str(raised.value)
    clock.now += 10 * 60
    with pytest.raises(TooManyAttempts) as raised:
        limiter.hit("a")
    assert raised.value.minutes == 5
    clock.now += 5 * 60
    limiter.hit("a")  # the oldest failure has expired


def test_callers_are_separate(make_limiter) -> None:
    limiter = make_limiter(per_caller=3)
    fail(limiter, "a", 3)
    fail(limiter, "b", 3)
    with pytest.raises(TooManyAttempts):
        limiter.hit("b")


def test_refunded_attempts_do_not_count_but_do_not_forgive_failures(make_limiter) -> None:
    limiter = make_limiter(per_caller=3)
    for _ in range(10):
        limiter.refund("a", limiter.hit("a"))  # right codes, as often as you like
    fail(limiter, "a", 2)
    limiter.refund("a", limiter.hit("a"))  # a success between failures...
    limiter.hit("a")
    with pytest.raises(TooManyAttempts):  # ...does not reset the count
        limiter.hit("a")


def test_global_limit_stops_rotating_callers(make_limiter, clock: Clock) -> None:
    limiter = make_limiter(per_caller=5, global_limit=20)
    for n in range(20):
        limiter.hit(f"caller-{n}")
    with pytest.raises(TooManyAttempts) as raised:
        limiter.hit("fresh-caller")
    assert raised.value.minutes == 15
    clock.now += 15 * 60
    limiter.hit("fresh-caller")


# --- the in-process limiter's own details -----------------------------------------------------


def test_minutes_are_rounded_up_and_at_least_one(clock: Clock) -> None:
    limiter = AttemptLimiter(per_caller=1, clock=clock)
    limiter.hit("a")
    clock.now += 15 * 60 - 1
    with pytest.raises(TooManyAttempts) as raised:
        limiter.hit("a")
    assert raised.value.minutes == 1
    assert "1 minute " in str(raised.value)


def test_forgotten_callers_are_dropped(clock: Clock) -> None:
    limiter = AttemptLimiter(clock=clock)
    fail(limiter, "a", 2)
    clock.now += 16 * 60
    limiter.hit("b")
    assert set(limiter._callers) == {"b"}
