"""From a screening to people: the moderators' queue, Help at Hand cases and their e-mail.

``route_to_people`` runs inside the routing transaction (``Hooks.after_screening``), so
a view's review, its case and the case's e-mail commit together or not at all. The e-mail
names the level, categories and rule names, the time and a link to the case, made from
the app's route table (``Links``), which ``app.build_hooks`` hands in. It never
holds the child's words, which stay behind the staff sign-in.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

import settings
from accounts.services import Staff, audit
from moderation import sla
from moderation.models import Case, CaseState, Review, ReviewState, Screening
from postbox.models import View, ViewStatus
from screening.types import CATEGORIES, Level
from web import mailer
from web.leases import utcnow
from web.links import Links
from web.metrics import Figure
from web.models import OutboxMessage
from web.templating import render, uk_time

log = logging.getLogger("moderation.escalation")

CATEGORY_NAMES = {
    "suicide_self_harm": "suicide and self-harm",
    "abuse": "abuse",
    "neglect": "neglect",
    "exploitation": "exploitation and grooming",
    "bullying": "bullying",
    "violence": "violence and weapons",
    "running_away": "running away",
    "toxicity": "toxic language",
}
RENOTIFY_EVERY = timedelta(hours=1)


def categories_of(scores: dict[str, float]) -> list[str]:
    """Category names scoring 0.5 or more, highest first (toxicity only when alone)."""
    found = sorted((c for c in CATEGORIES if scores.get(c, 0.0) >= 0.5), key=lambda c: -scores[c])
    risky = [c for c in found if c != "toxicity"]
    return risky or found


async def route_to_people(view: View, screening: Screening, conn: BaseDBAsyncClient, *, links: Links) -> None:
    level = Level.parse(view.level or "none")
    if level >= Level.MEDIUM or view.needs_human:
        await open_review(view, level, conn)
    if level >= Level.HIGH:
        await open_case(
            view,
            level,
            categories_of(screening.categories),
            screening.reasons,
            conn=conn,
            escalated_by="screen",
            links=links,
        )


async def open_review(view: View, level: Level, conn: BaseDBAsyncClient) -> Review:
    review = await Review.get_or_none(view_id=view.id, using_db=conn)
    now = utcnow()
    if review is None:
        return await Review.create(
            view_id=view.id,
            level=level.label,
            level_rank=int(level),
            due_at=sla.due_at(level, now),
            using_db=conn,
        )
    if int(level) > review.level_rank or review.state == ReviewState.CLOSED:
        review.level, review.level_rank = level.label, max(int(level), review.level_rank)
        review.state, review.closed_at = ReviewState.OPEN, None
        review.decision = None  # type: ignore[assignment]  # nullable; Tortoise types it as never null
        review.due_at = min(review.due_at, sla.due_at(level, now))
        await review.save(using_db=conn)
    return review


async def open_case(
    view: View,
    level: Level,
    categories: Iterable[str],
    reasons: Iterable[str],
    *,
    conn: BaseDBAsyncClient,
    escalated_by: str,
    links: Links,
    note: str = "",
    actor: Staff | None = None,
) -> Case:
    """Open (or reopen) the view's case and queue the e-mail to Help at Hand with it."""
    now = utcnow()
    case = await Case.get_or_none(view_id=view.id, using_db=conn)
    if case is not None and case.state != CaseState.CLOSED:
        await _refine(case, level, categories, reasons, note=note, conn=conn, links=links, actor=actor)
        return case
    fields = {
        "level": level.label,
        "level_rank": int(level),
        "categories": list(categories),
        "reasons": list(dict.fromkeys(reasons)),
        "escalation_note": note,
        "escalated_by": escalated_by,
        "due_at": sla.due_at(level, now),
    }
    if case is None:
        case = await Case.create(view_id=view.id, **fields, using_db=conn)
    else:
        for name, value in {**fields, "state": CaseState.NEW, "closed_at": None, "outcome": ""}.items():
            setattr(case, name, value)
        await case.save(using_db=conn)
    view.status = ViewStatus.WITH_HELP_TEAM
    await View.filter(id=view.id).using_db(conn).update(status=ViewStatus.WITH_HELP_TEAM)
    await queue_case_mail(case, links.url("help_at_hand:case", case_id=case.id), conn=conn)
    await audit(
        actor, "case.opened", "case", case.id, f"level={level.label} by={escalated_by}", using_db=conn
    )
    if level >= Level.URGENT:
        log.warning("urgent case %s opened", case.id)
    return case


