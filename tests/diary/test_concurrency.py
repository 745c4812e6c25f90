"""Two conversations writing to one diary at the same time lose nothing."""

from __future__ import annotations

import threading

from sqlalchemy.engine import URL

from actions.diary.entries import Entry
from actions.diary.store import DiaryStore

THREADS, PER_THREAD = 2, 20


def test_parallel_writers_lose_nothing(db_url: str | URL) -> None:
    first = DiaryStore(db_url)
    code = first.create_diary(Entry(place="start"))
    # One store per thread, as two action-server processes would have.
    stores = [DiaryStore(db_url) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            barrier.wait()
            for i in range(PER_THREAD):
                stores[n].add_entry(code, Entry(place=f"t{n}-{i}"), caller=f"sender-{n}")
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    places = [e.place for e in first.open_diary(code)]
    assert len(places) == 1 + THREADS * PER_THREAD
    assert set(places) == {"start"} | {
        f"t{n}-{i}" for n in range(THREADS) for i in range(PER_THREAD)
    }
    for s in [first, *stores]:
        s.close()
