from __future__ import annotations

import re

import httpx
import pytest

from accounts.roles import Role
from postbox.models import View
from tests.helpers import csrf_token, receipt_code, send_view
from tests.staff import StaffClientFactory

CHILD_PAGES = ["/", "/send", "/check", "/help"]


@pytest.mark.parametrize("path", CHILD_PAGES)
async def test_child_pages_have_quick_exit_and_security_headers(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert "data-quick-exit" in response.text and "Leave this site quickly" in response.text
    csp = response.headers["content-security-policy"]
    assert csp.startswith("default-src 'none'") and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "set-cookie" not in response.headers


async def test_error_pages_carry_security_headers_too(client: httpx.AsyncClient) -> None:
    response = await client.get("/no-such-page")
    assert response.status_code == 404
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


async def test_send_then_check_round_trip(client: httpx.AsyncClient) -> None:
    response = await send_view(
        client, "We need more youth clubs in our town.", theme="Youth Work", age_band="12-15"
    )
    assert response.status_code == 201
    code = receipt_code(response.text)
    view = await View.get()
    assert view.text == "We need more youth clubs in our town." and view.theme == "Youth Work"
    assert code not in view.receipt_digest

    token = await csrf_token(client, "/check")
    typed = "  " + code.upper().replace("-", " ") + " "
    checked = await client.post("/check", data={"csrf_token": token, "code": typed})
    assert checked.status_code == 200
    assert "We got your message." in checked.text


async def test_check_with_an_unknown_code_says_so_kindly(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client, "/check")
    response = await client.post(
        "/check", data={"csrf_token": token, "code": "acorn-acorn-acorn-acorn-acorn-123"}
    )
    assert response.status_code == 404
    assert "We could not find that code" in response.text


async def test_send_without_csrf_token_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/send", data={"text": "hello"})
    assert response.status_code == 403
    assert await View.all().count() == 0


async def test_send_with_forged_csrf_token_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/send", data={"text": "hello", "csrf_token": "made.up.token"})
    assert response.status_code == 403


async def test_send_from_another_site_is_refused_even_with_a_token(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client, "/send")
    response = await client.post(
        "/send", data={"csrf_token": token, "text": "hello"}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    cross = await client.post(
        "/send", data={"csrf_token": token, "text": "hi"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert cross.status_code == 403


async def test_check_without_csrf_token_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/check", data={"code": "a-b-c-d-e-123"})
    assert response.status_code == 403


async def test_empty_view_is_refused_with_a_friendly_message(client: httpx.AsyncClient) -> None:
    response = await send_view(client, "   ")
    assert response.status_code == 422
    assert "Please write something" in response.text
    assert 'aria-invalid="true"' in response.text


async def test_too_long_view_keeps_what_the_child_wrote(client: httpx.AsyncClient) -> None:
    text = "word " * 1100
    response = await send_view(client, text)
    assert response.status_code == 422
    assert "too long" in response.text
    assert "word word word" in response.text


async def test_unknown_form_field_is_refused(client: httpx.AsyncClient) -> None:
    response = await send_view(client, "hello", surname="Smith")
    assert response.status_code == 422


async def test_form_with_wrong_content_type_gets_415(client: httpx.AsyncClient) -> None:
    response = await client.post("/send", content=b"text=hi", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


async def test_form_with_bad_utf8_gets_400(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client, "/send")
    body = f"csrf_token={token}&text=%C3%28".encode()
    response = await client.post(
        "/send", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 400


async def test_markup_in_a_view_is_stored_as_text_and_rendered_escaped(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    # Tags are stripped; written-out entities come back as the characters the child meant.
    written = "<b>bold</b> &lt;script&gt;alert('x')&lt;/script&gt; I <3 school & PE"
    response = await send_view(client, written)
    assert response.status_code == 201
    view = await View.get()
    assert view.text == "bold <script>alert('x')</script> I <3 school & PE"
    # What a moderator's browser receives shows those characters as text, never as markup.
    moderator, _ = await staff_client(Role.MODERATOR)
    page = await moderator.get(f"/staff/moderation/{view.id}")
    assert page.status_code == 200
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text
    assert "I &lt;3 school &amp; PE" in page.text
    assert "<script>alert" not in page.text and "<b>bold" not in page.text


async def test_check_is_throttled_against_guessing(client: httpx.AsyncClient, app) -> None:
    from web.ratelimit import RateLimiter

    app.state.check_limiter = RateLimiter(per_minute=3)
    token = await csrf_token(client, "/check")
    statuses = [
        (await client.post("/check", data={"csrf_token": token, "code": f"a-b-c-d-e-{n:03d}"})).status_code
        for n in range(5)
    ]
    assert statuses[:3] == [404, 404, 404]
    assert statuses[3:] == [429, 429]


async def test_sending_is_rate_limited_per_client(client: httpx.AsyncClient, app) -> None:
    from web.ratelimit import RateLimiter

    app.state.limiter = RateLimiter(per_minute=2)
    statuses = [(await send_view(client, f"view {n}")).status_code for n in range(3)]
    assert statuses == [201, 201, 429]
    assert await View.all().count() == 2


async def test_a_resent_form_stores_nothing_and_shows_the_same_receipt(client: httpx.AsyncClient) -> None:
    page = (await client.get("/send")).text
    form_token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    token = await csrf_token(client, "/send")
    data = {"csrf_token": token, "form_token": form_token, "text": "More swings in the park, please."}
    first, again = await client.post("/send", data=data), await client.post("/send", data=data)
    assert first.status_code == again.status_code == 201
    assert receipt_code(first.text) == receipt_code(again.text)
    assert await View.all().count() == 1
    view = await View.get()
    assert form_token not in (view.form_token_digest or "")
    assert receipt_code(first.text) not in (view.receipt_sealed or "")
    other = (await client.get("/send")).text
    assert re.search(r'name="form_token" value="([^"]+)"', other).group(1) != form_token


async def test_a_saved_code_file_holds_the_code(client: httpx.AsyncClient) -> None:
    code = receipt_code((await send_view(client, "Our bus is always late.")).text)
    token = await csrf_token(client, "/send")
    saved = await client.post("/my-code.txt", data={"csrf_token": token, "code": code})
    assert saved.status_code == 200 and code in saved.text
    assert saved.headers["content-disposition"].startswith("attachment")
    bad = await client.post("/my-code.txt", data={"csrf_token": token, "code": "<script>"})
    assert bad.status_code == 400
