"""Staff workspaces for boards and cohorts (explorer, drafting, review)."""

from __future__ import annotations

from starlette.routing import BaseRoute

routes: list[BaseRoute] = []
