"""Youth Ambassadors' notes about local issues in their area."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class LocalIssue(Model):
    """A short note from an ambassador about an issue where they live."""

    id = fields.IntField(primary_key=True)
    # The ambassador's cohort (boards.Board id) and account (accounts.StaffUser id), as plain
    # integers like StaffUser.board_id.
    board_id = fields.IntField(db_index=True)
    author_id = fields.IntField(null=True)
    area = fields.CharField(max_length=64)
    title = fields.CharField(max_length=200)
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    # boards.Update rows (typed Any: ambassadors may not import boards).
    updates: fields.ManyToManyRelation[Any] = fields.ManyToManyField(
        "boards.Update", related_name="local_issues", through="local_issue_update"
    )

    class Meta:
        table = "local_issue"


class LocalIssueView(Model):
    """A child's view a local issue is about (plain id, as in ``boards.UpdateView``)."""

    id = fields.IntField(primary_key=True)
    issue: fields.ForeignKeyRelation[LocalIssue] = fields.ForeignKeyField(
        "ambassadors.LocalIssue", related_name="view_links", on_delete=fields.CASCADE
    )
    issue_id: int
    view_id = fields.BigIntField(db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "local_issue_view"
        unique_together = (("issue", "view_id"),)
