"""The diary in the production profile: written through one Rasa server and read through the
other, on PostgreSQL, and what a person sees when PostgreSQL goes away in the middle of it."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine

from tests import diary_script as script
from tests.helpers import EMERGENCY, buttons, texts
from tests.production.stack import Stack

pytestmark = pytest.mark.production

SAVE_FAILED = "I can't save to the diary just now, so nothing has been saved"
UNREACHABLE = "I can't reach the diary just now"


@pytest.fixture
def database(diary_direct_url: str) -> Iterator[Engine]:
    engine = create_engine(diary_direct_url, future=True)
    yield engine
    engine.dispose()


@pytest.fixture
def proxy(diary_proxy):  # noqa: ANN001, ANN201
    if diary_proxy is None:
        pytest.skip("SIGNPOST_SKIP_POSTGRES=1: the PostgreSQL fault tests need PostgreSQL")
    yield diary_proxy
    diary_proxy.restore()  # whatever happened, later tests get their database back


def alternating(stack: Stack, sender: str) -> script.Say:
    """One conversation whose turns go to each Rasa server in turn."""
    turn = iter(range(1_000_000))

    def say(message: str) -> list[dict[str, Any]]:
        return stack.say(stack.rasa(next(turn) % 2), sender, message)

    return say


def through_front(stack: Stack, sender: str) -> script.Say:
    return lambda message: stack.say(stack.front, sender, message)


def everything(engine: Engine) -> list[tuple]:
    """Every stored diary and entry, byte for byte."""
    with engine.connect() as conn:
        diaries = conn.execute(text("select id, lookup from diary_diaries order by id")).all()
        entries = conn.execute(
            text("select id, diary_id, blob from diary_entries order by id")
        ).all()
    return [("diary", *map(plain, row)) for row in diaries] + [
        ("entry", *map(plain, row)) for row in entries
    ]


def plain(value: object) -> object:
    return bytes(value) if isinstance(value, memoryview) else value


def test_a_diary_written_through_one_server_is_read_through_the_other(stack, sender,
                                                                       database) -> None:
    before = everything(database)
    code = script.new_code(script.full_entry(alternating(stack, sender)))  # form across servers
    assert len(everything(database)) == len(before) + 2  # one diary, one entry, in PostgreSQL
    reader = f"prod-{uuid.uuid4().hex[:12]}"
    opened = stack.say(stack.rasa(1), reader, code)
    assert "Your diary is open. It has 1 entries" in texts(opened)
    # the open diary is conversation state: the other server acts on it without the code again
    summary = texts(stack.say(stack.rasa(0), reader, "/diary_summary"))
    assert "1 incident" in summary and "following you" in summary
    exported = texts(stack.say(stack.rasa(1), reader, "/diary_export"))
    assert "outside the library on campus" in exported and "AB12 CDE" in exported


def wait_for_lock_wait(engine: Engine, seconds: float = 20) -> None:
    """Until some session is waiting on a lock (the save blocked on the locked table)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            waiting = conn.execute(text(
                "select count(*) from pg_stat_activity "
                "where wait_event_type = 'Lock' and query ilike '%diary_entries%'"
            )).scalar_one()
        if waiting:
            return
        time.sleep(0.2)
    with engine.connect() as conn:
        rows = conn.execute(text("select state, wait_event_type, wait_event, left(query, 80) "
                                 "from pg_stat_activity")).all()
    raise AssertionError(f"the save never reached the database: {rows}")


def lock_entries(engine: Engine) -> Connection:
    """Hold an exclusive lock on the entries table until the returned connection rolls back."""
    holder = engine.connect()
    holder.execute(text("lock table diary_entries in access exclusive mode"))
    return holder


def test_postgres_going_away_mid_save_leaves_nothing_half_written(stack, sender, database,
                                                                   proxy) -> None:
    earlier_code = script.new_code(script.full_entry(through_front(stack, sender)))
    saved_before = everything(database)

    writer = f"prod-{uuid.uuid4().hex[:12]}"
    say = through_front(stack, writer)
    assert script.QUESTIONS[0] in script.start_entry(say)
    answers = ("/skip", "at the bus station", "he stood by the timetable staring at me until my "
               "bus came", "/skip", "/skip", "/skip", "/skip")
    for answer, question in zip(answers, script.QUESTIONS[1:], strict=True):
        assert question in texts(say(answer)), answer
    # A new diary is two rows (the diary, its first entry) in one transaction. Hold the save
    # after the first row, then take PostgreSQL away.
    holder = lock_entries(database)
    replies: list[list[dict]] = []
    saving = threading.Thread(target=lambda: replies.append(say("really shaken")))
    saving.start()
    try:
        try:
            wait_for_lock_wait(database)
        except AssertionError as error:
            saving.join(timeout=30)
            raise AssertionError(f"{error}; the bot said {replies}") from None
        proxy.cut()
        saving.join(timeout=60)
    finally:
        holder.rollback()
        holder.close()
    assert not saving.is_alive()
    assert SAVE_FAILED in texts(replies[0])
    assert buttons(replies[0]) == ["/diary_save", "/diary_discard"]
    assert everything(database) == saved_before  # no diary without its entry, nothing else

    # Still down: trying again says so again, opening a diary says it can't be reached, and
    # danger gets the emergency answer as always.
    assert SAVE_FAILED in texts(say("/diary_save"))
    assert UNREACHABLE in texts(stack.say(stack.front, f"prod-{uuid.uuid4().hex[:12]}",
                                          earlier_code))
    assert EMERGENCY in texts(say("hes outside my door right now"))
    assert everything(database) == saved_before

    # Back: the kept answers save, and the earlier diary is whole.
    proxy.restore()
    new_code = script.new_code(say("/diary_save"))
    after = everything(database)
    assert set(saved_before) <= set(after)
    assert len(after) == len(saved_before) + 2
    reader = f"prod-{uuid.uuid4().hex[:12]}"
    assert "It has 1 entries" in texts(stack.say(stack.front, reader, earlier_code))
    exported = texts(stack.say(stack.front, reader, "/diary_export"))
    assert "outside the library on campus" in exported and "AB12 CDE" in exported
    other = f"prod-{uuid.uuid4().hex[:12]}"
    assert "It has 1 entries" in texts(stack.say(stack.front, other, new_code))
    assert "at the bus station" in texts(stack.say(stack.front, other, "/diary_export"))


def test_a_stuck_database_gets_an_answer_in_seconds_not_a_hang(stack, sender, database,
                                                               proxy) -> None:
    say = through_front(stack, sender)
    script.start_entry(say)
    answers = ("/skip", "outside my work", "/skip", "/skip", "/skip", "/skip", "/skip")
    for answer, question in zip(answers, script.QUESTIONS[1:], strict=True):
        assert question in texts(say(answer)), answer
    saved_before = everything(database)
    holder = lock_entries(database)
    try:
        started = time.monotonic()
        failed = say("shaken, I kept checking the window")
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert SAVE_FAILED in texts(failed)
    assert waited < 20, waited  # the statement timeout, not a hung worker
    assert everything(database) == saved_before
    assert script.CODE.search(texts(say("/diary_save")))
