"""The views explorer: released views only, redacted words only, counts, chart and quotes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from accounts.roles import Role
from boards.models import UpdateView
from postbox.models import View
from tests.boards.factories import create_update, make_board, make_view, post
from tests.staff import StaffClientFactory

PII = "Jayden Okonkwo-Smith at 14 Larch Close"


async def test_board_member_never_sees_unreleased_views_or_unredacted_text(
    staff_client: StaffClientFactory,
) -> None:
    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    await make_view(f"I am {PII} and the buses never come", redacted_text="I am […] and the buses never come")
    await make_view("A secret not yet released about buses", released=False)
    await make_view("Buses are too dear for us", theme="Community")

    page = await member.get("/staff/boards/explore")
    assert page.status_code == 200
    assert "I am […] and the buses never come" in page.text
    assert "Buses are too dear for us" in page.text
    assert "not yet released" not in page.text
    assert "Jayden" not in page.text and "Larch" not in page.text
    assert re.search(r"<h2 id=\"counts-title\">2 views</h2>", page.text)

    for q in ("Jayden", "Larch Close", "Okonkwo", "14 Larch"):
        found = await member.get("/staff/boards/explore", params={"q": q})
        assert found.status_code == 200
        assert (
            "0 views" in found.text
            and "Jayden" not in found.text.replace(q, "")
            and "buses never" not in found.text
        )
    found = await member.get("/staff/boards/explore", params={"q": "buses never"})
    assert "I am […] and the buses never come" in found.text and "Jayden" not in found.text
    hidden = await member.get("/staff/boards/explore", params={"q": "secret not yet"})
    assert "0 views" in hidden.text


async def test_filters_and_counts(staff_client: StaffClientFactory) -> None:
    editor, _ = await staff_client(Role.EDITOR)
    await make_view("School is loud", theme="Education", age_band="8-11", area="Leeds")
    await make_view("Lessons are boring", theme=None, suggested_theme="Education", age_band="12-15")
    await make_view("Parks are dirty", theme="Community", area="Leeds")

    page = await editor.get("/staff/boards/explore", params={"theme": "Education"})
    assert "2 views" in page.text and "School is loud" in page.text and "Lessons are boring" in page.text
    assert "(suggested)" in page.text and "Parks are dirty" not in page.text
    page = await editor.get("/staff/boards/explore", params={"area": "Leeds", "age_band": "8-11"})
    assert "1 view<" in page.text and "School is loud" in page.text
    page = await editor.get("/staff/boards/explore")
    theme_table = page.text.split("<caption>By theme</caption>")[1].split("</table>")[0]
    assert re.search(r"Education</th><td class=\"numeric\">2<", theme_table)
    assert re.search(r"Community</th><td class=\"numeric\">1<", theme_table)


async def test_date_range_and_chart(staff_client: StaffClientFactory) -> None:
    editor, _ = await staff_client(Role.EDITOR)
    for when, text in [
        ((2026, 1, 5), "January view"),
        ((2026, 3, 9), "March view"),
        ((2026, 3, 20), "Late March"),
    ]:
        view = await make_view(text)
        await View.filter(id=view.id).update(created_at=datetime(*when, 12, tzinfo=UTC))

    page = await editor.get("/staff/boards/explore")
    svg = page.text.split("<svg")[1].split("</svg>")[0]
    assert 'role="img"' in svg and '<title id="chart-title">' in svg and '<desc id="chart-desc">' in svg
    assert svg.count("<rect") == 3  # January, February (none), March
    assert "3 views over 3 months" in page.text
    table = page.text.split("<caption>Views per month</caption>")[1].split("</table>")[0]
    assert re.search(r"February 2026</th><td class=\"numeric\">0<", table)
    assert re.search(r"March 2026</th><td class=\"numeric\">2<", table)

    weekly = await editor.get("/staff/boards/explore", params={"period": "week"})
    assert "Views per week" in weekly.text

    ranged = await editor.get(
        "/staff/boards/explore", params={"date_from": "2026-03-01", "date_to": "2026-03-09"}
    )
    assert "1 view<" in ranged.text and "March view" in ranged.text and "Late March" not in ranged.text


async def test_pagination(staff_client: StaffClientFactory) -> None:
    editor, _ = await staff_client(Role.EDITOR)
    await View.bulk_create(
        [View(receipt_digest=f"{i:064x}", text=f"Numbered view {i:03d}.", released=True) for i in range(30)]
    )
    first = await editor.get("/staff/boards/explore")
    assert "Page 1 of 2" in first.text and first.text.count('class="view-card"') == 25
    assert re.search(r'href="/staff/boards/explore\?[^"]*page=2" rel="next"', first.text)
    second = await editor.get("/staff/boards/explore", params={"page": "2"})
    assert second.text.count('class="view-card"') == 5
    beyond = await editor.get("/staff/boards/explore", params={"page": "9"})
    assert beyond.status_code == 200 and "No views match" in beyond.text


async def test_bad_filters_are_4xx(staff_client: StaffClientFactory) -> None:
    member, _ = await staff_client(Role.AMBASSADOR, board_id=(await make_board()).id)
    for params in (
        {"theme": "Dragons"},
        {"age_band": "100"},
        {"area": "Atlantis"},
        {"date_from": "31/12/2026"},
        {"date_to": "2026-02-30"},
        {"date_from": "2026-05-01", "date_to": "2026-04-01"},
        {"period": "year"},
        {"page": "0"},
        {"page": "x" * 50},
    ):
        response = await member.get("/staff/boards/explore", params=params)
        assert response.status_code == 400, params
        assert "There is a problem" in response.text
    long = await member.get("/staff/boards/explore", params={"q": "%" * 5000})
    assert long.status_code < 500


async def test_pick_a_consented_quote_into_an_update(staff_client: StaffClientFactory) -> None:
    board = await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=board.id)
    update_id = await create_update(member, board.id)
    consented = await make_view(
        "Please make school quieter", quote_consent=True, redacted_text="Please make [⋯] quieter"
    )
    private = await make_view("Do not quote me", quote_consent=False)
    unreleased = await make_view("Not released", quote_consent=True, released=False)

    page = await member.get("/staff/boards/explore")
    assert page.text.count("Pick as a quote") == 1

    picked = await post(
        member,
        "/staff/updates/link",
        {
            "update_id": str(update_id),
            "view_id": str(consented.id),
            "quoted": "yes",
            "back": "q=school&evil=1",
        },
    )
    assert picked.status_code == 303
    assert picked.headers["location"] == "/staff/boards/explore?q=school&done=quoted"
    refused = await post(
        member,
        "/staff/updates/link",
        {"update_id": str(update_id), "view_id": str(private.id), "quoted": "yes"},
    )
    assert refused.status_code == 400
    linked = await post(
        member, "/staff/updates/link", {"update_id": str(update_id), "view_id": str(private.id)}
    )
    assert linked.status_code == 303
    hidden = await post(
        member, "/staff/updates/link", {"update_id": str(update_id), "view_id": str(unreleased.id)}
    )
    assert hidden.status_code == 400

    links = {link.view_id: link.quoted for link in await UpdateView.filter(update_id=update_id)}
    assert links == {consented.id: True, private.id: False}
    edit = await member.get(f"/staff/updates/{update_id}")
    assert "Please make [⋯] quieter" in edit.text and "Please make school quieter" not in edit.text

    unlinked = await post(member, f"/staff/updates/{update_id}/unlink", {"view_id": str(private.id)})
    assert unlinked.status_code == 303
    assert not await UpdateView.exists(update_id=update_id, view_id=private.id)


async def test_cannot_pick_into_another_boards_update(staff_client: StaffClientFactory) -> None:
    ours, theirs = await make_board(), await make_board()
    member, _ = await staff_client(Role.BOARD_MEMBER, board_id=ours.id)
    other, _ = await staff_client(Role.BOARD_MEMBER, board_id=theirs.id)
    update_id = await create_update(other, theirs.id)
    view = await make_view("A view", quote_consent=True)
    response = await post(
        member, "/staff/updates/link", {"update_id": str(update_id), "view_id": str(view.id)}
    )
    assert response.status_code == 400
    assert not await UpdateView.exists()


def test_chart_months_cannot_be_read_as_days() -> None:
    from datetime import date

    from boards import explorer

    assert explorer._short_label(date(2026, 12, 1), "month") == "Dec 2026"
    assert explorer._short_label(date(2026, 12, 7), "week") == "7 Dec"
