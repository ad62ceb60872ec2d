"""The Tortoise configuration, and applying migrations.

Each package is its own Tortoise app with its own ``migrations`` module; foreign keys
name their target as a string (``"postbox.View"``) so model modules never import each
other.
"""

from __future__ import annotations

from typing import Any

from tortoise import Tortoise
from tortoise.migrations.api.migrate import migrate as tortoise_migrate

import settings

# App label → model modules. Order matters only for readability; migrations carry
# their own dependencies.
APPS: dict[str, list[str]] = {
    # web.models (Job, OutboxMessage) keeps the label "postbox": ...
    "postbox": ["postbox.models", "web.models"],
    "moderation": ["moderation.models"],
    "accounts": ["accounts.models"],
    "boards": ["boards.models"],
    "ambassadors": ["ambassadors.models"],
}


def tortoise_config(database_url: str | None = None) -> dict[str, Any]:
    url = database_url or settings.DATABASE_URL
    return {
        "connections": {"default": url},
        "apps": {
            label: {"models": modules, "default_connection": "default", "migrations": f"{label}.migrations"}
            for label, modules in APPS.items()
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def is_sqlite(database_url: str | None = None) -> bool:
    return (database_url or settings.DATABASE_URL).startswith("sqlite")


async def apply_migrations(database_url: str | None = None) -> None:
    """Bring the database schema up to date; safe to run on every start."""
    url = database_url or settings.DATABASE_URL
    if is_sqlite(url):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    await tortoise_migrate(config=tortoise_config(url))
    await Tortoise.close_connections()


async def open_database(database_url: str | None = None) -> None:
    # Requests, workers and the lifespan run in different asyncio tasks; Tortoise 1.x keeps
    # its context in a contextvar, so the app's one context is also made the global fallback
    # (as Tortoise's own RegisterTortoise does).
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
    if is_sqlite(database_url):
        # WAL lets the embedded workers read while a request writes; NORMAL is durable
        # across application crashes, which is the failure we design for here.
        conn = Tortoise.get_connection("default")
        await conn.execute_script(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        )


async def close_database() -> None:
    await Tortoise.close_connections()
