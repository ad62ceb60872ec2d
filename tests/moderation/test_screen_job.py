"""The full screen off the request: queued with the view, run by the worker, routed by level."""

from __future__ import annotations

import httpx

from app import build_hooks
from moderation.models import Screening
from postbox.models import View, ViewStatus
from web import jobs
from web.leases import utcnow
from web.models import Job


async def _send_and_screen(client: httpx.AsyncClient, text: str) -> View:
    response = await client.post("/api/v1/views", json={"text": text})
    assert response.status_code == 201
    assert await jobs.run_once(build_hooks()) == 1
    return await View.get(id=(await View.all().order_by("-id").first()).id)


async def test_an_ordinary_view_is_screened_and_shared_with_boards(client: httpx.AsyncClient) -> None:
    view = await _send_and_screen(client, "We need better teachers and smaller classes at school.")
    screening = await Screening.get(view_id=view.id)
    assert screening.stage == "full" and screening.level in {"none", "low"}
    assert set(screening.model_versions) >= {"rules", "learned"}
    assert view.released is True and view.status == ViewStatus.SHARED
    assert view.suggested_theme


async def test_swearing_alone_is_not_escalated(client: httpx.AsyncClient) -> None:
    view = await _send_and_screen(client, "school is shit, we need better teachers")
    assert view.level in {"none", "low"} and view.status == ViewStatus.SHARED


async def test_a_disclosure_goes_to_the_help_team_and_is_never_released(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/views", json={"text": "my stepdad hits me when mum's at work"})
    assert response.json()["support"]["show_help"] is True  # the fast screen showed help at once
    assert await jobs.run_once(build_hooks()) == 1
    view = await View.get()
    assert view.level in {"high", "urgent"}
    assert view.status == ViewStatus.WITH_HELP_TEAM and view.released is False


async def test_personal_information_is_redacted_for_boards_but_kept(client: httpx.AsyncClient) -> None:
    text = "Our youth club closed. Text me on 07700 900123 if you want to help."
    view = await _send_and_screen(client, text)
    assert view.text == text
    assert view.redacted_text is not None and "07700 900123" not in view.redacted_text
    assert "[…]" in view.redacted_text


async def test_a_view_not_in_english_goes_to_a_person(client: httpx.AsyncClient) -> None:
    view = await _send_and_screen(
        client, "Nie lubię mojej szkoły, nauczyciele są dla mnie niemili i nikt mnie nie słucha."
    )
    screening = await Screening.get(view_id=view.id)
    assert screening.language != "en"
    assert view.needs_human is True and view.released is False and view.status == ViewStatus.BEING_READ


async def test_views_are_screened_in_batches_and_a_bad_job_does_not_hold_back_the_rest(
    client: httpx.AsyncClient,
) -> None:
    for text in ("More buses please", "Bigger playgrounds", "Free swimming lessons"):
        await client.post("/api/v1/views", json={"text": text})
    await Job.create(kind="screen", payload={"view_digest": "no-such-view"}, run_after=utcnow())
    assert await jobs.run_once(build_hooks()) == 4
    assert await Screening.all().count() == 3
    assert await View.filter(status=ViewStatus.SHARED).count() == 3
    states = sorted(str(j.state) for j in await Job.all())
    assert states == ["done", "done", "done", "pending"]  # the bad one waits for its retry
