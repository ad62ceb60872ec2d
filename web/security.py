"""Security on by default: response headers and CSRF.

CSRF follows two defences together. Every form carries a signed, time-limited token
(bound to the staff session when there is one; children have no session, so theirs is
bound to nothing but the signature and its age). And, as in Datasette's ``csrf.py`` and
the OWASP cheat sheet, a browser request that says it came from another site
(``Sec-Fetch-Site: cross-site`` or a foreign ``Origin``) is refused whatever it carries.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import settings

# Children may take a long time to write; a token lasts a day.
CSRF_MAX_AGE_S = 24 * 3600
CSRF_FIELD = "csrf_token"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class SecurityHeadersMiddleware:
    """Adds the headers above to every response, including errors and static files."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = list(_HEADERS)
        if settings.BASE_URL.startswith("https://"):
            self.headers.append((b"strict-transport-security", b"max-age=63072000; includeSubDomains"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        # Nothing the site answers may be kept by a browser or a proxy (a thank-you page
        # holds a receipt code; /check a status and replies), unless the route says
        # otherwise itself (the public "you said, we did" pages), or it is a static file.
        keep_out = not scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                if keep_out and b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(str(settings.SECRET_KEY), salt="postbox.csrf")


def csrf_binding(request: Request) -> str:
    """What a token is tied to: the staff session's CSRF id, or "anon" for children."""
    return str(request.scope.get("csrf_binding", "anon"))


def csrf_token(request: Request) -> str:
    return _serializer().dumps([csrf_binding(request), secrets.token_urlsafe(8)])


def check_csrf(request: Request, token: object) -> None:
    """Raise 403 unless the token is ours, fresh, bound to this session and same-site."""
    if request.headers.get("sec-fetch-site", "same-origin") not in {"same-origin", "none"}:
        raise HTTPException(403, "This form was sent from another website.")
    origin = request.headers.get("origin")
    if origin and origin != "null" and not _same_origin(origin, request):
        raise HTTPException(403, "This form was sent from another website.")
    if not isinstance(token, str) or not token:
        raise HTTPException(403, "This form has run out of time. Please go back and try again.")
    try:
        binding, _nonce = _serializer().loads(token, max_age=CSRF_MAX_AGE_S)
    except (BadSignature, SignatureExpired, ValueError, TypeError) as exc:
        raise HTTPException(403, "This form has run out of time. Please go back and try again.") from exc
    if binding != csrf_binding(request):
        raise HTTPException(403, "This form has run out of time. Please go back and try again.")


def _same_origin(origin: str, request: Request) -> bool:
    allowed = {_origin_of(settings.BASE_URL), f"{request.url.scheme}://{request.url.netloc}"}
    return _origin_of(origin) in allowed


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
