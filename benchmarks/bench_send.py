"""POST /api/v1/views under wrk: the post-box as it is deployed, and bare Starlette, in one run.

Three set-ups, one after the other, each on its own SQLite file:

- bare starlette: an endpoint that reads the JSON body and answers 201 (the yardstick);
- default: ``python -m postbox serve`` as ``make run`` starts it; the screen and the mailer
  run in the worker process ``serve`` starts (``POSTBOX_EMBEDDED_WORKERS`` on);
- scale-out: ``serve`` with ``POSTBOX_EMBEDDED_WORKERS=false`` and a separate
  ``python -m postbox worker``, as on PostgreSQL.

For the two post-box set-ups the timed wrk run is a burst of ``--seconds`` (60) with the
screen loaded and screening while it runs; then the backlog is watched until it is
screened (up to ``--drain-limit`` seconds; past that the rate and the time it would need
are printed). Printed: req/s, p50/p99, ratio to bare, 2xx answers against views stored,
backlog drain time, the web process's resident memory (now and peak).

    python benchmarks/bench_send.py [--seconds 60] [--connections 32] [--drain-limit 120]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live import free_port  # noqa: E402

LUA = """
wrk.method = "POST"
wrk.body = '{"text": "We need more youth clubs and safer parks near our school.", "theme": "Community"}'
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("P50 %f\\nP99 %f\\n", latency:percentile(50), latency:percentile(99)))
end
"""


def start(app: str, port: int, env: dict[str, str], workers: int = 1) -> subprocess.Popen[bytes]:
    """Run ``app`` under uvicorn directly (bare Starlette, and bench_burst's web processes)."""
    command = [sys.executable, "-m", "uvicorn", app, "--port", str(port), "--no-access-log"]
    command += ["--log-level", "warning", "--loop", "uvloop", "--http", "httptools"]
    command += ["--workers", str(workers)]
    proc = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(f"{app} did not start")


def wrk(port: int, seconds: int, connections: int, script: Path) -> dict[str, float]:
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "-s", str(script)]
    out = subprocess.run(
        [*command, f"http://127.0.0.1:{port}/api/v1/views"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": float(re.search(r"P50 ([\d.]+)", out).group(1)) / 1000,
        "p99_ms": float(re.search(r"P99 ([\d.]+)", out).group(1)) / 1000,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(g) for g in errors.groups()) if errors else 0,
    }


def healthz(base: str) -> dict[str, object]:
    with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
        return json.loads(response.read())


def rss_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak resident) of a process, in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return int(conn.execute(sql).fetchone()[0])


@dataclass
class Outcome:
    name: str
    run: dict[str, float]
    stored: int = 0
    rss: tuple[float, float] = (0.0, 0.0)
    drained_s: float | None = None
    left: int = 0
    screened_per_s: float = 0.0
    notes: list[str] = field(default_factory=list)


def wait_until(condition, timeout: float, every: float = 0.5) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(every)
    return False


