"""``/metrics`` in Prometheus format: figures read from the database on each scrape, so
every web process reports the same numbers. Open to a scraper with the metrics token and
to signed-in administrators, a 404 to everyone else; never exposes anything about a child.

The job queue and the outbox are counted here; each package adds its own figures through
``Hooks.metric_sources``.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import settings
from web import jobs
from web.errors import NotFound
from web.models import OutboxMessage, OutboxState


@dataclass(frozen=True)
class Figure:
    """One gauge value; figures sharing a name are one gauge, told apart by their labels."""

    name: str
    help: str
    value: float
    labels: Mapping[str, str] = field(default_factory=dict)


def _allowed(request: Request) -> bool:
    """A scraper with ``POSTBOX_METRICS_TOKEN`` as its bearer token, or a signed-in admin.
    Never "whoever is on this machine": behind a proxy on the same host, that is everyone."""
    token = str(settings.METRICS_TOKEN)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return True
    staff = request.scope.get("staff")
    return staff is not None and getattr(staff.role, "value", staff.role) == "admin"


async def core_figures() -> list[Figure]:
    depth, oldest = await jobs.queue_stats()
    pending = await OutboxMessage.filter(state=OutboxState.PENDING).count()
    return [
        Figure("postbox_queue_depth", "Jobs waiting", depth),
        Figure("postbox_oldest_job_age_seconds", "Age of the oldest waiting job", oldest or 0),
        Figure("postbox_outbox_pending", "E-mails not yet sent", pending),
    ]


def exposition(figures: list[Figure]) -> bytes:
    registry = CollectorRegistry()
    gauges: dict[str, Gauge] = {}
    for figure in figures:
        gauge = gauges.get(figure.name)
        if gauge is None:
            gauge = Gauge(figure.name, figure.help, sorted(figure.labels), registry=registry)
            gauges[figure.name] = gauge
        (gauge.labels(**figure.labels) if figure.labels else gauge).set(figure.value)
    return generate_latest(registry)


async def metrics(request: Request) -> Response:
    if not _allowed(request):
        raise NotFound("There is no such page.")
    figures = await core_figures()
    for source in request.app.state.hooks.metric_sources:
        figures += await source()
    return Response(exposition(figures), media_type=CONTENT_TYPE_LATEST)


routes = [Route("/metrics", metrics, name="metrics")]
