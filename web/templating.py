"""The one Jinja environment every package renders with. Autoescape is on.

Links come from route names: ``url_for("moderation:item", view_id=3)`` gives the path
(``/staff/moderation/3``), not an absolute URL, so a page links to the host and scheme it
was served from, whatever the proxy in front says.
"""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2.runtime import Context
from starlette.templating import Jinja2Templates

import settings
from web.security import CSRF_FIELD, csrf_token


def _context(request: Any) -> dict[str, Any]:
    return {
        "csrf_field": CSRF_FIELD,
        "csrf_token": lambda: csrf_token(request),
        "numbers": {
            "childline": settings.CHILDLINE_NUMBER,
            "help_at_hand": settings.HELP_AT_HAND_NUMBER,
            "emergency": settings.EMERGENCY_NUMBER,
        },
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "staff": request.scope.get("staff"),
    }


@jinja2.pass_context
def url_for(context: Context, name: str, /, **path_params: Any) -> str:
    path: str = context["request"].url_for(name, **path_params).path
    return path


_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(settings.ROOT / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
# Set before Jinja2Templates sees the environment: it only adds its own (absolute) url_for
# when there is none.
_env.globals["url_for"] = url_for
templates = Jinja2Templates(env=_env, context_processors=[_context])


def tel(number: str) -> str:
    """A phone number as a tel: link target."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


templates.env.filters["tel"] = tel


def render(name: str, /, **context: Any) -> str:
    """A template rendered outside a request (an e-mail), escaped like every page."""
    return _env.get_template(name).render(**context)
