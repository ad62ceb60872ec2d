"""Static files under content-hashed names, cached for a year; public responses compressed."""

from __future__ import annotations

import re

import httpx


async def test_pages_link_static_files_by_content_hash_cached_for_a_year(client: httpx.AsyncClient) -> None:
    page = (await client.get("/")).text
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{10}\.css)"', page)
    js = re.search(r'src="(/static/js/site\.[0-9a-f]{10}\.js)"', page)
    assert css and js, page[:800]
    hashed = await client.get(css.group(1))
    assert hashed.status_code == 200 and "text/css" in hashed.headers["content-type"]
    assert hashed.headers["cache-control"] == "public, max-age=31536000, immutable"
    plain = await client.get("/static/css/site.css")
    assert plain.status_code == 200 and plain.headers["cache-control"] == "no-cache"
    stale = await client.get("/static/css/site.0000000000.css")  # an older release's name
    assert stale.status_code == 200 and stale.headers["cache-control"] == "no-cache"
    assert (await client.get("/static/css/nothing.0123456789.css")).status_code == 404


async def test_public_responses_are_compressed_staff_pages_are_not(client: httpx.AsyncClient) -> None:
    raw = await client.get("/help", headers={"Accept-Encoding": "gzip"})
    assert raw.headers.get("content-encoding") == "gzip"
    assert "Childline" in raw.text  # httpx decodes it
    css = await client.get("/static/css/site.css", headers={"Accept-Encoding": "gzip"})
    assert css.headers.get("content-encoding") == "gzip"
    staff = await client.get("/staff/sign-in", headers={"Accept-Encoding": "gzip"})
    assert staff.status_code == 200 and "content-encoding" not in staff.headers
