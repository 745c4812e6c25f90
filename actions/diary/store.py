"""The diary store: SQLAlchemy 1.4 in 2.0 style over SQLite (default) or PostgreSQL.

Every method that takes a code may be slow (one argon2id run, ~0.3 s): call it from a
worker thread in async code. Nothing here logs codes or entry text.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from cryptography.exceptions import InvalidTag
from sqlalchemy import create_engine, delete, event, select
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from . import crypto
from .codes import generate_code, normalise_code
from .crypto import DiaryKeys, KdfParams
from .entries import Entry
from .errors import DiaryCorrupt, DiaryNotFound
from .limiter import AttemptLimiter, Limiter
from .models import DiaryRow, EntryRow

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
URL_ENV = "SIGNPOST_DIARY_URL"
DEFAULT_URL = "sqlite:///var/diary.sqlite3"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# PostgreSQL that is down, unreachable or stuck must turn into "can't save just now" within
# seconds, not hang a worker thread (and the person) until the kernel gives up on the socket.
PG_CONNECT_TIMEOUT_S = 5
PG_STATEMENT_TIMEOUT_MS = 8_000
PG_SOCKET_OPTIONS = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,  # ms of unacknowledged data before the connection is dropped
}


def resolve_url(url: str | URL | None = None) -> URL:
    """The database URL: ``url``, else $SIGNPOST_DIARY_URL, else var/diary.sqlite3. A
    relative SQLite path is taken from the repository root and its folder is created."""
    parsed = make_url(url or os.environ.get(URL_ENV) or DEFAULT_URL)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise ValueError("the diary needs a SQLite file, not an in-memory database")
        path = Path(parsed.database)
        if not path.is_absolute():
            path = REPO_ROOT / path
        path.parent.mkdir(parents=True, exist_ok=True)
        parsed = parsed.set(database=str(path))
    return parsed


def make_engine(url: str | URL | None) -> Engine:
    url = resolve_url(url)
    if url.get_backend_name() != "sqlite":
        connect_args: dict[str, object] = {}
        if url.get_driver_name() == "psycopg2":
            connect_args = {"connect_timeout": PG_CONNECT_TIMEOUT_S, **PG_SOCKET_OPTIONS}
        return create_engine(
            url, future=True, pool_pre_ping=True, pool_timeout=10, connect_args=connect_args
        )
    engine = create_engine(
        url,
        future=True,
        connect_args={
            "check_same_thread": False,
            "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
        },
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        for pragma in (
            "journal_mode=WAL",  # readers don't block the writer
            f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
            "foreign_keys=ON",
            "secure_delete=ON",  # deleted rows are overwritten with zeros
        ):
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Take the write lock up front: a deferred transaction that reads and then
        # writes can fail with SQLITE_BUSY at once, without waiting out the timeout.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _limit_statement_time(engine: Engine) -> None:
    """Bound how long one statement may wait (a locked table, a stuck server). Set per
    connection, not in the URL, so a deployment's own ``options`` (search_path) survive."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        with dbapi_conn.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {PG_STATEMENT_TIMEOUT_MS}")
        dbapi_conn.commit()


def upgrade_database(url: str | URL | None = None) -> None:
    """Bring the diary tables to the newest Alembic revision (idempotent)."""
    engine = make_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(REPO_ROOT / "migrations"))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()


