"""Real servers for end-to-end tests: the trained model behind Signpost's REST channel.

Ports 15005 (Rasa) and 15055 (actions) keep clear of a developer's `make run`; set
SIGNPOST_E2E_RASA_PORT / SIGNPOST_E2E_ACTIONS_PORT to run two suites side by side. A missing model
is a failure with a clear message, never a silent skip.
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import helpers
from tests.helpers import wait_for

ROOT = Path(__file__).resolve().parents[2]
RASA_PORT = int(os.environ.get("SIGNPOST_E2E_RASA_PORT", "15005"))
ACTIONS_PORT = int(os.environ.get("SIGNPOST_E2E_ACTIONS_PORT", "15055"))
BIN = ROOT / ".venv" / "bin"


def newest_model() -> Path:
    try:
        return helpers.newest_model()
    except RuntimeError as error:
        pytest.fail(str(error))


@dataclass
class Servers:
    url: str
    rasa_log: Path
    actions_log: Path
    tmp: Path
    actions: subprocess.Popen | None = None
    actions_env: dict[str, str] = field(default_factory=dict)

    def start_actions(self, **env: str) -> None:
        self.stop_actions()
        environment = {
            **os.environ, "RASA_TELEMETRY_ENABLED": "false", **self.actions_env, **env
        }
        with self.actions_log.open("ab") as log:
            self.actions = subprocess.Popen(
                [str(BIN / "rasa"), "run", "actions", "--actions", "actions",
                 "--port", str(ACTIONS_PORT)],
                cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
            )
        wait_for(f"http://127.0.0.1:{ACTIONS_PORT}/health", 60, self.actions)

    def stop_actions(self) -> None:
        if self.actions and self.actions.poll() is None:
            self.actions.terminate()
            self.actions.wait(timeout=30)
        self.actions = None

    def post(self, body: bytes, content_type: str = "application/json") -> tuple[int, object]:
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook", body, {"Content-Type": content_type}
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                return reply.status, json.loads(reply.read())
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw)
            except json.JSONDecodeError:
                return error.code, raw.decode("utf-8", "replace")

    def say(self, sender: str, message: str) -> list[dict]:
        status, replies = self.post(json.dumps({"sender": sender, "message": message}).encode())
        assert status == 200, (status, replies)
        assert isinstance(replies, list)
        return replies

    def tracker(self, sender: str) -> dict:
        with urllib.request.urlopen(f"{self.url}/conversations/{sender}/tracker", timeout=30) as r:
            return json.loads(r.read())


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Iterator[Servers]:
    tmp = tmp_path_factory.mktemp("servers")
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        (ROOT / "endpoints.yml").read_text().replace(
            "http://localhost:5055/webhook", f"http://127.0.0.1:{ACTIONS_PORT}/webhook"
        )
    )
    found = Servers(f"http://127.0.0.1:{RASA_PORT}", tmp / "rasa.log", tmp / "actions.log", tmp)
    # The diary in a file of its own, with the documented test-only (fast) key derivation.
    found.actions_env = {
        "SIGNPOST_DIARY_URL": f"sqlite:///{tmp / 'diary.sqlite3'}",
        "SIGNPOST_DIARY_INSECURE_TEST_KDF": "1",
    }
    found.start_actions()
    environment = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    with found.rasa_log.open("wb") as log:
        rasa = subprocess.Popen(
            [str(BIN / "rasa"), "run", "--model", str(newest_model()), "--enable-api",
             "--port", str(RASA_PORT), "--credentials", "credentials.yml",
             "--endpoints", str(endpoints)],
            cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        wait_for(f"{found.url}/status", 240, rasa)
        yield found
    finally:
        found.stop_actions()
        rasa.terminate()
        rasa.wait(timeout=60)


@pytest.fixture
def sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"

