"""The demo boards, accounts and updates."""

from __future__ import annotations

import httpx
import pytest

from accounts.models import StaffUser
from boards.demo import load_demo
from boards.models import Board, Update, UpdateState, UpdateView
from easy_read.checker import check
from tests.boards.factories import make_view
from tests.staff import LINKS


async def test_demo_loads_once(client: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]) -> None:
    view = await make_view("School is too loud", theme="Education", quote_consent=True)
    counts = await load_demo(LINKS)
    assert counts["boards_created"] == 3 and counts["updates_published"] >= 2
    assert counts["demo_accounts_created"] >= 3 and counts["views_linked_to_updates"] == 1
    assert "/staff/setup/" in capsys.readouterr().out
    names = set(await Board.all().values_list("name", flat=True))
    assert {"Children's Advisory Board", "Care Experienced Advisory Board"} <= names
    assert any("Ambassador" in n for n in names)
    assert await StaffUser.filter(role="ambassador").exists()
    updates = await Update.filter(state=UpdateState.PUBLISHED)
    assert len(updates) >= 2 and all(check(u.easy_read).passes for u in updates)
    assert await UpdateView.filter(view_id=view.id, quoted=True).exists()

    again = await load_demo(LINKS)
    assert set(again.values()) == {0}
    for update in updates:
        assert (await client.get(f"/you-said-we-did/{update.slug}/easy-read")).status_code == 200
