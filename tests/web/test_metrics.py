from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette


@pytest.fixture
async def local_client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_metrics_are_served_to_this_machine(local_client: httpx.AsyncClient) -> None:
    await local_client.post("/api/v1/views", json={"text": "More trees in the park"})
    response = await local_client.get("/metrics")
    assert response.status_code == 200
    assert "postbox_queue_depth 1.0" in response.text
    assert 'postbox_views{level="none"} 1.0' in response.text
    assert "postbox_outbox_pending 0.0" in response.text


async def test_metrics_are_refused_to_the_internet(client: httpx.AsyncClient, local_client) -> None:
    assert (await client.get("/metrics")).status_code == 403
    proxied = await local_client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert proxied.status_code == 403


async def test_metrics_count_open_and_overdue_cases_and_staff_may_read_them(
    client: httpx.AsyncClient, staff_client
) -> None:
    from datetime import timedelta

    from accounts.roles import Role
    from moderation.models import Case
    from screening.types import Level
    from tests.moderation.test_escalation import make_view
    from web.leases import utcnow

    await make_view(client, "he hits me", Level.HIGH, category="abuse")
    late = await make_view(client, "i want to kms", Level.URGENT)
    await Case.filter(view_id=late.id).update(due_at=utcnow() - timedelta(minutes=1))
    moderator, _ = await staff_client(Role.MODERATOR)
    response = await moderator.get("/metrics")
    assert response.status_code == 200
    assert "postbox_cases_open 2.0" in response.text
    assert "postbox_cases_overdue 1.0" in response.text
    assert "postbox_cases_urgent_open 1.0" in response.text
    assert "postbox_reviews_open 2.0" in response.text
