"""Static files under content-hashed names, cached for a year, and response compression.

Templates write ``url_for("static", path="/css/site.css")``; ``web.templating`` turns that
into ``/static/css/site.3f2a1b9c0d.css``. A hashed name that matches the file's content is
sent with a year's caching (``immutable``); the plain name, or a hash from an older
release, still gets the current file but must be checked again each time.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

import settings

ONE_YEAR = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
_HASHED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<ext>\.[A-Za-z0-9]+)$")
STATIC_ROOT = settings.ROOT / "static"


@cache
def _digest(relative: str, mtime_ns: int) -> str:
    return hashlib.sha256((STATIC_ROOT / relative).read_bytes()).hexdigest()[:10]


def content_hash(relative: str) -> str | None:
    """The first ten hex digits of the file's SHA-256, or None when there is no such file."""
    path = (STATIC_ROOT / relative).resolve()
    if not path.is_relative_to(STATIC_ROOT.resolve()) or not path.is_file():
        return None
    return _digest(relative, path.stat().st_mtime_ns)


def hashed_path(path: str) -> str:
    """``/css/site.css`` → ``/css/site.3f2a1b9c0d.css`` (unchanged when the file is missing)."""
    relative = path.lstrip("/")
    digest = content_hash(relative)
    if digest is None:
        return path
    stem, dot, ext = relative.rpartition(".")
    named = f"{stem}.{digest}.{ext}" if dot else f"{relative}.{digest}"
    return "/" + named


class HashedStaticFiles(StaticFiles):
    def __init__(self, directory: Path) -> None:
        super().__init__(directory=directory)

    async def get_response(self, path: str, scope: Scope) -> Response:
        match = _HASHED.match(path)
        plain = f"{match['stem']}{match['ext']}" if match else path
        response = await super().get_response(plain, scope)
        if response.status_code in {200, 304}:
            current = match is not None and content_hash(plain) == match["hash"]
            response.headers["Cache-Control"] = ONE_YEAR if current else REVALIDATE
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Compress what the public reads. Staff pages are left alone: they carry the session's
    CSRF binding next to text an outsider may get reflected (BREACH)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/staff"):
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
