"""A corpus of XSS payloads sent through the post-box stays inert wherever it is shown."""

from __future__ import annotations

import httpx
import pytest
from markupsafe import escape

from postbox.models import View
from tests.helpers import csrf_token

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "<iframe src=javascript:alert(1)>",
    "'';!--\"<XSS>=&{()}",
    '<a href="javascript&colon;alert(1)">click</a>',
    "{{7*7}}{% raw %}",
    "</textarea><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
async def test_payload_is_escaped_when_the_form_is_shown_again(
    client: httpx.AsyncClient, payload: str
) -> None:
    token = await csrf_token(client, "/send")
    page = await client.post("/send", data={"csrf_token": token, "text": payload, "theme": "not a theme"})
    assert page.status_code == 422
    body = page.text
    # Each payload's markup must arrive as text: its tags never appear unescaped.
    for tag in (
        "<script>alert",
        "<img src=x",
        "<svg/onload",
        "<iframe",
        "<XSS>",
        "<math>",
        "</textarea><script",
    ):
        assert tag not in body
    assert str(escape(payload))[:20] in body


@pytest.mark.parametrize("payload", PAYLOADS)
async def test_payload_is_stored_as_plain_text(client: httpx.AsyncClient, payload: str) -> None:
    response = await client.post("/api/v1/views", json={"text": payload + " please fix our park"})
    assert response.status_code == 201
    stored = (await View.all().order_by("-id").first()).text
    assert (
        "<script" not in stored and "<img" not in stored and "<svg" not in stored and "<iframe" not in stored
    )
    assert response.headers["content-type"].startswith("application/json")
