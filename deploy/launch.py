"""Start one Signpost server in this process, for scripts/run_prod.sh.

    python deploy/launch.py rasa --model M --port 8005 --endpoints endpoints.prod.yml
    python deploy/launch.py actions --port 8055

Same as ``rasa run ...`` / ``rasa run actions ...``, with three differences:

- secrets come from the environment, never the command line (which anyone on the machine can
  read with ``ps``): with ``SIGNPOST_API_TOKEN`` set, the Rasa HTTP API is on and needs
  ``?token=...``; unset, the API is off (only the REST channel and ``/`` answer);
- ``SIGNPOST_CORS`` (origins separated by spaces or commas) becomes ``--cors``; unset, no
  cross-origin page may call the servers;
- both servers listen on 127.0.0.1 only (the front is the public side), and the action server
  loads ``actions``;
- the Rasa server refuses request bodies over 1 MiB (SANIC_REQUEST_MAX_SIZE) before reading
  them; the REST channel itself refuses more than 64 KiB, the nginx front more than 128 KiB.

The command line does not contain "rasa run", so a broad ``pkill -f "rasa run"`` elsewhere on a
shared machine does not stop production.
"""

from __future__ import annotations

import os
import re
import sys


def rasa_argv(args: list[str], environ: dict[str, str]) -> list[str]:
    argv = ["rasa", "run", "--interface", "127.0.0.1", *args]
    token = environ.get("SIGNPOST_API_TOKEN", "")
    if token:
        if len(token) < 16:
            raise SystemExit("launch: SIGNPOST_API_TOKEN must be at least 16 characters")
        argv += ["--enable-api", f"--auth-token={token}"]  # "=": a token may start with "-"
    origins = [o for o in re.split(r"[\s,]+", environ.get("SIGNPOST_CORS", "")) if o]
    if origins:
        argv += ["--cors", *origins]
    return argv


def actions_argv(args: list[str]) -> list[str]:
    return ["rasa", "run", "actions", "--actions", "actions", *args]


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("rasa", "actions"):
        raise SystemExit(__doc__)
    kind, args = sys.argv[1], sys.argv[2:]
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    if kind == "rasa":
        # Sanic refuses bodies over this with a 413 before reading them (its default: 100 MB).
        os.environ.setdefault("SANIC_REQUEST_MAX_SIZE", str(1024 * 1024))
        sys.argv = rasa_argv(args, dict(os.environ))
    else:
        os.environ["SANIC_HOST"] = os.environ.get("SIGNPOST_ACTIONS_HOST", "127.0.0.1")
        sys.argv = actions_argv(args)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
