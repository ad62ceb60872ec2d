"""Staff workspaces for boards and cohorts (explorer, drafting, review).

Every route goes through ``staff_route`` (signed in, role, CSRF); scope is checked by
``boards.boards`` and ``boards.updates`` against each record loaded, and anything out of
scope is a 404.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from accounts.guards import form_of, staff_page, staff_route
from accounts.roles import Role
from accounts.services import Staff
from boards import boards, explorer, forms, updates
from boards.boards import REVIEWERS, WORKSPACE
from boards.models import Board, BoardKind, Update, UpdateState, UpdateStatus
from easy_read.checker import check
from postbox.vocabulary import AGE_BAND_LABELS, AGE_BANDS, THEMES, areas
from web.errors import InvalidInput, NotFound
from web.routing import redirect

ADMINS = frozenset({Role.ADMIN})

NOTICES = {
    "created": "Draft saved. You can keep working on it.",
    "saved": "Saved.",
    "submitted": "Sent for review. An editor will read it.",
    "published": "Published. Children can read it now.",
    "sent_back": "Sent back to the author as a draft.",
    "timeline": "Timeline entry added.",
    "linked": "View linked to the update.",
    "quoted": "Quote picked for the update.",
    "unlinked": "View taken off the update.",
}


def _labels() -> dict[str, Any]:
    return {
        "status_labels": updates.STATUS_LABELS,
        "state_labels": updates.STATE_LABELS,
        "kinds": [k.value for k in BoardKind],
        "themes": THEMES,
    }


# Workspace and boards -------------------------------------------------------------------


async def workspace(request: Request, staff: Staff) -> Response:
    visible = await boards.visible_boards(staff)
    found = await updates.updates_for(staff)
    context = {
        "boards": visible,
        "in_review": [u for u in found if u.state == UpdateState.IN_REVIEW],
        "drafts": [u for u in found if u.state == UpdateState.DRAFT],
        "may_review": staff.role in REVIEWERS,
        **_labels(),
    }
    return staff_page(request, "boards/workspace.html", context)


async def board_detail(request: Request, staff: Staff) -> Response:
    board = await boards.load_board(staff, request.path_params["board_id"])
    context = {
        "board": board,
        "members": await boards.members_of(board),
        "updates": await updates.updates_for(staff, board_id=board.id),
        **_labels(),
    }
    return staff_page(request, "boards/board.html", context)


async def board_new(request: Request, staff: Staff) -> Response:
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = form_of(request)
        try:
            board = await boards.create_board(staff, forms.parse_board_form(values))
            return redirect(request, "boards:board", board_id=board.id)
        except InvalidInput as exc:
            errors = exc.errors
    context = {"board": None, "values": values, "errors": errors, **_labels()}
    return staff_page(request, "boards/board_form.html", context, 400 if errors else 200)


async def board_edit(request: Request, staff: Staff) -> Response:
    board = await boards.load_board(staff, request.path_params["board_id"])
    values: dict[str, Any] = {
        "name": board.name,
        "kind": str(board.kind),
        "description": board.description,
        "active_from": board.active_from.isoformat() if board.active_from else "",
        "active_until": board.active_until.isoformat() if board.active_until else "",
    }
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = form_of(request)
        try:
            await boards.edit_board(staff, board, forms.parse_board_form(values))
            return redirect(request, "boards:board", board_id=board.id)
        except InvalidInput as exc:
            errors = exc.errors
    context = {"board": board, "values": values, "errors": errors, **_labels()}
    return staff_page(request, "boards/board_form.html", context, 400 if errors else 200)


# The views explorer ---------------------------------------------------------------------


async def explore(request: Request, staff: Staff) -> Response:
    filters = explorer.parse_filters(request.query_params)
    found = await explorer.explore(filters)
    context = {
        "f": filters,
        "errors": filters.errors,
        **found,
        "themes": (*THEMES, explorer.NO_THEME),
        "age_bands": AGE_BANDS,
        "age_labels": AGE_BAND_LABELS,
        "areas": areas(),
        "pickable": await updates.draftable_updates(staff),
        "back": filters.query(),
        "notice": NOTICES.get(request.query_params.get("done", "")),
    }
    return staff_page(request, "boards/explore.html", context, 400 if filters.errors else 200)


async def pick(request: Request, staff: Staff) -> Response:
    """Link a view (or pick its consented quote) into an update, from the explorer."""
    form = form_of(request)
    try:
        update = await updates.load_update(staff, form.get("update_id", ""))
        quoted = form.get("quoted") == "yes"
        await updates.link_view(staff, update, form.get("view_id", ""), quoted=quoted)
    except NotFound as exc:
        raise HTTPException(400, "Choose one of your updates.") from exc
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from exc
    back = form.get("back", "")
    # Only our own query string goes back into the address: never an open redirect.
    query = {**dict(_pairs(back)), "done": "quoted" if quoted else "linked"}
    return redirect(request, "boards:explore", query=query)


def _pairs(query: str) -> list[tuple[str, str]]:
    keys = {"theme", "age_band", "area", "date_from", "date_to", "q", "period", "page"}
    try:
        return [(k, v) for k, v in parse_qsl(query[:2000]) if k in keys]
    except ValueError:
        return []


# Updates --------------------------------------------------------------------------------


async def updates_list(request: Request, staff: Staff) -> Response:
    state = request.query_params.get("state", "")
    state = state if state in updates.STATE_LABELS else ""
    context = {"updates": await updates.updates_for(staff, state or None), "state": state, **_labels()}
    return staff_page(request, "boards/updates.html", context)


async def _update_page(
    request: Request,
    staff: Staff,
    update: Update | None,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    visible = await boards.visible_boards(staff)
    if values is None:
        values = updates.snapshot(update) if update else {"board_id": staff.board_id, "status": "planned"}
    published = update is not None and update.state == UpdateState.PUBLISHED
    context: dict[str, Any] = {
        "update": update,
        "values": values,
        "errors": errors or {},
        "boards": visible,
        "report": check(str(values.get("easy_read", "")))
        if str(values.get("easy_read", "")).strip()
        else None,
        "statuses": [s.value for s in UpdateStatus],
        "may_review": staff.role in REVIEWERS,
        "words_locked": published and staff.role not in REVIEWERS,
        "notice": NOTICES.get(request.query_params.get("done", "")),
        **_labels(),
    }
    if update is not None:
        context["timeline"] = await updates.timeline_of(update)
        context["revisions"] = await updates.revisions_of(update)
        context["linked"] = await updates.linked_views(update)
        context["board"] = next((b for b in visible if b.id == update.board_id), None) or await Board.get(
            id=update.board_id
        )
    return staff_page(request, "boards/update_form.html", context, status)


async def _load(staff: Staff, request: Request) -> Update:
    return await updates.load_update(staff, request.path_params["update_id"])


async def update_new(request: Request, staff: Staff) -> Response:
    if request.method == "GET":
        return await _update_page(request, staff, None)
    form = form_of(request)
    try:
        data = forms.parse_update_form(form, default_board_id=staff.board_id)
        update = await updates.create_update(staff, data)
    except InvalidInput as exc:
        return await _update_page(request, staff, None, values=form, errors=exc.errors, status=400)
    return redirect(request, "updates:edit", query={"done": "created"}, update_id=update.id)


async def update_edit(request: Request, staff: Staff) -> Response:
    update = await _load(staff, request)
    if request.method == "GET":
        return await _update_page(request, staff, update)
    form = form_of(request)
    try:
        data = forms.parse_update_form(form, default_board_id=update.board_id)
        await updates.save_update(staff, update, data)
    except InvalidInput as exc:
        await update.refresh_from_db()
        return await _update_page(request, staff, update, values=form, errors=exc.errors, status=400)
    return redirect(request, "updates:edit", query={"done": "saved"}, update_id=update.id)


async def _transition(request: Request, staff: Staff, action: str) -> Response:
    update = await _load(staff, request)
    try:
        if action == "submitted":
            await updates.submit(staff, update)
        elif action == "published":
            await updates.publish(staff, update)
        elif action == "sent_back":
            await updates.send_back(staff, update, form_of(request).get("note", ""))
        elif action == "timeline":
            await updates.add_timeline_entry(staff, update, form_of(request))
        elif action == "unlinked":
            await updates.unlink_view(staff, update, form_of(request).get("view_id", ""))
    except InvalidInput as exc:
        await update.refresh_from_db()
        return await _update_page(request, staff, update, errors=exc.errors, status=400)
    except PermissionError as exc:
        raise HTTPException(403, str(exc)) from exc
    return redirect(request, "updates:edit", query={"done": action}, update_id=update.id)


async def update_submit(request: Request, staff: Staff) -> Response:
    return await _transition(request, staff, "submitted")


async def update_publish(request: Request, staff: Staff) -> Response:
    return await _transition(request, staff, "published")


async def update_send_back(request: Request, staff: Staff) -> Response:
    return await _transition(request, staff, "sent_back")


async def update_timeline(request: Request, staff: Staff) -> Response:
    return await _transition(request, staff, "timeline")


async def update_unlink(request: Request, staff: Staff) -> Response:
    return await _transition(request, staff, "unlinked")


# Mounted at /staff/boards as "boards".
board_routes: list[BaseRoute] = [
    staff_route("/", workspace, roles=WORKSPACE, name="workspace"),
    staff_route("/new", board_new, roles=ADMINS, methods=["GET", "POST"], name="new"),
    staff_route("/explore", explore, roles=WORKSPACE, name="explore"),
    staff_route("/{board_id:int}", board_detail, roles=WORKSPACE, name="board"),
    staff_route("/{board_id:int}/edit", board_edit, roles=ADMINS, methods=["GET", "POST"], name="edit"),
]

# Mounted at /staff/updates as "updates".
update_routes: list[BaseRoute] = [
    staff_route("/", updates_list, roles=WORKSPACE, name="list"),
    staff_route("/new", update_new, roles=WORKSPACE, methods=["GET", "POST"], name="new"),
    staff_route("/link", pick, roles=WORKSPACE, methods=["POST"], name="link"),
    staff_route("/{update_id:int}", update_edit, roles=WORKSPACE, methods=["GET", "POST"], name="edit"),
    staff_route("/{update_id:int}/submit", update_submit, roles=WORKSPACE, methods=["POST"], name="submit"),
    staff_route(
        "/{update_id:int}/publish", update_publish, roles=REVIEWERS, methods=["POST"], name="publish"
    ),
    staff_route(
        "/{update_id:int}/send-back", update_send_back, roles=REVIEWERS, methods=["POST"], name="send_back"
    ),
    staff_route(
        "/{update_id:int}/timeline", update_timeline, roles=WORKSPACE, methods=["POST"], name="timeline"
    ),
    staff_route("/{update_id:int}/unlink", update_unlink, roles=WORKSPACE, methods=["POST"], name="unlink"),
]
