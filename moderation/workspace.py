"""The moderators' workspace: the triage queue, an item page, and what a moderator can do.

Every action is one transaction with its audit entry. A review has one owner at a time:
acting on an item claims it, and an item someone else holds cannot be acted on until
they release it (an admin may take it over).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from accounts.guards import form_of, staff_page, staff_route
from accounts.models import AuditEntry
from accounts.roles import Role
from accounts.services import Staff, audit
from moderation.escalation import CATEGORY_NAMES, categories_of, open_case
from moderation.models import Decision, Review, ReviewState, Screening, ScreenLabel
from moderation.words import DECISIONS, REVIEW_STATES, reasons_words
from postbox.models import Reply, View, ViewStatus
from postbox.vocabulary import STATUS_TITLES, THEMES
from screening.pii import redact
from screening.types import Level, Span
from web import mailer
from web.errors import NotFound
from web.http import BIGINT_MAX, path_id
from web.leases import utcnow
from web.links import Links
from web.routing import redirect

MODERATORS = {Role.ADMIN, Role.MODERATOR}
MAX_REPLY = 5000
DONE = {
    "claim": "You are working on this item.",
    "release": "Released. Someone else can take it.",
    "approve": "Approved. Boards can now read it, without hidden details.",
    "not_a_concern": "Marked as not a concern and approved. The screen can learn from this.",
    "redact": "Hidden. The original is kept for safeguarding staff.",
    "escalate": "Sent to Help at Hand. They have been e-mailed.",
    "set_theme": "Theme set.",
    "reply": "Reply sent. The child sees it when they check their code.",
    "close": "Closed without sharing.",
}
# Actions that finish an item: the moderator goes straight on to the next one.
_FINISHING = {"approve", "not_a_concern", "escalate", "close"}
_ACTIONS = {
    "claim",
    "release",
    "approve",
    "redact",
    "escalate",
    "not_a_concern",
    "set_theme",
    "reply",
    "close",
}


def _view_id(request: Request) -> int:
    return path_id(request, "view_id", maximum=BIGINT_MAX, missing="There is no such item.")


async def queue(request: Request, staff: Staff) -> Response:
    state = request.query_params.get("state", "open")
    if state not in {"open", "closed"}:
        state = "open"
    reviews = (
        await Review.filter(state=state)
        .order_by("-level_rank", "created_at", "id")
        .limit(200)
        .prefetch_related("view")
        if state == "open"
        else await Review.filter(state=state).order_by("-closed_at").limit(200).prefetch_related("view")
    )
    now = utcnow()
    items = [
        {
            "review": r,
            "view": r.view,
            "overdue": state == "open" and r.due_at < now,
            "due_in": _due_words(r.due_at, now),
            "bulk_ok": _clean(r),
        }
        for r in reviews
    ]
    counts = {
        "open": await Review.filter(state="open").count(),
        "overdue": sum(bool(i["overdue"]) for i in items),
    }
    context = {
        "items": items,
        "state": state,
        "counts": counts,
        "decisions": DECISIONS,
        "message": DONE.get(request.query_params.get("done", "")),
    }
    return staff_page(request, "moderation/queue.html", context)


def _clean(review: Review) -> bool:
    """Safe to approve in bulk: the screen found no risk and no personal information."""
    return review.level_rank <= int(Level.LOW) and not review.view.redacted_text


def _due_words(due: datetime, now: datetime) -> str:
    seconds = int((due - now).total_seconds())
    late = seconds < 0
    seconds = abs(seconds)
    if seconds >= 86400:
        amount = f"{seconds // 86400} d {seconds % 86400 // 3600} h"
    elif seconds >= 3600:
        amount = f"{seconds // 3600} h {seconds % 3600 // 60} min"
    else:
        amount = f"{seconds // 60} min"
    return f"{amount} overdue" if late else f"due in {amount}"


def segments(text: str, spans: list[dict[str, Any]]) -> list[dict[str, object]]:
    """The text cut at the spans, for highlighting: ``{"text", "kind", "label"}`` pieces."""
    pieces: list[dict[str, object]] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (int(s["start"]), -int(s["end"]))):
        start, end = max(int(span["start"]), cursor), min(int(span["end"]), len(text))
        if end <= start:
            continue
        if start > cursor:
            pieces.append({"text": text[cursor:start], "kind": None, "label": None})
        kind = "risk" if span["kind"] == "risk" else "pii"
        pieces.append({"text": text[start:end], "kind": kind, "label": span["label"]})
        cursor = end
    if cursor < len(text):
        pieces.append({"text": text[cursor:], "kind": None, "label": None})
    return pieces


async def _load(view_id: int) -> tuple[View, Review | None, Screening | None]:
    view = await View.get_or_none(id=view_id)
    if view is None:
        raise NotFound("There is no such item.")
    review = await Review.get_or_none(view_id=view_id)
    screening = await Screening.latest(view_id)
    return view, review, screening


async def item(request: Request, staff: Staff) -> Response:
    view, review, screening = await _load(_view_id(request))
    await audit(staff, "view.opened", "view", view.id)  # who read a child's words, and when
    return await _item_page(request, staff, view, review, screening)


async def _item_page(
    request: Request,
    staff: Staff,
    view: View,
    review: Review | None,
    screening: Screening | None,
    *,
    message: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    spans = screening.spans if screening else []
    context = {
        "view": view,
        "review": review,
        "screening": screening,
        "segments": segments(view.text, spans),
        "pii_spans": [
            (i, s, view.text[s["start"] : s["end"]]) for i, s in enumerate(spans) if s["kind"] != "risk"
        ],
        "replies": await Reply.filter(view_id=view.id).order_by("created_at"),
        "history": await AuditEntry.filter(object_type="view", object_id=str(view.id))
        .order_by("-id")
        .limit(100),
        "themes": THEMES,
        "status_titles": STATUS_TITLES,
        "review_states": REVIEW_STATES,
        "decisions": DECISIONS,
        "reasons_words": reasons_words,
        "category_names": CATEGORY_NAMES,
        "high_risk": Level.parse(view.level or "none") >= Level.HIGH,
        "previous": _previous(request),
        "mine": review is not None and review.claimed_by_id == staff.id,
        "message": message or DONE.get(request.query_params.get("done", "")),
        "error": error,
    }
    return staff_page(request, "moderation/item.html", context, status)


async def act(request: Request, staff: Staff) -> Response:
    view_id = _view_id(request)
    form = form_of(request)
    action = form.get("action", "")
    if action not in _ACTIONS:
        raise HTTPException(400, "Unknown action.")
    async with in_transaction() as conn:
        view = await View.select_for_update().using_db(conn).get_or_none(id=view_id)
        if view is None:
            raise NotFound("There is no such item.")
        review = await Review.get_or_none(view_id=view_id, using_db=conn)
        if review is None:
            review = await Review.create(
                view_id=view_id,
                level=view.level or "none",
                level_rank=int(Level.parse(view.level or "none")),
                due_at=utcnow(),
                using_db=conn,
            )
        screening = await Screening.latest(view_id, conn)
        holder = review.claimed_by_id
        if holder is not None and holder != staff.id and staff.role != Role.ADMIN and action != "claim":
            raise HTTPException(409, f"{review.claimed_by} is working on this item. Ask them to release it.")
        if action == "claim":
            if holder is not None and holder != staff.id:
                raise HTTPException(409, f"{review.claimed_by} is already working on this item.")
            review.claimed_by_id, review.claimed_by, review.claimed_at = staff.id, staff.email, utcnow()
        elif action == "release":
            review.claimed_by_id = review.claimed_by = review.claimed_at = None
        else:
            if holder is None:
                review.claimed_by_id, review.claimed_by, review.claimed_at = staff.id, staff.email, utcnow()
            links = request.app.state.hooks.links
            problem = await _apply(action, form, view, review, screening, staff, conn, links)
            if problem:
                return await _item_page(request, staff, view, review, screening, error=problem, status=400)
        await review.save(using_db=conn)
        await audit(staff, f"view.{action}", "view", view.id, _detail(action, form), using_db=conn)
    if action == "escalate":
        mailer.wakeup()
    if action in _FINISHING:
        following = await _next_item(staff, view_id)
        if following is None:
            return redirect(request, "moderation:queue", query={"done": action})
        return redirect(
            request, "moderation:item", query={"done": action, "from": view_id}, view_id=following
        )
    return redirect(request, "moderation:item", query={"done": action}, view_id=view_id)


async def _next_item(staff: Staff, after: int) -> int | None:
    """The next open item in queue order that nobody else is working on."""
    review = (
        await Review.filter(state=ReviewState.OPEN)
        .exclude(view_id=after)
        .filter(Q(claimed_by_id=None) | Q(claimed_by_id=staff.id))
        .order_by("-level_rank", "created_at", "id")
        .first()
    )
    return review.view_id if review is not None else None


def _previous(request: Request) -> int | None:
    raw = request.query_params.get("from", "")
    return int(raw) if raw.isdigit() and len(raw) <= 18 else None


def _detail(action: str, form: dict[str, str]) -> str:
    if action == "set_theme":
        return f"theme={form.get('theme', '')}"
    if action == "escalate" and form.get("note"):
        return "with a note"
    return ""


def _close(review: Review, decision: Decision) -> None:
    review.state, review.decision, review.closed_at = ReviewState.CLOSED, decision, utcnow()
    review.claimed_by_id = review.claimed_by = review.claimed_at = None


async def _apply(
    action: str,
    form: dict[str, str],
    view: View,
    review: Review,
    screening: Screening | None,
    staff: Staff,
    conn: BaseDBAsyncClient,
    links: Links,
) -> str | None:
    """Do one action; returns a problem to show the moderator, or None when done."""
    if action in {"approve", "not_a_concern"}:
        if action == "not_a_concern":
            await ScreenLabel.create(
                view_id=view.id,
                label="not_a_concern",
                screen_level=view.level,
                reasons=list(screening.reasons) if screening else [],
                moderator_id=staff.id,
                using_db=conn,
            )
        view.released = True
        if view.status in {ViewStatus.RECEIVED, ViewStatus.BEING_READ}:
            view.status = ViewStatus.SHARED  # a case or a reply keeps its own status for the child
        await view.save(using_db=conn, update_fields=["released", "status", "updated_at"])
        _close(review, Decision.APPROVED if action == "approve" else Decision.NOT_A_CONCERN)
        return None
    if action == "redact":
        spans = _chosen_spans(form, view, screening)
        if not spans:
            return "Tick what to hide, or type the words to hide."
        view.redacted_text = redact(view.text, spans)
        await view.save(using_db=conn, update_fields=["redacted_text", "updated_at"])
        return None
    if action == "escalate":
        note = form.get("note", "").strip()[:2000]
        level = max(Level.HIGH, Level.parse(view.level or "none"))
        await open_case(
            view,
            level,
            categories_of(screening.categories) if screening else [],
            screening.reasons if screening else [],
            conn=conn,
            escalated_by=staff.email,
            links=links,
            note=note,
            actor=staff,
        )
        _close(review, Decision.ESCALATED)
        return None
    if action == "set_theme":
        theme = form.get("theme", "")
        if theme not in THEMES:
            return "Choose a theme from the list."
        view.theme = theme
        await view.save(using_db=conn, update_fields=["theme", "updated_at"])
        return None
    if action == "reply":
        body = form.get("body", "").strip()
        if not body or len(body) > MAX_REPLY:
            return f"Write a reply of 1 to {MAX_REPLY} characters."
        await Reply.create(view_id=view.id, body=body, author_id=staff.id, using_db=conn)
        view.status = ViewStatus.ANSWERED
        await view.save(using_db=conn, update_fields=["status", "updated_at"])
        return None
    _close(review, Decision.CLOSED)  # close: not released, nothing more to do
    return None


def _chosen_spans(form: dict[str, str], view: View, screening: Screening | None) -> list[Span]:
    found = screening.spans if screening else []
    spans = []
    for key in form:
        match = re.fullmatch(r"span-(\d{1,4})", key)
        if match and int(match.group(1)) < len(found):
            s = found[int(match.group(1))]
            spans.append(Span(int(s["start"]), int(s["end"]), s["kind"], s["label"]))
    for phrase in (p.strip() for p in form.get("words", "").split(",")):
        if len(phrase) >= 2:
            for m in re.finditer(re.escape(phrase), view.text, flags=re.IGNORECASE):
                spans.append(Span(m.start(), m.end(), "other", "moderator"))
    if view.redacted_text and screening:
        # Keep what was hidden before (automatic PII) hidden.
        spans += [
            Span(int(s["start"]), int(s["end"]), s["kind"], s["label"]) for s in found if s["kind"] != "risk"
        ]
    return spans


async def bulk_approve(request: Request, staff: Staff) -> Response:
    ids = [int(k[5:]) for k in form_of(request) if re.fullmatch(r"view-\d{1,18}", k)]
    approved = skipped = 0
    for view_id in ids[:200]:
        async with in_transaction() as conn:
            review = (
                await Review.filter(view_id=view_id, state=ReviewState.OPEN)
                .using_db(conn)
                .prefetch_related("view")
                .first()
            )
            held = review is not None and review.claimed_by_id not in {None, staff.id}
            if review is None or held or not _clean(review):
                skipped += 1
                continue
            await View.filter(id=view_id).using_db(conn).update(released=True, status=ViewStatus.SHARED)
            _close(review, Decision.APPROVED)
            await review.save(using_db=conn)
            await audit(staff, "view.approve", "view", view_id, "bulk", using_db=conn)
            approved += 1
    return redirect(request, "moderation:queue", query={"approved": approved, "skipped": skipped})


# Mounted at /staff/moderation as "moderation".
routes = [
    staff_route("/", queue, roles=MODERATORS, name="queue"),
    staff_route("/bulk-approve", bulk_approve, roles=MODERATORS, methods=["POST"], name="bulk_approve"),
    staff_route("/{view_id}", item, roles=MODERATORS, name="item"),
    staff_route("/{view_id}/action", act, roles=MODERATORS, methods=["POST"], name="act"),
]
