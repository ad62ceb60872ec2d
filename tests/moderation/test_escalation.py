"""From screen to people: the queue, Help at Hand cases and their e-mail through a real SMTP server."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import httpx
import pytest

import settings
from accounts.roles import Role
from app import build_hooks
from moderation.escalation import notify_overdue
from moderation.models import Case, CaseState, Review
from moderation.services import record_and_route
from postbox.models import View, ViewStatus
from screening.types import CATEGORIES, Level, ScreenResult, Span
from tests.conftest import MailSink
from tests.live import free_port
from tests.staff import StaffClientFactory
from tests.waiting import wait_until
from web import jobs, mailer
from web.leases import utcnow
from web.models import OutboxMessage, OutboxState

HOOKS = build_hooks()
DISCLOSURE = "i want to kms tonight i have the pills ready"


def result(level: Level, *, category: str = "suicide_self_harm", needs_human: bool = False) -> ScreenResult:
    scores = dict.fromkeys(CATEGORIES, 0.0)
    if level >= Level.MEDIUM:
        scores[category] = 0.9
    return ScreenResult(
        level=level,
        needs_human=needs_human,
        categories=scores,
        reasons=[f"test_rule_{level.label}"],
        spans=[Span(0, 6, "risk", f"test_rule_{level.label}")],
        model_versions={"rules": "test"},
    )


async def make_view(client: httpx.AsyncClient, text: str, level: Level, **kwargs: object) -> View:
    response = await client.post("/api/v1/views", json={"text": text})
    assert response.status_code == 201
    view = await View.all().order_by("-id").first()
    assert view is not None
    await record_and_route(view, result(level, **kwargs), HOOKS.after_screening)  # type: ignore[arg-type]
    return await View.get(id=view.id)


async def test_an_urgent_view_reaches_the_help_at_hand_inbox_without_the_child_s_words(
    client: httpx.AsyncClient, smtp_server: MailSink, staff_client: StaffClientFactory
) -> None:
    response = await client.post("/api/v1/views", json={"text": DISCLOSURE})
    assert response.json()["support"]["show_help"] is True
    # The in-request screen opened the case and queued its e-mail with the view.
    opened = await Case.get()
    assert opened.escalated_by == "fast screen" and await OutboxMessage.all().count() == 1
    # The web process sends it at once (no worker runs here) ...
    await wait_until(lambda: smtp_server.messages, what="the case e-mail")
    assert await jobs.run_once(HOOKS) == 1  # ... and the real screen refines the case later
    assert await mailer.deliver_due() == 0  # nothing left to send: no second e-mail

    view = await View.get()
    case = await Case.get(view_id=view.id)
    assert case.level in {"high", "urgent"} and case.state == CaseState.NEW
    assert view.status == ViewStatus.WITH_HELP_TEAM and not view.released
    (mail,) = smtp_server.messages
    assert mail["To"] == settings.HELP_AT_HAND_EMAIL and mail["From"] == settings.MAIL_FROM
    assert f"case {case.id}" in mail["Subject"] and case.level.upper() in mail["Subject"]
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert f"/staff/help-at-hand/{case.id}" in text and f"/staff/help-at-hand/{case.id}" in html
    assert "suicide and self-harm" in text and all(rule in text for rule in opened.reasons)
    assert set(opened.reasons) <= set(case.reasons)  # the full screen added to the case, took nothing away
    for words in ("pills", "tonight", "ready", DISCLOSURE):  # rule names (e.g. "kms") may be shown
        assert words not in text and words not in html and words not in mail["Subject"]
    assert (await OutboxMessage.get()).state == OutboxState.SENT

    # Following the link: sign-in first, then the case with the child's words.
    link = re.search(r"https?://\S+/staff/help-at-hand/\d+", text)
    assert link
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    assert (await client.get("/" + path)).status_code == 303
    helper, _ = await staff_client(Role.HELP_AT_HAND)
    case_page = await helper.get("/" + path)
    assert case_page.status_code == 200 and "pills" in case_page.text and "tonight" in case_page.text


async def test_a_case_already_open_is_not_opened_again_or_mailed_twice(client: httpx.AsyncClient) -> None:
    view = await make_view(client, DISCLOSURE, Level.HIGH)
    assert await OutboxMessage.all().count() == 1
    await record_and_route(
        await View.get(id=view.id), result(Level.URGENT), HOOKS.after_screening
    )  # screened again
    assert await Case.filter(view_id=view.id).count() == 1
    assert await OutboxMessage.all().count() == 1
    assert (await Review.get(view_id=view.id)).level == "urgent"  # the queue follows the worst level


async def test_smtp_down_keeps_the_mail_then_delivers_it(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, smtp_server: MailSink
) -> None:
    real_port = settings.SMTP_PORT
    monkeypatch.setattr(settings, "SMTP_PORT", free_port())  # nothing listens there
    await make_view(client, DISCLOSURE, Level.URGENT)
    await mailer.sends_in_flight()  # the web process tried at once, and failed
    assert await mailer.deliver_due() == 0
    waiting = await OutboxMessage.get()
    assert waiting.state == OutboxState.PENDING and waiting.attempts == 1 and waiting.last_error
    assert waiting.next_attempt_at > utcnow()
    health = (await client.get("/healthz")).json()
    assert health["outbox_pending"] == 1

    monkeypatch.setattr(settings, "SMTP_PORT", real_port)  # the server is back
    assert await mailer.deliver_due() == 0  # not yet due: back-off is respected
    await OutboxMessage.filter(id=waiting.id).update(next_attempt_at=utcnow())
    assert await mailer.deliver_due() == 1
    assert len(smtp_server.messages) == 1
    assert (await client.get("/healthz")).json()["outbox_pending"] == 0


async def test_the_mailer_loop_sends_urgent_mail_as_soon_as_it_is_woken(
    client: httpx.AsyncClient, smtp_server: MailSink
) -> None:

    # A poll far longer than the wait below: only the wake-up can send the mail in time.
    loop_mailer = mailer.Mailer(HOOKS, poll_s=3600.0)
    task = asyncio.create_task(loop_mailer.run())
    try:
        # The loop has looked once, found nothing, and waits for its next poll or a wake-up.
        await wait_until(lambda: loop_mailer.passes >= 1, what="the mailer's first pass")
        assert not smtp_server.messages
        await make_view(client, DISCLOSURE, Level.URGENT)
        # Well inside the hour-long poll: only the wake-up can have sent it.
        await wait_until(lambda: smtp_server.messages, within=300, what="the urgent mail going")
    finally:
        loop_mailer.stop.set()
        await task


async def test_overdue_new_cases_are_re_notified_once_an_hour(client: httpx.AsyncClient) -> None:
    view = await make_view(client, DISCLOSURE, Level.HIGH)
    case = await Case.get(view_id=view.id)
    assert await notify_overdue(HOOKS.links) == 0  # not overdue yet
    await Case.filter(id=case.id).update(due_at=utcnow() - timedelta(minutes=5))
    assert await notify_overdue(HOOKS.links) == 1
    assert await notify_overdue(HOOKS.links) == 0  # at most once an hour
    reminder = await OutboxMessage.all().order_by("-id").first()
    assert reminder is not None and reminder.subject.startswith("OVERDUE")
    await Case.filter(id=case.id).update(state=CaseState.ACKNOWLEDGED, last_notified_at=None)
    assert await notify_overdue(HOOKS.links) == 0  # acknowledged cases are not chased


async def test_levels_route_to_the_queue_and_cases(client: httpx.AsyncClient) -> None:
    clean = await make_view(client, "more parks please", Level.NONE)
    medium = await make_view(client, "someone is mean to me", Level.MEDIUM, category="bullying")
    other_language = await make_view(client, "queremos más parques", Level.NONE, needs_human=True)
    high = await make_view(client, "he hits me", Level.HIGH, category="abuse")
    assert clean.released and not await Review.exists(view_id=clean.id)
    assert not medium.released and (await Review.get(view_id=medium.id)).level == "medium"
    assert not await Case.exists(view_id=medium.id)
    assert await Review.exists(view_id=other_language.id) and not other_language.released
    assert await Review.exists(view_id=high.id) and await Case.exists(view_id=high.id)
