"""A change on boards and the audit entry that records it are kept together, or not at all.

The database itself is made to refuse one write (a trigger, as the audit log's own
append-only rule is built), then the real service runs: when the audit entry cannot be
written the change is rolled back, and when the change cannot be written no audit entry is
left claiming it happened.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from starlette.applications import Starlette
from tortoise import Tortoise

from accounts.models import AuditEntry
from accounts.roles import Role
from accounts.services import Staff
from ambassadors import services as ambassadors
from ambassadors.models import LocalIssue
from boards import boards, updates
from boards.forms import parse_board_form, parse_update_form
from boards.models import Board, BoardKind, TimelineEntry, Update, UpdateState, UpdateView
from tests.boards.factories import make_board, make_view, update_form
from tests.staff import make_staff

Refuse = Callable[[str], Awaitable[None]]


@pytest.fixture
async def refuse_inserts(app: Starlette) -> AsyncIterator[Refuse]:
    """``await refuse_inserts("table")``: from now on the database refuses new rows there."""
    conn = Tortoise.get_connection("default")
    postgres = conn.capabilities.dialect == "postgres"

    async def refuse(table: str) -> None:
        if postgres:
            await conn.execute_script(
                f"CREATE OR REPLACE FUNCTION refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN RAISE EXCEPTION 'refused'; END $$; "
                f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION refuse_{table}();"
            )
        else:
            await conn.execute_script(
                f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'refused'); END;"
            )

    yield refuse


async def staff_of(role: Role, board_id: int | None = None) -> Staff:
    account = await make_staff(role, board_id=board_id)
    return Staff(account.id, account.email, "", role, board_id, "")


def board_form(name: str) -> dict[str, str]:
    return {"name": name, "kind": "board", "description": "", "active_from": "", "active_until": ""}


async def audited(action: str) -> int:
    return await AuditEntry.filter(action=action).count()


async def test_no_audit_entry_means_no_new_board(refuse_inserts: Refuse) -> None:
    admin = await staff_of(Role.ADMIN)
    await refuse_inserts("audit_entry")
    with pytest.raises(Exception, match="refused"):
        await boards.create_board(admin, parse_board_form(board_form("Young carers")))
    assert not await Board.exists(name="Young carers")


async def test_no_audit_entry_means_the_board_keeps_its_name(refuse_inserts: Refuse) -> None:
    admin = await staff_of(Role.ADMIN)
    board = await make_board("Care leavers")
    await refuse_inserts("audit_entry")
    with pytest.raises(Exception, match="refused"):
        await boards.edit_board(admin, board, parse_board_form(board_form("Renamed")))
    assert (await Board.get(id=board.id)).name == "Care leavers"


async def test_a_board_that_cannot_be_written_leaves_no_audit_entry(refuse_inserts: Refuse) -> None:
    admin = await staff_of(Role.ADMIN)
    await refuse_inserts("board")
    with pytest.raises(Exception, match="refused"):
        await boards.create_board(admin, parse_board_form(board_form("Young carers")))
    assert await audited("board.created") == 0


async def test_no_audit_entry_means_no_update_and_no_publishing(refuse_inserts: Refuse) -> None:
    board = await make_board()
    editor = await staff_of(Role.EDITOR)
    update = await updates.create_update(editor, parse_update_form(update_form(board.id)))
    await updates.submit(editor, update)
    await refuse_inserts("audit_entry")

    with pytest.raises(Exception, match="refused"):
        await updates.create_update(editor, parse_update_form(update_form(board.id, title="Another")))
    assert await Update.filter(title="Another").count() == 0

    with pytest.raises(Exception, match="refused"):
        await updates.publish(editor, await Update.get(id=update.id))
    assert (await Update.get(id=update.id)).state == UpdateState.IN_REVIEW

    published_form = update_form(board.id, status="in_progress", progress="60")
    with pytest.raises(Exception, match="refused"):
        await updates.save_update(editor, await Update.get(id=update.id), parse_update_form(published_form))
    assert (await Update.get(id=update.id)).progress == 10

    with pytest.raises(Exception, match="refused"):
        await updates.add_timeline_entry(editor, update, {"text": "We met the head teachers."})
    assert not await TimelineEntry.filter(update_id=update.id).exists()

    view = await make_view("We need somewhere quiet at lunch.", quote_consent=True)
    with pytest.raises(Exception, match="refused"):
        await updates.link_view(editor, update, view.id, quoted=True)
    assert not await UpdateView.exists(update_id=update.id)


async def test_no_audit_entry_means_the_view_stays_linked(refuse_inserts: Refuse) -> None:
    board = await make_board()
    editor = await staff_of(Role.EDITOR)
    update = await updates.create_update(editor, parse_update_form(update_form(board.id)))
    view = await make_view("We need somewhere quiet at lunch.")
    await updates.link_view(editor, update, view.id, quoted=False)
    await refuse_inserts("audit_entry")
    with pytest.raises(Exception, match="refused"):
        await updates.unlink_view(editor, update, view.id)
    assert await UpdateView.exists(update_id=update.id, view_id=view.id)


async def test_a_revision_that_cannot_be_written_leaves_no_audit_entry(refuse_inserts: Refuse) -> None:
    board = await make_board()
    editor = await staff_of(Role.EDITOR)
    update = await updates.create_update(editor, parse_update_form(update_form(board.id)))
    await updates.submit(editor, update)
    await refuse_inserts("board_update_revision")
    with pytest.raises(Exception, match="refused"):
        await updates.publish(editor, await Update.get(id=update.id))
    assert await audited("update.published") == 0
    assert (await Update.get(id=update.id)).state == UpdateState.IN_REVIEW


async def test_the_audit_entry_is_written_when_the_change_is(refuse_inserts: Refuse) -> None:
    """The same calls with nothing refused: change and entry both there (the test can fail)."""
    board = await make_board(kind=BoardKind.COHORT)
    editor = await staff_of(Role.EDITOR)
    update = await updates.create_update(editor, parse_update_form(update_form(board.id)))
    await updates.submit(editor, update)
    await updates.publish(editor, update)
    assert (await Update.get(id=update.id)).state == UpdateState.PUBLISHED
    assert await audited("update.created") == 1 and await audited("update.published") == 1


async def test_no_audit_entry_means_no_local_issue(refuse_inserts: Refuse) -> None:
    cohort = await make_board(kind=BoardKind.COHORT)
    ambassador = await staff_of(Role.AMBASSADOR, board_id=cohort.id)
    await refuse_inserts("audit_entry")
    form = {"title": "Bus stop lights", "area": "Barnet", "body": "The bus stop is dark at night."}
    with pytest.raises(Exception, match="refused"):
        await ambassadors.create_issue(ambassador, form)
    assert not await LocalIssue.exists()
