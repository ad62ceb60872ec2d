"""The Easy Read way in: one question per screen, big pictures, plain forms, no JavaScript.

Answers travel forward in hidden fields (nothing is stored until the child presses
"Send"), so each screen is an ordinary form post protected by the same CSRF token.
"""

from __future__ import annotations

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from postbox import services
from postbox.forms import ViewSubmission, field_errors
from postbox.vocabulary import AGE_BAND_LABELS, AGE_BANDS
from web.http import database_unavailable, read_form
from web.security import CSRF_FIELD, check_csrf
from web.templating import templates

# (theme, the words a child sees, pictogram: static/pictograms/<code>.svg)
TOPICS: list[tuple[str, str, str]] = [
    ("Education", "School", "1F3EB"),
    ("Family", "Family and home", "1F46A"),
    ("Health", "Health and feelings", "1F9D1-200D-2695-FE0F"),
    ("Online Safety", "Phones and going online", "1F4F1"),
    ("Safety from Crime", "Feeling safe", "1F6E1"),
    ("Children's Social Care", "Living in care", "1F3E0"),
    ("Community", "Where I live", "1F9D1-200D-1F91D-200D-1F9D1"),
    ("Jobs and Skills", "Jobs and money", "1F4BC"),
    ("Better World", "Making the world better", "1F30D"),
    ("Something else", "Something else", "2753"),
]
_TOPIC_WORDS = {theme: words for theme, words, _ in TOPICS}

STEPS = ("text", "topic", "age", "check")


async def easy_send(request: Request) -> Response:
    if request.method == "GET":
        return _screen(request, "text", {}, {})
    # The same limit as /send: the screen that sends counts one, each screen before it a
    # quarter (a child's four screens cost less than two sends; sending alone costs one).
    form = await read_form(request)
    step = form.get("step", "text")
    final = step == "check" and not form.get("back")
    request.app.state.limiter.check("send", request, 1.0 if final else 1 / len(STEPS))
    check_csrf(request, form.get(CSRF_FIELD))
    answers = {
        "text": form.get("text", ""),
        "theme": form.get("theme", ""),
        "age_band": form.get("age_band", ""),
    }
    if step not in STEPS:
        step = "text"
    if form.get("back") and step != "text":
        return _screen(request, STEPS[STEPS.index(step) - 1], answers, {})
    if step == "text" and not answers["text"].strip():
        return _screen(request, "text", answers, {"text": "Please write something first."}, status=422)
    if step != "check":
        return _screen(request, STEPS[STEPS.index(step) + 1], answers, {})
    try:
        submission = ViewSubmission.model_validate(
            {k: v or None for k, v in answers.items()} | {"text": answers["text"]}
        )
    except ValidationError as exc:
        errors = field_errors(exc)
        first = "text" if "text" in errors else ("topic" if "theme" in errors else "age")
        return _screen(request, first, answers, {"text": next(iter(errors.values()))}, status=422)
    try:
        receipt = await services.submit_view(submission, request.app.state.intake)
    except Exception as exc:
        if not database_unavailable(exc):
            raise
        message = "We could not keep your message just now. Please try again in a few minutes."
        return _screen(request, "check", answers, {"text": message}, status=503)
    context = {"code": receipt.code, "show_help": receipt.show_help, "pii": receipt.pii}
    return templates.TemplateResponse(request, "postbox/thanks.html", context, status_code=201)


def _screen(
    request: Request, step: str, answers: dict[str, str], errors: dict[str, str], status: int = 200
) -> Response:
    context = {
        "step": step,
        "number": STEPS.index(step) + 1,
        "total": len(STEPS),
        "answers": answers,
        "errors": errors,
        "topics": TOPICS,
        "topic_words": _TOPIC_WORDS,
        "ages": [(band, AGE_BAND_LABELS[band]) for band in AGE_BANDS],
        "age_words": AGE_BAND_LABELS,
    }
    return templates.TemplateResponse(request, "postbox/easy_send.html", context, status_code=status)


routes = [Route("/easy-read/send", easy_send, methods=["GET", "POST"], name="easy_send")]
