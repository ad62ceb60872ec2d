"""Forwarded headers are believed only from the proxies named in a setting (#13 item 4)."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

import settings
from tests import live
from web.ratelimit import RateLimiter


def _from(app: Starlette, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def _statuses(client: httpx.AsyncClient, forwarded: list[str]) -> list[int]:
    return [
        (await client.get("/api/v1/views/no-such-code-1", headers={"X-Forwarded-For": f})).status_code
        for f in forwarded
    ]


async def test_by_default_a_client_s_own_x_forwarded_for_changes_nothing(app: Starlette) -> None:
    app.state.check_limiter = RateLimiter(per_minute=2)
    async with _from(app, "127.0.0.1") as client:
        assert await _statuses(client, ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) == [404, 404, 429]


async def test_behind_a_trusted_proxy_each_client_has_its_own_bucket(
    app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "TRUSTED_PROXIES", ["127.0.0.1", "10.0.0.0/8"])
    app.state.check_limiter = RateLimiter(per_minute=2)
    async with _from(app, "127.0.0.1") as proxy:
        assert await _statuses(proxy, ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) == [404, 404, 404]
        # What a client wrote on the left does not help it: the nearest untrusted hop counts.
        forged = ["203.0.113.1, 198.51.100.9", "203.0.113.2, 198.51.100.9, 10.1.2.3", "198.51.100.9"]
        assert await _statuses(proxy, forged) == [404, 404, 429]
    async with _from(app, "198.51.100.50") as direct:  # not a proxy: its header is ignored
        assert await _statuses(direct, ["1.1.1.1", "1.1.1.2", "1.1.1.3"]) == [404, 404, 429]


def test_serve_does_not_trust_forwarded_headers_from_this_machine(tmp_path: Path) -> None:
    """The real server: uvicorn's own default would believe 127.0.0.1's X-Forwarded-For."""
    server, base = live.serve(tmp_path, POSTBOX_RATE_LIMIT="30", POSTBOX_CHECK_RATE_LIMIT="2")
    statuses = []
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=30) as health:
            assert health.headers.get("server") is None  # no "server: uvicorn"
        for n in range(3):
            request = urllib.request.Request(
                f"{base}/api/v1/views/no-such-code-1", headers={"X-Forwarded-For": f"198.51.100.{n}"}
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as exc:
                statuses.append(exc.code)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses == [404, 404, 429]
