"""Deleting a diary deletes it for real, down to the bytes in the SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from actions.diary.entries import Entry
from actions.diary.store import DiaryStore


def disk_bytes(folder: Path) -> bytes:
    return b"".join(f.read_bytes() for f in sorted(folder.glob("diary.sqlite3*")))


def test_deleted_ciphertext_is_gone_from_the_sqlite_files(sqlite_url: str, tmp_path: Path) -> None:
    diary = DiaryStore(sqlite_url)
    doomed = diary.create_diary(Entry(what_happened="x" * 1500))
    for n in range(5):
        diary.add_entry(doomed, Entry(place=f"place {n}"))
    kept = diary.create_diary(Entry(place="kept"))
    db = sqlite3.connect(tmp_path / "diary.sqlite3")
    rows = db.execute(
        "SELECT d.lookup, e.blob, d.id FROM diary_entries e"
        " JOIN diary_diaries d ON d.id = e.diary_id"
    ).fetchall()
    db.close()
    kept_id = max(r[2] for r in rows)
    doomed_bytes = [r[1][13:45] for r in rows if r[2] != kept_id] + [rows[0][0]]
    kept_bytes = [r[1][13:45] for r in rows if r[2] == kept_id]
    assert all(chunk in disk_bytes(tmp_path) for chunk in doomed_bytes + kept_bytes)

    assert diary.delete_diary(doomed) == 6

    data = disk_bytes(tmp_path)
    assert not [chunk for chunk in doomed_bytes if chunk in data]
    assert all(chunk in data for chunk in kept_bytes)  # the search does find live rows
    wal = tmp_path / "diary.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert [e.place for e in diary.open_diary(kept)] == ["kept"]
    diary.close()


@pytest.mark.postgres
def test_delete_leaves_no_rows_on_postgres(postgres_url: URL) -> None:
    diary = DiaryStore(postgres_url)
    code = diary.create_diary(Entry(place="a"))
    diary.add_entry(code, Entry(place="b"))
    other = diary.create_diary(Entry(place="c"))
    assert diary.delete_diary(code) == 2
    with diary.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM diary_entries")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM diary_diaries")).scalar() == 1
    assert len(diary.open_diary(other)) == 1
    diary.close()
