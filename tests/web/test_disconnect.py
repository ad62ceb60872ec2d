"""A client that disconnects mid-request is not a server error in the logs (#13 item 10)."""

from __future__ import annotations

import logging

import pytest
from starlette.applications import Starlette


async def test_a_client_that_goes_away_is_logged_as_499_not_500(
    app: Starlette, caplog: pytest.LogCaptureFixture
) -> None:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/send",
        "raw_path": b"/send",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/x-www-form-urlencoded")],
        "client": ("203.0.113.7", 5000),
        "server": ("testserver", 80),
        "state": {},
        "app": app,
    }
    with caplog.at_level(logging.INFO):
        await app(scope, receive, send)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not any(m.get("status") == 500 for m in sent)
    [entry] = [r for r in caplog.records if r.name == "postbox.access"]
    assert entry.fields["status"] == 499  # type: ignore[attr-defined]
