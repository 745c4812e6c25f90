"""Fixtures for the directory tests: a clean environment and throw-away content dirs."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.directory.loader import CONTENT_DIR

from .helpers import make_service


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests decide the institution and the clock themselves."""
    monkeypatch.delenv("SIGNPOST_INSTITUTION", raising=False)
    monkeypatch.delenv("SIGNPOST_NOW", raising=False)


@pytest.fixture
def service() -> Callable[..., dict[str, Any]]:
    return make_service


@pytest.fixture
def content(tmp_path: Path) -> Callable[..., Path]:
    """content(institutions={"name": data or raw text}, national=None) -> a content dir.

    The real national.yml is copied unless ``national`` is given. Data is written as
    YAML, a str is written as-is (to test broken files).
    """

    def make(institutions: dict[str, Any], national: Any = None) -> Path:
        root = tmp_path / "content"
        (root / "institutions").mkdir(parents=True)
        (root / "services").mkdir()
        files = {f"institutions/{name}.yml": data for name, data in institutions.items()}
        if national is None:
            shutil.copy(CONTENT_DIR / "services" / "national.yml", root / "services")
        else:
            files["services/national.yml"] = national
        for name, data in files.items():
            text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
            (root / name).write_text(text, encoding="utf-8")
        return root

    return make
