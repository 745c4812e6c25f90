"""A real Rasa server with the trained model and no action server, for the webhook fuzz tests
(test_fuzz_rest.py, test_fuzz_telegram.py). No action server: custom actions fail fast, which is
one more path to exercise. After the module, the server's log must not show an exception that
no handler caught (what Sanic logs for a 500)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import newest_model
from tests.production.stack import ROOT, is_up

FUZZ = settings(
    max_examples=int(os.environ.get("SIGNPOST_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
UNCAUGHT = "Exception occurred while handling uri"


@contextmanager
def rasa_without_actions(tmp: Path, port: int, port_variable: str, credentials: str,
                         ready_path: str, environment: dict[str, str]) -> Iterator[str]:
    """The server on ``port`` until the block ends; yields "127.0.0.1:port"."""
    if is_up(f"http://127.0.0.1:{port}/"):
        pytest.fail(f"port {port} is already in use (set {port_variable})", pytrace=False)
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n  type: connectors.tracker_store.ExpiringInMemoryTrackerStore\n"
        "  expire_after_minutes: 30\n"
    )
    log = tmp / "rasa.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "deploy" / "launch.py"), "rasa", "--model",
             str(newest_model()), "--port", str(port), "--credentials", credentials,
             "--endpoints", str(endpoints)],
            cwd=ROOT, env={**environment, "RASA_TELEMETRY_ENABLED": "false"}, stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 300
        while not is_up(f"http://127.0.0.1:{port}{ready_path}"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("fuzz server did not start:\n" + log.read_text()[-3000:])
            time.sleep(0.5)
        assert process.poll() is None, "the fuzz server exited"
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=60)
    assert UNCAUGHT not in log.read_text(errors="replace")