async def _refine(
    case: Case,
    level: Level,
    categories: Iterable[str],
    reasons: Iterable[str],
    *,
    note: str,
    conn: BaseDBAsyncClient,
    links: Links,
    actor: Staff | None,
) -> None:
    """A later look at a view with an open case (the full screen after the fast one, or a
    person) adds what it found. It may raise the level, and Help at Hand is told; it never
    lowers it: only a person closing the case does that."""
    changed = False
    if note:
        case.escalation_note = "\n\n".join(filter(None, [case.escalation_note, note]))
        changed = True
    merged_categories = list(dict.fromkeys([*case.categories, *categories]))
    merged_reasons = list(dict.fromkeys([*case.reasons, *reasons]))
    if merged_categories != case.categories or merged_reasons != case.reasons:
        case.categories, case.reasons = merged_categories, merged_reasons
        changed = True
    raised = int(level) > case.level_rank
    if raised:
        case.level, case.level_rank = level.label, int(level)
        case.due_at = min(case.due_at, sla.due_at(level, utcnow()))
        changed = True
    if changed:
        await case.save(using_db=conn)
    if raised:
        await queue_case_mail(case, links.url("help_at_hand:case", case_id=case.id), conn=conn)
        await audit(actor, "case.raised", "case", case.id, f"level={level.label}", using_db=conn)
        if level >= Level.URGENT:
            log.warning("case %s raised to urgent", case.id)


async def escalate_at_once(flagged: Sequence[Any], conn: BaseDBAsyncClient, *, links: Links) -> None:
    """``Hooks.escalate_now``: views the in-request screen rated high or urgent get their
    review, case and e-mail in the transaction that stores them, before any model has
    looked. The full screen refines the case later (``open_case`` → ``_refine``)."""
    for view in flagged:
        level = Level.parse(view.level)
        await open_review(view, level, conn)
        await open_case(
            view,
            level,
            categories_of(view.categories),
            view.reasons,
            conn=conn,
            escalated_by="fast screen",
            links=links,
        )


async def queue_case_mail(
    case: Case, link: str, *, conn: BaseDBAsyncClient, overdue: bool = False
) -> OutboxMessage:
    subject, text, html_body = case_mail(case, link, overdue=overdue)
    return await OutboxMessage.create(
        to=settings.HELP_AT_HAND_EMAIL,
        subject=subject,
        text_body=text,
        html_body=html_body,
        next_attempt_at=utcnow(),
        using_db=conn,
    )


def case_mail(case: Case, link: str, *, overdue: bool = False) -> tuple[str, str, str]:
    """Subject, plain text and HTML, with ``link`` to the case. Only what the screen found
    about the view: never its words."""
    categories = ", ".join(CATEGORY_NAMES.get(c, c) for c in case.categories) or "none named"
    rules = ", ".join(case.reasons) or "none"
    opened = case.opened_at or utcnow()
    prefix = "OVERDUE: " if overdue else ""
    subject = f"{prefix}[{case.level.upper()}] Help at Hand case {case.id}: {categories}"
    rows = [
        ("Level", case.level),
        ("Categories", categories),
        ("Rules", rules),
        ("Raised by", case.escalated_by),
        ("Opened", f"{uk_time(opened)} (UK time)"),
        ("Respond by", f"{uk_time(case.due_at)} (UK time)"),
    ]
    text = "\n".join(
        [
            f"{'This case is past its time to respond. ' if overdue else ''}A child may be at risk.",
            "",
            *(f"{label}: {value}" for label, value in rows),
            "",
            f"Open the case (staff sign-in needed): {link}",
            "",
            "The child's words are not in this e-mail. Read them in the case.",
        ]
    )
    html_body = render("email/case.html", overdue=overdue, rows=rows, link=link, case_id=case.id)
    return subject, text, html_body


async def notify_overdue(links: Links) -> int:
    """Re-send the e-mail for new cases past their time, at most once an hour each."""
    now = utcnow()
    due = await Case.filter(
        Q(state=CaseState.NEW, due_at__lt=now)
        & (Q(last_notified_at=None) | Q(last_notified_at__lt=now - RENOTIFY_EVERY))
    ).limit(100)
    queued = 0
    for case in due:
        async with in_transaction() as conn:
            # Conditional on what we read, so two mailers never both send the reminder.
            won = (
                await Case.filter(id=case.id, last_notified_at=case.last_notified_at, state=CaseState.NEW)
                .using_db(conn)
                .update(last_notified_at=now, notifications=case.notifications + 1)
            )
            if won:
                link = links.url("help_at_hand:case", case_id=case.id)
                await queue_case_mail(case, link, conn=conn, overdue=True)
                queued += 1
    if queued:
        mailer.wakeup()
    return queued


async def queue_figures() -> list[Figure]:
    """Open and overdue cases and reviews, for /metrics."""
    now = utcnow()
    open_cases = Case.exclude(state=CaseState.CLOSED)
    counts = {
        "postbox_cases_open": await open_cases.count(),
        "postbox_cases_overdue": await open_cases.filter(due_at__lt=now).count(),
        "postbox_cases_urgent_open": await open_cases.filter(level="urgent").count(),
        "postbox_reviews_open": await Review.filter(state=ReviewState.OPEN).count(),
        "postbox_reviews_overdue": await Review.filter(state=ReviewState.OPEN, due_at__lt=now).count(),
    }
    return [Figure(name, name.replace("_", " "), value) for name, value in counts.items()]
