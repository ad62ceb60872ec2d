"""Faults against real processes: a server killed mid-burst loses no accepted view, and a
worker started afterwards screens every one of them."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(data: Path, db: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "POSTBOX_DATA_DIR": str(data),
        "POSTBOX_DATABASE_URL": f"sqlite://{db}",
        "POSTBOX_RATE_LIMIT": "0",
        "POSTBOX_SMTP_PORT": str(_free_port()),
        **extra,
    }


def _wait_until_up(base: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited early")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code in {200, 503}:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


async def _burst(base: str, count: int, accepted: list[str], enough: asyncio.Event, threshold: int) -> None:
    """16 clients send views until ``count`` are sent or the server dies; the receipt codes
    it accepted are collected, and ``enough`` is set once ``threshold`` are in."""
    numbers = iter(range(count))
    async with httpx.AsyncClient(base_url=base, timeout=5) as client:

        async def sender() -> None:
            for n in numbers:
                try:
                    response = await client.post(
                        "/api/v1/views", json={"text": f"Burst view {n} about parks"}
                    )
                except httpx.HTTPError:
                    return
                if response.status_code == 201:
                    accepted.append(response.json()["receipt_code"])
                    if len(accepted) >= threshold:
                        enough.set()

        await asyncio.gather(*(sender() for _ in range(16)))
    enough.set()


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_sigkill_mid_burst_loses_no_accepted_view_and_a_worker_finishes_the_jobs(tmp_path: Path) -> None:
    db = tmp_path / "faults.sqlite3"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "postbox", "serve", "--port", str(port)],
        cwd=ROOT,
        env=_env(tmp_path, db, POSTBOX_EMBEDDED_WORKERS="false"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(base, server)

        accepted: list[str] = []

        async def burst_then_kill() -> None:
            enough = asyncio.Event()
            task = asyncio.create_task(_burst(base, 3000, accepted, enough, threshold=300))
            await enough.wait()
            server.send_signal(signal.SIGKILL)  # mid-burst: thousands of requests still to come
            await task

        asyncio.run(burst_then_kill())
    finally:
        server.kill()
        server.wait()

    assert 300 <= len(accepted) < 3000, "the kill did not land in the middle of the burst"
    stored = _count(db, "SELECT COUNT(*) FROM view")
    assert stored >= len(accepted)  # every 201 is a row; a row may exist whose answer was lost
    assert _count(db, "SELECT COUNT(*) FROM job WHERE kind = 'screen'") == stored

    worker = subprocess.Popen(
        [sys.executable, "-m", "postbox", "worker", "--poll", "0.2"],
        cwd=ROOT,
        env=_env(tmp_path, db),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if _count(db, "SELECT COUNT(*) FROM job WHERE state != 'done'") == 0:
                break
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    assert _count(db, "SELECT COUNT(*) FROM job WHERE state != 'done'") == 0
    assert _count(db, "SELECT COUNT(DISTINCT view_id) FROM screening") == stored
