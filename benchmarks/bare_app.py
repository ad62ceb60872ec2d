"""The yardstick: a bare Starlette endpoint that reads a JSON body and answers 201."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def create(request: Request) -> JSONResponse:
    data = await request.json()
    return JSONResponse({"ok": bool(data.get("text"))}, status_code=201)


app = Starlette(routes=[Route("/api/v1/views", create, methods=["POST"])])
