"""The public "you said, we did" pages, the Atom feeds and the child's /check page."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

import feedparser
import httpx

from accounts.roles import Role
from boards.models import UpdateState
from postbox.models import View
from tests.boards.factories import create_update, make_board, make_view, post, update_form
from tests.helpers import csrf_token, receipt_code, send_view
from tests.staff import StaffClientFactory

ATOM = "{http://www.w3.org/2005/Atom}"


async def _published(staff_client: StaffClientFactory, **overrides: str) -> tuple[httpx.AsyncClient, int]:
    board = await make_board()
    editor, _ = await staff_client(Role.EDITOR)
    update_id = await create_update(editor, board.id, **overrides)
    assert (await post(editor, f"/staff/updates/{update_id}/publish")).status_code == 303
    return editor, update_id


async def test_list_detail_and_easy_read(client: httpx.AsyncClient, staff_client: StaffClientFactory) -> None:
    editor, update_id = await _published(staff_client)
    board = await make_board()
    await create_update(editor, board.id, title="Still a draft")
    quote = await make_view("I want a quiet room", quote_consent=True, redacted_text="I want a [⋯] room")
    await post(
        editor,
        "/staff/updates/link",
        {"update_id": str(update_id), "view_id": str(quote.id), "quoted": "yes"},
    )

    listing = await client.get("/you-said-we-did")
    assert listing.status_code == 200
    assert "Quiet places at school" in listing.text and "Still a draft" not in listing.text
    assert "Leave this site quickly" in listing.text and "We plan to do this" in listing.text

    page = await client.get("/you-said-we-did/quiet-places-at-school")
    assert page.status_code == 200
    assert "We talked to 30 schools." in page.text and "I want a [⋯] room" in page.text
    assert "I want a quiet room" not in page.text
    assert '<progress id="progress" max="100" value="10"' in page.text

    easy = await client.get("/you-said-we-did/quiet-places-at-school/easy-read")
    assert easy.status_code == 200
    points = re.findall(r'<li class="easy-point">\s*<img src="(/static/pictograms/[^"]+)"', easy.text)
    assert len(points) == 4
    assert 'class="easy-read"' in easy.text and "12 schools now have a quiet room." in easy.text
    for href in {*points}:
        assert (await client.get(href)).status_code == 200
    assert "style=" not in easy.text and "<script>" not in easy.text

    draft_slug = "still-a-draft"
    assert (await client.get(f"/you-said-we-did/{draft_slug}")).status_code == 404
    assert (await client.get(f"/you-said-we-did/{draft_slug}/easy-read")).status_code == 404
    assert (await client.get("/you-said-we-did/" + "x" * 500)).status_code == 404


async def test_glossary_box(client: httpx.AsyncClient, staff_client: StaffClientFactory) -> None:
    text = "An advocate is someone who helps you speak up.\nYou can ask for an advocate at any time."
    await _published(staff_client, easy_read=text)
    easy = await client.get("/you-said-we-did/quiet-places-at-school/easy-read")
    assert 'class="glossary-box"' in easy.text and "<dt>advocate</dt>" in easy.text


async def test_filters(client: httpx.AsyncClient, staff_client: StaffClientFactory) -> None:
    editor, _ = await _published(staff_client)
    board = await make_board()
    second = await create_update(
        editor, board.id, title="Safer parks", theme="Community", status="done", progress="100"
    )
    await post(editor, f"/staff/updates/{second}/publish")

    by_theme = await client.get("/you-said-we-did", params={"theme": "Community"})
    assert "Safer parks" in by_theme.text and "Quiet places" not in by_theme.text
    assert 'href="/you-said-we-did/theme/community.atom"' in by_theme.text
    by_status = await client.get("/you-said-we-did", params={"status": "planned"})
    assert "Quiet places" in by_status.text and "Safer parks" not in by_status.text
    for params in ({"theme": "<script>"}, {"status": "x" * 3000}, {"theme": "\x00"}):
        odd = await client.get("/you-said-we-did", params=params)
        assert odd.status_code == 200 and "Safer parks" in odd.text and "<script>" not in odd.text


async def test_atom_feed_is_valid(client: httpx.AsyncClient, staff_client: StaffClientFactory) -> None:
    await _published(staff_client, title='Fish & chips <for> "all"', we_did="We did it & more <b>really</b>.")
    response = await client.get("/you-said-we-did.atom")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"

    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}id").text.startswith("tag:testserver,")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}title").text == 'Fish & chips <for> "all"'
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/you-said-we-did/fish-chips-for-all"
    for link in root.iter(f"{ATOM}link"):
        assert link.get("href").startswith("http://testserver/")

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert parsed.feed.title.startswith("You said, we did")
    assert parsed.entries[0].title == 'Fish & chips <for> "all"'
    assert parsed.entries[0].link == "http://testserver/you-said-we-did/fish-chips-for-all"
    assert parsed.entries[0].id.startswith("tag:testserver,")
    assert "<b>really</b>" in parsed.entries[0].summary or "&lt;b&gt;" in parsed.entries[0].summary
    assert parsed.entries[0].updated_parsed is not None
    assert (await client.get(parsed.entries[0].link.removeprefix("http://testserver"))).status_code == 200


async def test_theme_feeds(client: httpx.AsyncClient, staff_client: StaffClientFactory) -> None:
    await _published(staff_client, theme="Children's Social Care")
    mine = await client.get("/you-said-we-did/theme/childrens-social-care.atom")
    parsed = feedparser.parse(mine.content)
    assert mine.status_code == 200 and not parsed.bozo and len(parsed.entries) == 1
    assert parsed.feed.links[0].href == "http://testserver/you-said-we-did/theme/childrens-social-care.atom"
    other = feedparser.parse((await client.get("/you-said-we-did/theme/education.atom")).content)
    assert not other.bozo and other.entries == []
    assert (await client.get("/you-said-we-did/theme/dragons.atom")).status_code == 404
    empty = feedparser.parse((await client.get("/you-said-we-did.atom")).content)
    assert not empty.bozo


async def test_published_update_reaches_the_childs_check_page(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    sent = await send_view(client, "Our school is far too loud at lunch", theme="Education")
    code = receipt_code(sent.text)
    view = await View.all().order_by("-id").first()
    await View.filter(id=view.id).update(released=True)

    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    editor, _ = await staff_client(Role.EDITOR)
    update_id = await create_update(member, board.id)
    assert (
        await post(member, "/staff/updates/link", {"update_id": str(update_id), "view_id": str(view.id)})
    ).status_code == 303

    async def check_page() -> str:
        token = await csrf_token(client, "/check")
        return (await client.post("/check", data={"csrf_token": token, "code": code})).text

    assert "What we did" not in await check_page()  # still a draft
    await post(member, f"/staff/updates/{update_id}/submit")
    await post(editor, f"/staff/updates/{update_id}/publish")
    page = await check_page()
    assert "What we did" in page
    assert '<a href="/you-said-we-did/quiet-places-at-school">Quiet places at school</a>' in page


async def test_public_pages_need_no_sign_in_and_set_no_cookie(client: httpx.AsyncClient) -> None:
    for path in ("/you-said-we-did", "/you-said-we-did.atom", "/you-said-we-did/theme/health.atom"):
        response = await client.get(path)
        assert response.status_code == 200 and "set-cookie" not in response.headers


async def test_published_state_is_what_counts(
    staff_client: StaffClientFactory, client: httpx.AsyncClient
) -> None:
    editor, update_id = await _published(staff_client)
    board_id = (await make_board()).id
    # An update in review is not public either.
    other = await create_update(editor, board_id, title="In review")
    await post(editor, f"/staff/updates/{other}/submit")
    assert (await client.get("/you-said-we-did/in-review")).status_code == 404
    assert "In review" not in (await client.get("/you-said-we-did.atom")).text
    assert UpdateState.PUBLISHED == "published"
    # Publishing twice is refused.
    assert (await post(editor, f"/staff/updates/{update_id}/publish")).status_code == 400
    assert update_form(board_id)["title"] in (await client.get("/you-said-we-did")).text
