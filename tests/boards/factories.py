"""Records the boards tests build on: boards, views as moderation leaves them, update forms."""

from __future__ import annotations

import secrets

import httpx

from boards.models import Board, BoardKind
from postbox.models import View
from tests.helpers import csrf_token

PASSING_EASY_READ = """You told us school can be too loud.
You said you need a calm place to go.
We talked to 30 schools about this.
12 schools now have a quiet room."""

FAILING_EASY_READ = (
    "The Commissioner recommends that local authorities implement comprehensive safeguarding "
    "arrangements, ensuring that statutory partners collaborate effectively to facilitate "
    "multi-agency information sharing."
)


async def make_board(name: str | None = None, kind: BoardKind = BoardKind.BOARD) -> Board:
    return await Board.create(name=name or f"Board {secrets.token_hex(3)}", kind=kind)


async def make_view(text: str, *, released: bool = True, **fields: object) -> View:
    return await View.create(receipt_digest=secrets.token_hex(32), text=text, released=released, **fields)


def update_form(board_id: int, **overrides: str) -> dict[str, str]:
    form = {
        "title": "Quiet places at school",
        "board_id": str(board_id),
        "theme": "Education",
        "you_said": "School is too loud.",
        "we_did": "We talked to 30 schools.",
        "status": "planned",
        "reason": "",
        "progress": "10",
        "easy_read": PASSING_EASY_READ,
    }
    form.update(overrides)
    return form


async def post(client: httpx.AsyncClient, path: str, data: dict[str, str] | None = None) -> httpx.Response:
    """A staff form POST with a fresh CSRF token."""
    token = await csrf_token(client, "/staff")
    return await client.post(path, data={"csrf_token": token, **(data or {})})


async def create_update(client: httpx.AsyncClient, board_id: int, **overrides: str) -> int:
    response = await post(client, "/staff/updates/new", update_form(board_id, **overrides))
    assert response.status_code == 303, response.text
    return int(response.headers["location"].split("/")[3].split("?")[0])
