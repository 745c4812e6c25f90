"""The production profile, started for tests with the real command (scripts/run_prod.sh).

Used by tests/production/ (and its helpers by tests/connectors/test_fuzz_rest.py). Everything it
writes to Redis is in one database number (SIGNPOST_TEST_REDIS_DB, default 13) under the key
prefix ``signposttest``; only those keys are ever deleted or flushed. Ports: 8005/8006 (Rasa),
8055 (actions), 8080 (front); override with SIGNPOST_TEST_RASA_PORTS, SIGNPOST_TEST_ACTIONS_PORT
and SIGNPOST_TEST_FRONT_PORT.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REDIS_HOST = os.environ.get("SIGNPOST_TEST_REDIS_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("SIGNPOST_TEST_REDIS_PORT", "6379"))
REDIS_DB = int(os.environ.get("SIGNPOST_TEST_REDIS_DB", "13"))
PREFIX = "signposttest"
RASA_PORTS = [int(p) for p in os.environ.get("SIGNPOST_TEST_RASA_PORTS", "8005 8006").split()]
ACTIONS_PORT = int(os.environ.get("SIGNPOST_TEST_ACTIONS_PORT", "8055"))
FRONT_PORT = int(os.environ.get("SIGNPOST_TEST_FRONT_PORT", "8080"))
POSTGRES_URL = os.environ.get(
    "SIGNPOST_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def post(url: str, body: bytes, headers: dict[str, str] | None = None,
         timeout: float = 60) -> tuple[int, object, dict[str, str]]:
    """(status, parsed JSON body or text, headers) of a POST; never raises on an HTTP status."""
    request = urllib.request.Request(
        url, body, {"Content-Type": "application/json", **(headers or {})}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            status, raw, got = reply.status, reply.read(), dict(reply.headers)
    except urllib.error.HTTPError as error:
        status, raw, got = error.code, error.read(), dict(error.headers)
    try:
        return status, json.loads(raw), got
    except (json.JSONDecodeError, UnicodeDecodeError):
        return status, raw.decode("utf-8", "replace"), got


def get(url: str, timeout: float = 30) -> tuple[int, object]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            status, raw = reply.status, reply.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return status, raw.decode("utf-8", "replace")


def is_up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except (urllib.error.URLError, OSError):
        return False


def wait_until(check, seconds: float, what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError(f"{what}: not so after {seconds} s")


@dataclass
class Stack:
    run_dir: Path
    token: str
    expiry_seconds: int
    process: subprocess.Popen | None = None
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.run_dir.parent / "run_prod.out"

    # -- addresses ---------------------------------------------------------------------------
    def rasa(self, index: int) -> str:
        return f"http://127.0.0.1:{RASA_PORTS[index]}"

    @property
    def front(self) -> str:
        return f"http://127.0.0.1:{FRONT_PORT}"

    # -- talking -----------------------------------------------------------------------------
    def send(self, base: str, sender: str, message: str) -> tuple[int, object]:
        status, body, _ = post(
            f"{base}/webhooks/rest/webhook",
            json.dumps({"sender": sender, "message": message}).encode(),
        )
        return status, body

    def say(self, base: str, sender: str, message: str) -> list[dict]:
        status, body = self.send(base, sender, message)
        assert status == 200, (base, status, body)
        assert isinstance(body, list), body
        return body

    def tracker(self, base: str, sender: str) -> dict:
        status, body = get(f"{base}/conversations/{sender}/tracker?token={self.token}")
        assert status == 200, (status, body)
        assert isinstance(body, dict)
        return body

    # -- processes ---------------------------------------------------------------------------
    def pid(self, name: str) -> int:
        return int((self.run_dir / f"{name}.pid").read_text())

    def hold(self, name: str) -> None:
        """Keep run_prod.sh from restarting NAME until release(NAME)."""
        (self.run_dir / f"{name}.hold").touch()

    def release(self, name: str) -> None:
        (self.run_dir / f"{name}.hold").unlink(missing_ok=True)

    def kill(self, name: str, sig: int = signal.SIGKILL) -> int:
        pid = self.pid(name)
        os.kill(pid, sig)
        return pid

    def logs(self) -> str:
        parts = []
        for path in [self.log, *sorted(self.run_dir.glob("*.log"))]:
            if path.exists():
                parts.append(f"== {path.name}\n" + path.read_text(errors="replace")[-3000:])
        return "\n".join(parts)

    def start(self, model: Path, diary_url: str, timeout: float = 420) -> None:
        environment = {
            **os.environ,
            "SIGNPOST_RUN_DIR": str(self.run_dir),
            "SIGNPOST_RASA_PORTS": " ".join(map(str, RASA_PORTS)),
            "SIGNPOST_ACTIONS_PORT": str(ACTIONS_PORT),
            "SIGNPOST_FRONT_PORT": str(FRONT_PORT),
            "SIGNPOST_REDIS_HOST": REDIS_HOST,
            "SIGNPOST_REDIS_PORT": str(REDIS_PORT),
            "SIGNPOST_REDIS_DB": str(REDIS_DB),
            "SIGNPOST_REDIS_PREFIX": PREFIX,
            "SIGNPOST_CONVERSATION_EXPIRY_SECONDS": str(self.expiry_seconds),
            "SIGNPOST_API_TOKEN": self.token,
            "SIGNPOST_DIARY_URL": diary_url,
            "SIGNPOST_SECRETS_DIR": str(self.run_dir.parent / "secrets"),
            "SIGNPOST_MODEL": str(model),
            "SIGNPOST_STARTUP_TIMEOUT": str(int(timeout)),
        }
        for name in ("SIGNPOST_DIARY_PEPPER", "SIGNPOST_CORS", "SIGNPOST_RATE_LIMIT",
                     "SIGNPOST_TLS_CERT", "SIGNPOST_TLS_KEY", "SIGNPOST_FRONT"):
            environment.pop(name, None)
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                ["bash", str(ROOT / "scripts" / "run_prod.sh")],
                cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout + 30
        while not (self.run_dir / "ready").exists():
            if self.process.poll() is not None:
                raise RuntimeError(f"run_prod.sh exited with {self.process.returncode}\n"
                                   + self.logs())
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("run_prod.sh did not get ready\n" + self.logs())
            time.sleep(1)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # run_prod.sh stops its processes on SIGTERM
        try:
            self.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # the session it was started in
            self.process.wait(timeout=30)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def redis_client():  # noqa: ANN201
    import redis

    return redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, socket_timeout=5)


def delete_test_keys() -> None:
    client = redis_client()
    keys = list(client.scan_iter(match=f"{PREFIX}:*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()
