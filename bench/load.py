"""Load and soak runs of the production profile, with Rasa's stock example bot as the baseline.

    .venv/bin/python bench/load.py                  # compare (below), then nothing else
    .venv/bin/python bench/load.py --soak           # soak only
    .venv/bin/python bench/load.py --compare --soak # both: what `make load` runs
    .venv/bin/python bench/load.py --quick ...      # short levels, for development

**compare** plays closed-loop conversations (bench/latency.py's engine and its four 8-turn
Signpost scripts: greeting, safety buttons, descriptions, advice steps, "who can I talk to",
FAQs, one danger message, goodbye) at 1, 20 and 100 concurrent conversations against:

- ``stock``: Rasa's ``rasa init`` example bot (moodbot, its own 3-5 turn scripts), one server,
  in-memory stores (built into /tmp/stockbot if missing, as scripts/bench.sh does);
- ``one``: one Signpost Rasa server of the production profile (Redis tracker and lock stores),
  addressed directly;
- ``two``: both Rasa servers of the production profile behind the nginx front.

Each level runs the three back to back, so a change in what else the shared machine is doing
hits all three alike. Reported per level: messages, errors, p50/p95/p99 latency, messages/s and
the servers' CPU ms per message. Writes docs/load-results.json and docs/load-latency.png.

**soak** runs 100 concurrent conversations through the front for 5 minutes (5 of them people
writing incident-diary entries, bench/diary_load.py), samples the resident memory (RSS) of every
server process every 5 s, then opens every diary written with its code and exports it. It passes
only with zero errors, zero diary entries lost (told "saved" but not in the export) and no
steady memory growth beyond ``--max-growth-mb`` (the lowest RSS of the last quarter against that
of the second quarter, so argon2id's short 64 MiB spikes in the action server do not count).
Writes docs/load-soak.json and docs/load-soak.png.

The production profile is started with the real command (scripts/run_prod.sh) on ports
8005/8006 (Rasa), 8055 (actions), 8080 (front), Redis database 12 with key prefix
``signpostload`` (deleted before and after), and the diary in a PostgreSQL schema of its own
(dropped after; SQLite with SIGNPOST_SKIP_POSTGRES=1). The stock bot uses port 8205. Only
traffic to this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import diary_load  # noqa: E402  (bench/diary_load.py: diary writers and the lost-entry check)
import latency  # noqa: E402  (bench/latency.py: the closed-loop engine)

PY = str(ROOT / ".venv" / "bin" / "python")
STOCKBOT = Path("/tmp/stockbot")
REDIS_DB = 12
PREFIX = "signpostload"


# -- processes ---------------------------------------------------------------------------------


def wait_for(check, seconds: float, what: str, process: subprocess.Popen | None = None) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what}: the process exited with {process.returncode}")
        time.sleep(1)
    raise RuntimeError(f"{what}: not ready after {seconds} s")


class Production:
    """scripts/run_prod.sh with its own run folder, Redis db/prefix and diary schema."""

    def __init__(self, args: argparse.Namespace, folder: Path) -> None:
        self.args = args
        self.run_dir = folder / "run"
        self.process: subprocess.Popen | None = None
        self.schema = f"signpost_load_{uuid.uuid4().hex[:8]}"
        self.diary_url = ""

    def _diary(self) -> str:
        if os.environ.get("SIGNPOST_SKIP_POSTGRES") == "1":
            return f"sqlite:///{self.run_dir.parent / 'diary.sqlite3'}"
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        base = make_url(
            os.environ.get("SIGNPOST_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
        ).set(drivername="postgresql+psycopg2")
        engine = create_engine(base)
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{self.schema}"')
        engine.dispose()
        self._base = base
        url = base.update_query_dict({"options": f"-csearch_path={self.schema}"})
        return url.render_as_string(hide_password=False)

    def start(self) -> None:
        delete_keys()
        self.diary_url = self._diary()
        a = self.args
        env = {
            **os.environ,
            "SIGNPOST_RUN_DIR": str(self.run_dir),
            "SIGNPOST_RASA_PORTS": f"{a.rasa_ports[0]} {a.rasa_ports[1]}",
            "SIGNPOST_ACTIONS_PORT": str(a.actions_port),
            "SIGNPOST_FRONT_PORT": str(a.front_port),
            "SIGNPOST_REDIS_DB": str(REDIS_DB),
            "SIGNPOST_REDIS_PREFIX": PREFIX,
            "SIGNPOST_DIARY_URL": self.diary_url,
            "SIGNPOST_SECRETS_DIR": str(self.run_dir.parent / "secrets"),
            "SIGNPOST_MODEL": str(a.model),
        }
        for name in ("SIGNPOST_API_TOKEN", "SIGNPOST_RATE_LIMIT", "SIGNPOST_FRONT"):
            env.pop(name, None)
        log = (self.run_dir.parent / "run_prod.out").open("ab")
        self.process = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "run_prod.sh")], cwd=ROOT, env=env, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        wait_for(lambda: (self.run_dir / "ready").exists(), 600, "run_prod.sh", self.process)

    def pid(self, name: str) -> int:
        return int((self.run_dir / f"{name}.pid").read_text())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        delete_keys()
        if getattr(self, "_base", None) is not None:
            from sqlalchemy import create_engine

            engine = create_engine(self._base)
            with engine.begin() as conn:
                conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
            engine.dispose()


class StockBot:
    def __init__(self, port: int, folder: Path) -> None:
        self.port = port
        self.folder = folder
        self.process: subprocess.Popen | None = None
        self.rasa_pid = 0

    def start(self) -> None:
        if not list((STOCKBOT / "models").glob("*.tar.gz")):
            print(f"load: building the stock example bot in {STOCKBOT} (rasa init, ~2 min)",
                  flush=True)
            STOCKBOT.mkdir(parents=True, exist_ok=True)
            subprocess.run([str(ROOT / ".venv" / "bin" / "rasa"), "init", "--no-prompt",
                            "--init-dir", str(STOCKBOT)], check=True, stdout=subprocess.DEVNULL,
                           env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
        model = sorted((STOCKBOT / "models").glob("*.tar.gz"))[-1]
        out = self.folder / "stock.out"
        self.process = subprocess.Popen(
            [PY, str(ROOT / "bench" / "serve.py"), "--project", str(STOCKBOT), "--no-actions",
             "--model", str(model), "--rasa-port", str(self.port),
             "--log-dir", str(self.folder / "stock-logs")],
            cwd=ROOT, stdout=out.open("wb"), stderr=subprocess.STDOUT,
        )
        wait_for(lambda: "ready rasa=" in out.read_text(), 600, "stock bot", self.process)
        self.rasa_pid = int(re.search(r"ready rasa=(\d+)", out.read_text()).group(1))

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)


def delete_keys() -> None:
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    keys = list(client.scan_iter(match=f"{PREFIX}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start:start + 1000])
    client.close()


def rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


# -- measuring ---------------------------------------------------------------------------------


def engine_args(url: str, script: str, duration: float, warmup: float, pids: list[int],
                soak: bool = False) -> argparse.Namespace:
    return argparse.Namespace(
        url=url, script=script, mode="webhook", warmup=warmup, duration=duration,
        conversations=0, timeout=60.0, max_messages=10_000_000 if soak else 200_000,
        max_seconds=duration + warmup + 120, max_errors=10_000_000 if soak else 200,
        allow_empty=False, server_pid=pids,
    )


def measure(label: str, url: str, script: str, concurrency: int, args: argparse.Namespace,
            pids: list[int]) -> dict[str, Any]:
    load_before = os.getloadavg()
    level = asyncio.run(latency.run_level(
        engine_args(url, script, args.duration, args.warmup, pids), concurrency,
        uuid.uuid4().hex[:6]))
    summary = latency.summarise(level)
    summary.pop("per_turn_p50_ms", None)
    summary.update(config=label, loadavg_before=load_before, loadavg_after=os.getloadavg())
    print(f"{label:>6} {concurrency:>5} {summary['messages']:>8} {summary['errors']:>6} "
          f"{summary['p50_ms']:>8.1f} {summary['p95_ms']:>8.1f} {summary['p99_ms']:>8.1f} "
          f"{summary['msg_per_s']:>7.1f} {summary['server_cpu_ms_per_msg'] or 0:>7.1f} "
          f"{os.getloadavg()[0]:>5.2f}", flush=True)
    if summary["error_kinds"]:
        print(f"       errors: {summary['error_kinds']}", flush=True)
    return summary


def compare(args: argparse.Namespace, prod: Production, stock: StockBot | None) -> dict:
    a, b = args.rasa_ports
    configs = [
        ("one", f"http://127.0.0.1:{a}", "signpost",
         lambda: [prod.pid(f"rasa-{a}"), prod.pid("actions")]),
        ("two", f"http://127.0.0.1:{args.front_port}", "signpost",
         lambda: [prod.pid(f"rasa-{a}"), prod.pid(f"rasa-{b}"), prod.pid("actions"),
                  prod.pid("front"), *children(prod.pid("front"))]),
    ]
    if stock:
        configs.insert(0, ("stock", f"http://127.0.0.1:{stock.port}", "stock",
                           lambda: [stock.rasa_pid]))
    print(f"{'config':>6} {'conc':>5} {'messages':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'msg/s':>7} {'cpu ms':>7} {'load1':>5}", flush=True)
    rows = []
    for concurrency in args.levels:
        for label, url, script, pids in configs:
            rows.append(measure(label, url, script, concurrency, args, pids()))
    return {"levels": rows}


def soak(args: argparse.Namespace, prod: Production) -> dict:
    a, b = args.rasa_ports
    names = [f"rasa-{a}", f"rasa-{b}", "actions", "front"]
    pids = {name: prod.pid(name) for name in names}
    samples: list[dict[str, Any]] = []
    url = f"http://127.0.0.1:{args.front_port}"
    talkers = args.soak_concurrency - args.diary_writers
    print(f"soak: {args.soak_concurrency} conversations ({talkers} talking, {args.diary_writers} "
          f"writing diary entries) through {url} for {args.soak_seconds} s", flush=True)
    ledger = diary_load.DiaryLedger()

    async def run() -> latency.Level:
        nonlocal ledger
        done = asyncio.Event()
        start = time.monotonic()

        async def sampler() -> None:
            while not done.is_set():
                row: dict[str, Any] = {"t": round(time.monotonic() - start, 1),
                                       "load1": os.getloadavg()[0]}
                for name, pid in pids.items():
                    value = rss_mb(pid)
                    if name == "front":
                        value = sum(filter(None, [value, *map(rss_mb, children(pid))]))
                    row[name] = value
                samples.append(row)
                try:
                    await asyncio.wait_for(done.wait(), args.sample_seconds)
                except TimeoutError:
                    pass

        task = asyncio.create_task(sampler())
        run_id = uuid.uuid4().hex[:6]
        writers = asyncio.create_task(
            diary_load.write_diaries(url, args.diary_writers, args.soak_seconds, run_id))
        level = await latency.run_level(
            engine_args(url, "signpost", args.soak_seconds, 0.0,
                        [*pids.values(), *children(pids["front"])], soak=True),
            talkers, run_id)
        ledger = await writers
        done.set()
        await task
        return level

    level = asyncio.run(run())
    summary = latency.summarise(level)
    summary.pop("per_turn_p50_ms", None)
    # latency over time, per window of 30 s (10 s for short runs)
    windows = []
    base = level.measure_from
    width = 30 if args.soak_seconds >= 120 else 10
    for lo in range(0, int(args.soak_seconds), width):
        span = min(width, args.soak_seconds - lo)
        chunk = [s.latency * 1000 for s in level.samples
                 if lo <= s.started - base < lo + width and s.ok]
        if chunk and span >= width / 2:
            windows.append({"t": lo, "seconds": span,
                            "p50_ms": round(latency.percentile(chunk, 50), 1),
                            "p95_ms": round(latency.percentile(chunk, 95), 1),
                            "msg_per_s": round(len(chunk) / span, 1)})
    memory = {}
    half = samples[len(samples) // 2:]
    for name in names:
        values = [s[name] for s in samples if s.get(name)]
        later = [s[name] for s in half if s.get(name)]
        if not values:
            continue
        memory[name] = {
            "start_mb": round(values[0], 1), "end_mb": round(values[-1], 1),
            "max_mb": round(max(values), 1),
            "second_half_growth_mb": round(max(later) - min(later), 1) if later else 0.0,
            # the low-water mark, last quarter against second quarter: steady growth, not the
            # short spikes of argon2id's 64 MiB per diary key derivation in the action server
            "floor_growth_mb": floor_growth(values),
            "second_half_slope_mb_per_min": round(slope(half, name) * 60, 2),
        }
    worst = max((m["floor_growth_mb"] for m in memory.values()), default=0.0)
    diary = asyncio.run(diary_load.verify(url, ledger))
    diary["turns"] = len(ledger.latencies)
    diary["errors_by_kind"] = ledger.flow_errors
    passed = (summary["errors"] == 0 and worst <= args.max_growth_mb and diary["diaries"] > 0
              and diary["entries_lost"] == 0 and diary["flow_errors"] == 0)
    result = {"summary": summary, "diary": diary, "memory": memory, "rss_samples": samples,
              "latency_windows": windows, "max_growth_mb": args.max_growth_mb, "passed": passed}
    print(f"soak: {summary['messages']} messages, {summary['errors']} errors, p50 "
          f"{summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, p99 {summary['p99_ms']} ms, "
          f"{summary['msg_per_s']} msg/s", flush=True)
    for name, m in memory.items():
        print(f"soak: {name:>10} RSS {m['start_mb']} -> {m['end_mb']} MB (max {m['max_mb']}; "
              f"second half {m['second_half_growth_mb']} MB, floor {m['floor_growth_mb']} MB, "
              f"{m['second_half_slope_mb_per_min']} MB/min)", flush=True)
    print(f"soak: diary: {diary['diaries']} diaries, {diary['entries_told_saved']} entries told "
          f"saved, {diary['entries_lost']} lost, {diary['save_failed_told']} told 'can't save', "
          f"{diary['flow_errors']} errors {ledger.flow_errors or ''}", flush=True)
    print(f"soak: {'PASSED' if passed else 'FAILED'} (zero errors; zero diary entries lost; "
          f"floor growth <= {args.max_growth_mb} MB, last quarter vs second)", flush=True)
    return result


def floor_growth(values: list[float]) -> float:
    quarter = max(1, len(values) // 4)
    second, last = values[quarter: 2 * quarter], values[-quarter:]
    return round(min(last) - min(second), 1) if second and last else 0.0


def slope(rows: list[dict[str, Any]], name: str) -> float:
    points = [(r["t"], r[name]) for r in rows if r.get(name)]
    if len(points) < 2:
        return 0.0
    mean_t = sum(t for t, _ in points) / len(points)
    mean_v = sum(v for _, v in points) / len(points)
    den = sum((t - mean_t) ** 2 for t, _ in points)
    return sum((t - mean_t) * (v - mean_v) for t, v in points) / den if den else 0.0


# -- plots -------------------------------------------------------------------------------------


def plot_compare(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = {"stock": "stock rasa init bot (1 server)", "one": "Signpost, 1 server (Redis)",
              "two": "Signpost, 2 servers + nginx"}
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for config, label in labels.items():
        rows = [r for r in result["levels"] if r["config"] == config]
        if not rows:
            continue
        x = [r["concurrency"] for r in rows]
        line = left.plot(x, [r["p50_ms"] for r in rows], marker="o", label=f"{label} p50")[0]
        left.plot(x, [r["p95_ms"] for r in rows], marker="x", linestyle="--",
                  color=line.get_color(), label=f"{label} p95")
        right.plot(x, [r["msg_per_s"] for r in rows], marker="o", label=label)
    for axis in (left, right):
        axis.set_xscale("log")
        axis.set_xticks([r for r in sorted({r["concurrency"] for r in result["levels"]})])
        axis.get_xaxis().set_major_formatter(matplotlib.ticker.ScalarFormatter())
        axis.set_xlabel("concurrent conversations")
        axis.grid(alpha=0.3)
    left.set_yscale("log")
    left.set_ylabel("latency per message, ms")
    right.set_ylabel("messages per second")
    left.legend(fontsize=7)
    right.legend(fontsize=7)
    fig.suptitle(f"REST channel, closed loop, {result['duration_s']} s per level "
                 f"({result['machine']})", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_soak(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6), sharex=True)
    samples = result["rss_samples"]
    for name, memory in result["memory"].items():
        start = memory["start_mb"]
        top.plot([s["t"] for s in samples],
                 [s[name] - start if s.get(name) else None for s in samples],
                 label=f"{name} (starts at {start:.0f} MB)")
    top.set_ylabel("RSS change since start, MB")
    top.legend(fontsize=8)
    top.grid(alpha=0.3)
    windows = result["latency_windows"]
    t = [w["t"] + w["seconds"] / 2 for w in windows]
    bottom.plot(t, [w["p50_ms"] for w in windows], marker="o", label="p50 ms")
    bottom.plot(t, [w["p95_ms"] for w in windows], marker="x", label="p95 ms")
    rate = bottom.twinx()
    rate.plot(t, [w["msg_per_s"] for w in windows], color="grey", linestyle=":", label="msg/s")
    rate.set_ylabel("messages per second")
    bottom.set_ylabel("latency, ms")
    bottom.set_xlabel("seconds")
    bottom.legend(fontsize=8, loc="upper left")
    bottom.grid(alpha=0.3)
    s = result["summary"]
    fig.suptitle(f"Soak: {result['concurrency']} conversations through the front, "
                 f"{s['messages']} messages, {s['errors']} errors", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# -- main --------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", action="store_true", help="the three-way comparison")
    parser.add_argument("--soak", action="store_true", help="the soak run")
    parser.add_argument("--quick", action="store_true",
                        help="development: 8 s levels, a 40 s soak, results to /tmp")
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 20, 100])
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per level")
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--soak-seconds", type=float, default=300.0)
    parser.add_argument("--soak-concurrency", type=int, default=100)
    parser.add_argument("--diary-writers", type=int, default=5,
                        help="soak: how many of the conversations write diary entries")
    parser.add_argument("--sample-seconds", type=float, default=5.0)
    parser.add_argument("--max-growth-mb", type=float, default=50.0,
                        help="soak: most RSS growth allowed per process in the second half")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock bot baseline")
    parser.add_argument("--model", type=Path, help="Signpost model (default: newest)")
    parser.add_argument("--rasa-ports", type=int, nargs=2, default=[8005, 8006])
    parser.add_argument("--actions-port", type=int, default=8055)
    parser.add_argument("--front-port", type=int, default=8080)
    parser.add_argument("--stock-port", type=int, default=8205)
    parser.add_argument("--out-dir", type=Path, help="default docs/ (with --quick: a temp dir)")
    args = parser.parse_args(argv)
    if not (args.compare or args.soak):
        args.compare = True
    if args.quick:
        args.duration, args.warmup = min(args.duration, 8.0), min(args.warmup, 2.0)
        args.soak_seconds = min(args.soak_seconds, 40.0)
    if args.out_dir is None:
        args.out_dir = ROOT / "docs"
        if args.quick:
            args.out_dir = Path(tempfile.mkdtemp(prefix="signpost-load-"))
    if args.model is None:
        models = sorted((ROOT / "models").glob("signpost-*.tar.gz"),
                        key=lambda p: p.stat().st_mtime)
        if not models:
            parser.error("no trained model in models/: run make train")
        args.model = models[-1]
    return args


def machine() -> str:
    return f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="signpost-load-run-"))
    prod = Production(args, folder)
    stock = None if args.no_stock or not args.compare else StockBot(args.stock_port, folder)
    ok = True
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    try:
        print(f"load: starting the production profile and the baseline (logs in {folder})",
              flush=True)
        prod.start()
        if stock:
            stock.start()
        args.out_dir.mkdir(parents=True, exist_ok=True)
        common = {"started": started, "machine": machine(), "model": args.model.name,
                  "loadavg_at_start": os.getloadavg()}
        if args.compare:
            result = {**common, "duration_s": args.duration, "warmup_s": args.warmup,
                      **compare(args, prod, stock)}
            result["errors"] = sum(r["errors"] for r in result["levels"])
            (args.out_dir / "load-results.json").write_text(json.dumps(result, indent=2))
            plot_compare(result, args.out_dir / "load-latency.png")
            ok &= result["errors"] == 0
        if stock:
            stock.stop()  # the soak has the machine to itself
        if args.soak:
            result = {**common, "concurrency": args.soak_concurrency,
                      "seconds": args.soak_seconds, **soak(args, prod)}
            (args.out_dir / "load-soak.json").write_text(json.dumps(result, indent=2))
            plot_soak(result, args.out_dir / "load-soak.png")
            ok &= result["passed"]
        print(f"load: results in {args.out_dir}", flush=True)
    finally:
        if stock:
            stock.stop()
        prod.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
