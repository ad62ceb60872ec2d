"""``/metrics`` in Prometheus format: figures read from the database on each scrape, so
every web process reports the same numbers. Open to this machine only (and, once staff
sign-in exists, to signed-in staff); never exposes anything about a child."""

from __future__ import annotations

from ipaddress import ip_address

from prometheus_client import CollectorRegistry, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from tortoise.functions import Avg, Count

from moderation.models import Screening
from postbox.models import View
from web import jobs
from web.models import OutboxMessage, OutboxState


def _is_local(request: Request) -> bool:
    if request.headers.get("x-forwarded-for"):
        return False  # came through the proxy: not local, whatever the socket says
    try:
        return request.client is not None and ip_address(request.client.host).is_loopback
    except ValueError:
        return False


async def metrics(request: Request) -> Response:
    if not (_is_local(request) or request.scope.get("staff")):
        raise HTTPException(403, "Metrics are for staff.")
    registry = CollectorRegistry()
    depth, oldest = await jobs.queue_stats()
    Gauge("postbox_queue_depth", "Jobs waiting", registry=registry).set(depth)
    Gauge("postbox_oldest_job_age_seconds", "Age of the oldest waiting job", registry=registry).set(
        oldest or 0
    )
    Gauge("postbox_outbox_pending", "E-mails not yet sent", registry=registry).set(
        await OutboxMessage.filter(state=OutboxState.PENDING).count()
    )
    views = Gauge("postbox_views", "Views by screening level", ["level"], registry=registry)
    for row in await View.annotate(n=Count("id")).group_by("level").values("level", "n"):
        views.labels(level=row["level"] or "unscreened").set(row["n"])
    latency = await Screening.annotate(avg=Avg("elapsed_ms")).first().values("avg")
    Gauge("postbox_screening_latency_ms_avg", "Mean full-screen time per view", registry=registry).set(
        (latency or {}).get("avg") or 0
    )
    for name, value in (await extra_metrics()).items():
        Gauge(name, name.replace("_", " "), registry=registry).set(value)
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


async def extra_metrics() -> dict[str, float]:
    """Figures other packages add (overdue cases…); each returns name → value."""
    values: dict[str, float] = {}
    for source in EXTRA_SOURCES:
        values.update(await source())
    return values


EXTRA_SOURCES: list = []

routes = [Route("/metrics", metrics, name="metrics")]
