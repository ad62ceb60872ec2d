"""The moderators' queue and actions, and Help at Hand cases, through the real pages."""

from __future__ import annotations

import re

import httpx

from accounts.models import AuditEntry
from accounts.roles import Role
from app import build_hooks
from moderation.models import Case, CaseState, ContactRequest, Review, ReviewState, ScreenLabel
from moderation.services import record_and_route
from postbox.models import Reply, View, ViewStatus
from screening.types import Level, Span
from tests.helpers import csrf_token, receipt_code, send_view
from tests.moderation.test_escalation import DISCLOSURE, make_view, result
from tests.staff import StaffClientFactory
from web.models import OutboxMessage


async def act(client: httpx.AsyncClient, view_id: int, action: str, **fields: str) -> httpx.Response:
    token = await csrf_token(client, f"/staff/moderation/{view_id}")
    return await client.post(
        f"/staff/moderation/{view_id}/action", data={"csrf_token": token, "action": action, **fields}
    )


async def test_the_queue_is_ordered_by_level_then_age(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    old_medium = await make_view(client, "old medium", Level.MEDIUM, category="bullying")
    urgent = await make_view(client, "urgent one", Level.URGENT)
    new_medium = await make_view(client, "new medium", Level.MEDIUM, category="bullying")
    high = await make_view(client, "high one", Level.HIGH, category="abuse")
    await Review.filter(view_id=urgent.id).update(due_at=urgent.created_at.replace(year=2020))
    moderator, _ = await staff_client(Role.MODERATOR)
    page = await moderator.get("/staff/moderation")
    assert page.status_code == 200
    order = [int(i) for i in re.findall(r'href="/staff/moderation/(\d+)"', page.text)]
    assert order == [urgent.id, high.id, old_medium.id, new_medium.id]
    assert "overdue" in page.text


async def test_one_owner_at_a_time(client: httpx.AsyncClient, staff_client: StaffClientFactory) -> None:
    view = await make_view(client, "someone is mean to me", Level.MEDIUM, category="bullying")
    first, first_account = await staff_client(Role.MODERATOR)
    second, _ = await staff_client(Role.MODERATOR)
    assert (await act(first, view.id, "claim")).status_code == 303
    assert (await Review.get(view_id=view.id)).claimed_by == first_account.email
    assert (await act(second, view.id, "claim")).status_code == 409
    assert (await act(second, view.id, "approve")).status_code == 409
    assert (await act(first, view.id, "release")).status_code == 303
    assert (await act(second, view.id, "approve")).status_code == 303
    assert (await View.get(id=view.id)).released


async def test_redaction_keeps_the_original_and_boards_get_the_masked_text(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    response = await client.post(
        "/api/v1/views", json={"text": "I am Jamie Clarke at Hillside Academy and I feel sad"}
    )
    view = await View.get(id=(await View.all().order_by("-id").first()).id)  # type: ignore[union-attr]
    screened = result(Level.MEDIUM, category="bullying")
    screened.spans = [Span(5, 17, "name", "name")]
    await record_and_route(view, screened, build_hooks().after_screening)
    assert response.status_code == 201
    moderator, _ = await staff_client(Role.MODERATOR)
    page = await moderator.get(f"/staff/moderation/{view.id}")
    assert "Jamie Clarke" in page.text and 'class="span-pii"' in page.text
    assert (
        await act(moderator, view.id, "redact", words="Hillside Academy", **{"span-0": "1"})
    ).status_code == 303
    view = await View.get(id=view.id)
    assert view.text.startswith("I am Jamie Clarke")  # the original is kept
    assert view.redacted_text and "Jamie" not in view.redacted_text and "Hillside" not in view.redacted_text
    assert "[…]" in view.redacted_text
    assert await AuditEntry.filter(action="view.redact", object_id=str(view.id)).exists()


async def test_not_a_concern_is_a_label_and_approves(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    view = await make_view(client, "this homework is killing me", Level.MEDIUM)
    moderator, _ = await staff_client(Role.MODERATOR)
    assert (await act(moderator, view.id, "not_a_concern")).status_code == 303
    label = await ScreenLabel.get(view_id=view.id)
    assert label.label == "not_a_concern" and label.screen_level == "medium" and label.reasons
    review = await Review.get(view_id=view.id)
    assert review.state == ReviewState.CLOSED and (await View.get(id=view.id)).released


async def test_a_reply_reaches_the_child_s_check_page(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    sent = await send_view(client, "Can we have a bus to school, it takes an hour to walk")
    code = receipt_code(sent.text)
    view = await View.get()
    await record_and_route(view, result(Level.MEDIUM, category="neglect"), build_hooks().after_screening)
    moderator, _ = await staff_client(Role.MODERATOR)
    assert (
        await act(moderator, view.id, "reply", body="Thank you. We asked the council about buses.")
    ).status_code == 303
    token = await csrf_token(client, "/check")
    page = await client.post("/check", data={"csrf_token": token, "code": code})
    assert "We asked the council about buses." in page.text
    assert (await View.get(id=view.id)).status == ViewStatus.ANSWERED
    empty = await act(moderator, view.id, "reply", body="   ")
    assert empty.status_code == 400 and "Write a reply" in empty.text


async def test_escalating_opens_a_case_with_mail_and_the_note(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    view = await make_view(client, "my uncle makes me keep secrets", Level.MEDIUM, category="abuse")
    moderator, account = await staff_client(Role.MODERATOR)
    assert (await act(moderator, view.id, "escalate", note="Sounds like grooming")).status_code == 303
    case = await Case.get(view_id=view.id)
    assert case.escalated_by == account.email and case.escalation_note == "Sounds like grooming"
    assert case.level == "high"
    assert await OutboxMessage.filter(subject__contains=f"case {case.id}").exists()
    assert (await View.get(id=view.id)).status == ViewStatus.WITH_HELP_TEAM


async def test_set_theme_and_bad_actions(client: httpx.AsyncClient, staff_client: StaffClientFactory) -> None:
    view = await make_view(client, "more buses", Level.MEDIUM)
    moderator, _ = await staff_client(Role.MODERATOR)
    assert (await act(moderator, view.id, "set_theme", theme="Community")).status_code == 303
    assert (await View.get(id=view.id)).theme == "Community"
    assert (await act(moderator, view.id, "set_theme", theme="Nonsense")).status_code == 400
    assert (await act(moderator, view.id, "explode")).status_code == 400
    token = await csrf_token(moderator, "/staff/moderation")
    missing = await moderator.post(
        "/staff/moderation/999999/action", data={"csrf_token": token, "action": "approve"}
    )
    assert missing.status_code == 404
    assert (await moderator.get("/staff/moderation/not-a-number")).status_code == 404


async def test_bulk_approve_takes_only_clean_items(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    clean = await make_view(client, "queremos parques", Level.NONE, needs_human=True)
    risky = await make_view(client, "someone is mean to me", Level.MEDIUM, category="bullying")
    moderator, _ = await staff_client(Role.MODERATOR)
    token = await csrf_token(moderator, "/staff/moderation")
    response = await moderator.post(
        "/staff/moderation/bulk-approve",
        data={"csrf_token": token, f"view-{clean.id}": "on", f"view-{risky.id}": "on"},
    )
    assert response.status_code == 303 and "approved=1&skipped=1" in response.headers["location"]
    assert (await View.get(id=clean.id)).released and not (await View.get(id=risky.id)).released


async def test_help_at_hand_works_a_case_and_contact_details_are_sealed_then_deleted(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    sent = await send_view(client, DISCLOSURE)
    code = receipt_code(sent.text)
    assert "Do you want someone from our team to contact you?" in sent.text
    token = await csrf_token(client, "/contact-me")
    asked = await client.post(
        "/contact-me",
        data={
            "csrf_token": token,
            "code": code,
            "way": "phone",
            "details": "07700 900123",
            "when": "after 4",
        },
    )
    assert asked.status_code == 200 and "We will contact you" in asked.text
    contact = await ContactRequest.get()
    assert "07700" not in contact.sealed and "after 4" not in contact.sealed
    case = await Case.get()
    assert case.state == CaseState.NEW and await OutboxMessage.exists()

    helper, _ = await staff_client(Role.HELP_AT_HAND)
    admin, _ = await staff_client(Role.ADMIN)
    listing = await helper.get("/staff/help-at-hand")
    assert f"/staff/help-at-hand/{case.id}" in listing.text
    page = await helper.get(f"/staff/help-at-hand/{case.id}")
    assert "07700 900123" in page.text and DISCLOSURE in page.text
    admin_page = await admin.get(f"/staff/help-at-hand/{case.id}")
    assert admin_page.status_code == 200 and "07700" not in admin_page.text  # contact: help_at_hand only
    moderator, _ = await staff_client(Role.MODERATOR)
    assert (await moderator.get(f"/staff/help-at-hand/{case.id}")).status_code == 403

    async def do(action: str, **fields: str) -> httpx.Response:
        token = await csrf_token(helper, f"/staff/help-at-hand/{case.id}")
        return await helper.post(
            f"/staff/help-at-hand/{case.id}/action", data={"csrf_token": token, "action": action, **fields}
        )

    assert (await do("acknowledge")).status_code == 303
    assert (await Case.get(id=case.id)).state == CaseState.ACKNOWLEDGED
    assert (await do("note", body="Called the school's safeguarding lead.")).status_code == 303
    assert (
        await do("reply", body="We have read your message. Someone will call you today.")
    ).status_code == 303
    assert await Reply.filter(view_id=case.view_id).count() == 1
    assert (await do("close")).status_code == 400  # an outcome is required
    assert (await do("close", outcome="Referred to children's services; child safe.")).status_code == 303
    closed = await Case.get(id=case.id)
    assert closed.state == CaseState.CLOSED and closed.outcome.startswith("Referred")
    assert not await ContactRequest.exists()
    actions = set(
        await AuditEntry.filter(object_type="case", object_id=str(case.id)).values_list("action", flat=True)
    )
    assert {"case.opened", "case.acknowledge", "case.note", "case.reply", "case.close"} <= actions


async def test_contact_form_rejects_a_wrong_code_and_missing_details(client: httpx.AsyncClient) -> None:
    token = await csrf_token(client, "/contact-me")
    response = await client.post(
        "/contact-me", data={"csrf_token": token, "code": "not-a-code", "way": "owl"}
    )
    assert response.status_code == 422
    assert (
        "We could not find that code" in response.text and "Choose how we should contact you" in response.text
    )
    assert not await ContactRequest.exists() and not await Case.exists()
    assert (await client.post("/contact-me", data={"code": "x"})).status_code == 403


async def test_not_a_concern_labels_export_for_retraining(
    client: httpx.AsyncClient, staff_client: StaffClientFactory, database_url: str
) -> None:
    import asyncio
    import json
    import os
    import subprocess
    import sys

    view = await make_view(client, "this homework is killing me lol", Level.MEDIUM)
    moderator, _ = await staff_client(Role.MODERATOR)
    assert (await act(moderator, view.id, "not_a_concern")).status_code == 303
    env = {**os.environ, "POSTBOX_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "moderation", "labels"]
    done = await asyncio.to_thread(
        subprocess.run,
        command,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    exported = json.loads(line)
    assert exported["text"] == "this homework is killing me lol"
    assert exported["category"] == "none" and exported["kind"] == "hard_negative"
    assert exported["screen_level"] == "medium" and exported["screen_reasons"]
