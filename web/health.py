"""``/healthz``: is the site able to take and screen views right now?

The database, the job queue and the outbox are checked here; each package adds its own
part through ``Hooks.health_checks`` (the screen names the layers it has loaded).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from web import jobs
from web.models import OutboxMessage, OutboxState


@dataclass(frozen=True)
class HealthReport:
    """One part of /healthz: ``detail`` goes under ``name``; ``degraded`` marks the site so."""

    name: str
    detail: object
    degraded: bool = False


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
    for check in request.app.state.hooks.health_checks:
        report = await check()
        body[report.name] = report.detail
        if body["status"] == "ok" and report.degraded:
            body["status"] = "degraded"
    return JSONResponse(body, status_code=200 if body["status"] != "unavailable" else 503)


routes = [Route("/healthz", healthz, name="healthz")]