class DiaryStore:
    """Anonymous, encrypted incident diaries.

    ``caller`` (keyword) on the code-taking methods is the key of the wrong-code
    limiter: pass a hash of the conversation's sender id. Without it all callers share
    one bucket, so forgetting it fails safe (stricter), not open.
    """

    def __init__(
        self,
        url: str | URL | None = None,
        *,
        kdf: KdfParams | None = None,
        pepper: str | None = None,
        limiter: Limiter | None = None,
    ) -> None:
        self.url = resolve_url(url)
        self._kdf = kdf or crypto.kdf_from_env()
        self._pepper = pepper or crypto.pepper_from_env()
        if self._kdf != crypto.PRODUCTION_KDF:
            log.warning("diary: NON-PRODUCTION key derivation parameters in use (tests only)")
        if self._pepper == crypto.DEV_PEPPER:
            log.warning("diary: %s is not set; using the development pepper", crypto.PEPPER_ENV)
        self.limiter = limiter or AttemptLimiter()
        upgrade_database(self.url)
        self.engine = make_engine(self.url)
        if self.url.get_backend_name() == "postgresql":
            _limit_statement_time(self.engine)
        self._sessions = sessionmaker(self.engine, future=True, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    # -- public API ----------------------------------------------------------------

    def create_diary(self, first_entry: Entry) -> str:
        """Start a diary with its first entry and return its new six-word code. The code
        is the only key: it is not stored, so it cannot be recovered if lost."""
        code = generate_code()
        keys = self._derive(code)
        with self._sessions.begin() as session:
            diary = DiaryRow(lookup=keys.lookup)
            session.add(diary)
            session.flush()
            session.add(self._row(diary.id, keys, first_entry))
        return code

    def add_entry(self, code: str, entry: Entry, *, caller: str = "") -> Entry:
        """Add an entry; returns it with ``written_at`` set. Each entry is its own row,
        so conversations writing to one diary at the same time never overwrite each
        other.
        """
        with self._attempt(caller):
            keys = self._keys(code)
            stamped = entry if entry.written_at else entry.with_written_at(_now())
            try:
                with self._sessions.begin() as session:
                    diary_id = self._diary_id(session, keys)
                    session.add(self._row(diary_id, keys, stamped))
            except IntegrityError:  # the diary was deleted meanwhile
                raise DiaryNotFound() from None
        return stamped

    def open_diary(self, code: str, *, caller: str = "") -> list[Entry]:
        """All entries, decrypted, sorted by when they happened, then when written."""
        with self._attempt(caller):
            keys = self._keys(code)
            with self._sessions() as session:
                diary_id = self._diary_id(session, keys)
                blobs = (
                    session.execute(
                        select(EntryRow.blob)
                        .where(EntryRow.diary_id == diary_id)
                        .order_by(EntryRow.id)
                    )
                    .scalars()
                    .all()
                )
        try:
            entries = [Entry.from_record(crypto.decrypt_record(keys, blob)) for blob in blobs]
        except (InvalidTag, ValueError):
            raise DiaryCorrupt() from None
        return sorted(entries, key=lambda e: e.sort_key)

    def delete_diary(self, code: str, *, caller: str = "") -> int:
        """Delete the diary and all its entries for real; returns how many entries went.
        On SQLite, secure_delete zeroes the freed pages and a TRUNCATE checkpoint
        empties the write-ahead log, so the ciphertext is gone from the files too."""
        with self._attempt(caller):
            keys = self._keys(code)
            with self._sessions.begin() as session:
                diary_id = self._diary_id(session, keys)
                count = session.execute(
                    delete(EntryRow).where(EntryRow.diary_id == diary_id)
                ).rowcount
                session.execute(delete(DiaryRow).where(DiaryRow.id == diary_id))
        if self.url.get_backend_name() == "sqlite":
            self._checkpoint()
        return count

    # -- internals -----------------------------------------------------------------

    @contextmanager
    def _attempt(self, caller: str) -> Iterator[None]:
        stamp = self.limiter.hit(caller)
        try:
            yield
        except DiaryNotFound:
            raise  # a wrong code: the attempt stays counted
        except BaseException:
            self.limiter.refund(caller, stamp)
            raise
        self.limiter.refund(caller, stamp)

    def _derive(self, normalised: str) -> DiaryKeys:
        return crypto.derive_keys(normalised, self._pepper, self._kdf)

    def _keys(self, code: str) -> DiaryKeys:
        normalised = normalise_code(code)
        if normalised is None:
            raise DiaryNotFound()
        return self._derive(normalised)

    @staticmethod
    def _diary_id(session: Session, keys: DiaryKeys) -> int:
        found = session.execute(
            select(DiaryRow.id).where(DiaryRow.lookup == keys.lookup)
        ).scalar_one_or_none()
        if found is None:
            raise DiaryNotFound()
        return found

    @staticmethod
    def _row(diary_id: int, keys: DiaryKeys, entry: Entry) -> EntryRow:
        if entry.written_at is None:
            entry = entry.with_written_at(_now())
        return EntryRow(diary_id=diary_id, blob=crypto.encrypt_record(keys, entry.to_record()))

    def _checkpoint(self) -> None:
        raw = self.engine.raw_connection()
        try:
            for _ in range(50):
                busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if not busy:
                    return
                time.sleep(0.1)
            log.warning("diary: WAL checkpoint stayed busy; it will complete later")
        finally:
            raw.close()


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
