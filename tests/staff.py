"""Staff accounts for tests, signed in through the real pages (password, then TOTP)."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pyotp
from argon2 import PasswordHasher
from starlette.applications import Starlette

from accounts import services
from accounts.roles import Role
from app import build_hooks
from tests.helpers import csrf_token
from web import crypto

LINKS = build_hooks().links
_hasher = PasswordHasher(time_cost=1, memory_cost=8192)


@dataclass
class StaffAccount:
    id: int
    email: str
    password: str
    secret: str

    def code(self, offset_steps: int = 0) -> str:
        return pyotp.TOTP(self.secret).at(datetime.now(UTC) + timedelta(seconds=30 * offset_steps))


async def make_staff(role: Role, *, board_id: int | None = None, email: str | None = None) -> StaffAccount:
    email = email or f"{role.value}-{secrets.token_hex(3)}@example.org"
    user, _link = await services.create_user(email, role, links=LINKS, board_id=board_id)
    password, secret = secrets.token_urlsafe(12), pyotp.random_base32()
    user.password_hash = _hasher.hash(password)
    user.totp_secret = crypto.encrypt(secret)
    user.totp_confirmed = True
    await user.save()
    return StaffAccount(user.id, email, password, secret)


async def sign_in(
    client: httpx.AsyncClient, account: StaffAccount, *, next_path: str = "/staff"
) -> httpx.Response:
    token = await csrf_token(client, "/staff/sign-in")
    first = await client.post(
        "/staff/sign-in",
        data={"csrf_token": token, "email": account.email, "password": account.password, "next": next_path},
    )
    assert first.status_code == 303, first.text
    token = await csrf_token(client, "/staff/sign-in/code")
    return await client.post(
        "/staff/sign-in/code", data={"csrf_token": token, "code": account.code(), "next": next_path}
    )


StaffClientFactory = Callable[..., Awaitable[tuple[httpx.AsyncClient, StaffAccount]]]


async def staff_clients(app: Starlette) -> AsyncIterator[StaffClientFactory]:
    """Yields ``make(role, board_id=None)`` → a signed-in client of its own and its account."""
    opened: list[httpx.AsyncClient] = []

    async def make(role: Role, *, board_id: int | None = None) -> tuple[httpx.AsyncClient, StaffAccount]:
        account = await make_staff(role, board_id=board_id)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        opened.append(client)
        response = await sign_in(client, account)
        assert response.status_code == 303 and response.headers["location"] == "/staff", response.text
        return client, account

    try:
        yield make
    finally:
        for client in opened:
            await client.aclose()
