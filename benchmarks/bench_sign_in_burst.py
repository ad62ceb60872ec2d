"""A child's send while staff sign-in attempts arrive in a burst (#13 item 2).

Starts the real site (``python -m postbox serve``, SQLite), then measures POST
/api/v1/views latency from a few concurrent "children": first quiet, then while bursts
of 20 sign-in attempts (each a full argon2id verify) arrive at once. Prints p50/p95/p99
for both and the burst's own duration. Before the fix argon2 ran on the event loop and a
child's send waited behind every hash; now at most two hash at once in their own threads.

    python benchmarks/bench_sign_in_burst.py [--rounds 5] [--children 4]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live import free_port  # noqa: E402

SEND = {"text": "We need more youth clubs and safer parks near our school.", "theme": "Community"}


def serve(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "POSTBOX_DATA_DIR": str(data),
        "POSTBOX_DATABASE_URL": f"sqlite://{data / 'bench.sqlite3'}",
        "POSTBOX_BASE_URL": base,
        "POSTBOX_RATE_LIMIT": "0",
        "POSTBOX_SIGN_IN_RATE_LIMIT": "0",
        "POSTBOX_EMBEDDED_WORKERS": "false",
        "POSTBOX_SMTP_PORT": str(free_port()),
        "POSTBOX_LOG_LEVEL": "WARNING",
    }
    log = (data / "server.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "postbox", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return proc, base
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit((data / "server.log").read_text()[-3000:]) from None
            time.sleep(0.2)


async def children(client: httpx.AsyncClient, stop: asyncio.Event, count: int) -> list[float]:
    latencies: list[float] = []

    async def one_child() -> None:
        while not stop.is_set():
            started = time.perf_counter()
            response = await client.post("/api/v1/views", json=SEND)
            latencies.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 201, response.status_code
            await asyncio.sleep(0.01)

    await asyncio.gather(*(one_child() for _ in range(count)))
    return latencies


async def burst(client: httpx.AsyncClient, token: str, size: int, round_: int) -> float:
    """``size`` sign-in attempts at once, each for a different unknown e-mail (a full argon2
    verify against the dummy hash, exactly the work a real account costs)."""
    started = time.perf_counter()
    answers = await asyncio.gather(
        *(
            client.post(
                "/staff/sign-in",
                data={
                    "csrf_token": token,
                    "email": f"nobody{round_}-{n}@example.org",
                    "password": "guess guess guess",
                },
            )
            for n in range(size)
        )
    )
    # 303 to the code step whatever the password (the password step confirms nothing).
    assert all(a.status_code == 303 for a in answers), [a.status_code for a in answers]
    return (time.perf_counter() - started) * 1000


def percentiles(values: list[float]) -> str:
    q = statistics.quantiles(values, n=100)
    return f"n={len(values):4d}  p50 {q[49]:7.1f} ms  p95 {q[94]:7.1f} ms  p99 {q[98]:7.1f} ms"


async def measure(base: str, rounds: int, kids: int) -> None:
    limits = httpx.Limits(max_connections=64)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        page = (await client.get("/staff/sign-in")).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        for _ in range(20):  # warm up
            await client.post("/api/v1/views", json=SEND)

        stop = asyncio.Event()
        quiet_task = asyncio.create_task(children(client, stop, kids))
        await asyncio.sleep(3)
        stop.set()
        quiet = await quiet_task

        busy: list[float] = []
        bursts: list[float] = []
        for round_ in range(rounds):
            stop = asyncio.Event()
            task = asyncio.create_task(children(client, stop, kids))
            await asyncio.sleep(0.2)
            bursts.append(await burst(client, token, 20, round_))
            stop.set()
            busy += await task
            await asyncio.sleep(0.5)

    print(f"child's send, quiet:             {percentiles(quiet)}")
    print(f"child's send, 20 sign-ins burst: {percentiles(busy)}")
    print(f"a burst of 20 sign-ins took:     median {statistics.median(bursts):.0f} ms over {rounds} bursts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--children", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="postbox-bench-") as tmp:
        proc, base = serve(Path(tmp))
        try:
            asyncio.run(measure(base, args.rounds, args.children))
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
