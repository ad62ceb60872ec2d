"""The XSS corpus, sent through the post-box, stays inert on every staff and public page
that shows a child's words: the queue, the item, the case, the explorer, a public update."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import httpx

from accounts.roles import Role
from boards.models import Update
from moderation.models import Case
from postbox.models import View
from screening.types import Level
from tests.boards.factories import create_update, make_board, post
from tests.moderation.test_escalation import make_view
from tests.postbox.test_xss import PAYLOADS
from tests.staff import StaffClientFactory


class _Markup(HTMLParser):
    """Collects what a browser would act on: tags, event-handler attributes, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"iframe", "math", "xss", "object", "embed"}:
            self.problems.append(f"<{tag}>")
        if tag == "script" and not re.fullmatch(
            r"/static/js/site\.[0-9a-f]{10}\.js", dict(attrs).get("src") or ""
        ):
            self.problems.append("<script> not ours")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith("javascript"):
                self.problems.append(f"{tag} {name}={value}")


def assert_inert(page: httpx.Response) -> None:
    assert page.status_code == 200, page.status_code
    parser = _Markup()
    parser.feed(page.text)
    assert parser.problems == []


async def test_payloads_are_inert_on_staff_and_public_pages(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    views = []
    for payload in PAYLOADS:
        view = await make_view(client, f"{payload} please help", Level.HIGH, category="abuse")
        views.append(view)
    await View.filter(id__in=[v.id for v in views]).update(released=True, quote_consent=True)

    moderator, _ = await staff_client(Role.MODERATOR)
    helper, _ = await staff_client(Role.HELP_AT_HAND)
    editor, _ = await staff_client(Role.EDITOR)
    assert_inert(await moderator.get("/staff/moderation"))
    for view in views:
        assert_inert(await moderator.get(f"/staff/moderation/{view.id}"))
        case = await Case.get(view_id=view.id)
        assert_inert(await helper.get(f"/staff/help-at-hand/{case.id}"))
    assert_inert(await helper.get("/staff/help-at-hand"))
    assert_inert(await editor.get("/staff/boards/explore"))
    assert_inert(await editor.get("/staff/boards/explore", params={"q": "please help"}))
    board = await make_board()
    update_id = await create_update(editor, board.id, you_said=PAYLOADS[0], title=PAYLOADS[1][:60])
    for view in views[:4]:
        quoted = {"update_id": str(update_id), "view_id": str(view.id), "quoted": "yes"}
        assert (await post(editor, "/staff/updates/link", quoted)).status_code == 303
    assert (await post(editor, f"/staff/updates/{update_id}/publish")).status_code == 303
    update = await Update.get(id=update_id)
    assert_inert(await client.get("/you-said-we-did"))
    public = await client.get(f"/you-said-we-did/{update.slug}")
    assert_inert(public)
    assert "please help" in public.text  # the quotes are there, as text
    assert_inert(await client.get(f"/you-said-we-did/{update.slug}/easy-read"))
    feed = await client.get("/you-said-we-did.atom")
    assert feed.status_code == 200 and "<script>alert" not in feed.text
