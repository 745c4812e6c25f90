"""The local stand-in for Telegram's Bot API, shared by the Telegram channel's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_telegram_standin import FakeBotAPI


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotAPI]:
    stand_in = FakeBotAPI().start()
    yield stand_in
    stand_in.stop()

