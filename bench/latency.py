"""Latency and throughput of a Rasa bot on the REST channel, closed loop.

Each of ``--concurrency`` workers plays whole conversations one after another: it sends a turn,
waits for the reply, then sends the next (no think time), and starts every conversation with a
new, unique sender id. Per concurrency level it prints messages sent, errors, p50/p95/p99 latency
in ms and messages/s.

    .venv/bin/python bench/latency.py --url http://localhost:5105 --script signpost
    .venv/bin/python bench/latency.py --url http://localhost:5205 --script stock --json /tmp/s.json

``--mode parse`` sends the same texts to ``POST /model/parse`` instead (NLU only, no dialogue
and no action server; needs ``rasa run --enable-api``), which separates NLU time from the rest.

Every run is bounded: each level stops after ``--duration`` seconds of measurement or
``--conversations`` finished conversations, whichever comes first, and in any case after
``--max-seconds``. Only send traffic to a server of your own on this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import aiohttp

# Realistic Signpost conversations. Texts a person would type, and button payloads (/intent).
SIGNPOST_SCRIPTS: list[list[str]] = [
    [
        "hi",
        "/safe_now",
        "he keeps following me home and messaging me",
        "yes",
        "next",
        "who can i talk to",
        "what is stalking",
        "bye",
    ],
    [
        "hello",
        "my ex keeps turning up at my work and calling me",
        "/safe_now",
        "/ask_advice",
        "next tip",
        "can i report anonymously",
        "thanks",
        "bye",
    ],
    [
        "hey",
        "he is outside my door right now",
        "/safe_now",
        "someone keeps sending me messages on instagram from fake accounts",
        "yes please",
        "do i need evidence",
        "menu",
        "goodbye",
    ],
    [
        "hi there",
        "/unsure_safety",
        "i'm not sure if i'm overreacting",
        "he watches me from across the street and sends me letters",
        "who can i talk to",
        "my friend is being stalked",
        "are you a bot",
        "bye",
    ],
]

# Conversations for the stock `rasa init` example bot (moodbot).
STOCK_SCRIPTS: list[list[str]] = [
    ["hi", "great", "bye"],
    ["hello", "i am sad", "yes", "bye"],
    ["hey", "not good", "no", "are you a bot?", "goodbye"],
]

SCRIPTS = {"signpost": SIGNPOST_SCRIPTS, "stock": STOCK_SCRIPTS}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


@dataclass
class Sample:
    text: str
    started: float
    latency: float  # seconds
    ok: bool
    empty: bool = False


@dataclass
class Level:
    concurrency: int
    samples: list[Sample] = field(default_factory=list)
    conversations: int = 0
    measure_from: float = 0.0
    measure_to: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)
    cpu_start: float | None = None
    cpu_end: float | None = None


def cpu_seconds(pids: list[int]) -> float | None:
    """User + system CPU seconds used so far by these processes (Linux /proc), or None."""
    total = 0.0
    try:
        tick = os.sysconf("SC_CLK_TCK")
        for pid in pids:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    except (OSError, ValueError, IndexError):
        return None
    return total


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank-with-interpolation percentile of ``values`` (0 <= q <= 100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


async def send(
    session: aiohttp.ClientSession, url: str, mode: str, sender: str, text: str
) -> tuple[bool, bool, str]:
    """(ok, empty reply, error kind) for one message."""
    body: dict[str, Any]
    if mode == "parse":
        body = {"text": text}
    else:
        body = {"sender": sender, "message": text}
    try:
        async with session.post(url, json=body) as response:
            payload = await response.read()
            if response.status != 200:
                return False, False, f"HTTP {response.status}"
            data = json.loads(payload)
            if mode == "parse":
                return True, not (isinstance(data, dict) and data.get("intent")), ""
            return True, not data, ""
    except TimeoutError:
        return False, False, "timeout"
    except (aiohttp.ClientError, json.JSONDecodeError, OSError) as error:
        return False, False, type(error).__name__


async def run_level(args: argparse.Namespace, concurrency: int, run_id: str) -> Level:
    scripts = SCRIPTS[args.script]
    path = "/model/parse" if args.mode == "parse" else "/webhooks/rest/webhook"
    url = args.url.rstrip("/") + path
    level = Level(concurrency)
    start = time.perf_counter()
    level.measure_from = start + args.warmup
    deadline = level.measure_from + args.duration
    hard_stop = start + args.max_seconds
    counter = itertools.count()
    finished = 0
    failures = 0
    stop = asyncio.Event()

    timeout = aiohttp.ClientTimeout(total=args.timeout)
    connector = aiohttp.TCPConnector(limit=concurrency + 2, force_close=False)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:

        async def worker(worker_id: int) -> None:
            nonlocal finished, failures
            while not stop.is_set():
                n = next(counter)
                script = scripts[n % len(scripts)]
                sender = f"bench-{run_id}-c{concurrency}-w{worker_id}-{n}-{uuid.uuid4().hex[:8]}"
                conversation_started = time.perf_counter()
                completed = False
                for text in script:
                    now = time.perf_counter()
                    if now >= deadline or now >= hard_stop or stop.is_set():
                        return
                    ok, empty, error = await send(session, url, args.mode, sender, text)
                    if empty and not args.allow_empty:
                        ok, error = False, "empty reply"
                    done = time.perf_counter()
                    if now >= level.measure_from:
                        level.samples.append(Sample(text, now, done - now, ok, empty))
                        if error:
                            level.errors[error] = level.errors.get(error, 0) + 1
                    if len(level.samples) >= args.max_messages:
                        stop.set()
                        return
                    if error:
                        failures += 1
                        if failures >= args.max_errors:
                            print(f"      stopping: {failures} errors (last: {error})", flush=True)
                            stop.set()
                            return
                        await asyncio.sleep(0.2)  # do not spin on a dead server
                        break  # the conversation's state is unknown: start a new one
                else:
                    completed = True
                if completed and conversation_started >= level.measure_from:
                    finished += 1
                    level.conversations = finished
                    if args.conversations and finished >= args.conversations:
                        stop.set()

        async def cpu_sampler() -> None:
            await asyncio.sleep(max(0.0, level.measure_from - time.perf_counter()))
            level.cpu_start = cpu_seconds(args.server_pid)

        sampler = asyncio.create_task(cpu_sampler()) if args.server_pid else None
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        if sampler:
            sampler.cancel()
            level.cpu_end = cpu_seconds(args.server_pid)
    level.measure_to = max(
        (s.started + s.latency for s in level.samples), default=level.measure_from
    )
    return level


def summarise(level: Level) -> dict[str, Any]:
    latencies = [s.latency * 1000 for s in level.samples if s.ok]
    window = max(level.measure_to - level.measure_from, 1e-9)
    per_turn: dict[str, list[float]] = {}
    for s in level.samples:
        if s.ok:
            per_turn.setdefault(s.text, []).append(s.latency * 1000)
    cpu_ms = None
    if level.cpu_start is not None and level.cpu_end is not None and latencies:
        cpu_ms = round((level.cpu_end - level.cpu_start) * 1000 / len(level.samples), 2)
    return {
        "concurrency": level.concurrency,
        "server_cpu_ms_per_msg": cpu_ms,
        "messages": len(level.samples),
        "errors": sum(1 for s in level.samples if not s.ok),
        "error_kinds": level.errors,
        "empty_replies": sum(1 for s in level.samples if s.ok and s.empty),
        "conversations_completed": level.conversations,
        "seconds": round(window, 2),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else float("nan"),
        "max_ms": round(max(latencies), 1) if latencies else float("nan"),
        "msg_per_s": round(len(latencies) / window, 2),
        "per_turn_p50_ms": {
            text: round(percentile(values, 50), 1) for text, values in per_turn.items()
        },
    }


def print_row(summary: dict[str, Any], per_turn: bool) -> None:
    print(
        f"{summary['concurrency']:>5} {summary['messages']:>8} {summary['errors']:>6} "
        f"{summary['p50_ms']:>9.1f} {summary['p95_ms']:>9.1f} {summary['p99_ms']:>9.1f} "
        f"{summary['msg_per_s']:>8.2f}"
        + (
            f" {summary['server_cpu_ms_per_msg']:>9.1f}"
            if summary["server_cpu_ms_per_msg"] is not None
            else ""
        ),
        flush=True,
    )
    if summary["error_kinds"]:
        print(f"      errors: {summary['error_kinds']}", flush=True)
    if summary["empty_replies"]:
        print(f"      empty replies: {summary['empty_replies']}", flush=True)
    if per_turn:
        for text, p50 in sorted(summary["per_turn_p50_ms"].items(), key=lambda kv: -kv[1]):
            print(f"      {p50:>9.1f} ms  {text}", flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:5105", help="Rasa server base URL")
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[1, 20], help="levels (default: 1 20)"
    )
    parser.add_argument("--script", choices=sorted(SCRIPTS), default="signpost")
    parser.add_argument(
        "--mode",
        choices=["webhook", "parse"],
        default="webhook",
        help="webhook: POST /webhooks/rest/webhook; parse: POST /model/parse (NLU only)",
    )
    parser.add_argument(
        "--duration", type=float, default=30.0, help="measured seconds per level (default 30)"
    )
    parser.add_argument(
        "--conversations",
        type=int,
        default=0,
        help="stop a level after this many measured conversations (0: use --duration only)",
    )
    parser.add_argument(
        "--warmup",
        type=float,
        default=5.0,
        help="seconds at the start of each level whose messages are not counted (default 5)",
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="per-request timeout, s")
    parser.add_argument(
        "--max-messages", type=int, default=20000, help="hard cap on messages per level"
    )
    parser.add_argument(
        "--max-seconds", type=float, default=600.0, help="hard cap on seconds per level"
    )
    parser.add_argument(
        "--max-errors", type=int, default=50, help="stop a level after this many errors"
    )
    parser.add_argument(
        "--allow-empty",
        action="store_true",
        help="do not count an empty reply as an error (every turn of both scripts answers; "
        "an empty reply usually means the action server is down or misconfigured)",
    )
    parser.add_argument(
        "--server-pid",
        type=int,
        action="append",
        default=[],
        help="a server process on this machine (Rasa, action server; repeatable): report its "
        "CPU ms per message, which a busy shared machine distorts far less than latency",
    )
    parser.add_argument("--per-turn", action="store_true", help="print p50 per message text")
    parser.add_argument("--label", default="", help="free text stored in the JSON output")
    parser.add_argument("--json", dest="json_out", help="write the results to this JSON file")
    args = parser.parse_args(argv)
    host = urlparse(args.url).hostname or ""
    if host not in LOCAL_HOSTS and not host.startswith("127."):
        parser.error("--url must point at this machine (localhost / 127.x / ::1)")
    if any(c < 1 or c > 200 for c in args.concurrency):
        parser.error("--concurrency levels must be between 1 and 200")
    return args


async def main_async(args: argparse.Namespace) -> list[dict[str, Any]]:
    run_id = uuid.uuid4().hex[:6]
    print(
        f"{args.mode} {args.url} script={args.script} warmup={args.warmup}s "
        f"duration={args.duration}s conversations={args.conversations or '-'}",
        flush=True,
    )
    print(
        f"{'conc':>5} {'messages':>8} {'errors':>6} {'p50 ms':>9} {'p95 ms':>9} "
        f"{'p99 ms':>9} {'msg/s':>8}" + (f" {'cpu ms/msg':>9}" if args.server_pid else ""),
        flush=True,
    )
    results = []
    for concurrency in args.concurrency:
        level = await run_level(args, concurrency, run_id)
        summary = summarise(level)
        print_row(summary, args.per_turn)
        results.append(summary)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = asyncio.run(main_async(args))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as out:
            json.dump(
                {
                    "label": args.label,
                    "url": args.url,
                    "mode": args.mode,
                    "script": args.script,
                    "warmup_s": args.warmup,
                    "duration_s": args.duration,
                    "levels": results,
                },
                out,
                indent=2,
            )
    failed = any(r["messages"] == 0 or r["errors"] == r["messages"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
