"""Local issues: a Youth Ambassador's short note about something in their area.

An ambassador sees and links only their own cohort's notes; editors and admins see all.
Ambassadors sit beside boards, not above them: the updates a note can link to come in
from the caller (``Hooks.staff_updates``), never from an import of boards. Each change is
audited in the same transaction as the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from accounts.roles import Role
from accounts.services import Staff, audit
from ambassadors.models import LocalIssue, LocalIssueView
from postbox.models import View
from postbox.services import shown_text
from postbox.vocabulary import areas
from web.errors import InvalidInput, NotFound
from web.http import parse_id

MAX_BODY = 2000


async def issues_for(staff: Staff) -> list[LocalIssue]:
    query = LocalIssue.all()
    if staff.role == Role.AMBASSADOR:
        query = query.filter(board_id=staff.board_id if staff.board_id is not None else -1)
    return await query.order_by("-created_at", "-id").limit(500)


async def load_issue(staff: Staff, issue_id: object) -> LocalIssue:
    pk = parse_id(issue_id)
    issue = await LocalIssue.get_or_none(id=pk) if pk else None
    if issue is None or not staff.may_see_board(issue.board_id):
        raise NotFound("There is no such local issue.")
    return issue


def parse_issue_form(form: dict[str, str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    title = form.get("title", "").strip()
    if not title:
        errors["title"] = "Enter a short title."
    elif len(title) > 200:
        errors["title"] = "Use 200 characters or fewer for the title."
    area = form.get("area", "")
    if area not in areas():
        errors["area"] = "Choose your area from the list."
    body = form.get("body", "").replace("\r\n", "\n").strip()
    if not body:
        errors["body"] = "Write a short note about the issue."
    elif len(body) > MAX_BODY:
        errors["body"] = f"Keep the note short: {MAX_BODY} characters or fewer."
    if errors:
        raise InvalidInput(errors)
    return {"title": title, "area": area, "body": body}


async def create_issue(staff: Staff, form: dict[str, str]) -> LocalIssue:
    data = parse_issue_form(form)
    if staff.board_id is None:
        raise InvalidInput({"title": "Your account is not in a cohort."})
    detail = f"{data['area']}: {data['title']}"
    async with in_transaction() as conn:
        issue = await LocalIssue.create(board_id=staff.board_id, author_id=staff.id, using_db=conn, **data)
        await audit(staff, "local_issue.created", "local_issue", issue.id, detail, using_db=conn)
    return issue


async def link(staff: Staff, issue: LocalIssue, form: dict[str, str], updates: Sequence[Any]) -> str:
    """Link the issue to one of ``updates`` (those this person may see) or to a released
    view; returns which."""
    kind = form.get("kind", "")
    if kind == "update":
        pk = parse_id(form.get("update_id", ""))
        update = next((u for u in updates if u.id == pk), None)
        if update is None:
            raise InvalidInput({"update_id": "Choose one of the updates in the list."})
        async with in_transaction() as conn:
            await issue.updates.add(update, using_db=conn)
            detail = f"update {update.id}"
            await audit(staff, "local_issue.update_linked", "local_issue", issue.id, detail, using_db=conn)
        return kind
    if kind == "view":
        pk = parse_id(form.get("view_id", ""))
        if pk is None or not await View.exists(id=pk, released=True):
            raise InvalidInput({"view_id": "Enter the number of a view from the explorer."})
        async with in_transaction() as conn:
            await LocalIssueView.get_or_create(issue=issue, view_id=pk, using_db=conn)
            await audit(
                staff, "local_issue.view_linked", "local_issue", issue.id, f"view {pk}", using_db=conn
            )
        return kind
    raise InvalidInput({"form": "Choose what to link."})


@dataclass
class IssueLinks:
    updates: list[Any]  # boards.Update rows, reached through the issue's own relation
    views: list[dict[str, object]]


async def links_of(staff: Staff, issue: LocalIssue) -> IssueLinks:
    updates = [u for u in await issue.updates.all().order_by("-id") if staff.may_see_board(u.board_id)]
    ids = await LocalIssueView.filter(issue=issue).values_list("view_id", flat=True)
    views = await View.filter(id__in=list(ids), released=True).order_by("-created_at", "-id")
    return IssueLinks(
        updates,
        [{"id": v.id, "text": shown_text(v), "created_at": v.created_at} for v in views],
    )
