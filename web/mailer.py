"""Delivering the outbox: e-mail written in a transaction, sent by a worker, never dropped.

Each pass leases due messages (``web.leases``), sends them over one SMTP connection
with aiosmtplib, and marks each sent. A message that cannot go (server down, refused)
keeps its row: its next attempt is pushed back exponentially, up to five minutes apart,
for as long as it takes. ``wakeup`` lets urgent mail go at once instead of at the next poll.
Periodic tasks (``Hooks.periodic``: overdue case reminders) run on the same loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING

import aiosmtplib

import settings
from web import workers
from web.leases import backoff_seconds, claim, utcnow
from web.models import OutboxMessage, OutboxState

if TYPE_CHECKING:
    from web.hooks import Hooks

log = logging.getLogger("postbox.mailer")

LEASE_S = 60.0
BATCH = 20

_wakeup: asyncio.Event | None = None


def wakeup() -> None:
    """Ask this process's mailer, and the worker process this one started, to look at the
    outbox now."""
    wakeup_event().set()
    workers.poke_worker()


# Whether a Mailer loop runs in this process (a worker, or the app with embedded workers).
_loop_here = False
_sending: set[asyncio.Task[None]] = set()


def send_now() -> None:
    """Mail that cannot wait (a case the in-request screen just opened) goes from this
    process at once, without waiting for a worker that may still be starting or busy
    loading the screen's models. Leases keep it from going twice; if it cannot go, it stays
    in the outbox and the workers' mailers retry it."""
    wakeup()
    if _loop_here:
        return
    task = asyncio.get_running_loop().create_task(_deliver_quietly())
    _sending.add(task)
    task.add_done_callback(_sending.discard)


async def sends_in_flight() -> None:
    """Wait for the ``send_now`` sends this process has started (on shutdown, and in tests)."""
    while _sending:
        await asyncio.gather(*list(_sending), return_exceptions=True)


async def _deliver_quietly() -> None:
    try:
        await deliver_due()
    except Exception as exc:  # the rows stay; a worker's mailer sends them later
        log.error("urgent mail not sent from the web process: %s", type(exc).__name__)


def wakeup_event() -> asyncio.Event:
    global _wakeup
    if _wakeup is None:
        _wakeup = asyncio.Event()
    return _wakeup


def compose(message: OutboxMessage) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.MAIL_FROM
    mail["To"] = message.to
    mail["Subject"] = message.subject
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid(
        idstring=f"outbox{message.id}", domain=settings.MAIL_FROM.rpartition("@")[2]
    )
    mail.set_content(message.text_body)
    if message.html_body:
        mail.add_alternative(message.html_body, subtype="html")
    return mail


async def deliver_due(limit: int = BATCH) -> int:
    """Send what is due now; returns how many went. Failures are rescheduled, not raised."""
    messages = await claim(
        OutboxMessage,
        due_field="next_attempt_at",
        pending_state=OutboxState.PENDING,
        limit=limit,
        lease_s=LEASE_S,
    )
    if not messages:
        return 0
    sent = 0
    handled: set[int] = set()  # sent, or already rescheduled after a refusal
    try:
        smtp = aiosmtplib.SMTP(
            hostname=settings.SMTP_HOST,
            port=settings.SMTP_PORT,
            timeout=settings.SMTP_TIMEOUT_S,
            start_tls=settings.SMTP_STARTTLS or None,
        )
        async with smtp:
            if settings.SMTP_USERNAME:
                await smtp.login(settings.SMTP_USERNAME, str(settings.SMTP_PASSWORD))
            for message in messages:
                try:
                    await smtp.send_message(compose(message))
                except aiosmtplib.SMTPRecipientsRefused as exc:
                    await _retry_later(message, exc)
                    handled.add(message.id)
                    continue
                await OutboxMessage.filter(id=message.id, lease_owner=message.lease_owner).update(
                    state=OutboxState.SENT, sent_at=utcnow(), lease_until=None, last_error=None
                )
                handled.add(message.id)
                sent += 1
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        for message in messages:
            if message.id not in handled:
                await _retry_later(message, exc)
    return sent


async def _retry_later(message: OutboxMessage, exc: BaseException) -> None:
    delay = backoff_seconds(message.attempts, base=5.0)
    await OutboxMessage.filter(id=message.id).update(
        next_attempt_at=utcnow() + timedelta(seconds=delay), lease_until=None, last_error=type(exc).__name__
    )
    log.warning("mail %s not sent (%s); next try in %.0f s", message.id, type(exc).__name__, delay)


class Mailer:
    def __init__(self, hooks: Hooks, poll_s: float = 5.0, periodic_s: float = 60.0) -> None:
        self.hooks = hooks
        self.poll_s = poll_s
        self.periodic_s = periodic_s
        self.stop = asyncio.Event()
        self.passes = 0  # passes over the outbox so far (tests wait on it instead of sleeping)

    async def run(self) -> None:
        global _loop_here
        _loop_here = True
        try:
            await self._run()
        finally:
            _loop_here = False

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        next_periodic = 0.0
        while not self.stop.is_set():
            wakeup_event().clear()
            try:
                if loop.time() >= next_periodic:
                    next_periodic = loop.time() + self.periodic_s
                    for task in self.hooks.periodic:
                        await task()
                while await deliver_due():
                    pass
            except Exception as exc:  # never let the loop die; the rows are still there
                log.error("mailer pass failed: %s", type(exc).__name__)
            self.passes += 1
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.poll_s):
                    stop = asyncio.ensure_future(self.stop.wait())
                    wake = asyncio.ensure_future(wakeup_event().wait())
                    try:
                        await asyncio.wait({stop, wake}, return_when=asyncio.FIRST_COMPLETED)
                    finally:
                        stop.cancel()
                        wake.cancel()
