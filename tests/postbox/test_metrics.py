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
