"""The kind pages (or JSON, under /api/) every error turns into, and the middleware that
keeps a traceback from ever reaching the client or the log."""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.errors import NotFound
from web.http import bad_input, database_unavailable
from web.logs import CLIENT_GONE, route_pattern
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


async def not_found(request: Request, exc: Exception) -> Response:
    """A service's ``NotFound``: the same answer as any other 404."""
    assert isinstance(exc, NotFound)
    return await http_error(request, HTTPException(404, str(exc)))


async def server_error(request: Request, exc: BaseException) -> Response:
    if bad_input(exc):
        log.warning("value out of range (%s) on %s", type(exc).__name__, route_pattern(request.scope))
        return await http_error(request, HTTPException(400, "Something you sent is too big or too long."))
    status = 503 if database_unavailable(exc) else 500
    log.error("unhandled %s on %s", type(exc).__name__, route_pattern(request.scope))
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
        except ClientDisconnect:
            # The browser went away while sending: nobody to answer, and no fault of ours.
            scope[CLIENT_GONE] = True
            return
        except Exception as exc:
            if started:
                raise
            response = await server_error(Request(scope), exc)
            await response(scope, receive, send)
