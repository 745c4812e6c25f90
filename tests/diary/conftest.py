"""Fixtures for the diary tests.

PostgreSQL tests run by default against $SIGNPOST_TEST_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test), each in a fresh schema that is dropped
afterwards. A missing server is a failure; set SIGNPOST_SKIP_POSTGRES=1 to skip them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from actions.diary.crypto import INSECURE_TEST_KDF_ENV
from actions.diary.limiter import AttemptLimiter, RedisAttemptLimiter
from actions.diary.store import DiaryStore
from tests.conftest import Clock

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


# --- the wrong-code limiter: a settable clock, and limiters on the real local Redis -------------

REDIS_HOST = os.environ.get("SIGNPOST_TEST_REDIS_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("SIGNPOST_TEST_REDIS_PORT", "6379"))
REDIS_DB = int(os.environ.get("SIGNPOST_TEST_LIMITER_REDIS_DB", "12"))
REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"


@pytest.fixture(scope="module")
def redis_server() -> None:
    """Database SIGNPOST_TEST_LIMITER_REDIS_DB (default 12); unreachable fails, never skips."""
    if os.environ.get("SIGNPOST_SKIP_REDIS") == "1":
        pytest.skip("SIGNPOST_SKIP_REDIS=1: Redis limiter tests skipped on request")
    try:
        redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, socket_timeout=5).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis is not reachable at {REDIS_URL} ({error}). Start it, point "
                    "SIGNPOST_TEST_REDIS_HOST/PORT at one, or set SIGNPOST_SKIP_REDIS=1.",
                    pytrace=False)


@pytest.fixture
def redis_prefix(redis_server: None) -> Iterator[str]:
    """A key prefix of this test's own; only its keys are deleted afterwards."""
    name = f"signposttest{uuid.uuid4().hex[:10]}"
    yield name
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
    keys = list(client.scan_iter(match=f"{name}:*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture
def make_redis_limiter(
    redis_prefix: str, clock: Clock
) -> Iterator[Callable[..., RedisAttemptLimiter]]:
    """A new limiter with its own connection, as each action server has."""
    made: list[RedisAttemptLimiter] = []

    def build(**settings) -> RedisAttemptLimiter:
        client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB,
                             decode_responses=True, socket_connect_timeout=1, socket_timeout=1)
        settings = {"prefix": redis_prefix, "clock": clock, **settings}
        made.append(RedisAttemptLimiter(client, **settings))
        return made[-1]

    yield build
    for limiter in made:
        limiter.client.close()


@pytest.fixture(params=["in memory", pytest.param("redis", marks=pytest.mark.redis)])
def make_limiter(request: pytest.FixtureRequest, clock: Clock) -> Callable[..., object]:
    """Either limiter: the rules both must keep are tested once, against each."""
    if request.param == "redis":
        return request.getfixturevalue("make_redis_limiter")
    return lambda **settings: AttemptLimiter(**{"clock": clock, **settings})
