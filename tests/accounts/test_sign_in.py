"""Signing in with a password and a TOTP code; lockout, replay, fixation, idle, sign-out."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import httpx
import pytest
from starlette.applications import Starlette

import settings
from accounts import services
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
    """Issue #13 item 10: the password step never confirms a password (or an account) on its
    own; every answer is the code step, and only the code step says something is wrong."""
    account = await make_staff(Role.EDITOR)
    answers = []
    for email, password in ((account.email, "not the password"), ("nobody@example.org", "whatever it is")):
        first = await _password(client, email, password)
        assert first.status_code == 303 and first.headers["location"].startswith("/staff/sign-in/code")
        token = await csrf_token(client, "/staff/sign-in/code")
        answers.append(
            await client.post("/staff/sign-in/code", data={"csrf_token": token, "code": account.code()})
        )
    assert [a.status_code for a in answers] == [400, 400]
    for answer in answers:
        assert "That e-mail, password or code is not right." in answer.text
    assert COOKIE not in client.cookies


def _from(app: Starlette, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def test_no_account_is_ever_locked_and_no_answer_says_who_is_staff(app: Starlette) -> None:
    """Issue #13 item 3: wrong tries slow down that client for that e-mail, never the account."""
    account = await make_staff(Role.HELP_AT_HAND)
    free = settings.SIGN_IN_FREE_FAILURES
    async with _from(app, "198.51.100.1") as attacker, _from(app, "198.51.100.2") as holder:
        for email in (account.email, "nobody@example.org"):
            answers = [await _password(attacker, email, "guess guess guess") for _ in range(free + 1)]
            assert [a.status_code for a in answers] == [303] * free + [429]
            assert "Please wait 1 seconds" in answers[-1].text
            assert "locked" not in answers[-1].text
        # The holder, from anywhere else, signs in as usual: nobody can lock them out.
        assert (await sign_in(holder, account)).status_code == 303
    assert not await AuditEntry.filter(action="account.locked").exists()


async def test_each_wrong_try_must_wait_twice_as_long_as_the_last(app: Starlette) -> None:
    account = await make_staff(Role.MODERATOR)
    clock = [1000.0]
    app.state.sign_in_throttle.clock = lambda: clock[0]
    free = settings.SIGN_IN_FREE_FAILURES
    async with _from(app, "198.51.100.3") as attacker:
        for _ in range(free):
            assert (await _password(attacker, account.email, "wrong wrong wrong")).status_code == 303
        for delay in (1, 2, 4, 8):
            refused = await _password(attacker, account.email, "wrong wrong wrong")
            assert refused.status_code == 429 and f"wait {delay} seconds" in refused.text
            clock[0] += delay
            assert (await _password(attacker, account.email, "wrong wrong wrong")).status_code == 303
        clock[0] += 16
        assert (await sign_in(attacker, account)).status_code == 303


async def test_wrong_codes_are_slowed_down_too(app: Starlette, client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.HELP_AT_HAND)
    await _password(client, account.email, account.password)
    statuses = []
    for _ in range(settings.SIGN_IN_FREE_FAILURES + 1):
        token = await csrf_token(client, "/staff/sign-in/code")
        response = await client.post("/staff/sign-in/code", data={"csrf_token": token, "code": "000000"})
        statuses.append(response.status_code)
    assert statuses == [400] * settings.SIGN_IN_FREE_FAILURES + [429]
    user = await StaffUser.get(id=account.id)
    assert user.failed_logins == settings.SIGN_IN_FREE_FAILURES


async def test_the_holder_is_e_mailed_about_repeated_wrong_tries(app: Starlette, smtp_server) -> None:
    from web import mailer

    account = await make_staff(Role.EDITOR)
    for n in range(settings.FAILURE_ALERT_AFTER):
        async with _from(app, f"198.51.100.{10 + n}") as somebody:
            assert (await _password(somebody, account.email, "wrong wrong wrong")).status_code == 303
    assert await mailer.deliver_due() == 1
    [mail] = smtp_server.messages
    assert mail["To"] == account.email
    assert f"{settings.FAILURE_ALERT_AFTER} times" in mail.get_body(("plain",)).get_content()
    assert await AuditEntry.filter(action="account.failed_sign_ins", object_id=str(account.id)).exists()
    # One more is not another e-mail: the next comes when the count has doubled.
    async with _from(app, "198.51.100.99") as somebody:
        await _password(somebody, account.email, "wrong wrong wrong")
    assert await mailer.deliver_due() == 0


async def test_an_admin_clears_the_wrong_tries(app: Starlette, staff_client) -> None:
    account = await make_staff(Role.MODERATOR)
    async with _from(app, "198.51.100.4") as attacker:
        for _ in range(settings.SIGN_IN_FREE_FAILURES + 1):
            await _password(attacker, account.email, "wrong wrong wrong")
        assert (await _password(attacker, account.email, account.password)).status_code == 429
        admin, _ = await staff_client(Role.ADMIN)
        token = await csrf_token(admin, f"/staff/accounts/{account.id}")
        cleared = await admin.post(
            f"/staff/accounts/{account.id}", data={"csrf_token": token, "action": "unlock"}
        )
        assert cleared.status_code == 200
        assert (await StaffUser.get(id=account.id)).failed_logins == 0
        assert (await _password(attacker, account.email, account.password)).status_code == 303


async def test_an_unknown_e_mail_costs_the_same_argon2_work(client: httpx.AsyncClient) -> None:
    """Same work: a miss verifies against a dummy hash as costly as a real one."""
    import time

    from argon2 import PasswordHasher

    account = await make_staff(Role.MODERATOR)
    await StaffUser.filter(id=account.id).update(password_hash=PasswordHasher().hash(account.password))
    costs = {}
    for label, email in (("real", account.email), ("unknown", "nobody@example.org")):
        started = time.process_time()
        for _ in range(3):
            with contextlib.suppress(services.SignInError):
                await services.check_password(email, "wrong wrong wrong")
        costs[label] = time.process_time() - started
    assert costs["unknown"] > costs["real"] / 3, costs


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


async def test_a_session_ends_12_hours_after_sign_in_however_busy(client: httpx.AsyncClient) -> None:
    account = await make_staff(Role.MODERATOR)
    await sign_in(client, account)
    assert (await client.get("/staff")).status_code == 200
    await StaffSession.filter(user_id=account.id).update(
        created_at=now() - timedelta(hours=settings.SESSION_MAX_HOURS, seconds=1), last_seen_at=now()
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


async def test_the_same_code_sent_in_parallel_signs_in_exactly_once(app: Starlette) -> None:
    """Issue #13 item 6: the used-step check is one conditional UPDATE; only its winner signs in."""
    import asyncio

    account = await make_staff(Role.ADMIN)
    browsers = [_from(app, f"198.51.100.{20 + n}") for n in range(5)]
    try:
        tokens = []
        for browser in browsers:
            assert (await _password(browser, account.email, account.password)).status_code == 303
            tokens.append(await csrf_token(browser, "/staff/sign-in/code"))
        code = account.code()
        answers = await asyncio.gather(
            *(
                browser.post("/staff/sign-in/code", data={"csrf_token": token, "code": code})
                for browser, token in zip(browsers, tokens, strict=True)
            )
        )
    finally:
        for browser in browsers:
            await browser.aclose()
    assert sorted(a.status_code for a in answers) == [303, 400, 400, 400, 400]
    assert await StaffSession.filter(user_id=account.id).count() == 1
