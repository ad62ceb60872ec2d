"""No page that may show a receipt code, a status, a reply or a contact form is kept by
the browser or a proxy: ``Cache-Control: no-store`` everywhere but the public updates
and static files (#13 item 9). Walks the app's own GET routes."""

from __future__ import annotations

import re

import httpx
from starlette.applications import Starlette
from starlette.routing import Route

from tests.helpers import csrf_token, receipt_code, send_view

_PARAM = re.compile(r"\{(\w+)(?::(\w+))?\}")
# Public "you said, we did" pages and feeds: no child's data, cached on purpose.
_PUBLIC = "public:"


async def test_every_get_route_says_no_store(app: Starlette, client: httpx.AsyncClient) -> None:
    checked = []
    for route in app.routes:
        if not isinstance(route, Route) or "GET" not in (route.methods or set()):
            continue
        path = _PARAM.sub(lambda m: "1" if m.group(2) == "int" else "x", route.path)
        response = await client.get(path)
        cache = response.headers.get("cache-control", "")
        if route.name and route.name.startswith(_PUBLIC) and response.status_code == 200:
            assert "no-store" not in cache and "public" in cache, route.name
        else:
            assert cache == "no-store", (route.name, response.status_code, cache)
        checked.append(route.name)
    assert {"postbox:send", "postbox:check", "postbox:easy_send", "api:view_status"} <= set(checked)
    static = await client.get("/static/css/" + "site.css")
    assert static.status_code == 200
    assert "no-store" not in static.headers.get("cache-control", "")


async def test_pages_showing_a_code_status_or_reply_say_no_store(client: httpx.AsyncClient) -> None:
    thanks = await send_view(client, "We want a skate park near the library")
    assert thanks.status_code == 201 and thanks.headers["cache-control"] == "no-store"
    code = receipt_code(thanks.text)

    token = await csrf_token(client, "/check")
    status = await client.post("/check", data={"csrf_token": token, "code": code})
    assert status.status_code == 200 and status.headers["cache-control"] == "no-store"

    api = await client.get(f"/api/v1/views/{code}")
    assert api.status_code == 200 and api.headers["cache-control"] == "no-store"

    token = await csrf_token(client, "/easy-read/send")
    easy = await client.post(
        "/easy-read/send", data={"csrf_token": token, "step": "check", "text": "More buses please"}
    )
    assert easy.status_code == 201 and easy.headers["cache-control"] == "no-store"

    contact = await client.get("/contact-me")
    assert contact.headers["cache-control"] == "no-store"
