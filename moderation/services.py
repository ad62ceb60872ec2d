"""Screening views off the request, and routing them by what the screen found.

The job queue calls ``screen_job`` for each new view; what happens after a screening (a
review, a case) is ``Hooks.after_screening``, run inside the screening's transaction. The
screen itself lives in ``screening``; models load once per process, in a thread, the first
time they are needed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from tortoise.functions import Avg
from tortoise.transactions import in_transaction

import settings
from moderation.models import Screening
from postbox.models import View, ViewStatus
from screening import get_screener, shared_screener
from screening.pii import redact
from screening.types import Level, ScreenResult
from web import mailer, workers
from web.health import HealthReport
from web.hooks import AfterScreening, Hooks
from web.jobs import JobKind
from web.metrics import Figure

if TYPE_CHECKING:
    from screening import Screener

log = logging.getLogger("moderation.services")


async def screener() -> Screener:
    """The process's one screener (``screening.get_screener``), loaded in a thread the first time."""
    loaded = shared_screener()
    if loaded is not None:
        return loaded
    return await asyncio.to_thread(
        get_screener,
        detoxify_checkpoint=settings.DETOXIFY_CHECKPOINT or None,
        embedding_model_path=settings.EMBEDDING_MODEL_PATH or None,
    )


def layers() -> dict[str, str]:
    """Which screening layers this process has loaded; "not loaded yet" before the first screen."""
    loaded = shared_screener()
    if loaded is None:
        return {"screen": "not loaded yet"}
    return loaded.layers()


async def screen_layers() -> HealthReport:
    """What a worker process writes into its heartbeat: the layers it has loaded."""
    return HealthReport("screening", layers())


async def screen_health() -> HealthReport:
    """/healthz names every layer; a missing one (a model that would not load) degrades it.
    A web process never loads the models: it reports what a live worker last said."""
    loaded: object = layers()
    if shared_screener() is None:
        loaded = await workers.reported("screening") or {"screen": "no worker running"}
    missing = isinstance(loaded, dict) and any(v == "missing" for v in loaded.values())
    return HealthReport("screening", loaded, degraded=missing)


async def screening_figures() -> list[Figure]:
    latency = await Screening.annotate(avg=Avg("elapsed_ms")).first().values("avg")
    average = (latency or {}).get("avg") or 0
    return [Figure("postbox_screening_latency_ms_avg", "Mean full-screen time per view", average)]


async def preload() -> None:
    """Load the screen's models now, not when the first child writes: /healthz can name every
    layer at once, and the first urgent view is not kept waiting."""
    try:
        await screener()
    except Exception as exc:  # the job's own retries and give-up still fail closed
        log.error("screen could not be loaded at start: %s", type(exc).__name__)


async def _view_of(payload: dict[str, Any]) -> View:
    return await View.get(receipt_digest=payload["view_digest"])


async def screen_job(payload: dict[str, Any], hooks: Hooks) -> None:
    view = await _view_of(payload)
    screen = await screener()
    (result,) = await asyncio.to_thread(screen.screen, [view.text])
    await record_and_route(view, result, hooks.after_screening)


async def screen_batch(payloads: list[dict[str, Any]], hooks: Hooks) -> list[BaseException | None]:
    """Screen many views in one pass of the models. If the pass fails, each view is tried
    on its own so that one bad text cannot hold back the others."""
    views: list[View | None] = []
    outcomes: list[BaseException | None] = []
    for payload in payloads:
        try:
            views.append(await _view_of(payload))
            outcomes.append(None)
        except Exception as exc:
            views.append(None)
            outcomes.append(exc)
    present = [v for v in views if v is not None]
    screen = await screener()
    try:
        results = await asyncio.to_thread(screen.screen, [v.text for v in present])
    except Exception:
        for i, view in enumerate(views):
            if view is not None:
                try:
                    (result,) = await asyncio.to_thread(screen.screen, [view.text])
                    await record_and_route(view, result, hooks.after_screening)
                except Exception as exc:
                    outcomes[i] = exc
        return outcomes
    by_view = dict(zip((id(v) for v in present), results, strict=True))
    for i, view in enumerate(views):
        if view is not None:
            try:
                await record_and_route(view, by_view[id(view)], hooks.after_screening)
            except Exception as exc:
                outcomes[i] = exc
    return outcomes


async def screen_gave_up(payload: dict[str, Any], error: str) -> None:
    """The screen failed every attempt: a person reads the view. Fails closed."""
    view = await _view_of(payload)
    view.needs_human = True
    view.status = ViewStatus.BEING_READ
    await view.save(update_fields=["needs_human", "status"])
    log.error("screening gave up on view %s; sent to a person", view.id)


async def record_and_route(
    view: View, result: ScreenResult, after_screening: Sequence[AfterScreening]
) -> Screening:
    """Store the screening and move the view to where its level says it belongs; then, in the
    same transaction, run ``after_screening`` so that a review, a case and its outbox row
    commit with the screening."""
    level = max(result.level, Level.parse(view.level)) if view.level else result.level
    needs_human = result.needs_human or view.needs_human
    async with in_transaction() as conn:
        screening = await Screening.create(
            view=view,
            stage="full",
            level=result.level.label,
            needs_human=result.needs_human,
            categories=result.categories,
            reasons=result.reasons,
            spans=[asdict(s) for s in result.spans],
            pii=result.pii,
            language=result.language,
            model_versions=result.model_versions,
            elapsed_ms=result.elapsed_ms,
            using_db=conn,
        )
        view.level = level.label
        view.needs_human = needs_human
        view.suggested_theme = result.theme
        pii_spans = [s for s in result.spans if s.kind != "risk"]
        view.redacted_text = redact(view.text, pii_spans) if pii_spans else None
        if level >= Level.HIGH:
            view.status = ViewStatus.WITH_HELP_TEAM
        elif level >= Level.MEDIUM or needs_human:
            view.status = ViewStatus.BEING_READ
        else:
            view.released = True
            view.status = ViewStatus.SHARED
        await view.save(using_db=conn)
        for hook in after_screening:
            await hook(view, screening, conn)
    if level >= Level.HIGH:
        mailer.wakeup()  # after the commit, so the mailer finds the case's e-mail at once
    return screening


SCREEN_KIND = JobKind(
    handler=screen_job,
    batch_handler=screen_batch,
    give_up=screen_gave_up,
    max_attempts=3,
    lease_s=120.0,
    batch=64,
)
