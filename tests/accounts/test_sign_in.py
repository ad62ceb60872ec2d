"""Signing in with a password and a TOTP code; lockout, replay, fixation, idle, sign-out."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from starlette.applications import Starlette

import settings
from accounts.models import AuditEntry, StaffSession, StaffUser
from accounts.roles import Role
from accounts.services import digest, now
from tests.helpers import csrf_token
from tests.staff import make_staff, sign_in

COOKIE = "postbox_staff"


async def _password(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    token = await csrf_token(client, "/staff/sign-in")
    return await client.post(
        "/staff/sign-in", data={"csrf_token": token, "email": email, "password": password}
    )


async def test_password_then_code_signs_in_with_a_strict_http_only_cookie(client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.MODERATOR)
    assert (await client.get("/staff")).status_code == 303

    response = await sign_in(client, account)

    assert response.status_code == 303 and response.headers["location"] == "/staff"
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith(COOKIE + "="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    home = await client.get("/staff")
    assert home.status_code == 200 and account.email in home.text
    assert home.headers["cache-control"] == "no-store"
    assert await AuditEntry.filter(action="signed_in", actor=account.email).count() == 1


async def test_a_password_alone_is_not_enough(client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.ADMIN)
    response = await _password(client, account.email, account.password)
    assert response.status_code == 303 and response.headers["location"].startswith("/staff/sign-in/code")
    assert COOKIE not in client.cookies
    assert (await client.get("/staff/accounts")).status_code == 303


async def test_wrong_password_and_unknown_email_get_the_same_answer(client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.EDITOR)
    wrong = await _password(client, account.email, "not the password")
    unknown = await _password(client, "nobody@example.org", "whatever it is")
    assert wrong.status_code == unknown.status_code == 400
    assert "That e-mail, password or code is not right." in wrong.text
    assert "That e-mail, password or code is not right." in unknown.text


async def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
    client: httpx.AsyncClient,
) -> None:
    account = await make_staff(Role.MODERATOR)
    for _ in range(settings.LOCKOUT_FAILURES):
        assert (await _password(client, account.email, "guess guess guess")).status_code == 400
    locked = await _password(client, account.email, account.password)
    assert locked.status_code == 400 and "locked" in locked.text
    assert await AuditEntry.filter(action="account.locked", object_id=str(account.id)).exists()

    user = await StaffUser.get(id=account.id)
    user.locked_until = now() - timedelta(seconds=1)
    await user.save()
    assert (await sign_in(client, account)).status_code == 303


async def test_wrong_codes_count_towards_the_lock_too(client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.HELP_AT_HAND)
    for _ in range(settings.LOCKOUT_FAILURES):
        await _password(client, account.email, account.password)
        token = await csrf_token(client, "/staff/sign-in/code")
        response = await client.post("/staff/sign-in/code", data={"csrf_token": token, "code": "000000"})
        assert response.status_code == 400
    user = await StaffUser.get(id=account.id)
    assert user.locked_until is not None and user.locked_until > now()


async def test_a_code_works_only_once(app: Starlette, client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.MODERATOR)
    assert (await sign_in(client, account)).status_code == 303
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as other:
        replay = await sign_in(other, account)
    assert replay.status_code == 400


async def test_sign_in_makes_a_new_session_id_whatever_the_browser_brought(client: httpx.AsyncClient) -> None:
    """Session fixation: an id planted before sign-in is never the one that gets signed in."""
    account = await make_staff(Role.ADMIN)
    planted = "planted-by-an-attacker-0123456789"
    client.cookies.set(COOKIE, planted, domain="testserver.local")
    response = await sign_in(client, account)
    issued = response.cookies.get(COOKIE)
    assert issued and issued != planted
    assert [c.value for c in client.cookies.jar if c.name == COOKIE] == [issued]
    assert not await StaffSession.filter(digest=digest(planted)).exists()
    assert (await client.get("/staff")).status_code == 200


async def test_an_idle_session_ends(client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.MODERATOR)
    await sign_in(client, account)
    await StaffSession.filter(user_id=account.id).update(
        last_seen_at=now() - timedelta(minutes=settings.SESSION_IDLE_MINUTES + 1)
    )
    response = await client.get("/staff")
    assert response.status_code == 303 and response.headers["location"].startswith("/staff/sign-in")
    assert not await StaffSession.filter(user_id=account.id).exists()


async def test_sign_out_everywhere_ends_every_session(app: Starlette, client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.EDITOR)
    await sign_in(client, account)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as phone:
        token = await csrf_token(client, "/staff")
        await StaffUser.filter(id=account.id).update(totp_last_step=0)
        await sign_in(phone, account)
        assert (await phone.get("/staff")).status_code == 200
        response = await client.post("/staff/sign-out", data={"csrf_token": token, "everywhere": "yes"})
        assert response.status_code == 303
        assert (await phone.get("/staff")).status_code == 303
    assert (await client.get("/staff")).status_code == 303


async def test_staff_forms_need_the_session_s_own_csrf_token(client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.ADMIN)
    child_token = await csrf_token(client, "/send")  # a token bound to no session
    await sign_in(client, account)
    assert (await client.post("/staff/sign-out", data={"everywhere": "yes"})).status_code == 403
    assert (await client.post("/staff/sign-out", data={"csrf_token": child_token})).status_code == 403
    assert (await client.get("/staff")).status_code == 200


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
async def test_next_never_leaves_the_site(client: httpx.AsyncClient, target: str) -> None:
    account = await make_staff(Role.MODERATOR)
    response = await sign_in(client, account, next_path=target)
    assert response.status_code == 303
    assert response.headers["location"] == "/staff"
