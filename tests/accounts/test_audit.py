"""The audit log: reading a child's words is recorded, and the log cannot be changed."""

from __future__ import annotations

import httpx
import pytest

from accounts.models import AuditEntry
from accounts.roles import Role
from screening.types import Level
from tests.moderation.test_escalation import make_view
from tests.staff import StaffClientFactory


async def test_opening_an_item_is_recorded_and_admins_can_search_it(
    client: httpx.AsyncClient, staff_client: StaffClientFactory
) -> None:
    view = await make_view(client, "someone is mean to me", Level.MEDIUM, category="bullying")
    moderator, account = await staff_client(Role.MODERATOR)
    assert (await moderator.get(f"/staff/moderation/{view.id}")).status_code == 200
    entry = await AuditEntry.get(action="view.opened", object_id=str(view.id))
    assert entry.actor == account.email
    admin, _ = await staff_client(Role.ADMIN)
    found = await admin.get("/staff/audit", params={"q": account.email})
    assert found.status_code == 200 and "view.opened" in found.text
    item = await admin.get(f"/staff/moderation/{view.id}")
    assert "view.opened" in item.text  # the item's own history


async def test_the_database_refuses_to_change_or_delete_audit_entries(client: httpx.AsyncClient) -> None:
    entry = await AuditEntry.create(action="test.append_only", detail="kept")
    with pytest.raises(Exception, match="append-only"):  # the driver names the error class
        await AuditEntry.filter(id=entry.id).update(detail="changed")
    with pytest.raises(Exception, match="append-only"):  # the driver names the error class
        await AuditEntry.filter(id=entry.id).delete()
    assert (await AuditEntry.get(id=entry.id)).detail == "kept"
