"""Admins manage boards and cohorts; members see only their own."""

from __future__ import annotations

from accounts.models import AuditEntry
from accounts.roles import Role
from boards.models import Board, BoardKind
from tests.boards.factories import make_board, post
from tests.staff import StaffClientFactory


async def test_admin_creates_and_edits_a_board(staff_client: StaffClientFactory) -> None:
    admin, _ = await staff_client(Role.ADMIN)
    form = {
        "name": "Care Experienced Advisory Board",
        "kind": "board",
        "description": "Care leavers.",
        "active_from": "2026-01-01",
        "active_until": "2026-12-31",
    }
    created = await post(admin, "/staff/boards/new", form)
    assert created.status_code == 303
    board = await Board.get(name="Care Experienced Advisory Board")
    assert board.kind == BoardKind.BOARD and str(board.active_until) == "2026-12-31"

    edited = await post(
        admin, f"/staff/boards/{board.id}/edit", {**form, "kind": "cohort", "active_until": ""}
    )
    assert edited.status_code == 303
    await board.refresh_from_db()
    assert board.kind == BoardKind.COHORT and board.active_until is None
    assert await AuditEntry.filter(action__in=["board.created", "board.updated"]).count() == 2

    page = await admin.get(f"/staff/boards/{board.id}/edit")
    assert 'value="Care Experienced Advisory Board"' in page.text and "2026-01-01" in page.text


async def test_board_form_errors(staff_client: StaffClientFactory) -> None:
    admin, _ = await staff_client(Role.ADMIN)
    await make_board("Taken")
    for form in (
        {},
        {"name": "Taken", "kind": "board"},
        {"name": "x" * 121, "kind": "board"},
        {"name": "New", "kind": "club"},
        {"name": "New", "kind": "board", "active_from": "soon"},
        {"name": "New", "kind": "board", "active_from": "2026-05-01", "active_until": "2026-04-01"},
    ):
        response = await post(admin, "/staff/boards/new", form)
        assert response.status_code == 400, form
        assert "There is a problem" in response.text and 'href="#f-' in response.text
    assert await Board.all().count() == 1


async def test_members_listed_and_scope(staff_client: StaffClientFactory) -> None:
    ours, theirs = await make_board("Ours"), await make_board("Theirs")
    member, account = await staff_client(Role.BOARD_MEMBER, board_id=ours.id)
    admin, _ = await staff_client(Role.ADMIN)
    page = await admin.get(f"/staff/boards/{ours.id}")
    assert account.email in page.text
    assert (await member.get(f"/staff/boards/{ours.id}")).status_code == 200
    assert (await member.get(f"/staff/boards/{theirs.id}")).status_code == 404
    workspace = await member.get("/staff/boards")
    assert "Ours" in workspace.text and "Theirs" not in workspace.text
    everything = await admin.get("/staff/boards")
    assert "Ours" in everything.text and "Theirs" in everything.text
    # Only admins manage boards.
    assert (await post(member, "/staff/boards/new", {"name": "Mine", "kind": "board"})).status_code == 403
    assert (
        await post(member, f"/staff/boards/{ours.id}/edit", {"name": "Mine", "kind": "board"})
    ).status_code == 403
