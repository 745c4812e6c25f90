"""The per-sender rate limit: token buckets, and the rule that danger is never silenced."""

from __future__ import annotations

import pytest

from connectors.rate_limit import (
    EMERGENCY_ONLY,
    SLOW_DOWN,
    SORRY,
    Decision,
    SenderRateLimit,
    TokenBuckets,
    admit,
    failure_reply,
    is_urgent,
)
from tests.conftest import Clock


def test_a_bucket_allows_its_capacity_then_refills_at_its_rate(clock: Clock) -> None:
    buckets = TokenBuckets(capacity=3, per_minute=60, clock=clock)  # one a second
    assert [buckets.take("a") for _ in range(4)] == [True, True, True, False]
    assert buckets.retry_after("a") == 1
    clock.now += 1.0
    assert buckets.take("a") and not buckets.take("a")
    clock.now += 100
    assert sum(buckets.take("a") for _ in range(10)) == 3  # never more than the capacity


def test_senders_have_their_own_buckets(clock: Clock) -> None:
    buckets = TokenBuckets(capacity=1, per_minute=1, clock=clock)
    assert buckets.take("a") and not buckets.take("a")
    assert buckets.take("b")


def test_retry_after_is_whole_seconds_and_at_least_one(clock: Clock) -> None:
    buckets = TokenBuckets(capacity=1, per_minute=6, clock=clock)  # one every 10 s
    buckets.take("a")
    assert buckets.retry_after("a") == 10
    clock.now += 9.5
    assert buckets.retry_after("a") == 1


def test_the_number_of_senders_kept_is_bounded_least_recently_used_first(clock: Clock) -> None:
    buckets = TokenBuckets(capacity=1, per_minute=1, max_keys=3, clock=clock)
    for sender in ("a", "b", "c"):
        buckets.take(sender)
    buckets.take("a")  # a is now the most recently used
    buckets.take("d")  # evicts b
    assert len(buckets) == 3
    assert not buckets.take("a") and not buckets.take("c")  # still limited
    assert buckets.take("b")  # forgotten: a fresh bucket


def test_a_clock_going_backwards_does_not_add_tokens(clock: Clock) -> None:
    buckets = TokenBuckets(capacity=1, per_minute=60, clock=clock)
    buckets.take("a")
    clock.now -= 50
    assert not buckets.take("a")


@pytest.mark.parametrize("bad", [dict(capacity=0), dict(per_minute=0), dict(max_keys=0)])
def test_nonsense_settings_are_refused(bad: dict) -> None:
    settings = dict(capacity=1, per_minute=1, max_keys=1) | bad
    with pytest.raises(ValueError):
        TokenBuckets(**settings)


@pytest.mark.parametrize(
    "text",
    ["hes outside my door", "he is outside my house right now", "i want to kill myself",
     "/immediate_danger", "someone is following me right now"],
)
def test_danger_and_crisis_are_urgent(text: str) -> None:
    assert is_urgent(text)


@pytest.mark.parametrize(
    "text",
    ["hello", "he followed me last week", "i'm not in danger right now", "/menu", "/safe_now",
     "what is stalking", "/immediate_danger{\"x\": 1}"],
)
def test_ordinary_past_and_negated_messages_are_not_urgent(text: str) -> None:
    assert not is_urgent(text)


def limiter(clock: Clock, **settings) -> SenderRateLimit:
    defaults = dict(capacity=3, per_minute=6, urgent_capacity=2, urgent_per_minute=6)
    return SenderRateLimit(**(defaults | settings), clock=clock)


def test_within_the_limit_everything_is_allowed_and_the_guard_is_not_run(clock: Clock) -> None:
    calls = []
    limit = SenderRateLimit(capacity=3, per_minute=6, clock=clock, urgent=calls.append)
    assert [limit.check("s", "hi") for _ in range(3)] == [Decision.ALLOW] * 3
    assert calls == []


def test_over_the_limit_ordinary_messages_are_told_to_slow_down(clock: Clock) -> None:
    limit = limiter(clock)
    for _ in range(3):
        limit.check("s", "hi")
    assert limit.check("s", "what is stalking") is Decision.SLOW_DOWN
    assert limit.retry_after("s") == 10
    assert limit.check("other", "hi") is Decision.ALLOW


def test_over_the_limit_danger_still_gets_the_emergency_answer(clock: Clock) -> None:
    limit = limiter(clock)
    for _ in range(10):
        limit.check("s", "blah")
    assert limit.check("s", "hes outside my door") is Decision.URGENT
    assert limit.check("s", "i want to kill myself") is Decision.URGENT
    # a flood of danger messages: past the urgent bucket too, still an emergency answer
    assert limit.check("s", "hes outside my door") is Decision.EMERGENCY_ONLY
    assert limit.check("s", "/immediate_danger") is Decision.EMERGENCY_ONLY
    assert limit.check("s", "ok") is Decision.SLOW_DOWN


def test_no_sequence_of_messages_can_silence_danger(clock: Clock) -> None:
    """Whatever came before, a danger message never gets SLOW_DOWN."""
    limit = limiter(clock, capacity=1, urgent_capacity=1)
    for step in range(200):
        text = "hes outside my door" if step % 3 else "spam"
        decision = limit.check("s", text)
        if text != "spam":
            assert decision is not Decision.SLOW_DOWN
        clock.now += 0.01


def test_from_env() -> None:
    assert SenderRateLimit.from_env({}).normal.capacity == 20
    custom = SenderRateLimit.from_env({"SIGNPOST_RATE_LIMIT": "5/12"})
    assert custom.normal.capacity == 5 and custom.normal.rate == pytest.approx(0.2)
    assert SenderRateLimit.from_env({"SIGNPOST_RATE_LIMIT": "off"}) is None
    with pytest.raises(ValueError):
        SenderRateLimit.from_env({"SIGNPOST_RATE_LIMIT": "lots"})


def test_admit_says_what_every_channel_sends_instead_of_the_pipeline(clock: Clock) -> None:
    limit = limiter(clock, capacity=1, urgent_capacity=1)
    assert admit(limit, "s", "hi").handled
    slow = admit(limit, "s", "hi again")
    assert (slow.handled, slow.reply, slow.retry_after) == (False, SLOW_DOWN, 10)
    assert admit(limit, "s", "hes outside my door").handled  # urgent: the full answer
    flood = admit(limit, "s", "hes outside my door")
    assert (flood.handled, flood.reply) == (False, EMERGENCY_ONLY)
    assert all(admit(None, "s", "hi").handled for _ in range(50))  # no limit configured


def test_a_failed_message_gets_the_emergency_answer_if_it_was_danger() -> None:
    assert failure_reply("hes outside my door") == EMERGENCY_ONLY
    assert failure_reply("/immediate_danger") == EMERGENCY_ONLY
    assert failure_reply("what is stalking") == SORRY
    assert "999" in SORRY and "999" in SLOW_DOWN and "116 123" in EMERGENCY_ONLY
