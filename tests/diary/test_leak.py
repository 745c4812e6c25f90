"""THE PLAINTEXT-LEAK TEST: nothing a person writes may be readable in the database."""

from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from actions.diary.entries import LONDON, Entry, Person, Vehicle
from actions.diary.store import DiaryStore


def marked_entry(marker: str) -> Entry:
    return Entry(
        occurred_at=datetime(1999, 12, 31, 23, 58, tzinfo=LONDON),
        occurred_text=f"{marker} when",
        place=f"{marker} place",
        what_happened=f"{marker} what happened, Zoë",
        person=Person(name=f"{marker} name", description=marker, clothing=marker),
        vehicle=Vehicle(make=marker, colour=marker, registration=marker),
        evidence=f"{marker} evidence",
        witnesses=marker,
        impact=marker,
        behaviours=(f"{marker}_behaviour".lower(),),
    )


def needles(marker: str, code: str) -> list[bytes]:
    found = [marker.encode(), marker.lower().encode(), marker.encode("utf-16-le")]
    found += [b"1999-12-31", b"23:58", "Zoë".encode(), code.encode()]
    return found + [word.encode() for word in code.split() if len(word) >= 6]


def test_nothing_readable_in_the_sqlite_files(sqlite_url: str, tmp_path: Path) -> None:
    marker = "Mk" + secrets.token_hex(12)
    diary = DiaryStore(sqlite_url)
    code = diary.create_diary(marked_entry(marker))
    diary.add_entry(code, marked_entry(marker))
    assert diary.open_diary(code)[0].place == f"{marker} place"

    def raw() -> bytes:  # the database and its write-ahead log, as they are on disk
        files = sorted(tmp_path.glob("diary.sqlite3*"))
        assert any(f.name.endswith("-wal") for f in files) or files
        return b"".join(f.read_bytes() for f in files)

    data = raw()
    assert len(data) > 4096
    for needle in needles(marker, code):
        assert needle not in data, needle
    diary.close()  # checkpoints the log into the main file
    data = raw()
    for needle in needles(marker, code):
        assert needle not in data, needle

    # Control: the same check does see plaintext that is written in the clear.
    with sqlite3.connect(tmp_path / "diary.sqlite3") as db:
        db.execute("CREATE TABLE control (t TEXT)")
        db.execute("INSERT INTO control VALUES (?)", (marker,))
    assert marker.encode() in raw()


@pytest.mark.postgres
def test_nothing_readable_in_any_postgres_column(postgres_url: URL) -> None:
    marker = "Mk" + secrets.token_hex(12)
    diary = DiaryStore(postgres_url)
    code = diary.create_diary(marked_entry(marker))
    diary.add_entry(code, marked_entry(marker))
    with diary.engine.connect() as conn:
        tables = (
            conn.execute(
                text(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            )
            .scalars()
            .all()
        )
        assert {"diary_diaries", "diary_entries"} <= set(tables)
        dump = "\n".join(
            row
            for table in tables
            for row in conn.execute(text(f'SELECT t::text FROM "{table}" AS t')).scalars()
        )
    assert dump.count("\\x") == 3  # one diary and two entries, as bytea hex
    for needle in needles(marker, code):
        assert needle.decode("utf-8", "replace") not in dump
        assert needle.hex() not in dump  # not even inside a bytea
    # Control: the dump does show a marker stored in the clear.
    with diary.engine.begin() as conn:
        conn.execute(text("CREATE TABLE control (t bytea)"))
        conn.execute(text("INSERT INTO control VALUES (:t)"), {"t": marker.encode()})
        clear = conn.execute(text("SELECT t::text FROM control AS t")).scalar_one()
    assert marker.encode().hex() in clear
    diary.close()
