"""Demo boards, cohorts, accounts and updates for ``python -m postbox demo``."""

from __future__ import annotations


async def load_demo() -> dict[str, int]:
    return {}
