"""An in-memory conversation store that forgets conversations after a quiet period.

Rasa's own InMemoryTrackerStore keeps every conversation until the process stops. Signpost is
private by default: a conversation nobody has touched for ``expire_after_minutes`` is deleted,
checked on every access and swept at most once a minute. (The production profile uses Redis with
the same expiry.)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import Any

from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_EXPIRY_MINUTES = 30.0


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    def __init__(
        self,
        domain: Domain,
        event_broker: Any = None,
        expire_after_minutes: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        minutes = expire_after_minutes or float(
            os.environ.get("SIGNPOST_CONVERSATION_EXPIRY_MINUTES", DEFAULT_EXPIRY_MINUTES)
        )
        self.expire_after_seconds = float(minutes) * 60
        self._clock = clock
        self._last_seen: dict[str, float] = {}
        self._last_sweep = clock()

    def _expired(self, sender_id: str, now: float) -> bool:
        seen = self._last_seen.get(sender_id)
        return seen is not None and now - seen > self.expire_after_seconds

    def _forget(self, sender_id: str) -> None:
        self.store.pop(sender_id, None)
        self._last_seen.pop(sender_id, None)

    def _sweep(self, now: float) -> None:
        if now - self._last_sweep < 60:
            return
        self._last_sweep = now
        for sender_id in [s for s in self._last_seen if self._expired(s, now)]:
            self._forget(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        now = self._clock()
        self._sweep(now)
        await super().save(tracker)
        self._last_seen[tracker.sender_id] = now

    async def _retrieve(
        self, sender_id: str, fetch_all_sessions: bool
    ) -> DialogueStateTracker | None:
        now = self._clock()
        self._sweep(now)
        if self._expired(sender_id, now):
            self._forget(sender_id)
        return await super()._retrieve(sender_id, fetch_all_sessions)

    async def keys(self) -> Iterable[str]:
        self._sweep(self._clock())
        return list(self.store.keys())

    def forget(self, sender_id: str) -> None:
        """Delete one conversation now (used by channels' quick-exit commands)."""
        self._forget(sender_id)
