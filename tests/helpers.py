"""Small helpers the tests share."""

from __future__ import annotations

import re

import httpx

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
_CODE = re.compile(r'id="receipt-code">(.*?)</p>', re.S)


async def csrf_token(client: httpx.AsyncClient, path: str) -> str:
    page = await client.get(path)
    match = _TOKEN.search(page.text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


async def send_view(client: httpx.AsyncClient, text: str, **fields: str) -> httpx.Response:
    token = await csrf_token(client, "/send")
    return await client.post("/send", data={"csrf_token": token, "text": text, **fields})


def receipt_code(page: str) -> str:
    match = _CODE.search(page)
    assert match, "no receipt code on the page"
    code = re.sub(r"<[^>]+>", "", match.group(1)).strip()  # each word is in its own span
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+-\d{3}", code), code
    return code
