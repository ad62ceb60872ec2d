"""Reading request bodies strictly: bad input gets a 4xx with a reason, never a 500."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.requests import Request

from web.errors import NotFound

MAX_BODY_BYTES = 64 * 1024
FORM_TYPE = "application/x-www-form-urlencoded"
_UNREADABLE = "Some of the letters could not be read. Please try again."


def storable(text: str) -> bool:
    """Whether a database can keep ``text``: no lone surrogates (not UTF-8) and no NUL
    (PostgreSQL refuses it in text). Checked on every value a request brings, so a bad
    value is refused with a 400 before it can reach the writer and its batch."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# What XML 1.0 does not allow in a document at all (control characters but tab and line
# breaks, surrogates, U+FFFE and U+FFFF): one in a title made the Atom feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids; applied to all staff text on input."""
    return _NOT_XML.sub("", text)


def _all_storable(value: Any) -> bool:
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return all(storable(k) and _all_storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_all_storable(v) for v in value)
    return True


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, "That is too much to send at once.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise HTTPException(413, "That is too much to send at once.")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_form(request: Request) -> dict[str, str]:
    """A URL-encoded form as a dict (last value wins). 415 for other types, 400 for bad UTF-8."""
    if _media_type(request) != FORM_TYPE:
        raise HTTPException(415, "Please send this form from our website.")
    body = await _body(request)
    try:
        pairs = parse_qsl(body.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, _UNREADABLE) from exc
    except ValueError as exc:
        raise HTTPException(400, "The form could not be read. Please try again.") from exc
    if not all(storable(k) and storable(v) for k, v in pairs):
        raise HTTPException(400, _UNREADABLE)
    return dict(pairs)


async def read_json_object(request: Request) -> dict[str, Any]:
    """A JSON object body. 415 when not JSON, 400 when not valid UTF-8 JSON, 422 when not an object."""
    if _media_type(request) != "application/json":
        raise HTTPException(415, "Send JSON with Content-Type: application/json.")
    body = await _body(request)
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise HTTPException(400, "The body is not valid UTF-8.") from exc
    except (ValueError, RecursionError) as exc:
        # ValueError: bad JSON, and also an integer over Python's 4,300-digit limit.
        raise HTTPException(400, "The body is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise HTTPException(422, "The body must be a JSON object.")
    if not _all_storable(data):
        raise HTTPException(
            400, "The body holds characters that are not valid text (a lone surrogate or NUL)."
        )
    return data


# Largest ids the two kinds of primary key hold (IntField, BigIntField).
INT_MAX = 2**31 - 1
BIGINT_MAX = 2**63 - 1


def parse_id(raw: object, maximum: int = INT_MAX) -> int | None:
    """A database id from a path or form value; None when it is not one (ASCII digits only:
    ``int()`` takes other scripts' digits and ``str.isdigit()`` passes "²", which it refuses)."""
    text = str(raw).strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(maximum)):
        return None
    value = int(text)
    return value if 0 < value <= maximum else None


def path_id(
    request: Request, name: str, *, maximum: int = INT_MAX, missing: str = "There is no such page."
) -> int:
    """The id in path parameter ``name``; ``NotFound(missing)`` when it cannot be one."""
    value = parse_id(request.path_params[name], maximum)
    if value is None:
        raise NotFound(missing)
    return value


# Errors that mean a value from the request was out of range for a field or a column (a
# number too big for SQLite's or PostgreSQL's integers, a string too long for a column,
# Tortoise's own field validation), not a fault of ours: 400, never 500.
_BAD_INPUT = {
    "ValidationError",
    "OverflowError",
    "DataError",
    "NumericValueOutOfRangeError",
    "StringDataRightTruncationError",
    "InvalidTextRepresentationError",
    "CharacterNotInRepertoireError",
    "UntranslatableCharacterError",
}


def bad_input(exc: BaseException) -> bool:
    """Whether an unhandled error was caused by a value out of range (the sanity net under
    every route; routes should still refuse such values themselves, with a reason)."""
    return bool({type(e).__name__ for e in _chain(exc)} & _BAD_INPUT)


def database_unavailable(exc: BaseException) -> bool:
    """Whether an error means the database cannot be reached or used just now."""
    names = {type(e).__name__ for e in _chain(exc)}
    return bool(
        names
        & {
            "DBConnectionError",
            "OperationalError",
            "ConnectionRefusedError",
            "ConnectionDoesNotExistError",
            "CannotConnectNowError",
            "InterfaceError",
            "TooManyConnectionsError",
            "OSError",
            "ConnectionError",
        }
    )


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen
