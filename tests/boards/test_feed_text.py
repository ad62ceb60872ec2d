"""Any text staff write keeps the Atom feed valid XML (#13 item 8)."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

import feedparser
import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.roles import Role
from boards import feeds
from boards.models import Update, UpdateState, UpdateStatus
from tests.boards.factories import create_update, make_board, post
from tests.staff import StaffClientFactory

ATOM = "{http://www.w3.org/2005/Atom}"
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


@settings(max_examples=300, deadline=None)
@given(title=ANY_TEXT, you_said=ANY_TEXT, we_did=ANY_TEXT, theme=ANY_TEXT)
def test_any_text_through_the_feed_parses(title: str, you_said: str, we_did: str, theme: str) -> None:
    moment = datetime(2026, 3, 1, tzinfo=UTC)
    update = Update(
        id=7,
        slug="x",
        title=title,
        theme=theme,
        you_said=you_said,
        we_did=we_did,
        status=UpdateStatus.PLANNED,
        state=UpdateState.PUBLISHED,
        updated_at=moment,
        published_at=moment,
    )
    body = feeds.build_feed(
        [update],
        title="You said, we did",
        self_path="/f.atom",
        alternate_path="/f",
        entry_path=lambda u: "/f/x",
        feed_key="all",
    )
    root = ET.fromstring(body)
    assert root.find(f"{ATOM}entry/{ATOM}id") is not None
    assert not feedparser.parse(body).bozo


async def test_control_characters_are_stripped_from_staff_text_on_input(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    board = await make_board()
    editor, _ = await staff_client(Role.EDITOR)
    title, we_did = "Quiet\x0b rooms\x1b[31m", "We\x0c did\x07 it."
    update_id = await create_update(editor, board.id, title=title, we_did=we_did)
    update = await Update.get(id=update_id)
    assert update.title == "Quiet rooms[31m" and update.we_did == "We did it."
    assert (await post(editor, f"/staff/updates/{update_id}/publish")).status_code == 303
    feed = await client.get("/you-said-we-did.atom")
    assert ET.fromstring(feed.content).find(f"{ATOM}entry/{ATOM}title").text == "Quiet rooms[31m"
