"""Claiming rows under a lease: the one mechanism behind the job queue and the outbox.

A worker marks up to N due rows with its own random token and a lease end, then reads
back the rows carrying its token. On PostgreSQL the candidate rows are picked with
``SELECT … FOR UPDATE SKIP LOCKED`` so many workers never wait on each other; on SQLite
writers are serialised by the database and the token check alone is enough. A worker
that dies leaves its lease to run out, and the row is claimed again.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from tortoise import Tortoise
from tortoise.expressions import F, Q
from tortoise.models import Model

M = TypeVar("M", bound=Model)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _is_postgres() -> bool:
    return Tortoise.get_connection("default").capabilities.dialect == "postgres"


async def claim(model: type[M], *, due_field: str, pending_state: str, limit: int, lease_s: float) -> list[M]:
    """Lease up to ``limit`` pending rows whose ``due_field`` has passed, oldest first."""
    now = utcnow()
    token = secrets.token_hex(16)
    lease_until = now + timedelta(seconds=lease_s)
    free = Q(lease_until=None) | Q(lease_until__lt=now)
    due_now: dict[str, Any] = {"state": pending_state, f"{due_field}__lte": now}
    due = Q(**due_now) & free
    if _is_postgres():
        table = model._meta.db_table
        conn = Tortoise.get_connection("default")
        await conn.execute_query(
            f"UPDATE {table} SET lease_owner = $1, lease_until = $2, attempts = attempts + 1 "
            f"WHERE id IN (SELECT id FROM {table} WHERE state = $3 AND {due_field} <= $4 "
            f"AND (lease_until IS NULL OR lease_until < $4) ORDER BY id LIMIT $5 FOR UPDATE SKIP LOCKED)",
            [token, lease_until, pending_state, now, limit],
        )
    else:
        ids = await model.filter(due).order_by("id").limit(limit).values_list("id", flat=True)
        if not ids:
            return []
        # Conditions repeated so that a row another worker leased in between is left alone.
        await model.filter(due, id__in=list(ids)).update(
            lease_owner=token, lease_until=lease_until, attempts=F("attempts") + 1
        )
    return list(await model.filter(lease_owner=token, lease_until=lease_until).order_by("id"))


def backoff_seconds(attempts: int, *, base: float = 2.0, cap: float = 300.0) -> float:
    """Exponential back-off: 2 s, 4 s, 8 s … capped (five minutes by default)."""
    return min(cap, base * (2 ** max(0, attempts - 1)))
