from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import URL

from actions.diary.models import VERSION_TABLE, Base
from actions.diary.store import REPO_ROOT, make_engine, upgrade_database


def test_migrated_schema_matches_the_models(db_url: str | URL) -> None:
    upgrade_database(db_url)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == "0001"
        tables = set(inspect(conn).get_table_names())
    assert tables == {"diary_diaries", "diary_entries", VERSION_TABLE}
    engine.dispose()


def test_upgrade_is_idempotent(db_url: str | URL) -> None:
    upgrade_database(db_url)
    upgrade_database(db_url)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        versions = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").all()
    assert versions == [("0001",)]
    engine.dispose()


def test_alembic_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = {**os.environ, "SIGNPOST_DIARY_URL": url}
    for args in (["upgrade", "head"], ["downgrade", "base"], ["upgrade", "head"]):
        subprocess.run(
            [sys.executable, "-m", "alembic", "-c", str(REPO_ROOT / "alembic.ini"), *args],
            cwd=REPO_ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    engine = make_engine(url)
    with engine.connect() as conn:
        assert "diary_entries" in inspect(conn).get_table_names()
    engine.dispose()
