"""The production profile under test: `scripts/run_prod.sh` with two Rasa servers, the action
server and the nginx front, on the real local Redis and PostgreSQL.

These tests run by default. SIGNPOST_SKIP_REDIS=1 skips them (and says so); a Redis that cannot
be reached is a failure with a clear message, never a silent skip. The diary database is a fresh
schema in PostgreSQL (SIGNPOST_TEST_POSTGRES_URL), or a SQLite file with SIGNPOST_SKIP_POSTGRES=1.
run_prod.sh installs nginx from Debian's packages if it is missing, as it does in production.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from tests.helpers import newest_model
from tests.production.stack import (
    POSTGRES_URL,
    REDIS_DB,
    REDIS_HOST,
    REDIS_PORT,
    Stack,
    delete_test_keys,
    new_token,
    redis_client,
)
from tests.production.tcp_proxy import TcpProxy

# Short, so that the expiry test takes seconds; every other test finishes a turn well within it.
EXPIRY_SECONDS = 6


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("SIGNPOST_SKIP_REDIS") != "1":
        return
    skip = pytest.mark.skip(reason="SIGNPOST_SKIP_REDIS=1: production-profile tests skipped")
    for item in items:
        if "tests/production/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def redis_ready() -> None:
    try:
        redis_client().ping()
    except Exception as error:  # noqa: BLE001
        pytest.fail(
            f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT} db {REDIS_DB} ({error}). "
            "Start it, point SIGNPOST_TEST_REDIS_HOST/PORT at one, or set SIGNPOST_SKIP_REDIS=1.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def diary_direct_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The diary database as the tests see it (straight to PostgreSQL, never cut)."""
    if os.environ.get("SIGNPOST_SKIP_POSTGRES") == "1":
        yield f"sqlite:///{tmp_path_factory.mktemp('diary') / 'diary.sqlite3'}"
        return
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    schema = f"signpost_prod_test_{uuid.uuid4().hex[:10]}"
    base = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg2")
    admin = create_engine(base, future=True)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except Exception as error:  # noqa: BLE001
        pytest.fail(f"PostgreSQL is not usable at {base!r} ({error}); set "
                    "SIGNPOST_TEST_POSTGRES_URL or SIGNPOST_SKIP_POSTGRES=1", pytrace=False)
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


@pytest.fixture(scope="session")
def diary_proxy(diary_direct_url: str) -> Iterator[TcpProxy | None]:
    """PostgreSQL as the action server reaches it: through a proxy the fault tests can cut."""
    from sqlalchemy.engine import make_url

    url = make_url(diary_direct_url)
    if url.get_backend_name() != "postgresql":
        yield None
        return
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="session")
def diary_url(diary_direct_url: str, diary_proxy: TcpProxy | None) -> str:
    """The diary URL the production profile is started with."""
    if diary_proxy is None:
        return diary_direct_url
    from sqlalchemy.engine import make_url

    proxied = make_url(diary_direct_url).set(host="127.0.0.1", port=diary_proxy.port)
    return proxied.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def stack(redis_ready, diary_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    delete_test_keys()
    found = Stack(tmp_path_factory.mktemp("prod") / "run", new_token(), EXPIRY_SECONDS)
    found.start(newest_model(), diary_url)
    try:
        yield found
    finally:
        found.stop()
        delete_test_keys()


@pytest.fixture
def sender() -> str:
    return f"prod-{uuid.uuid4().hex[:12]}"
