"""Jobs an operator runs from the command line: migrations and retention."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from tortoise import Tortoise
from tortoise.context import TortoiseContext
from tortoise.exceptions import ConfigurationError
from tortoise.migrations.autodetector import MigrationAutodetector

from app import MODELS
from postbox.models import View
from web import database
from web.leases import utcnow
from web.models import Job, JobState, OutboxMessage, OutboxState


@contextlib.asynccontextmanager
async def open_unless_open(database_url: str | None) -> AsyncIterator[None]:
    """Open the database unless the caller (a test, the running app) already has it open."""
    try:
        Tortoise.get_connection("default")
    except (ConfigurationError, RuntimeError):
        # Nothing usable is open: migrations leave Tortoise "inited" but unconfigured, and a
        # fresh process has no Tortoise context at all (RuntimeError).
        pass
    else:
        yield
        return
    await database.open_database(MODELS, database_url)
    try:
        yield
    finally:
        await database.close_database()


async def _writers() -> list:
    # The autodetector compares the models with the state the migration files build;
    # it needs a connection but no data, so an in-memory database will do.
    config = database.tortoise_config(MODELS, "sqlite://:memory:")
    async with TortoiseContext() as ctx:
        await ctx.init(config=config)
        assert ctx.apps is not None
        writers = await MigrationAutodetector(ctx.apps, config["apps"]).changes()
    return list(writers)


async def pending_model_changes() -> list[str]:
    """``app.migration`` names that ``makemigrations`` would write; empty when up to date."""
    return [f"{w.app_label}.{w.name}" for w in await _writers()]


async def make_migrations(name: str | None = None, app_label: str | None = None) -> list[Path]:
    paths = []
    for writer in await _writers():
        if app_label and writer.app_label != app_label:
            continue
        if name:
            number = writer.name.split("_", 1)[0]
            writer.name = f"{number}_{name}"
        paths.append(Path(writer.write()))
    return paths


async def purge(days: int, database_url: str | None = None) -> dict[str, int]:
    """Delete views (with their replies and screenings) older than ``days``, and finished
    jobs and sent mail older than a week. Nothing younger is touched."""
    async with open_unless_open(database_url):
        cutoff = utcnow() - timedelta(days=days)
        week_ago = utcnow() - timedelta(days=7)
        views = 0
        while ids := await View.filter(created_at__lt=cutoff).limit(500).values_list("id", flat=True):
            # Counted by id: the delete's own count includes rows removed by cascade.
            await View.filter(id__in=list(ids)).delete()
            views += len(ids)
        finished = await Job.filter(
            state__in=[JobState.DONE, JobState.FAILED], finished_at__lt=week_ago
        ).delete()
        mail = await OutboxMessage.filter(state=OutboxState.SENT, sent_at__lt=week_ago).delete()
        return {"views_deleted": views, "jobs_deleted": finished, "mail_deleted": mail}
