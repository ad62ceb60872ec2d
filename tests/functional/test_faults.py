"""Faults against real processes: a server killed mid-burst loses no accepted view, and a
worker started afterwards screens every one of them."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from pathlib import Path

import httpx

from tests import live
from tests.waiting import wait_for


async def _burst(base: str, count: int, accepted: list[str], enough: asyncio.Event, threshold: int) -> None:
    """16 clients send views until ``count`` are sent or the server dies; the receipt codes
    it accepted are collected, and ``enough`` is set once ``threshold`` are in."""
    numbers = iter(range(count))
    # A generous timeout: on a busy machine a slow answer must not end a sender early.
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:

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
    db = tmp_path / "live.sqlite3"
    server, base = live.serve(tmp_path, POSTBOX_EMBEDDED_WORKERS="false")
    try:
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

    worker = live.start(["worker", "--poll", "0.2"], live.server_env(tmp_path), tmp_path / "worker.log")
    try:
        wait_for(
            lambda: _count(db, "SELECT COUNT(*) FROM job WHERE state != 'done'") == 0,
            within=600,
            interval=0.5,
            what="the worker finishing every job",
        )
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    assert _count(db, "SELECT COUNT(*) FROM job WHERE state != 'done'") == 0
    assert _count(db, "SELECT COUNT(DISTINCT view_id) FROM screening") == stored
