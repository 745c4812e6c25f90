"""Alembic environment for the diary tables.

``upgrade_database(url)`` passes an open connection in
``config.attributes["connection"]``; the command line uses $SIGNPOST_DIARY_URL (see
alembic.ini).
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import context

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from actions.diary.models import VERSION_TABLE, Base  # noqa: E402
from actions.diary.store import make_engine  # noqa: E402


def run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported for the diary")

connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = make_engine(None)
    try:
        with engine.begin() as conn:
            run(conn)
    finally:
        engine.dispose()
