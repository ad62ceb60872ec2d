"""Composition root: every package's routes, the middleware, the lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import settings
from accounts import routes as accounts_routes
from accounts.guards import StaffSessionMiddleware
from ambassadors import routes as ambassadors_routes
from boards import public as boards_public
from boards import routes as boards_routes
from moderation import escalation, help_at_hand
from moderation import services as moderation_services
from moderation import workspace as moderation_workspace
from postbox import api, easy_send
from postbox import routes as postbox_routes
from postbox import services as postbox_services
from postbox.intake import Intake
from web import database, health, jobs, mailer, metrics
from web.http import database_unavailable
from web.logs import AccessLogMiddleware, protect_child_data
from web.openapi import schema
from web.ratelimit import RateLimiter
from web.security import SecurityHeadersMiddleware
from web.templating import templates

log = logging.getLogger("postbox.app")

ERROR_TITLES = {
    400: "Something went wrong with what you sent",
    403: "We could not accept that",
    404: "We could not find that page",
    405: "We could not do that",
    413: "That is too long",
    415: "We could not read that",
    422: "Please check what you wrote",
    429: "Please slow down",
    500: "Sorry, something went wrong on our side",
    503: "Sorry, the Post-box is having a rest",
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if exc.detail and exc.status_code != 404 else "We could not find that page."
    if _is_api(request):
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)
    context = {"title": ERROR_TITLES.get(exc.status_code, "Something went wrong"), "message": message}
    return templates.TemplateResponse(
        request, "error.html", context, status_code=exc.status_code, headers=exc.headers
    )


async def server_error(request: Request, exc: BaseException) -> Response:
    status = 503 if database_unavailable(exc) else 500
    log.error("unhandled %s on %s", type(exc).__name__, getattr(request.scope.get("route"), "path", "-"))
    message = (
        "We cannot take messages for a moment. Please try again in a few minutes."
        if status == 503
        else "Please try again. If you need help now, call Childline."
    )
    headers = {"Retry-After": "30"} if status == 503 else None
    if _is_api(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return templates.TemplateResponse(
        request,
        "error.html",
        {"title": ERROR_TITLES[status], "message": message},
        status_code=status,
        headers=headers,
    )


class FriendlyErrorsMiddleware:
    """Turns any unhandled error into a kind page (503 when the database is unreachable).

    Unlike Starlette's own handler it does not re-raise, so the server never prints a
    traceback that might quote what a child wrote; we log the exception type only.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            if started:
                raise
            response = await server_error(Request(scope), exc)
            await response(scope, receive, send)


def create_app(database_url: str | None = None, *, embedded_workers: bool | None = None) -> Starlette:
    protect_child_data()
    url = database_url or settings.DATABASE_URL
    run_workers = settings.EMBEDDED_WORKERS if embedded_workers is None else embedded_workers

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await database.open_database(url)
        app.state.intake.start()
        worker = jobs.Worker(kinds=job_kinds())
        mail = mailer.Mailer()
        tasks = [asyncio.create_task(worker.run()), asyncio.create_task(mail.run())] if run_workers else []
        if run_workers:
            # Load the screen's models now, not when the first child writes: /healthz can
            # name every layer at once, and the first urgent view is not kept waiting.
            tasks.append(asyncio.create_task(_preload_screen()))
        try:
            yield
        finally:
            worker.stop.set()
            mail.stop.set()
            jobs.wakeup_event().set()
            await asyncio.gather(*tasks)
            await app.state.intake.stop()
            await database.close_database()

    async def openapi(request: Request) -> Response:
        return JSONResponse(schema(app.routes, title="The Post-box API", version="1"))

    routes = [
        Mount("/api/v1", routes=api.routes, name="api"),
        Route("/openapi.json", openapi, name="openapi"),
        *health.routes,
        *metrics.routes,
        *accounts_routes.routes,
        *moderation_workspace.routes,
        *help_at_hand.routes,
        *help_at_hand.child_routes,
        *boards_routes.routes,
        *ambassadors_routes.routes,
        *boards_public.routes,
        Mount("/static", app=StaticFiles(directory=settings.ROOT / "static"), name="static"),
        Mount("", routes=[*postbox_routes.routes, *easy_send.routes], name="postbox"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(AccessLogMiddleware),
            Middleware(SecurityHeadersMiddleware),
            Middleware(FriendlyErrorsMiddleware),
            Middleware(StaffSessionMiddleware),
        ],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
    postbox_services.UPDATE_FINDERS[:] = [boards_public.updates_for_view]
    metrics.EXTRA_SOURCES[:] = [escalation.queue_metrics]
    app.state.intake = Intake()
    app.state.limiter = RateLimiter(per_minute=settings.RATE_LIMIT)
    app.state.check_limiter = RateLimiter(per_minute=settings.CHECK_RATE_LIMIT if settings.RATE_LIMIT else 0)
    app.state.sign_in_limiter = RateLimiter(per_minute=settings.SIGN_IN_RATE_LIMIT)
    return app


async def _preload_screen() -> None:
    try:
        await moderation_services.screener()
    except Exception as exc:  # the job's own retries and give-up still fail closed
        log.error("screen could not be loaded at start: %s", type(exc).__name__)


def job_kinds() -> dict[str, jobs.JobKind]:
    return {**moderation_services.JOB_KINDS}


app = create_app()
