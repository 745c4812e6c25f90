"""Conversations are forgotten after a quiet period (privacy by default)."""

from __future__ import annotations

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.tracker_store import ExpiringInMemoryTrackerStore
from tests.conftest import Clock


def store_with_clock(minutes: float = 30) -> tuple[ExpiringInMemoryTrackerStore, Clock]:
    clock = Clock()
    domain = Domain.from_yaml("slots:\n  s:\n    type: any\n    mappings: [{type: custom}]")
    return ExpiringInMemoryTrackerStore(domain, expire_after_minutes=minutes, clock=clock), clock


def tracker(sender: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [UserUttered("hello"), SlotSet("s", "v")])


def test_a_recent_conversation_is_kept() -> None:
    store, clock = store_with_clock()
    asyncio.run(store.save(tracker("a")))
    clock.now += 29 * 60
    assert asyncio.run(store.retrieve("a")) is not None


def test_a_quiet_conversation_expires_and_starts_fresh() -> None:
    store, clock = store_with_clock()
    asyncio.run(store.save(tracker("a")))
    clock.now += 31 * 60
    assert asyncio.run(store.retrieve("a")) is None
    assert "a" not in store.store  # the text is gone from memory, not just hidden


def test_expired_conversations_are_swept_even_if_never_asked_for() -> None:
    store, clock = store_with_clock()
    asyncio.run(store.save(tracker("a")))
    clock.now += 31 * 60
    asyncio.run(store.save(tracker("b")))
    assert set(store.store) == {"b"}


def test_forget_deletes_now() -> None:
    store, _ = store_with_clock()
    asyncio.run(store.save(tracker("a")))
    store.forget("a")
    assert asyncio.run(store.retrieve("a")) is None
