"""The post-box's work: take a view, keep it safe, give back a receipt; look it up again.

Services take and return plain values; they never see a Request.
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count

import settings
from postbox import receipt
from postbox.forms import ViewSubmission
from postbox.intake import Intake, NewView, write_views
from postbox.models import View
from postbox.vocabulary import STATUS_TITLES, STATUS_WORDS
from screening import fast_screen
from screening.types import Level
from web.hooks import EscalateNow
from web.metrics import Figure

log = logging.getLogger("postbox.services")


@dataclass(frozen=True)
class Receipt:
    code: str
    show_help: bool
    # Personal-information kinds the child shared; the thank-you page explains why we hide them.
    pii: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReplyOut:
    body: str
    created_at: datetime


@dataclass(frozen=True)
class ViewStatusOut:
    status: str
    title: str
    words: str
    sent_at: datetime
    replies: list[ReplyOut] = field(default_factory=list)


def _receipt_key() -> bytes:
    return str(settings.SECRET_KEY).encode()


FORM_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_form_token() -> str:
    """The send form's one-time token: a resubmission with it (a refresh) stores nothing new."""
    return secrets.token_urlsafe(24)


async def sent_with(form_token: str | None) -> Receipt | None:
    """The receipt of the view already sent with this form token, if there is one."""
    if not form_token or not FORM_TOKEN.fullmatch(form_token):
        return None
    view = await View.get_or_none(form_token_digest=receipt.digest(form_token, _receipt_key()))
    if view is None or view.receipt_sealed is None:
        return None
    code = receipt.unseal(view.receipt_sealed, form_token, _receipt_key())
    if code is None:
        return None
    try:
        pii = tuple(fast_screen(view.text).pii)
    except Exception:
        pii = ()
    return Receipt(code=code, show_help=view.show_help, pii=pii)


async def submit_view(
    submission: ViewSubmission,
    intake: Intake | None = None,
    escalate_now: EscalateNow | None = None,
    *,
    form_token: str | None = None,
) -> Receipt:
    """Keep the view and queue its full screen in one transaction, then answer.

    ``intake`` is the running app's group-commit writer; without one (command line,
    tests of the service) the view is written on its own. A view the fast screen rates
    high or urgent gets its Help at Hand case and e-mail in the same transaction
    (``Hooks.escalate_now``, the intake's or the one given), before any model has run.

    With a ``form_token`` (the send form's), a second submission with the same token (the
    child refreshed the thank-you page) stores nothing and gives back the first receipt.

    The fast screen runs first because it cannot lose anything (it only reads the text);
    if it fails, help is shown and a person reads the view — the screen fails closed.
    """
    if form_token is not None and not FORM_TOKEN.fullmatch(form_token):
        form_token = None
    earlier = await sent_with(form_token)
    if earlier is not None:
        return earlier
    try:
        fast = fast_screen(submission.text)
        show_help, level, needs_human = fast.show_help, fast.level.label, fast.needs_human
        pii = tuple(fast.pii)
        categories, reasons = fast.categories, list(fast.reasons)
    except Exception:
        log.exception("fast screen failed; showing help and sending the view to a person")
        show_help, level, needs_human, pii = True, Level.MEDIUM.label, True, ()
        categories, reasons = {}, []

    code = receipt.new_code()
    view = NewView(
        receipt_digest=receipt.digest(code, _receipt_key()),
        text=submission.text,
        theme=submission.theme,
        age_band=submission.age_band,
        area=submission.area,
        found_us=submission.found_us,
        quote_consent=submission.quote_consent,
        level=level,
        needs_human=needs_human,
        show_help=show_help,
        categories=categories,
        reasons=reasons,
    )
    if form_token is not None:
        view.form_token_digest = receipt.digest(form_token, _receipt_key())
        view.receipt_sealed = receipt.seal(code, form_token, _receipt_key())
    try:
        if intake is not None:
            await intake.submit(view)
        else:
            await write_views([view], escalate_now)
    except IntegrityError:
        # Two requests with one token at once (a double click): the first one's view is kept.
        earlier = await sent_with(form_token)
        if earlier is None:
            raise
        return earlier
    return Receipt(code=code, show_help=show_help, pii=pii)


async def find_view(raw_code: str) -> View | None:
    code = receipt.normalise(raw_code)
    if code is None:
        return None
    view = await View.get_or_none(receipt_digest=receipt.digest(code, _receipt_key()))
    if view is None or not receipt.matches(code, view.receipt_digest, _receipt_key()):
        return None
    return view


async def view_status(view: View) -> ViewStatusOut:
    replies = await view.replies.all().order_by("created_at")
    status = str(view.status)
    return ViewStatusOut(
        status=status,
        title=STATUS_TITLES[status],
        words=STATUS_WORDS[status],
        sent_at=view.created_at,
        replies=[ReplyOut(body=r.body, created_at=r.created_at) for r in replies],
    )


def shown_text(view: View) -> str:
    """What anyone outside safeguarding may read: the redacted words when there are any."""
    return view.redacted_text if view.redacted_text is not None else view.text


async def view_figures() -> list[Figure]:
    """Views by screening level, for /metrics."""
    rows = await View.annotate(n=Count("id")).group_by("level").values("level", "n")
    return [
        Figure("postbox_views", "Views by screening level", row["n"], {"level": row["level"] or "unscreened"})
        for row in rows
    ]
