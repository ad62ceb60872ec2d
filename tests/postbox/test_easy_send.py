from __future__ import annotations

import re

import httpx

from postbox.models import View
from tests.helpers import csrf_token, receipt_code


def _step(page: str) -> str:
    match = re.search(r'name="step" value="([a-z]+)"', page)
    assert match
    return match.group(1)


async def test_easy_read_post_box_one_question_per_screen(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client, "/easy-read/send")
    answers = {
        "csrf_token": token,
        "text": "I want a park with swings near my house.",
        "theme": "",
        "age_band": "",
    }
    page = await client.post("/easy-read/send", data={**answers, "step": "text"})
    assert _step(page.text) == "topic" and "What is it about?" in page.text
    page = await client.post("/easy-read/send", data={**answers, "step": "topic", "theme": "Community"})
    assert _step(page.text) == "age"
    page = await client.post(
        "/easy-read/send", data={**answers, "step": "age", "theme": "Community", "age_band": "8-11"}
    )
    assert _step(page.text) == "check" and "Where I live" in page.text and "8 to 11" in page.text
    assert await View.all().count() == 0  # nothing is kept until the child presses Send
    sent = await client.post(
        "/easy-read/send", data={**answers, "step": "check", "theme": "Community", "age_band": "8-11"}
    )
    assert sent.status_code == 201
    receipt_code(sent.text)
    view = await View.get()
    assert (view.text, view.theme, view.age_band) == (
        "I want a park with swings near my house.",
        "Community",
        "8-11",
    )


async def test_easy_read_post_box_back_keeps_the_answers(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client, "/easy-read/send")
    data = {"csrf_token": token, "step": "age", "text": "More clubs", "theme": "Youth Work", "back": "1"}
    page = await client.post("/easy-read/send", data=data)
    assert _step(page.text) == "topic"
    assert 'value="More clubs"' in page.text


async def test_easy_read_post_box_asks_for_words_first(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client, "/easy-read/send")
    page = await client.post("/easy-read/send", data={"csrf_token": token, "step": "text", "text": "  "})
    assert page.status_code == 422 and "Please write something first." in page.text


async def test_easy_read_post_box_needs_csrf(client: httpx.AsyncClient) -> None:
    page = await client.post("/easy-read/send", data={"step": "check", "text": "hello"})
    assert page.status_code == 403
