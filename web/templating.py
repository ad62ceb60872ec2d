"""The one Jinja environment every package renders with. Autoescape is on."""

from __future__ import annotations

from typing import Any

import jinja2
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


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(settings.ROOT / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    ),
    context_processors=[_context],
)


def tel(number: str) -> str:
    """A phone number as a tel: link target."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


templates.env.filters["tel"] = tel
