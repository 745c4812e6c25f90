"""Start a Rasa server and its action server on ports of your choice, for bench/latency.py.

    .venv/bin/python bench/serve.py --model models/signpost-XXXX.tar.gz \
        --rasa-port 5105 --actions-port 5155 [--cache-action-schema]

Does what scripts/run.sh does, but with an endpoints file written to a temporary folder that
points at ``--actions-port`` (endpoints.yml hard-codes 5055), waits until both servers answer,
prints ``ready``, and stops both on Ctrl-C / SIGTERM (and if either one dies). ``--no-actions``
skips the action server (for the stock example bot); ``--project`` runs another project, e.g.
``--project /tmp/stockbot``.

``--cache-action-schema`` applies, in the Rasa server process only, the fix that bench/README.md
recommends: Rasa 3.6 checks every action server response with ``jsonschema.validate()``, which
re-validates the (large) response *schema* against the JSON Schema meta-schema on every call,
about 14 ms of CPU per custom action here. The patch builds the validator once.

The servers run as ``python bench/serve.py _rasa ...``, in-process, which is the same as
``rasa run ...`` (a command line without "rasa run" in it also keeps a broad
``pkill -f "rasa run"`` elsewhere on a shared machine from stopping a measurement).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def cache_action_schema() -> None:
    """The production fix (connectors/action_replies.py), for projects that do not load it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from connectors.action_replies import validate_action_replies_once

    validate_action_replies_once()


def run_in_process(kind: str, args: list[str]) -> None:
    if kind == "_rasa" and os.environ.get("BENCH_CACHE_ACTION_SCHEMA") == "1":
        cache_action_schema()
    sys.argv = ["rasa", "run", *(["actions"] if kind == "_actions" else []), *args]
    from rasa.__main__ import main

    main()


def wait_until_up(url: str, seconds: float, process: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body = response.read()
                if response.status == 200 and (b"model_file" in body or b"ok" in body):
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    return False


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def endpoints_file(source: Path, actions_port: int | None, folder: Path) -> Path:
    """``source`` (an endpoints.yml) with the action server URL moved to ``actions_port``."""
    text = source.read_text(encoding="utf-8")
    if actions_port is not None:
        text = text.replace("localhost:5055", f"localhost:{actions_port}")
    out = folder / "endpoints.yml"
    out.write_text(text, encoding="utf-8")
    return out


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in ("_rasa", "_actions"):
        run_in_process(sys.argv[1], sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--model", required=True, help="model .tar.gz (relative to --project)")
    parser.add_argument("--rasa-port", type=int, default=5105)
    parser.add_argument("--actions-port", type=int, default=5155)
    parser.add_argument("--no-actions", action="store_true", help="no action server")
    parser.add_argument("--cache-action-schema", action="store_true")
    parser.add_argument(
        "--endpoints",
        type=Path,
        help="endpoints file to use instead of the project's (its localhost:5055 is rewritten "
        "to --actions-port too); e.g. Redis tracker and lock stores, needed for SANIC_WORKERS>1",
    )
    parser.add_argument("--log-dir", type=Path, help="server logs here (default: a temp dir)")
    parser.add_argument("--startup-timeout", type=float, default=180.0)
    args = parser.parse_args()
    if {args.rasa_port, args.actions_port} & {5005, 5055, 15005, 15055}:
        parser.error("ports 5005/5055/15005/15055 belong to other people on this machine")

    busy = [p for p in (args.rasa_port, args.actions_port) if port_in_use(p)]
    if busy:
        parser.error(f"port {busy[0]} is already in use (is an earlier server still running?)")
    project = args.project.resolve()
    folder = Path(tempfile.mkdtemp(prefix="signpost-bench-"))
    logs = args.log_dir or folder
    logs.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    if args.cache_action_schema:
        env["BENCH_CACHE_ACTION_SCHEMA"] = "1"
    me = [sys.executable, str(Path(__file__).resolve())]
    children: list[subprocess.Popen[bytes]] = []

    def stop(*_: Any) -> None:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    try:
        def start(kind: str, arguments: list[str]) -> subprocess.Popen[bytes]:
            log = open(logs / f"{kind.strip('_')}.log", "wb")  # noqa: SIM115 (lives with child)
            child = subprocess.Popen(
                [*me, kind, *arguments], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT
            )
            children.append(child)
            return child

        if not args.no_actions:
            start("_actions", ["--actions", "actions", "--port", str(args.actions_port)])
        endpoints = endpoints_file(
            args.endpoints or project / "endpoints.yml",
            None if args.no_actions else args.actions_port,
            folder,
        )
        rasa = start(
            "_rasa",
            ["--model", args.model, "--enable-api", "--port", str(args.rasa_port)]
            + ["--credentials", "credentials.yml", "--endpoints", str(endpoints)],
        )
        ok = wait_until_up(
            f"http://127.0.0.1:{args.rasa_port}/status", args.startup_timeout, rasa
        ) and (
            args.no_actions
            or wait_until_up(f"http://127.0.0.1:{args.actions_port}/health", 30, children[0])
        )
        if not ok:
            print(f"serve: servers did not come up; logs in {logs}", file=sys.stderr)
            return 1
        pids = " ".join(f"--server-pid {c.pid}" for c in children)
        print(f"ready rasa={rasa.pid} logs={logs}\nlatency.py options: {pids}", flush=True)
        while all(c.poll() is None for c in children):
            time.sleep(1)
        print("serve: a server stopped; stopping the other", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
