"""When the database cannot be reached, children get a kind 503 page, and it recovers."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from postbox.models import View
from tests.helpers import csrf_token


async def test_locked_database_gives_503_then_recovers(client: httpx.AsyncClient, database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("simulated by holding SQLite's write lock")
    blocker = sqlite3.connect(database_url.removeprefix("sqlite://"), timeout=1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        api = await client.post("/api/v1/views", json={"text": "Please build a skate park"})
        assert api.status_code == 503
        assert api.headers["retry-after"] == "30" and "try again" in api.json()["error"]
        token = await csrf_token(client, "/send")
        page = await client.post("/send", data={"csrf_token": token, "text": "Please build a skate park"})
        assert page.status_code == 503
        assert "try again in a few minutes" in page.text
        assert "Please build a skate park</textarea>" in page.text  # the child's words are kept
    finally:
        blocker.rollback()
        blocker.close()
    recovered = await client.post("/api/v1/views", json={"text": "Please build a skate park"})
    assert recovered.status_code == 201
    assert await View.all().count() == 1
