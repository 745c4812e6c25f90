"""python -m actions.directory, run as a deployer would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from actions.directory.loader import REQUIRED_IDS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SIGNPOST_")}
    return subprocess.run(
        [sys.executable, "-m", "actions.directory", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def services_at(at: str, institution: str = "kent") -> dict[str, dict[str, Any]]:
    result = run("--at", at, "--institution", institution, "--json")
    assert result.returncode == 0, result.stderr
    return {entry["id"]: entry for entry in json.loads(result.stdout)}


@pytest.mark.parametrize(
    ("at", "is_open", "opens_next"),
    [
        ("2026-11-23T23:00", True, None),  # Monday night
        ("2026-11-24T02:00", True, None),  # still Monday night's session
        ("2026-11-24T23:00", False, "2026-11-25T20:00:00+00:00"),  # Tuesday night
    ],
)
def test_kent_nightline(at: str, is_open: bool, opens_next: str | None) -> None:
    nightline = services_at(at)["nightline"]
    assert (nightline["open"], nightline["opens_next"]) == (is_open, opens_next)


def test_helpline_wednesday_morning() -> None:
    entries = services_at("2026-11-25T10:00")
    helpline = entries["national_stalking_helpline"]
    assert helpline["open"] is False
    assert helpline["opens_next"] == "2026-11-25T13:00:00+00:00"
    assert set(REQUIRED_IDS) <= set(entries)
    for entry in entries.values():
        assert {"id", "name", "open", "opens_next"} <= set(entry)
    assert entries["police_non_emergency"]["open"] is None  # hours unknown: null


def test_time_with_offset_is_converted() -> None:
    # 12:00 UTC on Wednesday 1 July 2026 is 13:00 BST: the helpline has just opened.
    helpline = services_at("2026-07-01T12:00+00:00", "generic")["national_stalking_helpline"]
    assert helpline["open"] is True
    assert helpline["closes_at"] == "2026-07-01T16:00:00+01:00"
    assert services_at("2026-07-01T12:00", "generic")["national_stalking_helpline"]["open"] is False


def test_clock_override_is_used_without_at() -> None:
    result = run("--json", SIGNPOST_NOW="2026-11-25T10:00", SIGNPOST_INSTITUTION="leicester")
    entries = {entry["id"]: entry for entry in json.loads(result.stdout)}
    assert "qwell" in entries
    assert entries["national_stalking_helpline"]["opens_next"] == "2026-11-25T13:00:00+00:00"


def test_table() -> None:
    result = run("--at", "2026-11-23T23:00", "--institution", "kent")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "University of Kent at Monday 2026-11-23 23:00 GMT"
    nightline = next(line for line in lines if line.startswith("nightline "))
    assert "open now until tomorrow at 08:00" in nightline
    header, samaritans = lines[1], next(ln for ln in lines if ln.startswith("samaritans "))
    assert samaritans.index("open 24 hours") == header.index("STATUS")
    assert samaritans.endswith("116 123")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--institution", "nowhere"], "unknown institution 'nowhere'"),
        (["--at", "next tuesday"], "not an ISO 8601 date-time"),
    ],
)
def test_bad_input_exits_2_without_traceback(args: list[str], words: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_bad_file_exits_2_naming_file_service_and_field(content, service) -> None:
    broken = service(id="helpdesk", tags=["studnets"])
    root = content({"uni": {"name": "Uni", "subdivision": "ENG", "services": [broken]}})
    result = run("--institution", "uni", "--content-dir", str(root))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "uni.yml, service 'helpdesk', field 'tags[0]': 'studnets'" in result.stderr
