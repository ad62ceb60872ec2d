"""Composition root: every package's routes, the middleware, the lifespan, and the one
``Hooks`` value through which the shared machinery and the lower packages reach the
higher ones. Only the command line (``cli``) imports this package."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from functools import partial

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

import settings
from accounts import routes as accounts_routes
from accounts.guards import StaffSessionMiddleware
from accounts.throttle import SignInThrottle
from ambassadors import routes as ambassadors_routes
from boards import boards as boards_boards
from boards import public as boards_public
from boards import routes as boards_routes
from boards import updates as boards_updates
from moderation import escalation, help_at_hand
from moderation import services as moderation_services
from moderation import workspace as moderation_workspace
from postbox import api, easy_send, intake
from postbox import routes as postbox_routes
from postbox import services as postbox_services
from web import database, health, jobs, mailer, metrics, workers
from web.error_pages import FriendlyErrorsMiddleware, http_error, not_found
from web.errors import NotFound
from web.hooks import Hooks
from web.links import Links
from web.logs import AccessLogMiddleware, protect_child_data
from web.openapi import schema
from web.ratelimit import RateLimiter, trusted_networks
from web.routing import mount
from web.security import SecurityHeadersMiddleware
from web.static import HashedStaticFiles, PublicGZipMiddleware

# Tortoise app label → model modules; each app has its own migrations. web.models keeps the
# label "postbox" (see web/database.py).
MODELS: dict[str, list[str]] = {
    "postbox": ["postbox.models", "web.models"],
    "moderation": ["moderation.models"],
    "accounts": ["accounts.models"],
    "boards": ["boards.models"],
    "ambassadors": ["ambassadors.models"],
}


def site_routes() -> list[BaseRoute]:
    """Every page and endpoint: each package's routes under its prefix and name, so that
    ``url_for("moderation:item", view_id=3)`` is ``/staff/moderation/3``."""
    return [
        *mount("/api/v1", api.routes, name="api"),
        Route("/openapi.json", openapi, name="openapi"),
        *health.routes,
        *metrics.routes,
        *mount("/staff", accounts_routes.routes, name="accounts"),
        *mount("/staff/moderation", moderation_workspace.routes, name="moderation"),
        *mount("/staff/help-at-hand", help_at_hand.routes, name="help_at_hand"),
        *mount("", help_at_hand.child_routes, name="help_at_hand"),
        *mount("/staff/boards", boards_routes.board_routes, name="boards"),
        *mount("/staff/updates", boards_routes.update_routes, name="updates"),
        *mount("/staff/local-issues", ambassadors_routes.routes, name="local_issues"),
        *mount("", boards_public.routes, name="public"),
        *mount("", [*postbox_routes.routes, *easy_send.routes], name="postbox"),
        Mount("/static", app=HashedStaticFiles(settings.ROOT / "static"), name="static"),
    ]


def build_hooks() -> Hooks:
    """Everything the packages plug into each other and into the shared machinery."""
    links = Links(site_routes())
    return Hooks(
        job_kinds={intake.SCREEN_JOB: moderation_services.SCREEN_KIND},
        periodic=(partial(escalation.notify_overdue, links),),
        after_screening=(partial(escalation.route_to_people, links=links),),
        update_finders=(boards_public.updates_for_view,),
        care_finder=help_at_hand.care_for_view,
        metric_sources=(
            postbox_services.view_figures,
            moderation_services.screening_figures,
            escalation.queue_figures,
        ),
        health_checks=(workers.worker_health, moderation_services.screen_health),
        worker_reports=(moderation_services.screen_layers,),
        escalate_now=partial(escalation.escalate_at_once, links=links),
        board_choices=boards_boards.board_choices,
        staff_updates=boards_updates.staff_updates,
        links=links,
    )


async def openapi(request: Request) -> Response:
    return JSONResponse(schema(request.app.routes, title="The Post-box API", version="1"))


def create_app(
    database_url: str | None = None, *, hooks: Hooks, embedded_workers: bool | None = None
) -> Starlette:
    protect_child_data()
    trusted_networks()  # a mistyped POSTBOX_TRUSTED_PROXIES stops the start, not each request
    url = database_url or settings.DATABASE_URL
    run_workers = settings.EMBEDDED_WORKERS if embedded_workers is None else embedded_workers

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await database.open_database(MODELS, url)
        app.state.intake.start()
        worker = jobs.Worker(hooks)
        mail = mailer.Mailer(hooks)
        beat = workers.Heartbeat(hooks)
        tasks = []
        if run_workers:  # in this process: tests and ``uvicorn app:app``; ``serve`` starts a worker process
            tasks = [asyncio.create_task(c) for c in (worker.run(), mail.run(), beat.run())]
            tasks.append(asyncio.create_task(moderation_services.preload()))
        try:
            yield
        finally:
            worker.stop.set()
            mail.stop.set()
            beat.stop.set()
            jobs.wakeup_event().set()
            await asyncio.gather(*tasks)
            await app.state.intake.stop()
            await mailer.sends_in_flight()
            await database.close_database()

    app = Starlette(
        routes=site_routes(),
        middleware=[
            Middleware(AccessLogMiddleware),
            Middleware(PublicGZipMiddleware, minimum_size=500),
            Middleware(SecurityHeadersMiddleware),
            Middleware(FriendlyErrorsMiddleware),
            Middleware(StaffSessionMiddleware),
        ],
        exception_handlers={HTTPException: http_error, NotFound: not_found},
        lifespan=lifespan,
    )
    app.state.hooks = hooks
    app.state.intake = intake.Intake(hooks.escalate_now)
    app.state.limiter = RateLimiter(per_minute=settings.RATE_LIMIT)
    app.state.check_limiter = RateLimiter(per_minute=settings.CHECK_RATE_LIMIT if settings.RATE_LIMIT else 0)
    app.state.sign_in_limiter = RateLimiter(per_minute=settings.SIGN_IN_RATE_LIMIT)
    app.state.staff_limiter = RateLimiter(per_minute=settings.STAFF_RATE_LIMIT if settings.RATE_LIMIT else 0)
    app.state.sign_in_throttle = SignInThrottle(
        free_failures=settings.SIGN_IN_FREE_FAILURES, max_delay_s=settings.SIGN_IN_MAX_DELAY_S
    )
    return app


def web_app() -> Starlette:
    """What ``serve`` runs (``uvicorn app:web_app --factory``): the site without its
    workers, which run in a process of their own, so the web process never loads a model."""
    return create_app(hooks=build_hooks(), embedded_workers=False)


def __getattr__(name: str) -> Starlette:
    # ``uvicorn app:app`` builds the app on first use, so the worker and the command line can
    # import build_hooks and MODELS without building a web app they do not serve.
    if name == "app":
        built = create_app(hooks=build_hooks())
        globals()["app"] = built
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
