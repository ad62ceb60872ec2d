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
from typing import Any

from tortoise import Tortoise
from tortoise.models import Model
from tortoise.transactions import in_transaction

from postbox.models import View
from web.http import database_unavailable
from web.jobs import wakeup_event
from web.leases import utcnow
from web.models import Job

log = logging.getLogger("postbox.intake")

MAX_BATCH = 256
SCREEN_JOB = "screen"


def _insert(model: type[Model], instances: Sequence[Model], *, postgres: bool) -> tuple[str, list[list[Any]]]:
    """INSERT for ``instances`` with values converted exactly as Tortoise would convert them."""
    meta = model._meta
    projection = {name: column for name, column in meta.fields_db_projection.items() if name != meta.pk_attr}
    fields = [meta.fields_map[name] for name in projection]
    columns = list(projection.values())
    if postgres:
        marks = ", ".join(f"${i}" for i in range(1, len(columns) + 1))
    else:
        marks = ", ".join("?" for _ in columns)
    quoted = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{meta.db_table}" ({quoted}) VALUES ({marks})'
    values = [[f.to_db_value(getattr(obj, f.model_field_name), obj) for f in fields] for obj in instances]
    return sql, values


async def write_views(views: list[View]) -> None:
    """Store views and their screening jobs in one transaction."""
    postgres = Tortoise.get_connection("default").capabilities.dialect == "postgres"
    now = utcnow()
    jobs = [Job(kind=SCREEN_JOB, payload={"view_digest": v.receipt_digest}, run_after=now) for v in views]
    async with in_transaction() as conn:
        for model, rows in ((View, views), (Job, jobs)):
            sql, values = _insert(model, rows, postgres=postgres)
            await conn.execute_many(sql, values)
    wakeup_event().set()


class Intake:
    """The per-process writer. ``submit`` returns once the view is committed."""

    def __init__(self) -> None:
        self._pending: list[tuple[View, asyncio.Future[None]]] = []
        self._arrived = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

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

    async def submit(self, view: View) -> None:
        if self._task is None or self._task.done():
            await write_views([view])
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((view, future))
        self._arrived.set()
        await future

    def _take(self) -> list[tuple[View, asyncio.Future[None]]]:
        batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
        if not self._pending:
            self._arrived.clear()
        return batch

    async def _run(self) -> None:
        while True:
            await self._arrived.wait()
            await self._write(self._take())

    async def _write(self, batch: list[tuple[View, asyncio.Future[None]]]) -> None:
        if not batch:
            return
        try:
            await write_views([view for view, _ in batch])
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


def _settle(batch: list[tuple[View, asyncio.Future[None]]], exc: BaseException | None) -> None:
    for _, future in batch:
        if future.done():
            continue
        if exc is None:
            future.set_result(None)
        else:
            future.set_exception(exc)
