"""No secret and no child's words in the logs, across sign-in, triage, escalation and mail."""

from __future__ import annotations

import logging

import httpx
import pytest

import settings
from accounts.roles import Role
from tests.conftest import MailSink
from tests.helpers import csrf_token, send_view
from tests.moderation.test_workspace import act
from tests.staff import make_staff, sign_in
from web import mailer

CHILD_WORDS = "my stepdad hits me when mum is at work and i have bruises on my arm"


async def test_logs_hold_no_password_code_secret_or_child_text(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, smtp_server: MailSink
) -> None:
    caplog.set_level(logging.DEBUG)
    account = await make_staff(Role.MODERATOR)
    token = await csrf_token(client, "/staff/sign-in")
    await client.post(
        "/staff/sign-in", data={"csrf_token": token, "email": account.email, "password": "wrong pw 1"}
    )
    assert (await sign_in(client, account)).status_code == 303
    await send_view(client, CHILD_WORDS)
    from app import build_hooks
    from postbox.models import View
    from web import jobs

    await jobs.run_once(build_hooks())
    view = await View.get()
    await act(client, view.id, "reply", body="We are here for you, reply text")
    await mailer.deliver_due()
    assert smtp_server.messages

    server_records = [
        r for r in caplog.records if not r.name.startswith(("httpx", "httpcore", "mail.log"))
    ]  # clients and the test SMTP server
    logged = "\n".join(r.getMessage() + str(getattr(r, "fields", "")) for r in server_records)
    assert "request" in logged  # the access log ran
    secrets = [
        account.password,
        "wrong pw 1",
        account.secret,
        str(settings.SECRET_KEY),
        "mum is at work",
        "on my arm",
        CHILD_WORDS,
    ]
    secrets += ["reply text", client.cookies.get("postbox_staff") or "cookie-missing"]
    for secret in secrets:
        assert secret not in logged, secret
