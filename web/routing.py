"""Routes are data: each package lists its routes relative to its own prefix, the app
mounts them under a prefix and a name, and every link is built from a route name.

``mount("/staff/moderation", routes, name="moderation")`` puts a package's ``Route("/{view_id}",
…, name="item")`` at ``/staff/moderation/{view_id}`` as ``moderation:item``, exactly as
Starlette's ``Mount`` names it, and a route at ``"/"`` at the bare prefix.

Why not Starlette's ``Mount`` itself: it serves a package's index only as
``/staff/moderation/`` (the address without the slash is redirected), which would change
addresses children and staff already use, and a Mount claims every path below its prefix,
so ``/staff`` (accounts) would hide ``/staff/moderation``. Copying the routes with the
prefix keeps one flat table in which each route carries its whole path, which is also what
the access log names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route


def mount(prefix: str, routes: Sequence[BaseRoute], *, name: str) -> list[BaseRoute]:
    """``routes`` under ``prefix``, each named ``"<name>:<route name>"``."""
    mounted: list[BaseRoute] = []
    for route in routes:
        if not isinstance(route, Route):
            raise TypeError(f"{name}: only plain routes can be mounted, not {route!r}")
        path = prefix + route.path if route.path != "/" else prefix or "/"
        mounted.append(
            Route(
                path,
                route.endpoint,
                methods=sorted(route.methods or ()),
                name=f"{name}:{route.name}",
                include_in_schema=route.include_in_schema,
            )
        )
    return mounted


def path_for(request: Request, name: str, /, **path_params: Any) -> str:
    """The path of a named route (``/staff/moderation/3``), as a template's ``url_for`` gives it."""
    return request.url_for(name, **path_params).path


def redirect(
    request: Request, name: str, /, query: str | Mapping[str, Any] = "", **path_params: Any
) -> RedirectResponse:
    """303 See Other to a named route, the answer to every form post that changed something."""
    target = path_for(request, name, **path_params)
    query_string = query if isinstance(query, str) else urlencode(query)
    return RedirectResponse(f"{target}?{query_string}" if query_string else target, status_code=303)
