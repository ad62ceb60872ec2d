"""Boards and cohorts, and the "you said, we did" updates they publish."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class BoardKind(StrEnum):
    BOARD = "board"  # an advisory board (Children's; Care Experienced)
    COHORT = "cohort"  # a cohort of Youth Ambassadors


class Board(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=120, unique=True)
    kind = fields.CharEnumField(BoardKind, max_length=8)
    description = fields.TextField(default="")
    active_from = fields.DateField(null=True)
    active_until = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "board"


class UpdateStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    COULDNT_DO = "couldnt_do"


class UpdateState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"


class Update(Model):
    """A "you said, we did" update: what children said, what was done, and how far it got."""

    id = fields.IntField(primary_key=True)
    slug = fields.CharField(max_length=120, unique=True)
    title = fields.CharField(max_length=200)
    theme = fields.CharField(max_length=64)
    board: fields.ForeignKeyRelation[Board] = fields.ForeignKeyField(
        "boards.Board", related_name="updates", on_delete=fields.RESTRICT
    )
    board_id: int
    you_said = fields.TextField(default="")
    we_did = fields.TextField(default="")
    status = fields.CharEnumField(UpdateStatus, max_length=16, default=UpdateStatus.PLANNED)
    # Why it could not be done: required when status is couldnt_do.
    reason = fields.TextField(default="")
    progress = fields.IntField(default=0)
    easy_read = fields.TextField(default="")
    state = fields.CharEnumField(UpdateState, max_length=12, default=UpdateState.DRAFT)
    # Staff account id (plain integer, as elsewhere, so boards does not depend on accounts).
    author_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    submitted_at = fields.DatetimeField(null=True)
    published_at = fields.DatetimeField(null=True)

    class Meta:
        table = "board_update"
        indexes = (("state", "published_at"), ("board_id", "state"))


class UpdateView(Model):
    """A child's view an update answers. ``quoted`` marks a consented quote picked for it.

    The view is kept as a plain id so boards does not depend on the post-box schema. A
    link whose view has been deleted by retention is simply not shown.
    """

    id = fields.IntField(primary_key=True)
    update: fields.ForeignKeyRelation[Update] = fields.ForeignKeyField(
        "boards.Update", related_name="view_links", on_delete=fields.CASCADE
    )
    update_id: int
    view_id = fields.BigIntField(db_index=True)
    quoted = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "board_update_view"
        unique_together = (("update", "view_id"),)


class TimelineEntry(Model):
    """One dated step in an update's story, shown to children on the public page."""

    id = fields.IntField(primary_key=True)
    update: fields.ForeignKeyRelation[Update] = fields.ForeignKeyField(
        "boards.Update", related_name="timeline", on_delete=fields.CASCADE
    )
    update_id: int
    happened_on = fields.DateField()
    text = fields.TextField()
    author_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "board_update_timeline"


class UpdateRevision(Model):
    """A snapshot of an update taken at every save, with who saved it."""

    id = fields.IntField(primary_key=True)
    update: fields.ForeignKeyRelation[Update] = fields.ForeignKeyField(
        "boards.Update", related_name="revisions", on_delete=fields.CASCADE
    )
    update_id: int
    author_id = fields.IntField(null=True)
    author = fields.CharField(max_length=254, default="system")
    state = fields.CharField(max_length=12)
    snapshot: fields.JSONField[dict[str, object]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "board_update_revision"
