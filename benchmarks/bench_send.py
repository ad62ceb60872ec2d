"""POST /api/v1/views against a bare Starlette endpoint, in one run, with wrk.

Prints requests per second, p50 and p99 latency for each, their ratio, and checks that
every 201 the post-box gave is a view in the database (nothing lost).

    python benchmarks/bench_send.py [--seconds 15] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = """
wrk.method = "POST"
wrk.body = '{"text": "We need more youth clubs and safer parks near our school.", "theme": "Community"}'
wrk.headers["Content-Type"] = "application/json"
statuses = {}
response = function(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
done = function(summary, latency, requests)
  io.write(string.format("P50 %f\\nP99 %f\\n", latency:percentile(50), latency:percentile(99)))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(app: str, port: int, env: dict[str, str], workers: int = 1) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=1)
            return proc
        except Exception:
            time.sleep(0.3)
            if app.startswith("benchmarks") and proc.poll() is None:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    return proc
                except OSError:
                    pass
    proc.kill()
    raise SystemExit(f"{app} did not start")


def wrk(port: int, seconds: int, connections: int, script: Path) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}/api/v1/views",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50_ms": float(re.search(r"P50 ([\d.]+)", out).group(1)) / 1000,
        "p99_ms": float(re.search(r"P99 ([\d.]+)", out).group(1)) / 1000,
        "requests": total,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
    }


def _count_views(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM view").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    work = Path(tempfile.mkdtemp(prefix="postbox-bench-"))
    script = work / "post.lua"
    script.write_text(LUA)
    db = work / "bench.sqlite3"
    env = {
        **os.environ,
        "POSTBOX_DATA_DIR": str(work),
        "POSTBOX_DATABASE_URL": f"sqlite://{db}",
        "POSTBOX_RATE_LIMIT": "0",
        "POSTBOX_EMBEDDED_WORKERS": "false",
        "POSTBOX_LOG_LEVEL": "WARNING",
    }
    sys.path.insert(0, str(ROOT))
    os.environ.update(env)
    from app import MODELS
    from web import database

    asyncio.run(database.apply_migrations(MODELS, f"sqlite://{db}"))

    results = {}
    for name, target in (("bare starlette", "benchmarks.bare_app:app"), ("post-box", "app:app")):
        port = free_port()
        proc = start(target, port, env)
        try:
            wrk(port, 2, args.connections, script)  # warm up
            before = _count_views(db)
            results[name] = wrk(port, args.seconds, args.connections, script)
            time.sleep(1)
            results[name]["stored"] = _count_views(db) - before
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    postbox = results["post-box"]
    accepted_total = postbox["requests"] - postbox["non_2xx"]
    for name, r in results.items():
        print(
            f"{name:15} {r['rps']:8.0f} req/s   p50 {r['p50_ms']:6.1f} ms   p99 {r['p99_ms']:6.1f} ms   "
            f"non-2xx {r['non_2xx']}"
        )
    print(f"ratio post-box / bare starlette: {postbox['rps'] / results['bare starlette']['rps']:.2f}")
    print(
        f"accepted (2xx) in the timed run: {accepted_total}; new views in the database: {postbox['stored']}"
    )
    if postbox["stored"] < accepted_total:
        raise SystemExit("LOST VIEWS: fewer rows than accepted responses")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
