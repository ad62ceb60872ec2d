"""Youth Ambassadors' local issues: posted by ambassadors, read by the office, linked to updates and views."""

from __future__ import annotations

from accounts.roles import Role
from ambassadors.models import LocalIssue, LocalIssueView
from boards.models import BoardKind
from tests.boards.factories import create_update, make_board, make_view, post
from tests.staff import StaffClientFactory

NOTE = {"title": "No buses after 6pm", "area": "Leeds", "body": "Young people cannot get home from clubs."}


async def test_ambassador_posts_and_office_reads(staff_client: StaffClientFactory) -> None:
    cohort = await make_board("Cohort A", BoardKind.COHORT)
    ambassador, account = await staff_client(Role.AMBASSADOR, board_id=cohort.id)
    editor, _ = await staff_client(Role.EDITOR)

    posted = await post(ambassador, "/staff/local-issues", NOTE)
    assert posted.status_code == 303
    issue = await LocalIssue.get(title=NOTE["title"])
    assert issue.board_id == cohort.id and issue.author_id == account.id

    office = await editor.get("/staff/local-issues")
    assert office.status_code == 200 and "No buses after 6pm" in office.text and "Cohort A" in office.text
    detail = await editor.get(f"/staff/local-issues/{issue.id}")
    assert "Young people cannot get home from clubs." in detail.text
    # The office reads; only ambassadors post.
    assert (await post(editor, "/staff/local-issues", NOTE)).status_code == 403


async def test_issue_form_errors(staff_client: StaffClientFactory) -> None:
    cohort = await make_board(kind=BoardKind.COHORT)
    ambassador, _ = await staff_client(Role.AMBASSADOR, board_id=cohort.id)
    for form in ({}, {**NOTE, "area": "Atlantis"}, {**NOTE, "body": "x" * 2001}, {**NOTE, "title": ""}):
        response = await post(ambassador, "/staff/local-issues", form)
        assert response.status_code == 400 and "There is a problem" in response.text
    assert not await LocalIssue.exists()


async def test_other_cohort_cannot_see_or_link(staff_client: StaffClientFactory) -> None:
    a, b = await make_board("A", BoardKind.COHORT), await make_board("B", BoardKind.COHORT)
    mine, _ = await staff_client(Role.AMBASSADOR, board_id=a.id)
    other, _ = await staff_client(Role.AMBASSADOR, board_id=b.id)
    await post(mine, "/staff/local-issues", NOTE)
    issue = await LocalIssue.get()
    assert "No buses" not in (await other.get("/staff/local-issues")).text
    assert (await other.get(f"/staff/local-issues/{issue.id}")).status_code == 404
    other_update = await create_update(other, b.id)
    assert (
        await post(other, f"/staff/local-issues/{issue.id}/link", {"kind": "view", "view_id": "1"})
    ).status_code == 404
    # Nor can an ambassador link their issue to another cohort's update.
    refused = await post(
        mine, f"/staff/local-issues/{issue.id}/link", {"kind": "update", "update_id": str(other_update)}
    )
    assert refused.status_code == 400
    assert await issue.updates.all().count() == 0


async def test_link_to_update_and_view(staff_client: StaffClientFactory) -> None:
    cohort = await make_board(kind=BoardKind.COHORT)
    ambassador, _ = await staff_client(Role.AMBASSADOR, board_id=cohort.id)
    await post(ambassador, "/staff/local-issues", NOTE)
    issue = await LocalIssue.get()
    update_id = await create_update(ambassador, cohort.id, title="Later buses")
    view = await make_view("Buses stop too early, ask Kai Tan", redacted_text="Buses stop too early, ask […]")
    unreleased = await make_view("Hidden", released=False)

    path = f"/staff/local-issues/{issue.id}/link"
    assert (await post(ambassador, path, {"kind": "update", "update_id": str(update_id)})).status_code == 303
    assert (await post(ambassador, path, {"kind": "view", "view_id": str(view.id)})).status_code == 303
    assert (await post(ambassador, path, {"kind": "view", "view_id": str(unreleased.id)})).status_code == 400
    assert (await post(ambassador, path, {"kind": "dragon"})).status_code == 400
    assert [u.id for u in await issue.updates.all()] == [update_id]
    assert await LocalIssueView.filter(issue=issue).count() == 1
    page = await ambassador.get(f"/staff/local-issues/{issue.id}")
    assert "Later buses" in page.text and "ask […]" in page.text and "Kai Tan" not in page.text


async def test_board_members_have_no_local_issues(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    assert (await member.get("/staff/local-issues")).status_code == 403
