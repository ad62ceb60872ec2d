"""The OpenAPI document, generated from the routes and their pydantic models.

An endpoint opts in with ``@describe(...)``; ``schema(routes)`` walks the route table,
so the document can never drift from what is actually served.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel
from starlette.routing import BaseRoute, Mount, Route

_ATTR = "__openapi__"


def describe(
    *,
    summary: str,
    request: type[BaseModel] | None = None,
    responses: dict[int, tuple[str, type[BaseModel] | None]],
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def mark(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        setattr(endpoint, _ATTR, {"summary": summary, "request": request, "responses": responses})
        return endpoint

    return mark


def _walk(routes: Iterable[BaseRoute], prefix: str = "") -> Iterable[tuple[str, Route]]:
    for route in routes:
        if isinstance(route, Mount):
            yield from _walk(route.routes, prefix + route.path)
        elif isinstance(route, Route):
            yield prefix + route.path, route


def _path_params(path: str) -> list[dict[str, Any]]:
    return [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in re.findall(r"{([^}:]+)", path)
    ]


def schema(routes: Iterable[BaseRoute], *, title: str, version: str) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    components: dict[str, Any] = {}

    def ref(model: type[BaseModel]) -> dict[str, str]:
        components[model.__name__] = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(components[model.__name__].pop("$defs", {}))
        return {"$ref": f"#/components/schemas/{model.__name__}"}

    for path, route in _walk(routes):
        meta = getattr(route.endpoint, _ATTR, None)
        if meta is None:
            continue
        clean_path = re.sub(r"{([^}:]+):[^}]+}", r"{\1}", path)
        for method in sorted((route.methods or set()) - {"HEAD"}):
            operation: dict[str, Any] = {
                "summary": meta["summary"],
                "operationId": f"{route.name}_{method.lower()}",
            }
            if params := _path_params(clean_path):
                operation["parameters"] = params
            if meta["request"] is not None and method in {"POST", "PUT", "PATCH"}:
                operation["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": ref(meta["request"])}},
                }
            operation["responses"] = {
                str(code): {
                    "description": text,
                    **({"content": {"application/json": {"schema": ref(model)}}} if model else {}),
                }
                for code, (text, model) in meta["responses"].items()
            }
            paths.setdefault(clean_path, {})[method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version},
        "paths": paths,
        "components": {"schemas": components},
    }
