"""The pages a child sees."""

from __future__ import annotations

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from postbox import services
from postbox.forms import ViewSubmission, field_errors
from postbox.vocabulary import (
    AGE_BAND_LABELS,
    AGE_BANDS,
    FOUND_US,
    FOUND_US_LABELS,
    THEME_HINTS,
    THEMES,
    areas,
)
from web.http import database_unavailable, read_form
from web.security import CSRF_FIELD, check_csrf
from web.templating import templates

_SELECTS = [
    ("theme", "What is it about?", [(t, f"{t} – {THEME_HINTS[t]}") for t in THEMES]),
    ("age_band", "How old are you?", [(a, AGE_BAND_LABELS[a]) for a in AGE_BANDS]),
    ("area", "Which council area do you live in?", [(a, a) for a in areas()]),
    ("found_us", "How did you find the Post-box?", [(f, FOUND_US_LABELS[f]) for f in FOUND_US]),
]
_NOT_KEPT = (
    "We could not keep your message just now. Your words are still here. Please try again in a few minutes."
)
_FIELD_IDS = {"text", "theme", "age_band", "area", "found_us", "quote_consent"}


async def home(request: Request) -> Response:
    return templates.TemplateResponse(request, "postbox/home.html")


async def help_page(request: Request) -> Response:
    return templates.TemplateResponse(request, "postbox/help.html")


def _send_form(
    request: Request, values: dict[str, object], errors: dict[str, str], status: int = 200
) -> Response:
    context = {"values": values, "errors": errors, "selects": _SELECTS, "field_ids": _FIELD_IDS}
    return templates.TemplateResponse(request, "postbox/send.html", context, status_code=status)


async def send(request: Request) -> Response:
    if request.method == "GET":
        return _send_form(request, {}, {})
    request.app.state.limiter.check("send", request)
    form = await read_form(request)
    check_csrf(request, form.pop(CSRF_FIELD, None))
    values: dict[str, object] = {
        k: form.get(k, "") for k in ("text", "theme", "age_band", "area", "found_us")
    }
    values["quote_consent"] = form.get("quote_consent", "") in {"yes", "on", "true", "1"}
    unknown = set(form) - _FIELD_IDS
    try:
        if unknown:
            raise ValidationError.from_exception_data(
                "ViewSubmission", [{"type": "extra_forbidden", "loc": (sorted(unknown)[0],), "input": ""}]
            )
        submission = ViewSubmission.model_validate(values)
    except ValidationError as exc:
        return _send_form(request, values, field_errors(exc), status=422)
    try:
        receipt = await services.submit_view(submission, request.app.state.intake)
    except Exception as exc:
        if not database_unavailable(exc):
            raise
        # Keep the child's words on the page so nothing they wrote is lost.
        errors = {"form": _NOT_KEPT}
        return _send_form(request, values, errors, status=503)
    context = {"code": receipt.code, "show_help": receipt.show_help, "pii": receipt.pii}
    return templates.TemplateResponse(request, "postbox/thanks.html", context, status_code=201)


async def check(request: Request) -> Response:
    if request.method == "GET":
        return templates.TemplateResponse(request, "postbox/check.html", {"status": None, "error": None})
    request.app.state.check_limiter.check("check", request)
    form = await read_form(request)
    check_csrf(request, form.get(CSRF_FIELD))
    raw = form.get("code", "")
    view = await services.find_view(raw) if raw.strip() else None
    if view is None:
        error = (
            "Please type your code."
            if not raw.strip()
            else "We could not find that code. Check each word and the number, then try again."
        )
        context = {"status": None, "error": error, "code": raw[:100]}
        return templates.TemplateResponse(request, "postbox/check.html", context, status_code=404)
    status = await services.view_status(view)
    finders = request.app.state.hooks.update_finders
    updates = [link for finder in finders for link in await finder(view.id)]
    found: dict[str, object] = {"status": status, "error": None, "updates": updates}
    return templates.TemplateResponse(request, "postbox/check.html", found)


routes = [
    Route("/", home, name="home"),
    Route("/send", send, methods=["GET", "POST"], name="send"),
    Route("/check", check, methods=["GET", "POST"], name="check"),
    Route("/help", help_page, name="help"),
]
