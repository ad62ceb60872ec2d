"""Every staff route goes through ``staff_route``: signed in, the right role, CSRF on
every change. Scope (which board or cohort) is checked by the endpoint against the
record it loads, with ``Staff.may_see_board``. ``roles_of(route)`` reads back who a route
admits, so a test can walk the app's own route table.

The session middleware only looks at ``/staff`` and ``/metrics``; a child's request
never touches the sessions table.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

import settings
from accounts.roles import Role
from accounts.services import Staff, staff_for
from web.http import read_form, xml_safe
from web.routing import redirect
from web.security import CSRF_FIELD, check_csrf
from web.templating import templates

SESSION_COOKIE = "__Host-postbox_staff" if settings.SECURE_COOKIES else "postbox_staff"
_STAFF_PREFIXES = ("/staff", "/metrics")

StaffEndpoint = Callable[[Request, Staff], Awaitable[Response]]


class StaffSessionMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(_STAFF_PREFIXES):
            raw = HTTPConnection(scope).cookies.get(SESSION_COOKIE, "")
            staff = await staff_for(raw) if raw else None
            if staff is not None:
                scope["staff"] = staff
                scope["csrf_binding"] = staff.session_digest[:24]
        await self.app(scope, receive, send)


def staff_route(
    path: str,
    endpoint: StaffEndpoint,
    *,
    roles: Iterable[Role],
    methods: Iterable[str] = ("GET",),
    name: str | None = None,
) -> Route:
    allowed = frozenset(roles)
    method_set = frozenset(m.upper() for m in methods)

    async def guarded(request: Request) -> Response:
        if request.method not in {"GET", "HEAD"}:
            # Every change is rate-limited, before anything else (signed in or not).
            request.app.state.staff_limiter.check("staff", request)
        staff: Staff | None = request.scope.get("staff")
        if staff is None:
            return redirect(request, "accounts:sign_in", query=f"next={quote(request.url.path, safe='/')}")
        if staff.role not in allowed:
            raise HTTPException(403, "Your role cannot open this page.")
        if request.method not in {"GET", "HEAD"}:
            form = await read_form(request)
            check_csrf(request, form.pop(CSRF_FIELD, None))
            # Staff text may end up in XML (the Atom feed): nothing XML 1.0 forbids is kept.
            request.state.form = {key: xml_safe(value) for key, value in form.items()}
        return await endpoint(request, staff)

    guarded.staff_roles = allowed  # type: ignore[attr-defined]
    return Route(path, guarded, methods=sorted(method_set), name=name or endpoint.__name__)


def roles_of(route: BaseRoute) -> frozenset[Role] | None:
    """The roles a staff route admits; None for a route that is not guarded."""
    return getattr(getattr(route, "endpoint", None), "staff_roles", None)


def staff_page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    """A staff page: never kept by the browser's or a proxy's cache (children's words, names)."""
    return templates.TemplateResponse(
        request, template, context, status_code=status, headers={"Cache-Control": "no-store"}
    )


def form_of(request: Request) -> dict[str, str]:
    """The form a guarded POST carried (already CSRF-checked)."""
    return request.state.form


def set_session_cookie(response: Response, raw: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        raw,
        max_age=12 * 3600,
        path="/",
        secure=settings.SECURE_COOKIES,
        httponly=True,
        samesite="strict",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=settings.SECURE_COOKIES, httponly=True, samesite="strict"
    )
