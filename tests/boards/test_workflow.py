"""The "you said, we did" workflow: draft → review → publish → later changes on the timeline."""

from __future__ import annotations

from accounts.models import AuditEntry
from accounts.roles import Role
from boards.models import BoardKind, TimelineEntry, Update, UpdateRevision, UpdateState
from tests.boards.factories import FAILING_EASY_READ, create_update, make_board, post, update_form
from tests.staff import StaffClientFactory


async def test_workflow_draft_submit_publish_then_change_adds_timeline(
    staff_client: StaffClientFactory,
) -> None:
    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    editor, _ = await staff_client(Role.EDITOR)

    update_id = await create_update(member, board.id)
    update = await Update.get(id=update_id)
    assert update.state == UpdateState.DRAFT and update.slug == "quiet-places-at-school"

    page = await member.get(f"/staff/updates/{update_id}")
    assert page.status_code == 200 and "It passes" in page.text and "Publish</button>" not in page.text
    # A board member cannot publish.
    assert (await post(member, f"/staff/updates/{update_id}/publish")).status_code == 403

    assert (await post(member, f"/staff/updates/{update_id}/submit")).status_code == 303
    assert (await Update.get(id=update_id)).state == UpdateState.IN_REVIEW
    queue = await editor.get("/staff/boards")
    assert "Waiting for review" in queue.text and "Quiet places at school" in queue.text

    published = await post(editor, f"/staff/updates/{update_id}/publish")
    assert published.status_code == 303
    update = await Update.get(id=update_id)
    assert update.state == UpdateState.PUBLISHED and update.published_at is not None
    assert await TimelineEntry.filter(update_id=update_id).count() == 0

    # Later, the board member moves it on: status and progress, which adds timeline entries.
    changed = await post(
        member, f"/staff/updates/{update_id}", update_form(board.id, status="in_progress", progress="50")
    )
    assert changed.status_code == 303, changed.text
    entries = await TimelineEntry.filter(update_id=update_id).order_by("id")
    assert [e.text for e in entries] == [
        "New step: we are doing this now.",
        "We are now 50% of the way there.",
    ]
    public = await member.get("/you-said-we-did/quiet-places-at-school")
    assert "We are now 50% of the way there." in public.text

    # …but once public, its words are for an editor to change.
    refused = await post(member, f"/staff/updates/{update_id}", update_form(board.id, title="New words"))
    assert refused.status_code == 400 and "Ask an editor" in refused.text
    by_editor = await post(
        editor,
        f"/staff/updates/{update_id}",
        update_form(board.id, status="in_progress", progress="50", title="New words"),
    )
    assert by_editor.status_code == 303
    assert (await Update.get(id=update_id)).title == "New words"
    assert await TimelineEntry.filter(update_id=update_id, text="We changed the words on this page.").exists()

    assert await UpdateRevision.filter(update_id=update_id).count() >= 5
    actions = set(await AuditEntry.filter(object_type="update").values_list("action", flat=True))
    assert {"update.created", "update.submitted", "update.published", "update.saved"} <= actions


