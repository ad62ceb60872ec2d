"""The JSON API: the same post-box for apps and partners."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

import settings
from postbox import services
from postbox.forms import ViewSubmission, field_errors
from web.errors import NotFound
from web.http import read_json_object
from web.openapi import describe


class Support(BaseModel):
    show_help: bool
    message: str
    childline: str
    help_at_hand: str
    emergency: str


class ReceiptOut(BaseModel):
    receipt_code: str
    status_url: str
    support: Support


class ReplyModel(BaseModel):
    body: str
    created_at: datetime


class StatusOut(BaseModel):
    status: str
    status_words: str
    replies: list[ReplyModel]


class ErrorOut(BaseModel):
    error: str
    fields: dict[str, str] = {}


def support_for(show_help: bool) -> Support:
    message = (
        "It sounds like things might be hard. You can talk to someone now."
        if show_help
        else "If you ever need help, you can talk to someone."
    )
    return Support(
        show_help=show_help,
        message=message,
        childline=settings.CHILDLINE_NUMBER,
        help_at_hand=settings.HELP_AT_HAND_NUMBER,
        emergency=settings.EMERGENCY_NUMBER,
    )


@describe(
    summary="Send a view",
    request=ViewSubmission,
    responses={
        201: ("Kept; here is the receipt code", ReceiptOut),
        400: ("Body is not valid UTF-8 JSON", ErrorOut),
        413: ("Body too large", ErrorOut),
        415: ("Not JSON", ErrorOut),
        422: ("A field is missing, unknown or has the wrong type or length", ErrorOut),
        429: ("Too many requests", ErrorOut),
    },
)
async def create_view(request: Request) -> Response:
    request.app.state.limiter.check("send", request)
    data = await read_json_object(request)
    try:
        submission = ViewSubmission.model_validate(data)
    except ValidationError as exc:
        errors = field_errors(exc)
        return JSONResponse(
            ErrorOut(error=next(iter(errors.values())), fields=errors).model_dump(), status_code=422
        )
    receipt = await services.submit_view(submission, request.app.state.intake)
    # The answer is built as a plain dict (ReceiptOut's shape, which the OpenAPI document
    # and the tests hold it to): a pydantic model per request cost more than the rest of it.
    body = {
        "receipt_code": receipt.code,
        "status_url": settings.BASE_URL
        + request.app.url_path_for("api:view_status", receipt_code=receipt.code),
        "support": _support(receipt.show_help),
    }
    return JSONResponse(body, status_code=201)


@cache
def _support(show_help: bool) -> dict[str, object]:
    return support_for(show_help).model_dump()


@describe(
    summary="See what happened to a view",
    responses={
        200: ("The status and any replies", StatusOut),
        404: ("No view has this code", ErrorOut),
        429: ("Too many look-ups", ErrorOut),
    },
)
async def view_status(request: Request) -> Response:
    request.app.state.check_limiter.check("check", request)
    view = await services.find_view(request.path_params["receipt_code"])
    if view is None:
        raise NotFound("No message has this code.")
    status = await services.view_status(view)
    out = StatusOut(
        status=status.status,
        status_words=status.words,
        replies=[ReplyModel(body=r.body, created_at=r.created_at) for r in status.replies],
    )
    return JSONResponse(out.model_dump(mode="json"))


routes = [
    Route("/views", create_view, methods=["POST"], name="create_view"),
    Route("/views/{receipt_code}", view_status, methods=["GET"], name="view_status"),
]
