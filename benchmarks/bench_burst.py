"""A school-assembly burst on PostgreSQL: as many views as the site takes for N seconds,
then how long the workers need to screen them all.

    python benchmarks/bench_burst.py --database-url postgres://… [--seconds 60] [--web 2] [--workers 2]

Prints views accepted (2xx), views in the database (must be at least that), requests/s,
and the time for the screening backlog to drain.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_send import LUA, free_port, start, wrk  # noqa: E402


async def _count(url: str, sql: str) -> int:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        return int(await conn.fetchval(sql))
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True, help="an empty PostgreSQL database")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--web", type=int, default=2, help="web processes")
    parser.add_argument("--workers", type=int, default=2, help="screening worker processes")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="postbox-burst-"))
    script = work / "post.lua"
    script.write_text(LUA)
    env = {
        **os.environ,
        "POSTBOX_DATA_DIR": str(work),
        "POSTBOX_DATABASE_URL": args.database_url,
        "POSTBOX_RATE_LIMIT": "0",
        "POSTBOX_EMBEDDED_WORKERS": "false",
        "POSTBOX_LOG_LEVEL": "WARNING",
        "HF_HUB_OFFLINE": "1",
    }
    subprocess.run([sys.executable, "-m", "postbox", "migrate"], cwd=ROOT, env=env, check=True)
    before = asyncio.run(_count(args.database_url, "SELECT COUNT(*) FROM view"))

    port = free_port()
    web = start("app:app", port, env, workers=args.web)
    try:
        result = wrk(port, args.seconds, args.connections, script)
    finally:
        web.terminate()
        web.wait(timeout=60)
    stored = asyncio.run(_count(args.database_url, "SELECT COUNT(*) FROM view")) - before
    accepted = result["requests"] - result["non_2xx"]
    print(
        f"burst: {result['rps']:.0f} req/s for {args.seconds} s, p50 {result['p50_ms']:.1f} ms, "
        f"p99 {result['p99_ms']:.1f} ms"
    )
    print(
        f"accepted {accepted}, new views in the database {stored}"
        + ("" if stored >= accepted else "  <-- LOST VIEWS")
    )

    workers = [
        subprocess.Popen([sys.executable, "-m", "postbox", "worker", "--poll", "0.2"], cwd=ROOT, env=env)
        for _ in range(args.workers)
    ]
    started = time.monotonic()
    pending_sql = "SELECT COUNT(*) FROM job WHERE state = 'pending'"
    try:
        while (pending := asyncio.run(_count(args.database_url, pending_sql))) > 0:
            print(f"  {time.monotonic() - started:6.0f} s: {pending} views still to screen", flush=True)
            time.sleep(10)
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=60)
    drained = time.monotonic() - started
    print(f"screening backlog drained in {drained:.0f} s ({stored / max(drained, 1e-9):.0f} views/s)")


if __name__ == "__main__":
    main()
