"""Worker processes: the heartbeat each writes, what /healthz reads from it, the watch that
ends a worker when the process that started it is gone, and the poke that wakes it.

The screen's models load and run in worker processes, never in a web process: ``serve``
on SQLite starts one worker as its child, PostgreSQL deployments run ``worker`` processes
of their own. Each worker writes a ``WorkerBeat`` row every ``BEAT_EVERY_S`` with what it
reports about itself (``Hooks.worker_reports``: the screen's loaded layers); a web process
answers /healthz from the fresh rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from web.health import HealthReport
from web.leases import utcnow
from web.models import WorkerBeat

if TYPE_CHECKING:
    from web.hooks import Hooks

log = logging.getLogger("postbox.workers")

BEAT_EVERY_S = 2.0
# A worker whose last beat is older than this is taken for gone.
STALE_AFTER_S = 15.0
# Rows of workers gone for longer than this are deleted by the next worker to start.
FORGET_AFTER = timedelta(days=1)
POKE_SIGNAL = signal.SIGUSR1


def worker_id() -> str:
    return f"{socket.gethostname()[:80]}:{os.getpid()}"


class Heartbeat:
    """Writes this process's ``WorkerBeat`` until ``stop`` is set, then removes it."""

    def __init__(self, hooks: Hooks, every_s: float = BEAT_EVERY_S) -> None:
        self.hooks = hooks
        self.every_s = every_s
        self.id = worker_id()
        self.started_at = utcnow()
        self.stop = asyncio.Event()

    async def detail(self) -> dict[str, Any]:
        reports = [await report() for report in self.hooks.worker_reports]
        return {r.name: r.detail for r in reports}

    async def beat(self) -> None:
        now = utcnow()
        detail = await self.detail()
        updated = await WorkerBeat.filter(id=self.id).update(beat_at=now, detail=detail)
        if not updated:
            await WorkerBeat.create(id=self.id, started_at=self.started_at, beat_at=now, detail=detail)

    async def run(self) -> None:
        with contextlib.suppress(Exception):
            await WorkerBeat.filter(beat_at__lt=utcnow() - FORGET_AFTER).delete()
        while not self.stop.is_set():
            try:
                await self.beat()
            except Exception as exc:  # the database may be down for a moment
                log.error("heartbeat not written: %s", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), timeout=self.every_s)
        with contextlib.suppress(Exception):
            await WorkerBeat.filter(id=self.id).delete()


async def fresh_beats() -> list[WorkerBeat]:
    """The workers alive now, newest beat first."""
    since = utcnow() - timedelta(seconds=STALE_AFTER_S)
    return list(await WorkerBeat.filter(beat_at__gte=since).order_by("-beat_at"))


async def reported(name: str) -> object | None:
    """What the most recently seen worker reported under ``name``; None when none is alive."""
    for beat in await fresh_beats():
        if name in beat.detail:
            return beat.detail[name]
    return None


async def worker_health() -> HealthReport:
    """/healthz's "workers" part: how many are alive and how long ago one was last heard.
    No live worker degrades the site: views would be kept but neither screened nor mailed."""
    try:
        beats = await fresh_beats()
        last = await WorkerBeat.all().order_by("-beat_at").first()
    except Exception:
        return HealthReport("workers", {"running": None, "last_beat_s": None}, degraded=True)
    age = round((utcnow() - last.beat_at).total_seconds(), 1) if last else None
    return HealthReport("workers", {"running": len(beats), "last_beat_s": age}, degraded=not beats)


async def watch_parent(parent_pid: int, on_gone: Callable[[], None], every_s: float = 1.0) -> None:
    """Call ``on_gone`` once the process that started this one has ended (even by SIGKILL:
    this process is then handed to another parent)."""
    while True:
        if os.getppid() != parent_pid:
            break
        await asyncio.sleep(every_s)
    log.warning("the process that started this worker has ended; stopping")
    on_gone()


# The worker process this web process started (``serve`` on SQLite), to poke when urgent
# mail is waiting. Other web processes rely on the workers' short poll.
_worker_pid: int | None = None


def set_worker_pid(pid: int | None) -> None:
    global _worker_pid
    _worker_pid = pid


def poke_worker() -> None:
    """Ask this process's own worker process to look at its queues now. Only a hint."""
    if _worker_pid is not None:
        with contextlib.suppress(OSError):
            os.kill(_worker_pid, POKE_SIGNAL)
