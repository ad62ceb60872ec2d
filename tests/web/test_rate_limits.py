"""Every route that takes a POST is rate-limited (#13 item 5): walks the app's own routes."""

from __future__ import annotations

import re

import httpx
from starlette.applications import Starlette
from starlette.routing import Route

from tests.helpers import csrf_token
from web.ratelimit import RateLimiter

_PARAM = re.compile(r"\{(\w+)(?::(\w+))?\}")


def _post_routes(app: Starlette) -> list[Route]:
    return [r for r in app.routes if isinstance(r, Route) and "POST" in (r.methods or set())]


def _concrete(path: str) -> str:
    return _PARAM.sub(lambda m: "1" if m.group(2) == "int" or m.group(1).endswith("_id") else "x", path)


def _tighten(app: Starlette) -> list[str]:
    """Every limiter the app keeps, down to one request a minute; their names."""
    names = [name for name, value in vars(app.state)["_state"].items() if isinstance(value, RateLimiter)]
    for name in names:
        setattr(app.state, name, RateLimiter(per_minute=1))
    return names


async def test_every_post_route_meets_a_rate_limit(app: Starlette) -> None:
    routes = _post_routes(app)
    assert {"postbox:easy_send", "postbox:send", "api:create_view", "accounts:accounts"} <= {
        r.name for r in routes
    }
    unlimited = []
    for route in routes:
        assert _tighten(app)
        path = _concrete(route.path)
        transport = httpx.ASGITransport(app=app, client=("198.51.100.7", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            statuses = [(await client.post(path, data={"text": "hello"})).status_code for _ in range(10)]
        assert statuses[0] != 429, (route.name, statuses)
        if 429 not in statuses:
            unlimited.append((route.name, statuses))
    assert not unlimited


async def test_easy_read_sends_count_like_sends(client: httpx.AsyncClient, app: Starlette) -> None:
    """The issue's case: 40 sends in a minute through /easy-read/send were all accepted."""
    app.state.limiter = RateLimiter(per_minute=3)
    statuses = []
    for n in range(5):
        token = await csrf_token(client, "/easy-read/send")
        answers = {"csrf_token": token, "step": "check", "text": f"More buses to town please {n}"}
        statuses.append((await client.post("/easy-read/send", data=answers)).status_code)
    assert statuses == [201, 201, 201, 429, 429]
