"""Plain words everywhere a child looks: the reading age of every child-facing page, printed,
and kept at or below 9 years."""

from __future__ import annotations

import re

import httpx
import pytest

from easy_read.readability import reading_age, visible_text
from tests.helpers import csrf_token, receipt_code, send_view

MAX_READING_AGE = 9.0


def _main(page: str) -> str:
    """The page's own words: what is inside <main>, as a child reads it. The long lists of
    choices (153 council names) are left out: a list of names is looked up, not read."""
    match = re.search(r"<main[^>]*>(.*)</main>", page, re.S)
    assert match, "no <main> on the page"
    return re.sub(r"<select\b.*?</select>", " ", match.group(1), flags=re.S)


async def _pages(client: httpx.AsyncClient) -> dict[str, str]:
    pages = {path: (await client.get(path)).text for path in ("/", "/send", "/check", "/help")}
    pages["/send (thank you)"] = (await send_view(client, "We need more buses in the evening.")).text
    pages["/send (help shown)"] = (await send_view(client, "i want to kms")).text
    pages["/send (error)"] = (await send_view(client, "  ")).text
    token = await csrf_token(client, "/check")
    pages["/check (not found)"] = (
        await client.post("/check", data={"csrf_token": token, "code": "acorn-acorn-acorn-acorn-acorn-123"})
    ).text
    pages["404"] = (await client.get("/no-such-page")).text
    pages["/easy-read/send"] = (await client.get("/easy-read/send")).text
    pages["/contact-me"] = (await client.get("/contact-me")).text
    code = receipt_code(pages["/send (help shown)"])
    token = await csrf_token(client, "/contact-me")
    pages["/contact-me (done)"] = (
        await client.post(
            "/contact-me", data={"csrf_token": token, "code": code, "way": "phone", "details": "0"}
        )
    ).text
    from boards.demo import load_demo
    from tests.staff import LINKS

    await load_demo(LINKS)  # the demo's published updates, as the office would write them
    listing = (await client.get("/you-said-we-did")).text
    pages["/you-said-we-did"] = listing
    slug = re.search(r'href="/you-said-we-did/([a-z0-9-]+)"', listing).group(1)
    pages["/you-said-we-did/{slug}"] = (await client.get(f"/you-said-we-did/{slug}")).text
    pages["/you-said-we-did/{slug}/easy-read"] = (await client.get(f"/you-said-we-did/{slug}/easy-read")).text
    return pages


async def test_every_child_page_reads_at_nine_or_younger(client: httpx.AsyncClient) -> None:
    ages = {name: reading_age(visible_text(_main(page))) for name, page in (await _pages(client)).items()}
    print("\nreading age by page (Flesch–Kincaid grade + 5):")
    for name, age in sorted(ages.items(), key=lambda item: -item[1]):
        print(f"  {age:5.1f}  {name}")
    too_hard = {name: round(age, 1) for name, age in ages.items() if age > MAX_READING_AGE}
    assert not too_hard, f"pages above reading age {MAX_READING_AGE}: {too_hard}"


@pytest.mark.parametrize("text", ["The government should implement comprehensive legislative reform."])
def test_the_measure_can_tell_hard_words(text: str) -> None:
    assert reading_age(text) > MAX_READING_AGE
