"""Public "you said, we did" pages and feeds."""

from __future__ import annotations

from starlette.routing import BaseRoute

routes: list[BaseRoute] = []


async def updates_for_view(view_id: int) -> list[dict[str, str]]:
    """Published updates linked to a child's view, as ``{"title", "url"}`` for /check."""
    return []
