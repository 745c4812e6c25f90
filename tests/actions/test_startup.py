"""A broken deployment fails when the action server starts, with a message a deployer can act on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_unknown_institution_stops_the_action_server_start() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import actions.action_services"],
        cwd=ROOT, env={"SIGNPOST_INSTITUTION": "no-such-university", "PATH": ""},
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "no-such-university" in result.stderr
