"""Logging without children's data.

The access log names the route pattern (``/api/v1/views/{receipt_code}``), never the
path a child requested, and never a client address, user agent or body. Uvicorn's own
access log is switched off wherever we start it.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

access = logging.getLogger("postbox.access")
# Set in the scope when the client disconnected before an answer: logged as 499, not 500.
CLIENT_GONE = "postbox.client_gone"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info and record.exc_info[0] is not None:
            # The exception type only: a message or traceback could quote a child's words.
            entry["exception"] = record.exc_info[0].__name__
        return json.dumps(entry, ensure_ascii=False)


# These libraries log SQL with its parameters (a child's words) or client addresses at
# DEBUG or INFO. They stay at WARNING whatever the root level is.
_QUIET_LOGGERS = ("tortoise", "aiosqlite", "asyncpg", "uvicorn.access", "multipart")


def protect_child_data() -> None:
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("uvicorn.access").disabled = True


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    protect_child_data()


def route_pattern(scope: Scope) -> str:
    """The pattern of the route that answered (``/api/v1/views/{receipt_code}``), never the
    path itself, which may hold a receipt code; "-" when no route matched."""
    return getattr(scope.get("route"), "path", "-")


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not access.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)  # nothing to log: no wrapper, no clock
            return
        started = time.perf_counter()
        status = 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            if scope.get(CLIENT_GONE) and status == 500:
                status = 499  # nginx's "client closed request"
            access.info(
                "request",
                extra={
                    "fields": {
                        "method": scope["method"],
                        "route": route_pattern(scope),
                        "status": status,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    }
                },
            )
