"""The one Jinja environment every package renders with. Autoescape is on.

Links come from route names: ``url_for("moderation:item", view_id=3)`` gives the path
(``/staff/moderation/3``), not an absolute URL, so a page links to the host and scheme it
was served from, whatever the proxy in front says.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from jinja2.runtime import Context
from starlette.templating import Jinja2Templates

import settings
from web.security import CSRF_FIELD, csrf_token
from web.static import hashed_path


def _context(request: Any) -> dict[str, Any]:
    return {
        "csrf_field": CSRF_FIELD,
        "csrf_token": lambda: csrf_token(request),
        "numbers": {
            "childline": settings.CHILDLINE_NUMBER,
            "help_at_hand": settings.HELP_AT_HAND_NUMBER,
            "emergency": settings.EMERGENCY_NUMBER,
            "help_at_hand_hours": settings.HELP_AT_HAND_HOURS,
        },
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "staff": request.scope.get("staff"),
    }


@jinja2.pass_context
def url_for(context: Context, name: str, /, **path_params: Any) -> str:
    if name == "static" and "path" in path_params:
        # Content-hashed names, so browsers may keep static files for a year.
        path_params["path"] = hashed_path(path_params["path"])
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


# One time zone everywhere: the office is in England, so every time shown is UK time
# (GMT or BST as the date needs), whatever the database or server keep (UTC).
UK = ZoneInfo("Europe/London")


def uk(moment: datetime) -> datetime:
    """An aware or naive-UTC datetime in UK time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UK)


def uk_time(moment: datetime | None, *, year: bool = True) -> str:
    """Staff pages: "4 Dec 2026, 15:30" in UK time (the zone is named once per page)."""
    if moment is None:
        return ""
    local = uk(moment)
    return local.strftime("%-d %b %Y, %H:%M" if year else "%-d %b, %H:%M")


def uk_date(moment: datetime | date | None) -> str:
    """A date nobody can misread: "4 December 2026"."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = uk(moment)
    return moment.strftime("%-d %B %Y")


def child_when(moment: datetime) -> str:
    """For a child: "Friday 4 December at 3:30pm" (UK time)."""
    local = uk(moment)
    hour = local.strftime("%-I:%M%p").lower().replace(":00", "")
    return f"{local.strftime('%A %-d %B')} at {hour}"


templates.env.filters["uk_time"] = uk_time
templates.env.filters["uk_date"] = uk_date
templates.env.filters["child_when"] = child_when
