"""The group-commit writer: one child's bad request never costs another child their view."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from starlette.applications import Starlette

from postbox.intake import Intake, NewView
from postbox.models import View
from tests.helpers import csrf_token
from web.models import Job

POISON = [
    '{"text": "\\ud800 lone high surrogate"}',
    '{"text": "ok \\udfff lone low surrogate"}',
    '{"text": "hi", "theme": "\\ud83d"}',
    '{"text": "null \\u0000 inside"}',
]


@pytest.mark.parametrize("body", POISON)
async def test_text_that_cannot_be_stored_is_refused_with_a_4xx(client: httpx.AsyncClient, body: str) -> None:
    response = await client.post(
        "/api/v1/views", content=body.encode(), headers={"Content-Type": "application/json"}
    )
    assert 400 <= response.status_code < 500, response.status_code
    assert response.json()["error"]


async def test_poisoned_requests_sent_alongside_cost_no_good_view(client: httpx.AsyncClient) -> None:
    good = [f"we need more bus routes to school number {i}" for i in range(60)]
    token = await csrf_token(client, "/send")

    async def api(text: str) -> httpx.Response:
        return await client.post("/api/v1/views", json={"text": text})

    async def form(text: str) -> httpx.Response:
        return await client.post("/send", data={"csrf_token": token, "text": text})

    async def poison(body: str) -> httpx.Response:
        return await client.post(
            "/api/v1/views", content=body.encode(), headers={"Content-Type": "application/json"}
        )

    kinds = ["poison" if i % 6 == 0 else "good" for i in range(len(good))]
    calls = [
        poison(POISON[i % len(POISON)]) if kind == "poison" else api(text) if i % 2 else form(text)
        for i, (text, kind) in enumerate(zip(good, kinds, strict=True))
    ]
    responses = await asyncio.gather(*calls)

    sent = [r for r, k in zip(responses, kinds, strict=True) if k == "good"]
    assert [r.status_code for r in sent] == [201] * len(sent)
    stored = set(await View.all().values_list("text", flat=True))
    expected = {t for t, k in zip(good, kinds, strict=True) if k == "good"}
    assert expected <= stored
    assert all(400 <= r.status_code < 500 for r, k in zip(responses, kinds, strict=True) if k == "poison")


async def test_a_batch_that_fails_is_written_view_by_view(app: Starlette) -> None:
    """If a view the checks missed still breaks the batch, only that one fails."""
    intake: Intake = app.state.intake
    good = [NewView(receipt_digest=f"digest-good-{i}", text=f"good view {i}") for i in range(5)]
    # A digest longer than the column is refused by PostgreSQL; a duplicate digest by both.
    bad = NewView(receipt_digest="digest-good-0", text="duplicate digest breaks the batch")
    results = await asyncio.gather(*(intake.submit(v) for v in [*good, bad]), return_exceptions=True)
    assert results[:5] == [None] * 5
    assert isinstance(results[5], Exception)
    assert await View.filter(text__startswith="good view").count() == 5
    assert await Job.all().count() == 5
