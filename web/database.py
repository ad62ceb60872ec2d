"""The Tortoise configuration, and applying migrations.

Each package is its own Tortoise app with its own ``migrations`` module; foreign keys
name their target as a string (``"postbox.View"``) so model modules never import each
other. Which apps there are is the composition root's business (``app.MODELS``): every
function here takes that mapping of app label to model modules.

Job and OutboxMessage (``web/models.py``) are the one exception to "label = package": they
keep the label ``postbox``. They were created by ``postbox/migrations/0001_initial.py``
when they lived in the post-box, and Tortoise names a model in its migrations by label
(``postbox.Job``); a label of their own would need a migration that moves them between
apps and every existing database to run it, for no change to the tables. So ``app.MODELS``
lists ``web.models`` under ``postbox``, and their ``Meta.app`` says so too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tortoise import Tortoise
from tortoise.migrations.api.migrate import migrate as tortoise_migrate

import settings

Apps = Mapping[str, Sequence[str]]


def tortoise_config(apps: Apps, database_url: str | None = None) -> dict[str, Any]:
    url = database_url or settings.DATABASE_URL
    return {
        "connections": {"default": url},
        "apps": {
            label: {
                "models": list(modules),
                "default_connection": "default",
                "migrations": f"{label}.migrations",
            }
            for label, modules in apps.items()
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def is_sqlite(database_url: str | None = None) -> bool:
    return (database_url or settings.DATABASE_URL).startswith("sqlite")


async def apply_migrations(apps: Apps, database_url: str | None = None) -> None:
    """Bring the database schema up to date; safe to run on every start."""
    url = database_url or settings.DATABASE_URL
    if is_sqlite(url):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    await tortoise_migrate(config=tortoise_config(apps, url))
    await Tortoise.close_connections()


async def open_database(apps: Apps, database_url: str | None = None) -> None:
    # Requests, workers and the lifespan run in different asyncio tasks; Tortoise 1.x keeps
    # its context in a contextvar, so the app's one context is also made the global fallback
    # (as Tortoise's own RegisterTortoise does).
    await Tortoise.init(config=tortoise_config(apps, database_url), _enable_global_fallback=True)
    if is_sqlite(database_url):
        # WAL lets the embedded workers read while a request writes; NORMAL is durable
        # across application crashes, which is the failure we design for here.
        conn = Tortoise.get_connection("default")
        await conn.execute_script(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        )


async def close_database() -> None:
    await Tortoise.close_connections()
