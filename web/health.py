"""``/healthz``: is the site able to take and screen views right now?"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from moderation import services as moderation
from web import jobs
from web.models import OutboxMessage, OutboxState


async def healthz(request: Request) -> Response:
    body: dict[str, Any] = {"status": "ok", "database": "ok"}
    try:
        depth, oldest = await jobs.queue_stats()
        body["queue_depth"] = depth
        body["oldest_job_age_s"] = round(oldest, 1) if oldest is not None else None
        body["outbox_pending"] = await OutboxMessage.filter(state=OutboxState.PENDING).count()
    except Exception:
        body.update(
            status="unavailable",
            database="unavailable",
            queue_depth=None,
            oldest_job_age_s=None,
            outbox_pending=None,
        )
    body["screening"] = moderation.layers()
    if body["status"] == "ok" and any(v == "missing" for v in body["screening"].values()):
        body["status"] = "degraded"
    return JSONResponse(body, status_code=200 if body["status"] != "unavailable" else 503)


routes = [Route("/healthz", healthz, name="healthz")]
