from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from moderation import services as moderation
from postbox.models import View, ViewStatus
from web import jobs
from web.hooks import Hooks
from web.leases import claim, utcnow
from web.models import Job, JobState


async def _always_fails(payload: dict[str, Any], hooks: Hooks) -> None:
    raise RuntimeError("model exploded")


async def _make_due() -> None:
    await Job.filter(state=JobState.PENDING).update(run_after=utcnow() - timedelta(seconds=1))


async def test_a_view_is_queued_for_screening_in_the_same_transaction(client: httpx.AsyncClient) -> None:
    await client.post("/api/v1/views", json={"text": "Our park needs swings"})
    view = await View.get()
    job = await Job.get()
    assert (
        job.kind == "screen"
        and job.payload == {"view_digest": view.receipt_digest}
        and job.state == JobState.PENDING
    )


async def test_screening_that_keeps_failing_sends_the_view_to_a_person(client: httpx.AsyncClient) -> None:
    await client.post("/api/v1/views", json={"text": "I like my school"})
    kind = jobs.JobKind(handler=_always_fails, give_up=moderation.screen_gave_up, max_attempts=3)
    hooks = Hooks(job_kinds={"screen": kind})
    for _ in range(3):
        assert await jobs.run_once(hooks) == 1
        await _make_due()
    job = await Job.get()
    view = await View.get()
    assert job.state == JobState.FAILED and job.attempts == 3 and "model exploded" in (job.last_error or "")
    assert view.needs_human is True and view.status == ViewStatus.BEING_READ and view.released is False


async def test_a_failed_attempt_is_retried_later_not_at_once(client: httpx.AsyncClient) -> None:
    await client.post("/api/v1/views", json={"text": "I like my school"})
    hooks = Hooks(job_kinds={"screen": jobs.JobKind(handler=_always_fails, max_attempts=3)})
    assert await jobs.run_once(hooks) == 1
    assert await jobs.run_once(hooks) == 0  # backing off
    job = await Job.get()
    assert job.state == JobState.PENDING and job.run_after > utcnow()


async def test_a_job_whose_worker_died_is_claimed_again_after_its_lease(client: httpx.AsyncClient) -> None:
    await client.post("/api/v1/views", json={"text": "I like my school"})
    first = await claim(Job, due_field="run_after", pending_state=JobState.PENDING, limit=5, lease_s=60)
    assert len(first) == 1
    # The worker dies here. While the lease runs, nobody else takes the job…
    assert await claim(Job, due_field="run_after", pending_state=JobState.PENDING, limit=5, lease_s=60) == []
    await Job.filter(id=first[0].id).update(lease_until=utcnow() - timedelta(seconds=1))
    # …and once it has run out, another worker does.
    again = await claim(Job, due_field="run_after", pending_state=JobState.PENDING, limit=5, lease_s=60)
    assert [j.id for j in again] == [first[0].id] and again[0].attempts == 2


async def test_healthz_reports_queue_and_outbox(client: httpx.AsyncClient) -> None:
    await client.post("/api/v1/views", json={"text": "More trees"})
    body = (await client.get("/healthz")).json()
    assert body["database"] == "ok"
    assert body["queue_depth"] == 1 and body["oldest_job_age_s"] >= 0
    assert body["outbox_pending"] == 0
    assert isinstance(body["screening"], dict) and body["screening"]
