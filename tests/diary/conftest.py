"""Fixtures for the diary tests.

PostgreSQL tests run by default against $SIGNPOST_TEST_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test), each in a fresh schema that is dropped
afterwards. A missing server is a failure; set SIGNPOST_SKIP_POSTGRES=1 to skip them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from actions.diary.crypto import INSECURE_TEST_KDF_ENV
from actions.diary.store import DiaryStore

POSTGRES_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests use the documented test-only KDF knob; test_crypto checks production params."""
    monkeypatch.setenv(INSECURE_TEST_KDF_ENV, "1")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'diary.sqlite3'}"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    if os.environ.get("SIGNPOST_SKIP_POSTGRES") == "1":
        pytest.skip("SIGNPOST_SKIP_POSTGRES=1: PostgreSQL diary tests skipped on request")
    url = os.environ.get("SIGNPOST_TEST_POSTGRES_URL", POSTGRES_DEFAULT)
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except OperationalError as error:
        pytest.fail(
            f"PostgreSQL is not reachable at {make_url(url)!r} ({error.orig}). Start it, "
            "point SIGNPOST_TEST_POSTGRES_URL at one, or set SIGNPOST_SKIP_POSTGRES=1.",
            pytrace=False,
        )
    finally:
        engine.dispose()
    return url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[URL]:
    """A URL whose search_path is a new, empty schema of its own."""
    schema = f"diary_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, future=True)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    yield make_url(postgres_server).update_query_dict({"options": f"-csearch_path={schema}"})
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str | URL:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def store(db_url: str | URL) -> Iterator[DiaryStore]:
    diary_store = DiaryStore(db_url)
    yield diary_store
    diary_store.close()
