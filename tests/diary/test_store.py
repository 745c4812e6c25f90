from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from actions.diary import store as store_module
from actions.diary.crypto import PRODUCTION_KDF
from actions.diary.entries import LONDON, Entry, Person, Vehicle
from actions.diary.errors import DiaryCorrupt, DiaryNotFound, TooManyAttempts
from actions.diary.limiter import AttemptLimiter
from actions.diary.store import DiaryStore, resolve_url

WRONG = "apple bread candle desk earth flag"


def incident(day: int, hour: int | None = None) -> Entry:
    at = date(2026, 11, day) if hour is None else datetime(2026, 11, day, hour, tzinfo=LONDON)
    return Entry(occurred_at=at, what_happened=f"day {day} hour {hour}")


def test_create_add_open_round_trip(store: DiaryStore) -> None:
    first = Entry(
        occurred_at=datetime(2026, 11, 17, 18, 0, tzinfo=LONDON),
        occurred_text="yesterday about 6pm",
        place="outside work",
        what_happened="He was waiting by the gate.",
        person=Person(name="Sam", clothing="red coat"),
        vehicle=Vehicle(colour="blue", registration="AB12 CDE"),
        evidence="photo on my phone",
        witnesses="Priya",
        impact="I took a taxi home",
        behaviours=("following", "loitering"),
    )
    code = store.create_diary(first)
    assert len(code.split()) == 6
    stored = store.add_entry(code, Entry(place="gym"))
    assert stored.written_at is not None and stored.written_at.tzinfo is not None
    entries = store.open_diary(code)
    assert len(entries) == 2
    opened = next(e for e in entries if e.place == "outside work")
    assert opened.written_at is not None
    assert opened == Entry.from_record(
        {**first.to_record(), "written_at": opened.written_at.isoformat()}
    )


def test_codes_are_normalised_on_use(store: DiaryStore) -> None:
    code = store.create_diary(Entry(place="park"))
    messy = "  " + "-".join(word.upper() for word in code.split()) + " "
    store.add_entry(messy, Entry(place="shop"))
    assert len(store.open_diary(messy)) == 2


def test_entries_are_sorted_by_occurrence_then_writing(store: DiaryStore) -> None:
    written = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    code = store.create_diary(incident(10, 9))
    store.add_entry(code, incident(3))  # a date only: midnight of the 3rd
    store.add_entry(code, incident(3, 22))
    store.add_entry(code, Entry(place="no date", written_at=written))
    store.add_entry(code, incident(15, 8).with_written_at(written.replace(hour=14)))
    store.add_entry(code, incident(15, 8).with_written_at(written.replace(hour=13)))
    got = [(e.what_happened or e.place, e.sort_key[1].hour) for e in store.open_diary(code)]
    assert [g[0] for g in got] == [
        "day 3 hour None",
        "day 3 hour 22",
        "day 10 hour 9",
        "day 15 hour 8",
        "day 15 hour 8",
        "no date",
    ]
    assert got[3][1] == 13 and got[4][1] == 14


@pytest.mark.parametrize("code", [WRONG, "not a code", "", "apple " * 6, "x" * 1000])
def test_wrong_or_malformed_codes_give_one_generic_error(store: DiaryStore, code: str) -> None:
    store.create_diary(Entry(place="park"))
    with pytest.raises(DiaryNotFound) as raised:
        store.open_diary(code, caller=code)
    assert str(raised.value) == str(DiaryNotFound())
    with pytest.raises(DiaryNotFound):
        store.add_entry(code, Entry(place="x"), caller=code)
    with pytest.raises(DiaryNotFound):
        store.delete_diary(code, caller=code)


