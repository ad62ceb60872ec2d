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


async def test_metrics_are_served_with_the_token(
    local_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from starlette.datastructures import Secret

    import settings

    monkeypatch.setattr(settings, "METRICS_TOKEN", Secret("scrape-me-0123456789"))
    await local_client.post("/api/v1/views", json={"text": "More trees in the park"})
    assert (await local_client.get("/metrics", headers={"Authorization": "Bearer wrong"})).status_code == 404
    response = await local_client.get("/metrics", headers={"Authorization": "Bearer scrape-me-0123456789"})
    assert response.status_code == 200
    assert "postbox_queue_depth 1.0" in response.text
    assert 'postbox_views{level="none"} 1.0' in response.text
    assert "postbox_outbox_pending 0.0" in response.text


async def test_metrics_are_not_there_for_anyone_else(
    client: httpx.AsyncClient, local_client, staff_client
) -> None:
    """Issue #13 item 4: not even this machine (a proxy on it speaks for everyone)."""
    from accounts.roles import Role

    assert (await client.get("/metrics")).status_code == 404
    assert (await local_client.get("/metrics")).status_code == 404
    moderator, _ = await staff_client(Role.MODERATOR)
    assert (await moderator.get("/metrics")).status_code == 404


async def test_metrics_count_open_and_overdue_cases_and_admins_may_read_them(
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
    admin, _ = await staff_client(Role.ADMIN)
    response = await admin.get("/metrics")
    assert response.status_code == 200
    assert "postbox_cases_open 2.0" in response.text
    assert "postbox_cases_overdue 1.0" in response.text
    assert "postbox_cases_urgent_open 1.0" in response.text
    assert "postbox_reviews_open 2.0" in response.text
