"""Decided (#13 item 10): a board's members share its drafts. Any member of the same board
may edit another member's draft, as on a shared document; each save keeps a revision that
names who saved it, so nothing is lost and every change is traceable. A member of another
board cannot even see it (404)."""

from __future__ import annotations

from accounts.roles import Role
from boards.models import Update, UpdateRevision
from tests.boards.factories import create_update, make_board, post, update_form
from tests.staff import StaffClientFactory


async def test_a_member_may_edit_another_member_s_draft_and_the_revision_says_who(
    staff_client: StaffClientFactory,
) -> None:
    board, elsewhere = await make_board(), await make_board()
    author, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    colleague, colleague_account = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    stranger, _ = await staff_client(Role.BOARD_MEMBER, board_id=elsewhere.id)
    update_id = await create_update(author, board.id, title="Quiet rooms")

    edited = await post(
        colleague, f"/staff/updates/{update_id}", update_form(board.id, title="Quiet rooms at school")
    )
    assert edited.status_code == 303
    assert (await Update.get(id=update_id)).title == "Quiet rooms at school"
    last = await UpdateRevision.filter(update_id=update_id).order_by("-id").first()
    assert last is not None and last.author == colleague_account.email

    refused = await post(stranger, f"/staff/updates/{update_id}", update_form(board.id, title="Taken over"))
    assert refused.status_code == 404
    assert (await Update.get(id=update_id)).title == "Quiet rooms at school"
