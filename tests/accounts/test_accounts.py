"""Set-up links, the first administrator, account management and the command line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pyotp

from accounts.models import AuditEntry, StaffSession, StaffUser
from accounts.roles import Role
from accounts.services import create_user, first_admin_link
from boards.models import Board, BoardKind
from tests.helpers import csrf_token
from tests.staff import LINKS, StaffClientFactory

_SECRET = re.compile(r'class="secret-key">([A-Z2-7]+)<')


async def _complete_setup(client: httpx.AsyncClient, link: str, password: str) -> tuple[httpx.Response, str]:
    path = link.removeprefix("http://testserver")
    page = await client.get(path)
    assert page.status_code == 200 and "<svg" in page.text
    secret = _SECRET.search(page.text)
    assert secret, "no TOTP key on the set-up page"
    token = await csrf_token(client, path)
    code = pyotp.TOTP(secret.group(1)).now()
    response = await client.post(
        path, data={"csrf_token": token, "password": password, "confirm": password, "code": code}
    )
    return response, secret.group(1)


async def test_a_set_up_link_sets_password_and_totp_once_then_the_account_signs_in(
    client: httpx.AsyncClient,
) -> None:
    _user, link = await create_user("new.moderator@example.org", Role.MODERATOR, links=LINKS)
    password = "correct horse battery staple"

    response, secret = await _complete_setup(client, link, password)

    assert response.status_code == 303 and response.headers["location"] == "/staff/sign-in?set_up=1"
    user = await StaffUser.get(email="new.moderator@example.org")
    assert user.totp_confirmed and user.password_hash and user.password_hash.startswith("$argon2id$")
    assert password not in user.password_hash and secret not in (user.totp_secret or "")
    assert (await client.get(link.removeprefix("http://testserver"))).status_code == 404

    token = await csrf_token(client, "/staff/sign-in")
    await client.post("/staff/sign-in", data={"csrf_token": token, "email": user.email, "password": password})
    token = await csrf_token(client, "/staff/sign-in/code")
    next_code = pyotp.TOTP(secret).at(datetime.now(UTC) + timedelta(seconds=30))  # each code works once
    signed_in = await client.post("/staff/sign-in/code", data={"csrf_token": token, "code": next_code})
    assert signed_in.status_code == 303
    assert (await client.get("/staff")).status_code == 200


async def test_set_up_refuses_a_short_password_and_a_wrong_code(client: httpx.AsyncClient) -> None:
    _user, link = await create_user("x@example.org", Role.EDITOR, links=LINKS)
    path = link.removeprefix("http://testserver")
    token = await csrf_token(client, path)
    short = await client.post(
        path, data={"csrf_token": token, "password": "short", "confirm": "short", "code": "1"}
    )
    assert short.status_code == 400 and "at least 12 characters" in short.text
    wrong = await client.post(
        path,
        data={
            "csrf_token": token,
            "password": "long enough password",
            "confirm": "long enough password",
            "code": "000000",
        },
    )
    assert wrong.status_code == 400 and "code is not right" in wrong.text
    assert not (await StaffUser.get(email="x@example.org")).totp_confirmed


async def test_set_up_refuses_a_common_or_easily_guessed_password(client: httpx.AsyncClient) -> None:
    """Issue #13 item 10: checked against zxcvbn's packaged lists, and the person's own e-mail."""
    _user, link = await create_user("sam.jones@example.org", Role.EDITOR, links=LINKS)
    for password in ("password123456", "qwertyuiop123", "sam.jones@example.org1"):
        response, _secret = await _complete_setup(client, link, password)
        assert response.status_code == 400 and "too easy to guess" in response.text, password
    assert not (await StaffUser.get(email="sam.jones@example.org")).totp_confirmed
    response, _secret = await _complete_setup(client, link, "lemon tractor violet harbour")
    assert response.status_code == 303


async def test_first_start_makes_one_admin_link_until_someone_sets_up(client: httpx.AsyncClient) -> None:
    first = await first_admin_link(LINKS)
    second = await first_admin_link(LINKS)
    assert first and second and first != second
    assert await StaffUser.filter(role=Role.ADMIN).count() == 1
    assert (await client.get(first.removeprefix("http://testserver"))).status_code == 404  # superseded
    response, _secret = await _complete_setup(client, second, "a long admin password")
    assert response.status_code == 303
    assert await first_admin_link(LINKS) is None


async def test_admins_add_accounts_and_get_a_link_others_are_refused(
    staff_client: StaffClientFactory,
) -> None:
    board = await Board.create(name="Children's Advisory Board", kind=BoardKind.BOARD)
    admin, _ = await staff_client(Role.ADMIN)
    token = await csrf_token(admin, "/staff/accounts")
    response = await admin.post(
        "/staff/accounts",
        data={
            "csrf_token": token,
            "email": "Board.Member@Example.org",
            "role": "board_member",
            "board_id": str(board.id),
        },
    )
    assert response.status_code == 200 and "/staff/setup/" in response.text
    member = await StaffUser.get(email="board.member@example.org")
    assert member.role == Role.BOARD_MEMBER and member.board_id == board.id

    missing_board = await admin.post(
        "/staff/accounts", data={"csrf_token": token, "email": "amb@example.org", "role": "ambassador"}
    )
    assert missing_board.status_code == 400 and "need a board" in missing_board.text
    bad_role = await admin.post(
        "/staff/accounts", data={"csrf_token": token, "email": "r@example.org", "role": "king"}
    )
    assert bad_role.status_code == 400

    moderator, _ = await staff_client(Role.MODERATOR)
    assert (await moderator.get("/staff/accounts")).status_code == 403


async def test_turning_an_account_off_ends_its_sessions(staff_client: StaffClientFactory) -> None:
    admin, _ = await staff_client(Role.ADMIN)
    editor, editor_account = await staff_client(Role.EDITOR)
    assert (await editor.get("/staff")).status_code == 200
    token = await csrf_token(admin, f"/staff/accounts/{editor_account.id}")
    response = await admin.post(
        f"/staff/accounts/{editor_account.id}", data={"csrf_token": token, "action": "deactivate"}
    )
    assert response.status_code == 200
    assert not await StaffSession.filter(user_id=editor_account.id).exists()
    assert (await editor.get("/staff")).status_code == 303
    entries = await admin.get("/staff/audit", params={"q": "account.deactivated"})
    assert entries.status_code == 200 and "account.deactivated" in entries.text
    assert await AuditEntry.filter(action="account.deactivated", object_id=str(editor_account.id)).exists()


def test_createuser_prints_a_one_time_link(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "POSTBOX_DATABASE_URL": f"sqlite://{tmp_path / 'cli.sqlite3'}",
        "POSTBOX_DATA_DIR": str(tmp_path),
    }
    command = [sys.executable, "-m", "postbox", "createuser", "mod@example.org", "--role", "moderator"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert re.search(r"/staff/setup/[A-Za-z0-9_-]{40,}", done.stdout)
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode == 2 and "already an account" in again.stderr