async def test_publishing_refused_when_easy_read_fails(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    editor, _ = await staff_client(Role.EDITOR)
    update_id = await create_update(editor, board.id, easy_read=FAILING_EASY_READ)

    page = await editor.get(f"/staff/updates/{update_id}")
    assert "It does not pass yet" in page.text and "Must fix" in page.text

    refused = await post(editor, f"/staff/updates/{update_id}/publish")
    assert refused.status_code == 400
    assert "does not pass the check" in refused.text and "Must fix" in refused.text
    assert (await Update.get(id=update_id)).state == UpdateState.DRAFT
    assert (await editor.get("/you-said-we-did/quiet-places-at-school")).status_code == 404


async def test_publishing_refused_when_there_is_no_easy_read(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    editor, _ = await staff_client(Role.EDITOR)
    update_id = await create_update(editor, board.id, easy_read="")
    assert (await post(editor, f"/staff/updates/{update_id}/publish")).status_code == 400


async def test_couldnt_do_needs_a_reason(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    refused = await post(member, "/staff/updates/new", update_form(board.id, status="couldnt_do"))
    assert refused.status_code == 400 and "Say why it could not be done." in refused.text
    assert not await Update.exists()

    update_id = await create_update(member, board.id)
    edit = await post(member, f"/staff/updates/{update_id}", update_form(board.id, status="couldnt_do"))
    assert edit.status_code == 400
    ok = await post(
        member, f"/staff/updates/{update_id}", update_form(board.id, status="couldnt_do", reason="No money.")
    )
    assert ok.status_code == 303
    assert (await Update.get(id=update_id)).reason == "No money."


async def test_bad_input_is_4xx_never_5xx(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    editor, _ = await staff_client(Role.EDITOR)
    update_id = await create_update(editor, board.id)
    bad_forms = [
        {},
        update_form(board.id, progress="101"),
        update_form(board.id, progress="-3"),
        update_form(board.id, progress="lots"),
        update_form(board.id, progress="٣"),
        update_form(board.id, theme="Dragons"),
        update_form(board.id, status="finished"),
        update_form(board.id, title=""),
        update_form(board.id, title="x" * 201),
        {**update_form(board.id), "board_id": "99999999999999999999"},
        {**update_form(board.id), "board_id": "abc"},
        update_form(board.id, you_said="x" * 5001),
    ]
    for form in bad_forms:
        for path in ("/staff/updates/new", f"/staff/updates/{update_id}"):
            response = await post(editor, path, form)
            assert 400 <= response.status_code < 500, (path, form, response.status_code)
            assert "There is a problem" in response.text
    for path in (
        "/staff/updates/99999999999999999999999",
        "/staff/updates/0",
        "/staff/boards/99999999999999999999999",
    ):
        assert (await editor.get(path)).status_code == 404
    for data in ({"happened_on": "yesterday", "text": "x"}, {"text": ""}):
        assert (await post(editor, f"/staff/updates/{update_id}/timeline", data)).status_code == 400
    assert (await post(editor, f"/staff/updates/{update_id}/unlink", {"view_id": "x"})).status_code == 400
    for data in ({"update_id": "x", "view_id": "1"}, {"update_id": str(update_id), "view_id": "nope"}):
        assert (await post(editor, "/staff/updates/link", data)).status_code == 400
    # No update chosen: back to the explorer with "choose an update first", nothing linked.
    unchosen = await post(editor, "/staff/updates/link", {"view_id": "1"})
    assert unchosen.status_code == 303 and "problem=choose" in unchosen.headers["location"]
    # Without a CSRF token nothing changes.
    no_token = await editor.post(f"/staff/updates/{update_id}/submit", data={"x": "1"})
    assert no_token.status_code in (400, 403)
    assert (await Update.get(id=update_id)).state == UpdateState.DRAFT


async def test_ambassador_cannot_read_or_edit_another_cohorts_drafts(
    staff_client: StaffClientFactory,
) -> None:
    ours = await make_board("North cohort", BoardKind.COHORT)
    theirs = await make_board("South cohort", BoardKind.COHORT)
    north, _ = await staff_client(Role.AMBASSADOR, board_id=ours.id)
    south, _ = await staff_client(Role.AMBASSADOR, board_id=theirs.id)
    update_id = await create_update(north, ours.id, title="North draft")

    assert (await south.get(f"/staff/updates/{update_id}")).status_code == 404
    for path in ("", "/submit", "/timeline", "/unlink"):
        response = await post(south, f"/staff/updates/{update_id}{path}", update_form(theirs.id))
        assert response.status_code == 404, path
    assert (await south.get(f"/staff/boards/{ours.id}")).status_code == 404
    for page in ("/staff/boards", "/staff/updates", "/staff/boards/explore"):
        assert "North draft" not in (await south.get(page)).text
    # Nor draft into another cohort, nor move a draft there.
    refused = await post(south, "/staff/updates/new", update_form(ours.id, title="Sneaky"))
    assert refused.status_code == 400 and not await Update.exists(title="Sneaky")
    moved = await post(north, f"/staff/updates/{update_id}", update_form(theirs.id, title="North draft"))
    assert moved.status_code == 400
    assert (await Update.get(id=update_id)).board_id == ours.id
    # Their own cohort still works.
    assert (await north.get(f"/staff/updates/{update_id}")).status_code == 200
    assert "North draft" in (await north.get("/staff/updates")).text


async def test_editor_sends_back_to_draft(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    editor, _ = await staff_client(Role.EDITOR)
    update_id = await create_update(member, board.id)
    await post(member, f"/staff/updates/{update_id}/submit")
    assert (
        await post(editor, f"/staff/updates/{update_id}/send-back", {"note": "Shorter"})
    ).status_code == 303
    assert (await Update.get(id=update_id)).state == UpdateState.DRAFT
    assert await AuditEntry.filter(action="update.sent_back", detail="Shorter").exists()
    # A draft cannot be sent back, nor submitted twice over.
    assert (await post(editor, f"/staff/updates/{update_id}/send-back")).status_code == 400
    await post(member, f"/staff/updates/{update_id}/submit")
    assert (await post(member, f"/staff/updates/{update_id}/submit")).status_code == 400


async def test_manual_timeline_entry(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    update_id = await create_update(member, board.id)
    added = await post(
        member,
        f"/staff/updates/{update_id}/timeline",
        {"happened_on": "2026-03-02", "text": "We met the council."},
    )
    assert added.status_code == 303
    page = await member.get(f"/staff/updates/{update_id}")
    assert "2 March 2026" in page.text and "We met the council." in page.text


async def test_slugs_are_unique(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    editor, _ = await staff_client(Role.EDITOR)
    first = await create_update(editor, board.id, title="Café & more!")
    second = await create_update(editor, board.id, title="Café & more!")
    slugs = {u.slug for u in await Update.filter(id__in=[first, second])}
    assert slugs == {"cafe-more", "cafe-more-2"}


async def test_an_editor_unpublishes_with_a_reason_that_is_audited(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    editor, _ = await staff_client(Role.EDITOR)
    update_id = await create_update(member, board.id)
    assert (await post(member, f"/staff/updates/{update_id}/submit")).status_code == 303
    assert (await post(editor, f"/staff/updates/{update_id}/publish")).status_code == 303
    assert (await member.get("/you-said-we-did/quiet-places-at-school")).status_code == 200
    page = await editor.get(f"/staff/updates/{update_id}")
    assert "Unpublish</button>" in page.text
    # A board member may not; an editor must say why.
    assert (await post(member, f"/staff/updates/{update_id}/unpublish", {"reason": "x"})).status_code == 403
    no_reason = await post(editor, f"/staff/updates/{update_id}/unpublish", {"reason": "  "})
    assert no_reason.status_code == 400 and "Write why you are taking it down." in no_reason.text
    done = await post(editor, f"/staff/updates/{update_id}/unpublish", {"reason": "A child could be named."})
    assert done.status_code == 303
    assert (await Update.get(id=update_id)).state == UpdateState.DRAFT
    assert (await member.get("/you-said-we-did/quiet-places-at-school")).status_code == 404
    entry = await AuditEntry.get(action="update.unpublished")
    assert entry.detail == "A child could be named." and entry.object_id == str(update_id)
