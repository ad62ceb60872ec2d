"""Escalating at once (#12 item 5): the in-request screen opens the Help at Hand case and
queues its e-mail in the transaction that stores the view; the full screen refines the
case later, may raise it and never lowers it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from app import build_hooks
from moderation.models import Case, CaseState, Review
from moderation.services import record_and_route
from postbox.intake import NewView, write_views
from postbox.models import View, ViewStatus
from screening.types import CATEGORIES, Level, ScreenResult
from web.models import Job, OutboxMessage

HOOKS = build_hooks()
HIGH = "my stepdad hits me when mum is at work and i am scared to go home"
ORDINARY = "we need more youth clubs and safer parks near our school."


def full(level: Level, category: str = "abuse") -> ScreenResult:
    scores = dict.fromkeys(CATEGORIES, 0.0)
    if level >= Level.MEDIUM:
        scores[category] = 0.9
    return ScreenResult(level=level, needs_human=False, categories=scores, reasons=[f"full_{level.label}"])


async def send(client: httpx.AsyncClient, text: str) -> View:
    assert (await client.post("/api/v1/views", json={"text": text})).status_code == 201
    view = await View.all().order_by("-id").first()
    assert view is not None
    return view


async def test_a_high_view_has_its_case_and_e_mail_before_any_model_has_looked(
    client: httpx.AsyncClient,
) -> None:
    view = await send(client, HIGH)
    case = await Case.get(view_id=view.id)
    assert case.escalated_by == "fast screen" and case.level == "high" and case.state == CaseState.NEW
    assert "abuse" in case.categories and "physical_abuse" in case.reasons
    assert (await Review.get(view_id=view.id)).level == "high"
    assert view.status == ViewStatus.WITH_HELP_TEAM
    (mail,) = await OutboxMessage.all()
    assert "[HIGH]" in mail.subject and "stepdad" not in mail.text_body
    assert await Job.filter(state="pending").count() == 1  # the full screen still runs


async def test_an_ordinary_view_opens_nothing(client: httpx.AsyncClient) -> None:
    await send(client, ORDINARY)
    assert await Case.all().count() == 0 and await OutboxMessage.all().count() == 0


async def test_the_full_screen_never_lowers_an_open_case(client: httpx.AsyncClient) -> None:
    view = await send(client, HIGH)
    await record_and_route(view, full(Level.NONE), HOOKS.after_screening)
    case = await Case.get(view_id=view.id)
    assert case.level == "high" and case.state == CaseState.NEW
    stored = await View.get(id=view.id)
    assert stored.level == "high" and stored.status == ViewStatus.WITH_HELP_TEAM and not stored.released
    assert await OutboxMessage.all().count() == 1


async def test_the_full_screen_may_raise_the_case_and_help_at_hand_is_told(client: httpx.AsyncClient) -> None:
    view = await send(client, HIGH)
    before = await Case.get(view_id=view.id)
    await record_and_route(view, full(Level.URGENT, "suicide_self_harm"), HOOKS.after_screening)
    case = await Case.get(view_id=view.id)
    assert case.level == "urgent" and case.level_rank == int(Level.URGENT)
    assert case.due_at <= before.due_at
    assert {"abuse", "suicide_self_harm"} <= set(case.categories)
    assert {"physical_abuse", "full_urgent"} <= set(case.reasons)
    subjects = [m.subject for m in await OutboxMessage.all().order_by("id")]
    assert len(subjects) == 2 and "[HIGH]" in subjects[0] and "[URGENT]" in subjects[1]


async def test_a_failing_escalation_never_costs_the_child_their_view(client: httpx.AsyncClient) -> None:
    async def broken(flagged: Sequence[Any], conn: Any) -> None:
        raise RuntimeError("a bug in escalation")

    view = NewView(receipt_digest="f" * 64, text=HIGH, level="high", needs_human=True, show_help=True)
    await write_views([view], broken)
    stored = await View.get(receipt_digest="f" * 64)
    assert stored.level == "high" and stored.needs_human
    assert [job.payload for job in await Job.all()] == [{"view_digest": "f" * 64}]
    assert await Case.all().count() == 0  # the full screen will open it
