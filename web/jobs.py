"""The durable job queue: work that must happen after the request, and must not be lost.

A job is a row written in the same transaction as the thing it is about. Workers lease
jobs (``web.leases``), run the handler for the job's kind (kinds come from
``Hooks.job_kinds``; a handler is also given the hooks), and mark it done. A job
that raises is retried with back-off; after ``max_attempts`` the kind's give-up handler
runs (for screening: mark the view for a person to read) and the job is marked failed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from web.leases import backoff_seconds, claim, utcnow
from web.models import Job, JobState

if TYPE_CHECKING:
    from web.hooks import Hooks

log = logging.getLogger("postbox.jobs")

Handler = Callable[[dict[str, Any], "Hooks"], Awaitable[None]]
# Runs many jobs of one kind at once (a model screens a batch far faster than one by one);
# returns, per payload in order, None for done or the exception that job failed with.
BatchHandler = Callable[[list[dict[str, Any]], "Hooks"], Awaitable[list[BaseException | None]]]
GiveUp = Callable[[dict[str, Any], str], Awaitable[None]]


@dataclass(frozen=True)
class JobKind:
    handler: Handler
    give_up: GiveUp | None = None
    batch_handler: BatchHandler | None = None
    max_attempts: int = 3
    lease_s: float = 120.0
    batch: int = 16


# Wakes an embedded worker as soon as a job is queued in this process; other processes
# poll. Only a hint: nothing is lost if it is missed.
_wakeup: asyncio.Event | None = None


def wakeup_event() -> asyncio.Event:
    global _wakeup
    if _wakeup is None:
        _wakeup = asyncio.Event()
    return _wakeup


async def _run_batch(spec: JobKind, jobs: list[Job], hooks: Hooks) -> None:
    assert spec.batch_handler is not None
    try:
        outcomes = await spec.batch_handler([job.payload for job in jobs], hooks)
    except Exception as exc:
        outcomes = [exc] * len(jobs)
    for job, outcome in zip(jobs, outcomes, strict=True):
        await _finish(spec, job, outcome)


async def _run(spec: JobKind, job: Job, hooks: Hooks) -> None:
    try:
        await spec.handler(job.payload, hooks)
    except Exception as exc:  # every failure is retried or handed to a person, never dropped
        await _finish(spec, job, exc)
        return
    await _finish(spec, job, None)


async def _finish(spec: JobKind, job: Job, error: BaseException | None) -> None:
    if error is None:
        job.state = JobState.DONE
        job.finished_at = utcnow()
        await job.save(update_fields=["state", "finished_at"])
        return
    message = "".join(traceback.format_exception_only(error)).strip()
    log.warning("job %s (%s) failed on attempt %s: %s", job.id, job.kind, job.attempts, type(error).__name__)
    if job.attempts >= spec.max_attempts:
        await _fail(job, message, spec.give_up)
        return
    job.run_after = utcnow() + timedelta(seconds=backoff_seconds(job.attempts, base=1.0))
    job.lease_until = None
    job.lease_owner = None
    job.last_error = message
    await job.save(update_fields=["run_after", "lease_until", "lease_owner", "last_error"])


async def _fail(job: Job, error: str, give_up: GiveUp | None) -> None:
    if give_up is not None:
        await give_up(job.payload, error)
    job.state = JobState.FAILED
    job.last_error = error
    job.finished_at = utcnow()
    await job.save(update_fields=["state", "last_error", "finished_at"])
    log.error("job %s (%s) gave up after %s attempts", job.id, job.kind, job.attempts)


@dataclass
class Worker:
    """Runs jobs until ``stop`` is set. One per process is plenty; several processes scale out."""

    hooks: Hooks
    poll_s: float = 1.0
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self) -> None:
        wake = wakeup_event()
        while not self.stop.is_set():
            wake.clear()
            try:
                claimed = await run_once(self.hooks)
            except Exception as exc:
                # The database may be down for a moment: keep trying. Type only, as in every
                # log here: a message could quote a child's words.
                log.error("job worker could not claim work: %s", type(exc).__name__)
                claimed = 0
            if claimed:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=self.poll_s)


async def run_once(hooks: Hooks) -> int:
    """Claim one batch of due jobs of any kind and run them; returns how many were claimed."""
    kinds = hooks.job_kinds
    spec_batch = max((k.batch for k in kinds.values()), default=16)
    lease = max((k.lease_s for k in kinds.values()), default=120.0)
    jobs = await claim(
        Job, due_field="run_after", pending_state=JobState.PENDING, limit=spec_batch, lease_s=lease
    )
    by_kind: dict[str, list[Job]] = {}
    for job in jobs:
        by_kind.setdefault(job.kind, []).append(job)
    for kind, batch in by_kind.items():
        spec = kinds.get(kind)
        if spec is None:
            for job in batch:
                await _fail(job, f"no handler for job kind {kind!r}", None)
        elif spec.batch_handler is not None:
            await _run_batch(spec, batch, hooks)
        else:
            for job in batch:
                await _run(spec, job, hooks)
    return len(jobs)


async def queue_stats() -> tuple[int, float | None]:
    """(pending jobs, age in seconds of the oldest pending job or None)."""
    depth = await Job.filter(state=JobState.PENDING).count()
    oldest = await Job.filter(state=JobState.PENDING).order_by("created_at").first()
    age = (utcnow() - oldest.created_at).total_seconds() if oldest else None
    return depth, age
