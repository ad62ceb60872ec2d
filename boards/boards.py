"""Boards and cohorts: who may see which, and creating and editing them.

Every function takes the signed-in ``Staff`` and checks scope against the record it loads
(``Staff.may_see_board``); a record out of scope is reported as not found, so a board
member cannot learn that another board exists. Every change is audited in the same
transaction as the change: both are kept, or neither.
"""

from __future__ import annotations

from dataclasses import asdict

from tortoise.transactions import in_transaction

from accounts.models import StaffUser
from accounts.roles import Role
from accounts.services import Staff, audit
from boards.forms import BoardInput
from boards.models import Board
from web.errors import InvalidInput, NotFound
from web.hooks import Choice
from web.http import parse_id

WORKSPACE: frozenset[Role] = frozenset({Role.ADMIN, Role.EDITOR, Role.BOARD_MEMBER, Role.AMBASSADOR})
REVIEWERS: frozenset[Role] = frozenset({Role.ADMIN, Role.EDITOR})


async def visible_boards(staff: Staff) -> list[Board]:
    boards = await Board.all().order_by("kind", "name")
    return [b for b in boards if staff.may_see_board(b.id)]


async def load_board(staff: Staff, board_id: object) -> Board:
    pk = parse_id(board_id)
    board = await Board.get_or_none(id=pk) if pk else None
    if board is None or not staff.may_see_board(board.id):
        raise NotFound("There is no such board or cohort.")
    return board


async def board_choices() -> list[Choice]:
    """Every board and cohort, for packages that may not import boards (``Hooks.board_choices``)."""
    return [Choice(board.id, board.name) for board in await Board.all().order_by("id")]


async def members_of(board: Board) -> list[StaffUser]:
    return await StaffUser.filter(board_id=board.id).order_by("role", "email")


async def create_board(staff: Staff, data: BoardInput) -> Board:
    if await Board.exists(name=data.name):
        raise InvalidInput({"name": "There is already a board or cohort with that name."})
    async with in_transaction() as conn:
        board = await Board.create(**asdict(data), using_db=conn)
        await audit(
            staff, "board.created", "board", board.id, f"{data.kind.value}: {data.name}", using_db=conn
        )
    return board


async def edit_board(staff: Staff, board: Board, data: BoardInput) -> Board:
    if await Board.filter(name=data.name).exclude(id=board.id).exists():
        raise InvalidInput({"name": "There is already a board or cohort with that name."})
    board.update_from_dict(asdict(data))
    async with in_transaction() as conn:
        await board.save(using_db=conn)
        await audit(staff, "board.updated", "board", board.id, data.name, using_db=conn)
    return board
