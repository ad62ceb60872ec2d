"""No IP address, user agent or other identifier of a child is stored or logged."""

from __future__ import annotations

import logging

import httpx
import pytest
from tortoise import Tortoise

from tests.helpers import send_view

CLIENT_ADDRESS = "203.0.113.7"  # the address the test client connects from (see conftest)
USER_AGENT = "SentinelBrowser/9.9 (child-device-4471)"


async def _database_text(database_url: str) -> str:
    conn = Tortoise.get_connection("default")
    if database_url.startswith("sqlite"):
        _, tables = await conn.execute_query("SELECT name FROM sqlite_master WHERE type = 'table'")
        names = [t["name"] for t in tables]
    else:
        _, tables = await conn.execute_query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        names = [t["tablename"] for t in tables]
    dump = []
    for name in names:
        _, rows = await conn.execute_query(f'SELECT * FROM "{name}"')
        dump.extend(str(dict(row)) for row in rows)
    return "\n".join(dump)


async def test_no_client_address_or_user_agent_in_logs_or_database(
    client: httpx.AsyncClient, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret_words = "my secret worry about my teacher"
    client.headers["User-Agent"] = USER_AGENT
    response = await send_view(client, secret_words)
    assert response.status_code == 201
    api = await client.post(
        "/api/v1/views", json={"text": secret_words}, headers={"X-Forwarded-For": "198.51.100.23"}
    )
    code = api.json()["receipt_code"]
    await client.get(f"/api/v1/views/{code}")

    # httpx logs what the test client asked for; only the server's own logs count here.
    server_records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    logged = "\n".join(r.getMessage() + str(getattr(r, "fields", "")) for r in server_records)
    assert "request" in logged  # the access log did run
    for identifier in (CLIENT_ADDRESS, "198.51.100.23", USER_AGENT, "child-device", code, secret_words):
        assert identifier not in logged
    stored = await _database_text(database_url)
    assert secret_words in stored  # the view itself is kept
    for identifier in (CLIENT_ADDRESS, "198.51.100.23", USER_AGENT, code):
        assert identifier not in stored


async def test_access_log_names_the_route_not_the_receipt_code(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="postbox.access")
    await client.get("/api/v1/views/tulip-oven-kite-mango-cub-482")
    routes = [r.fields["route"] for r in caplog.records if r.name == "postbox.access"]
    assert routes == ["/api/v1/views/{receipt_code}"]  # the whole pattern, mount prefix included


async def test_a_view_s_time_is_kept_only_to_the_minute(client) -> None:
    """Issue #13 item 10: a time to the microsecond could be matched with a proxy's log."""
    from postbox.models import View

    for text in ("More buses to school please", "A skate park near the library"):
        assert (await client.post("/api/v1/views", json={"text": text})).status_code == 201
    for view in await View.all():
        assert view.created_at.second == 0 and view.created_at.microsecond == 0
