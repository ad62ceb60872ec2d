"""Staff pages for local issues: ambassadors post them, the office reads them."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from accounts.guards import form_of, staff_page, staff_route
from accounts.roles import Role
from accounts.services import Staff
from ambassadors import services
from postbox.vocabulary import areas
from web.errors import InvalidInput
from web.routing import redirect

READERS = frozenset({Role.ADMIN, Role.EDITOR, Role.AMBASSADOR})
AUTHORS = frozenset({Role.AMBASSADOR})


async def _list_page(
    request: Request, staff: Staff, values: dict[str, str], errors: dict[str, str], status: int = 200
) -> Response:
    # Cohorts belong to boards, beside us: their names are asked for, not imported.
    cohorts = [b for b in await request.app.state.hooks.board_choices() if staff.may_see_board(b.id)]
    context = {
        "issues": await services.issues_for(staff),
        "boards": {b.id: b for b in cohorts},
        "values": values,
        "errors": errors,
        "areas": areas(),
        "may_post": staff.role in AUTHORS,
        "posted": request.query_params.get("done") == "posted",
    }
    return staff_page(request, "boards/local_issues.html", context, status)


async def local_issues(request: Request, staff: Staff) -> Response:
    return await _list_page(request, staff, {}, {})


async def post_issue(request: Request, staff: Staff) -> Response:
    form = form_of(request)
    try:
        await services.create_issue(staff, form)
    except InvalidInput as exc:
        return await _list_page(request, staff, form, exc.errors, 400)
    return redirect(request, "local_issues:list", query={"done": "posted"})


async def _issue_page(
    request: Request, staff: Staff, issue: Any, errors: dict[str, str] | None = None, status: int = 200
) -> Response:
    context = {
        "issue": issue,
        "links": await services.links_of(staff, issue),
        "updates": await request.app.state.hooks.staff_updates(staff),
        "errors": errors or {},
        "done": request.query_params.get("done", ""),
    }
    return staff_page(request, "boards/local_issue.html", context, status)


async def local_issue(request: Request, staff: Staff) -> Response:
    issue = await services.load_issue(staff, request.path_params["issue_id"])
    return await _issue_page(request, staff, issue)


async def link_issue(request: Request, staff: Staff) -> Response:
    issue = await services.load_issue(staff, request.path_params["issue_id"])
    updates = await request.app.state.hooks.staff_updates(staff)
    try:
        kind = await services.link(staff, issue, form_of(request), updates)
    except InvalidInput as exc:
        return await _issue_page(request, staff, issue, exc.errors, 400)
    return redirect(request, "local_issues:issue", query={"done": kind}, issue_id=issue.id)


# Mounted at /staff/local-issues as "local_issues".
routes: list[BaseRoute] = [
    staff_route("/", local_issues, roles=READERS, name="list"),
    staff_route("/", post_issue, roles=AUTHORS, methods=["POST"], name="post"),
    staff_route("/{issue_id:int}", local_issue, roles=READERS, name="issue"),
    staff_route("/{issue_id:int}/link", link_issue, roles=READERS, methods=["POST"], name="link"),
]