def test_delete_removes_every_row_and_only_that_diary(store: DiaryStore) -> None:
    code = store.create_diary(Entry(place="a"))
    for n in range(4):
        store.add_entry(code, Entry(place=f"a{n}"))
    keep = store.create_diary(Entry(place="b"))
    assert store.delete_diary(code) == 5
    with pytest.raises(DiaryNotFound) as raised:
        store.open_diary(code)
    assert str(raised.value) == str(DiaryNotFound())
    with pytest.raises(DiaryNotFound):
        store.delete_diary(code)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM diary_diaries")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM diary_entries")).scalar() == 1
    assert [e.place for e in store.open_diary(keep)] == ["b"]


def test_wrong_codes_are_limited_per_caller_but_right_ones_are_not(db_url: str | URL) -> None:
    diary = DiaryStore(db_url, limiter=AttemptLimiter(per_caller=3))
    code = diary.create_diary(Entry(place="park"))
    for _ in range(10):
        diary.open_diary(code, caller="me")
    for _ in range(3):
        with pytest.raises(DiaryNotFound):
            diary.open_diary(WRONG, caller="attacker")
    with pytest.raises(TooManyAttempts) as raised:
        diary.open_diary(code, caller="attacker")  # blocked even with the right code
    assert raised.value.minutes == 15
    with pytest.raises(TooManyAttempts):
        diary.add_entry(code, Entry(place="x"), caller="attacker")
    assert len(diary.open_diary(code, caller="me")) == 1
    diary.close()


def test_another_pepper_opens_nothing(db_url: str | URL) -> None:
    a = DiaryStore(db_url, pepper="pepper-one")
    code = a.create_diary(Entry(place="park"))
    b = DiaryStore(db_url, pepper="pepper-two")
    with pytest.raises(DiaryNotFound):
        b.open_diary(code)
    a.close()
    b.close()


def test_moved_or_altered_rows_are_detected(store: DiaryStore) -> None:
    victim = store.create_diary(Entry(place="mine"))
    store.create_diary(Entry(place="theirs"))
    with store.engine.begin() as conn:  # an attacker with database access moves a row
        conn.execute(
            text("UPDATE diary_entries SET diary_id = (SELECT min(id) FROM diary_diaries)")
        )
    with pytest.raises(DiaryCorrupt):
        store.open_diary(victim)


def test_production_kdf_round_trip(sqlite_url: str) -> None:
    diary = DiaryStore(sqlite_url, kdf=PRODUCTION_KDF)
    code = diary.create_diary(Entry(place="park"))
    assert [e.place for e in diary.open_diary(code)] == ["park"]
    cheap = DiaryStore(sqlite_url)  # test parameters derive other keys
    with pytest.raises(DiaryNotFound):
        cheap.open_diary(code)
    diary.close()
    cheap.close()


def test_sqlite_settings(sqlite_url: str) -> None:
    diary = DiaryStore(sqlite_url)
    with diary.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    diary.close()


def test_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(store_module, "REPO_ROOT", tmp_path)
    monkeypatch.delenv(store_module.URL_ENV, raising=False)
    default = resolve_url()
    assert default.database == str(tmp_path / "var" / "diary.sqlite3")
    assert (tmp_path / "var").is_dir()
    monkeypatch.setenv(store_module.URL_ENV, "sqlite:///data/d.db")
    assert resolve_url().database == str(tmp_path / "data" / "d.db")
    assert resolve_url("sqlite:////abs/x.db").database == "/abs/x.db"
    pg = "postgresql://u:p@db:5432/signpost"
    assert resolve_url(pg).render_as_string(hide_password=False) == pg
    with pytest.raises(ValueError):
        resolve_url("sqlite://")


def test_store_works_on_a_database_shared_with_other_tables(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url, future=True)
    with engine.begin() as conn:  # e.g. Rasa's tracker store, with its own alembic table
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('someone-elses')")
        conn.exec_driver_sql("CREATE TABLE events (id INTEGER PRIMARY KEY)")
    engine.dispose()
    diary = DiaryStore(sqlite_url)
    code = diary.create_diary(Entry(place="park"))
    assert len(diary.open_diary(code)) == 1
    with diary.engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            == "someone-elses"
        )
    diary.close()
