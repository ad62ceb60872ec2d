"""Help at Hand: the case list, a case, and a child's request to be contacted.

A contact request is the only place the product takes contact details. It is sealed with
``web.crypto`` before it is stored, opened only for the help_at_hand role, and deleted
when the case closes.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from tortoise.transactions import in_transaction

from accounts.guards import form_of, staff_page, staff_route
from accounts.models import AuditEntry
from accounts.roles import Role
from accounts.services import Staff, audit
from moderation import sla
from moderation.escalation import CATEGORY_NAMES, open_case
from moderation.models import Case, CaseNote, CaseState, ContactRequest, Review, ReviewState, Screening
from moderation.words import CASE_STATES, reasons_words
from moderation.workspace import segments
from postbox.models import Reply, View, ViewStatus
from postbox.services import find_view
from screening.types import Level
from web import crypto, mailer
from web.errors import NotFound
from web.hooks import Care
from web.http import BIGINT_MAX, path_id, read_form
from web.leases import utcnow
from web.routing import redirect
from web.security import CSRF_FIELD, check_csrf
from web.templating import templates

HELPERS = {Role.ADMIN, Role.HELP_AT_HAND}
CONTACT_WAYS = {"phone": "Phone call", "text": "Text message", "email": "E-mail"}
_DONE = {
    "acknowledge": "Acknowledged. The reminder e-mails stop.",
    "start": "Marked as in progress.",
    "note": "Note added.",
    "reply": "Reply sent. The child sees it when they check their code.",
    "close": "Case closed. Any contact details were deleted.",
}


async def cases(request: Request, staff: Staff) -> Response:
    state = request.query_params.get("state", "open")
    query = Case.filter(state=CaseState.CLOSED) if state == "closed" else Case.exclude(state=CaseState.CLOSED)
    rows = await query.order_by("-level_rank", "opened_at").limit(300)
    now = utcnow()
    asked = set(
        await ContactRequest.filter(view_id__in=[c.view_id for c in rows]).values_list("view_id", flat=True)
    )
    items = [
        {"case": c, "overdue": c.state != CaseState.CLOSED and c.due_at < now, "asked": c.view_id in asked}
        for c in rows
    ]
    return staff_page(
        request,
        "moderation/cases.html",
        {
            "items": items,
            "state": state,
            "names": CATEGORY_NAMES,
            "states": CASE_STATES,
            "overdue": sum(i["overdue"] for i in items),
            "asked": sum(i["asked"] for i in items),
        },
    )


async def _case(request: Request) -> Case:
    case_id = path_id(request, "case_id", maximum=BIGINT_MAX, missing="There is no such case.")
    case = await Case.get_or_none(id=case_id).prefetch_related("view")
    if case is None:
        raise NotFound("There is no such case.")
    return case


async def case_page(
    request: Request, staff: Staff, *, error: str | None = None, status: int = 200
) -> Response:
    case = await _case(request)
    screening = await Screening.latest(case.view_id)
    contacts = []
    if staff.role == Role.HELP_AT_HAND:  # the only role that may read contact details
        for request_row in await ContactRequest.filter(view_id=case.view_id).order_by("created_at"):
            try:
                contacts.append(
                    {"at": request_row.created_at, **json.loads(crypto.decrypt(request_row.sealed))}
                )
            except (crypto.InvalidToken, ValueError):
                contacts.append({"at": request_row.created_at, "error": "Could not be opened with this key."})
    context = {
        "case": case,
        "view": case.view,
        "screening": screening,
        "segments": segments(case.view.text, screening.spans if screening else []),
        "notes": await CaseNote.filter(case_id=case.id).order_by("created_at"),
        "replies": await Reply.filter(view_id=case.view_id).order_by("created_at"),
        "contacts": contacts,
        "has_contact": await ContactRequest.filter(view_id=case.view_id).exists(),
        "names": CATEGORY_NAMES,
        "states": CASE_STATES,
        "reasons_words": reasons_words,
        "overdue": case.state != CaseState.CLOSED and case.due_at < utcnow(),
        "history": await AuditEntry.filter(object_type="case", object_id=str(case.id))
        .order_by("-id")
        .limit(100),
        "message": _DONE.get(request.query_params.get("done", "")),
        "error": error,
    }
    return staff_page(request, "moderation/case.html", context, status)


async def open_case_page(request: Request, staff: Staff) -> Response:
    response = await case_page(request, staff)
    await audit(staff, "case.opened_by", "case", request.path_params["case_id"])  # who read it
    return response


async def case_action(request: Request, staff: Staff) -> Response:
    case = await _case(request)
    form = form_of(request)
    action = form.get("action", "")
    if action not in _DONE:
        raise HTTPException(400, "Unknown action.")
    if case.state == CaseState.CLOSED and action != "note":
        raise HTTPException(409, "This case is closed.")
    text = form.get("body", "").strip()
    async with in_transaction() as conn:
        if action == "acknowledge":
            case.state, case.acknowledged_at = CaseState.ACKNOWLEDGED, utcnow()
            case.assigned_to_id, case.assigned_to = staff.id, staff.email
        elif action == "start":
            case.state = CaseState.IN_PROGRESS
            case.acknowledged_at = case.acknowledged_at or utcnow()
            case.assigned_to_id, case.assigned_to = staff.id, staff.email
        elif action in {"note", "reply"}:
            if not text or len(text) > 5000:
                return await case_page(request, staff, error="Write 1 to 5,000 characters.", status=400)
            if action == "note":
                await CaseNote.create(
                    case_id=case.id, author_id=staff.id, author=staff.email, body=text, using_db=conn
                )
            else:
                await Reply.create(view_id=case.view_id, body=text, author_id=staff.id, using_db=conn)
        elif action == "close":
            outcome = form.get("outcome", "").strip()
            if not outcome:
                return await case_page(request, staff, error="Write the outcome before closing.", status=400)
            case.state, case.closed_at, case.outcome = CaseState.CLOSED, utcnow(), outcome[:5000]
            deleted = await ContactRequest.filter(view_id=case.view_id).using_db(conn).delete()
            await View.filter(id=case.view_id).using_db(conn).update(status=ViewStatus.ANSWERED)
            await audit(staff, "case.contact_deleted", "case", case.id, f"{deleted} requests", using_db=conn)
        await case.save(using_db=conn)
        await audit(staff, f"case.{action}", "case", case.id, using_db=conn)
    return redirect(request, "help_at_hand:case", query={"done": action}, case_id=case.id)


# The child's side -------------------------------------------------------------------------


async def care_for_view(view: View) -> Care:
    """What the child reads on /check about a worrying message (``Hooks.care_finder``):
    by when a person from Help at Hand (or a moderator) reads it, and whether they started.
    Before the full screen has run, the time its level promises."""
    case = await Case.get_or_none(view_id=view.id)
    asked = await ContactRequest.filter(view_id=view.id).exists()
    if case is not None and case.state != CaseState.CLOSED:
        return Care(due_at=case.due_at, started=case.state != CaseState.NEW, contact_requested=asked)
    review = await Review.get_or_none(view_id=view.id, state=ReviewState.OPEN)
    if review is not None:
        return Care(due_at=review.due_at, started=review.claimed_by_id is not None, contact_requested=asked)
    level = max(Level.MEDIUM, Level.parse(view.level or "none"))
    return Care(due_at=sla.due_at(level, view.created_at), contact_requested=asked)


async def contact(request: Request) -> Response:
    """ "I want someone to contact me": offered on the thank-you page when help is shown."""
    if request.method == "GET":
        return templates.TemplateResponse(
            request, "moderation/contact.html", {"values": {}, "errors": {}, "ways": CONTACT_WAYS}
        )
    request.app.state.check_limiter.check("contact", request)  # a code can be guessed here too
    form = await read_form(request)
    check_csrf(request, form.get(CSRF_FIELD))
    values = {k: form.get(k, "").strip() for k in ("code", "way", "details", "when")}
    errors = {}
    view = await find_view(values["code"]) if values["code"] else None
    if view is None:
        errors["code"] = "We could not find that code. Check each word and the number."
    if values["way"] not in CONTACT_WAYS:
        errors["way"] = "Choose how we should contact you."
    if not values["details"] or len(values["details"]) > 200:
        errors["details"] = "Write your phone number or e-mail."
    if len(values["when"]) > 200:
        errors["when"] = "Please write less here."
    if errors or view is None:
        context = {"values": values, "errors": errors, "ways": CONTACT_WAYS}
        return templates.TemplateResponse(request, "moderation/contact.html", context, status_code=422)
    sealed = crypto.encrypt(json.dumps({k: values[k] for k in ("way", "details", "when")}))
    async with in_transaction() as conn:
        await ContactRequest.create(view_id=view.id, sealed=sealed, using_db=conn)
        level = max(Level.HIGH, Level.parse(view.level or "none"))
        case = await open_case(
            view,
            level,
            [],
            ["contact_requested"],
            conn=conn,
            escalated_by="the child asked for contact",
            links=request.app.state.hooks.links,
        )
        # A child who asks to be contacted is waiting: the case moves to the urgent timer.
        urgent_by = sla.due_at(Level.URGENT, utcnow())
        if case.state == CaseState.CLOSED or case.due_at > urgent_by:
            await Case.filter(id=case.id).using_db(conn).update(due_at=urgent_by)
        await audit(None, "case.contact_requested", "case", case.id, using_db=conn)
    mailer.wakeup()
    return templates.TemplateResponse(request, "moderation/contact_done.html", {})


# Mounted at /staff/help-at-hand as "help_at_hand".
routes = [
    staff_route("/", cases, roles=HELPERS, name="cases"),
    staff_route("/{case_id}", open_case_page, roles=HELPERS, name="case"),
    staff_route("/{case_id}/action", case_action, roles=HELPERS, methods=["POST"], name="case_action"),
]
# The child's side, mounted at the site's root as "help_at_hand" too: help_at_hand:contact.
child_routes = [Route("/contact-me", contact, methods=["GET", "POST"], name="contact")]
