"""Jobs an operator runs from the command line: migrations, demo content, retention."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from tortoise import Tortoise
from tortoise.context import TortoiseContext
from tortoise.exceptions import ConfigurationError
from tortoise.migrations.autodetector import MigrationAutodetector

from postbox.forms import ViewSubmission
from postbox.models import View
from web import database
from web.leases import utcnow
from web.models import Job, JobState, OutboxMessage, OutboxState

DEMO_VIEWS = Path(__file__).with_name("data") / "demo" / "childrens_views_sample.jsonl"
THEME_ALIASES = {"Families": "Family", "Unaccompanied Children Seeking Asylum": "Children Seeking Asylum"}


@contextlib.asynccontextmanager
async def _database(database_url: str | None) -> AsyncIterator[None]:
    """Open the database unless the caller (a test, the running app) already has it open."""
    try:
        Tortoise.get_connection("default")
    except ConfigurationError:
        pass  # nothing usable is open (migrations leave Tortoise "inited" but unconfigured)
    else:
        yield
        return
    await database.open_database(database_url)
    try:
        yield
    finally:
        await database.close_database()


async def _writers() -> list:
    # The autodetector compares the models with the state the migration files build;
    # it needs a connection but no data, so an in-memory database will do.
    config = database.tortoise_config("sqlite://:memory:")
    async with TortoiseContext() as ctx:
        await ctx.init(config=config)
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


async def load_demo() -> dict[str, int]:
    """Send the sample of real children's views through the post-box, as a child would."""
    from postbox import services

    await database.apply_migrations()
    async with _database(None):
        sent = 0
        for line in DEMO_VIEWS.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            quote = json.loads(line)
            if quote["who"].startswith("Parent"):
                continue
            theme = THEME_ALIASES.get(quote["theme"], quote["theme"])
            await services.submit_view(ViewSubmission(text=quote["text"], theme=theme, quote_consent=True))
            sent += 1
        for text in DEMO_WORRIES:  # written by us, so the moderators' queue has something in it
            await services.submit_view(ViewSubmission(text=text))
            sent += 1
        screened = await _screen_everything()
        from boards.demo import load_demo as load_boards_demo

        return {"views_sent": sent, "views_screened": screened, **await load_boards_demo()}


# Not real children's words: made up for the demo queue.
DEMO_WORRIES = [
    "people in my class keep calling me names every day and nobody does anything",
    "i dont want to go home tonight",
    "queremos más parques y clubes para jóvenes en mi barrio",
]


async def _screen_everything() -> int:
    """Run the full screen over the queue now, so the demo's boards have released views."""
    from app import job_kinds
    from web import jobs

    done = 0
    while claimed := await jobs.run_once(job_kinds()):
        done += claimed
    return done


async def purge(days: int, database_url: str | None = None) -> dict[str, int]:
    """Delete views (with their replies and screenings) older than ``days``, and finished
    jobs and sent mail older than a week. Nothing younger is touched."""
    async with _database(database_url):
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
