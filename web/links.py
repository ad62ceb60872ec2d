"""Absolute addresses by route name, for what leaves the site without a request: the
e-mail that sends Help at Hand to a case, the set-up link printed for a new account.

Built from the same route table as the app (``app.site_routes()``), so such a link can
never point somewhere the app does not serve.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.routing import BaseRoute, Router

import settings


class Links:
    def __init__(self, routes: Sequence[BaseRoute] = ()) -> None:
        self._router = Router(routes=list(routes))

    def url(self, name: str, /, **path_params: Any) -> str:
        """``settings.BASE_URL`` and the named route's path: ``https://…/staff/help-at-hand/7``."""
        return settings.BASE_URL + str(self._router.url_path_for(name, **path_params))
