"""Group commit: many children's views, one transaction.

Each request hands its view to the intake and waits until the transaction holding it has
committed, so nothing is answered before it is safely stored. One writer task per process
drains whatever has arrived while the previous transaction ran and writes it all at once:
under light load a batch is a single view and adds no wait; under a school-assembly burst
hundreds of views share one commit instead of queueing for the database one by one.

Each view is written together with its screening job (which names the view by its
receipt digest, so rows need no round trip for their ids).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise import Tortoise
from tortoise.models import Model
from tortoise.transactions import in_transaction

from postbox.models import View, ViewStatus
from web import mailer
from web.hooks import EscalateNow
from web.http import database_unavailable
from web.jobs import wakeup_event
from web.leases import utcnow
from web.models import Job, JobState

log = logging.getLogger("postbox.intake")

MAX_BATCH = 256
SCREEN_JOB = "screen"
ESCALATE_AT = ("high", "urgent")


@dataclass(slots=True)
class NewView:
    """A view on its way into the database: only the columns a request sets, as plain
    values (the writer turns it into a row without building a Tortoise model), and what the
    in-request screen found, for escalating at once."""

    receipt_digest: str
    text: str
    theme: str | None = None
    age_band: str | None = None
    area: str | None = None
    found_us: str | None = None
    quote_consent: bool = False
    level: str | None = None
    needs_human: bool = False
    show_help: bool = False
    categories: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    # The send form's one-time token, hashed, and the code sealed under it (refresh-safe).
    form_token_digest: str | None = None
    receipt_sealed: str | None = None


@dataclass(slots=True)
class Flagged:
    """A view just stored that the in-request screen rated high or urgent: what
    ``Hooks.escalate_now`` gets, inside the transaction that stored it."""

    id: int
    level: str
    categories: dict[str, float]
    reasons: list[str]
    status: str = ViewStatus.RECEIVED


@dataclass(frozen=True)
class _Insert:
    """An INSERT for every column but the primary key, and how to fill each column: from
    the new view (``source`` names the attribute) or from a value that is the same for the
    whole batch (defaults and timestamps), converted exactly as Tortoise converts it."""

    sql: str
    sources: tuple[str | None, ...]
    fields: tuple[Any, ...]

    @classmethod
    def of(cls, model: type[Model], per_row: Sequence[str], *, postgres: bool) -> _Insert:
        meta = model._meta
        names = [name for name in meta.fields_db_projection if name != meta.pk_attr]
        columns = [meta.fields_db_projection[name] for name in names]
        if postgres:
            marks = ", ".join(f"${i}" for i in range(1, len(columns) + 1))
        else:
            marks = ", ".join("?" for _ in columns)
        quoted = ", ".join(f'"{c}"' for c in columns)
        return cls(
            sql=f'INSERT INTO "{meta.db_table}" ({quoted}) VALUES ({marks})',
            sources=tuple(name if name in per_row else None for name in names),
            fields=tuple(meta.fields_map[name] for name in names),
        )

    def constants(self, now: datetime, given: dict[str, Any]) -> list[Any]:
        """The batch-wide value of each column (None where the row supplies it)."""
        values: list[Any] = []
        for source, f in zip(self.sources, self.fields, strict=True):
            if source is not None:
                values.append(None)
            elif f.model_field_name in given:
                values.append(f.to_db_value(given[f.model_field_name], None))
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                values.append(f.to_db_value(now, None))
            else:
                default = f.default() if callable(f.default) else f.default
                values.append(f.to_db_value(default, None) if default is not None else None)
        return values


_VIEW_COLUMNS = (
    "receipt_digest",
    "text",
    "theme",
    "age_band",
    "area",
    "found_us",
    "quote_consent",
    "level",
    "needs_human",
    "show_help",
    "form_token_digest",
    "receipt_sealed",
)
_inserts: dict[bool, tuple[_Insert, _Insert]] = {}


def _statements(postgres: bool) -> tuple[_Insert, _Insert]:
    if postgres not in _inserts:
        _inserts[postgres] = (
            _Insert.of(View, _VIEW_COLUMNS, postgres=postgres),
            _Insert.of(Job, ("payload",), postgres=postgres),
        )
    return _inserts[postgres]


def _rows(insert: _Insert, constants: list[Any], items: Sequence[Any], convert: bool) -> list[list[Any]]:
    picks = [(i, s, f) for i, (s, f) in enumerate(zip(insert.sources, insert.fields, strict=True)) if s]
    rows = []
    for item in items:
        row = list(constants)
        for i, source, f in picks:
            value = getattr(item, source) if not isinstance(item, dict) else item[source]
            row[i] = f.to_db_value(value, None) if convert else value
        rows.append(row)
    return rows


async def write_views(views: Sequence[NewView], escalate_now: EscalateNow | None = None) -> None:
    """Store views and their screening jobs in one transaction; a view the in-request screen
    rated high or urgent gets its Help at Hand case and e-mail in the same transaction."""
    postgres = Tortoise.get_connection("default").capabilities.dialect == "postgres"
    view_insert, job_insert = _statements(postgres)
    now = utcnow()
    view_rows = _rows(
        view_insert,
        # created_at kept to the minute: a time to the microsecond could be matched with a
        # proxy's log (#13 item 10).
        view_insert.constants(
            now, {"status": ViewStatus.RECEIVED, "created_at": now.replace(second=0, microsecond=0)}
        ),
        views,
        convert=False,  # str, bool and None: what Tortoise would pass on unchanged
    )
    job_rows = _rows(
        job_insert,
        job_insert.constants(now, {"kind": SCREEN_JOB, "state": JobState.PENDING, "run_after": now}),
        [{"payload": {"view_digest": v.receipt_digest}} for v in views],
        convert=True,
    )
    flagged = [v for v in views if v.level in ESCALATE_AT] if escalate_now is not None else []
    try:
        async with in_transaction() as conn:
            await conn.execute_many(view_insert.sql, view_rows)
            await conn.execute_many(job_insert.sql, job_rows)
            if flagged and escalate_now is not None:
                await escalate_now(await _with_ids(flagged, conn), conn)
    except Exception as exc:
        if not flagged or database_unavailable(exc):
            raise
        # Escalating must never cost a child their view: keep the views (marked for a
        # person, high or urgent) and let the full screen open the case.
        log.error("could not escalate at once (%s); storing the views without", type(exc).__name__)
        flagged = []
        async with in_transaction() as conn:
            await conn.execute_many(view_insert.sql, view_rows)
            await conn.execute_many(job_insert.sql, job_rows)
    wakeup_event().set()
    if flagged:
        mailer.send_now()  # after the commit: the case's e-mail goes at once


async def _with_ids(views: list[NewView], conn: Any) -> list[Flagged]:
    digests = [v.receipt_digest for v in views]
    rows = await View.filter(receipt_digest__in=digests).using_db(conn).values_list("id", "receipt_digest")
    ids = {digest: view_id for view_id, digest in rows}
    return [
        Flagged(id=ids[v.receipt_digest], level=str(v.level), categories=v.categories, reasons=v.reasons)
        for v in views
    ]


class Intake:
    """The per-process writer. ``submit`` returns once the view is committed."""

    def __init__(self, escalate_now: EscalateNow | None = None) -> None:
        self._pending: list[tuple[NewView, asyncio.Future[None]]] = []
        self._arrived = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.escalate_now = escalate_now

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="postbox-intake")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._pending:  # never drop what was handed over while stopping
            await self._write(self._take())

    async def submit(self, view: NewView) -> None:
        if self._task is None or self._task.done():
            await write_views([view], self.escalate_now)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((view, future))
        self._arrived.set()
        await future

    def _take(self) -> list[tuple[NewView, asyncio.Future[None]]]:
        batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
        if not self._pending:
            self._arrived.clear()
        return batch

    async def _run(self) -> None:
        while True:
            await self._arrived.wait()
            await self._write(self._take())

    async def _write(self, batch: list[tuple[NewView, asyncio.Future[None]]]) -> None:
        if not batch:
            return
        try:
            await write_views([view for view, _ in batch], self.escalate_now)
        except Exception as exc:
            if len(batch) == 1 or database_unavailable(exc):
                # Nothing to single out: each waiting request answers with the error (a 503).
                log.error("could not store %d views: %s", len(batch), type(exc).__name__)
                _settle(batch, exc)
                return
            # One view the request checks missed can break a whole batch: write each on its
            # own, so only that one fails and every other child's view is kept.
            log.error(
                "batch of %d views failed (%s); writing them one by one", len(batch), type(exc).__name__
            )
            for item in batch:
                await self._write([item])
            return
        _settle(batch, None)


def _settle(batch: list[tuple[NewView, asyncio.Future[None]]], exc: BaseException | None) -> None:
    for _, future in batch:
        if future.done():
            continue
        if exc is None:
            future.set_result(None)
        else:
            future.set_exception(exc)
