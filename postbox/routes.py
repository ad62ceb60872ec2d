"""The pages a child sees."""

from __future__ import annotations

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from postbox import receipt, services
from postbox.forms import ViewSubmission, field_errors
from postbox.models import ViewStatus
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
# The ways a child may ask to be contacted (the form posts to help_at_hand:contact).
CONTACT_WAYS = {"phone": "Phone call", "text": "Text message", "email": "E-mail"}
_FIELD_IDS = {"text", "theme", "age_band", "area", "found_us", "quote_consent"}


async def home(request: Request) -> Response:
    return templates.TemplateResponse(request, "postbox/home.html")


async def help_page(request: Request) -> Response:
    return templates.TemplateResponse(request, "postbox/help.html")


def _send_form(
    request: Request,
    values: dict[str, object],
    errors: dict[str, str],
    status: int = 200,
    form_token: str | None = None,
) -> Response:
    context = {"values": values, "errors": errors, "selects": _SELECTS, "field_ids": _FIELD_IDS}
    context["form_token"] = form_token or services.new_form_token()
    return templates.TemplateResponse(request, "postbox/send.html", context, status_code=status)


async def send(request: Request) -> Response:
    if request.method == "GET":
        return _send_form(request, {}, {})
    request.app.state.limiter.check("send", request)
    form = await read_form(request)
    check_csrf(request, form.pop(CSRF_FIELD, None))
    form_token = form.pop("form_token", None) or None
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
        return _send_form(request, values, field_errors(exc), status=422, form_token=form_token)
    try:
        sent = await services.submit_view(submission, request.app.state.intake, form_token=form_token)
    except Exception as exc:
        if not database_unavailable(exc):
            raise
        # Keep the child's words on the page so nothing they wrote is lost.
        errors = {"form": _NOT_KEPT}
        return _send_form(request, values, errors, status=503, form_token=form_token)
    return thanks_page(request, sent)


def thanks_page(request: Request, sent: services.Receipt) -> Response:
    """The receipt: the same page (and the same code) when the child refreshes it."""
    context = {"code": sent.code, "show_help": sent.show_help, "pii": sent.pii, "ways": CONTACT_WAYS}
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
        missing = {"status": None, "error": error, "code": raw[:100]}
        return templates.TemplateResponse(request, "postbox/check.html", missing, status_code=404)
    status = await services.view_status(view)
    hooks = request.app.state.hooks
    updates = [link for finder in hooks.update_finders for link in await finder(view.id)]
    # A child who wrote something worrying gets the same help every time they come back,
    # and is told what happens next and by when.
    flagged = view.show_help or status.status == ViewStatus.WITH_HELP_TEAM
    care = await hooks.care_finder(view) if flagged else None
    context: dict[str, object] = {
        "status": status,
        "error": None,
        "updates": updates,
        "flagged": flagged,
        "care": care,
        "code": receipt.normalise(raw),
        "ways": CONTACT_WAYS,
    }
    return templates.TemplateResponse(request, "postbox/check.html", context)


async def code_file(request: Request) -> Response:
    """ "Save my code as a file": a small text file, no JavaScript needed. Posted, so the
    code never sits in an address, a log or the browser's history."""
    request.app.state.limiter.check("code_file", request)
    form = await read_form(request)
    check_csrf(request, form.get(CSRF_FIELD))
    code = receipt.normalise(form.get("code", ""))
    if code is None:
        return PlainTextResponse("That is not a Post-box code.", status_code=400)
    check_url = request.url_for("postbox:check")
    text = (
        f"Your Post-box secret code:\n\n    {code}\n\n"
        f"Type it at {check_url} to see what we did and read our reply.\n"
        "Keep it safe. If you lose it, nobody can get it back for you.\n"
    )
    headers = {"Content-Disposition": 'attachment; filename="post-box-code.txt"', "Cache-Control": "no-store"}
    return PlainTextResponse(text, headers=headers)


routes = [
    Route("/", home, name="home"),
    Route("/send", send, methods=["GET", "POST"], name="send"),
    Route("/check", check, methods=["GET", "POST"], name="check"),
    Route("/help", help_page, name="help"),
    Route("/my-code.txt", code_file, methods=["POST"], name="code_file"),
]
