from __future__ import annotations

import pytest

from actions.diary.errors import TooManyAttempts
from actions.diary.limiter import AttemptLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def fail(limiter: AttemptLimiter, caller: str, times: int) -> None:
    for _ in range(times):
        limiter.hit(caller)


def test_blocks_after_five_failures_then_recovers(clock: Clock) -> None:
    limiter = AttemptLimiter(per_caller=5, clock=clock)
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


def test_callers_are_separate(clock: Clock) -> None:
    limiter = AttemptLimiter(per_caller=3, clock=clock)
    fail(limiter, "a", 3)
    fail(limiter, "b", 3)
    with pytest.raises(TooManyAttempts):
        limiter.hit("b")


def test_refunded_attempts_do_not_count_but_do_not_forgive_failures(
    clock: Clock,
) -> None:
    limiter = AttemptLimiter(per_caller=3, clock=clock)
    for _ in range(10):
        limiter.refund("a", limiter.hit("a"))  # right codes, as often as you like
    fail(limiter, "a", 2)
    limiter.refund("a", limiter.hit("a"))  # a success between failures...
    limiter.hit("a")
    with pytest.raises(TooManyAttempts):  # ...does not reset the count
        limiter.hit("a")


def test_global_limit_stops_rotating_callers(clock: Clock) -> None:
    limiter = AttemptLimiter(per_caller=5, global_limit=20, clock=clock)
    for n in range(20):
        limiter.hit(f"caller-{n}")
    with pytest.raises(TooManyAttempts) as raised:
        limiter.hit("fresh-caller")
    assert raised.value.minutes == 15
    clock.now += 15 * 60
    limiter.hit("fresh-caller")


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