def run_postbox(name: str, work: Path, args: argparse.Namespace, script: Path, *, separate: bool) -> Outcome:
    data = work / name
    data.mkdir()
    db = data / "bench.sqlite3"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "POSTBOX_DATA_DIR": str(data),
        "POSTBOX_DATABASE_URL": f"sqlite://{db}",
        "POSTBOX_BASE_URL": base,
        "POSTBOX_RATE_LIMIT": "0",
        "POSTBOX_LOG_LEVEL": args.log_level,
        "POSTBOX_SMTP_PORT": str(free_port()),  # nothing listens: mail waits in the outbox
        "POSTBOX_EMBEDDED_WORKERS": "false" if separate else "true",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    log = (data / "server.log").open("ab")
    postbox = [sys.executable, "-m", "postbox"]
    serve = [*postbox, "serve", "--port", str(port)]
    procs = [subprocess.Popen(serve, cwd=ROOT, env=env, stdout=log, stderr=log)]
    try:
        if not wait_until(lambda: healthz(base), 90):
            raise SystemExit(f"{name}: the site did not start; see {data / 'server.log'}")
        if separate:
            procs.append(subprocess.Popen([*postbox, "worker"], cwd=ROOT, env=env, stdout=log, stderr=log))
        # The screen is loaded and running before the clock starts.
        if not wait_until(lambda: "rules" in healthz(base)["screening"], 300):
            raise SystemExit(f"{name}: the screen did not load; see {data / 'server.log'}")
        wrk(port, 3, args.connections, script)  # warm up
        wait_until(lambda: healthz(base)["queue_depth"] == 0, 120)
        before = count(db, "SELECT COUNT(*) FROM view")
        outcome = Outcome(name, wrk(port, args.seconds, args.connections, script))
        outcome.rss = rss_mb(procs[0].pid)
        started = time.monotonic()
        outcome.stored = count(db, "SELECT COUNT(*) FROM view") - before
        pending = "SELECT COUNT(*) FROM job WHERE state = 'pending'"
        at_start = count(db, pending)
        drained = wait_until(lambda: count(db, pending) == 0, args.drain_limit, every=1.0)
        waited = time.monotonic() - started
        outcome.left = count(db, pending)
        outcome.screened_per_s = (at_start - outcome.left) / max(waited, 1e-9)
        outcome.drained_s = waited if drained else None
        return outcome
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()


def run_bare(args: argparse.Namespace, script: Path) -> Outcome:
    port = free_port()
    proc = start("benchmarks.bare_app:app", port, {**os.environ})
    try:
        wrk(port, 2, args.connections, script)
        return Outcome("bare starlette", wrk(port, args.bare_seconds, args.connections, script))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60, help="length of the burst for the post-box")
    parser.add_argument("--bare-seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--drain-limit", type=int, default=120, help="seconds to watch the backlog drain")
    parser.add_argument("--log-level", default="WARNING", help="POSTBOX_LOG_LEVEL for the site")
    parser.add_argument("--only", choices=["default", "scale-out"], default=None)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    work = Path(tempfile.mkdtemp(prefix="postbox-bench-"))
    script = work / "post.lua"
    script.write_text(LUA)
    outcomes = [run_bare(args, script)]
    if args.only in (None, "default"):
        outcomes.append(run_postbox("default", work, args, script, separate=False))
    if args.only in (None, "scale-out"):
        outcomes.append(run_postbox("scale-out", work, args, script, separate=True))

    bare = outcomes[0].run["rps"]
    print(f"POST /api/v1/views, wrk {args.connections} connections, {os.cpu_count()} cores")
    print(f"{'':15} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'ratio':>6}  answers 2xx / stored")
    lost = False
    for o in outcomes:
        r = o.run
        accepted = r["requests"] - r["non_2xx"]
        stored = "" if o.name == "bare starlette" else f"{accepted} / {o.stored}"
        figures = f"{r['rps']:7.0f} {r['p50_ms']:7.1f} {r['p99_ms']:7.1f} {r['rps'] / bare:6.2f}"
        print(f"{o.name:15} {figures}  {stored}")
        lost = lost or (o.name != "bare starlette" and o.stored < accepted)
    for o in outcomes[1:]:
        drain = (
            f"screened in {o.drained_s:.0f} s"
            if o.drained_s is not None
            else f"{o.left} still to screen after {args.drain_limit} s"
            + (f" (would need about {o.left / o.screened_per_s:.0f} s more)" if o.screened_per_s else "")
        )
        print(
            f"{o.name}: {args.seconds} s burst's backlog {drain}; {o.screened_per_s:.0f} views/s screened "
            f"after the burst; web process {o.rss[0]:.0f} MB resident (peak {o.rss[1]:.0f} MB)"
        )
    if lost:
        raise SystemExit("LOST VIEWS: fewer rows than accepted responses")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
