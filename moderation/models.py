"""Screening records, the moderators' queue, labels, and Help at Hand cases."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

if TYPE_CHECKING:
    from postbox.models import View


class Screening(Model):
    """One run of the screen over one view. ``stage`` is "fast" (in the request) or "full"."""

    id = fields.BigIntField(primary_key=True)
    view: fields.ForeignKeyRelation[View] = fields.ForeignKeyField(
        "postbox.View", related_name="screenings", on_delete=fields.CASCADE
    )
    view_id: int
    stage = fields.CharField(max_length=8)
    level = fields.CharField(max_length=8)
    needs_human = fields.BooleanField(default=False)
    categories: fields.JSONField[dict[str, float]] = fields.JSONField(default=dict)
    reasons: fields.JSONField[list[str]] = fields.JSONField(default=list)
    spans: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    pii: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    language = fields.CharField(max_length=16, default="en")
    model_versions: fields.JSONField[dict[str, str]] = fields.JSONField(default=dict)
    elapsed_ms = fields.FloatField(default=0.0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "screening"

    @classmethod
    async def latest(  # type: ignore[override]  # the view's latest, not Model.latest(*orderings)
        cls, view_id: int, using_db: BaseDBAsyncClient | None = None
    ) -> Screening | None:
        """The view's most recent screening (a view is screened again when it is retried)."""
        return await cls.filter(view_id=view_id).using_db(using_db).order_by("-id").first()


class ReviewState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Decision(StrEnum):
    APPROVED = "approved"
    NOT_A_CONCERN = "not_a_concern"
    ESCALATED = "escalated"
    CLOSED = "closed"


class Review(Model):
    """A view in the moderators' queue: one per view, opened when the screen wants a person."""

    id = fields.BigIntField(primary_key=True)
    view: fields.OneToOneRelation[View] = fields.OneToOneField(
        "postbox.View", related_name="review", on_delete=fields.CASCADE
    )
    view_id: int
    state = fields.CharEnumField(ReviewState, max_length=8, default=ReviewState.OPEN)
    level = fields.CharField(max_length=8)
    # Level as a number (urgent 4 … none 0): the queue sorts on it, most severe first.
    level_rank = fields.SmallIntField()
    due_at = fields.DatetimeField()
    claimed_by_id = fields.IntField(null=True)
    claimed_by = fields.CharField(max_length=254, null=True)
    claimed_at = fields.DatetimeField(null=True)
    decision = fields.CharEnumField(Decision, max_length=16, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "review"
        indexes = (("state", "level_rank", "created_at"),)


class ScreenLabel(Model):
    """A moderator's verdict on what the screen found, kept to evaluate and retrain it."""

    id = fields.BigIntField(primary_key=True)
    view: fields.ForeignKeyRelation[View] = fields.ForeignKeyField(
        "postbox.View", related_name="labels", on_delete=fields.CASCADE
    )
    view_id: int
    label = fields.CharField(max_length=24)
    screen_level = fields.CharField(max_length=8, null=True)
    reasons: fields.JSONField[list[str]] = fields.JSONField(default=list)
    moderator_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "screen_label"


class CaseState(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


class Case(Model):
    """A child who may be at risk, with the Help at Hand team."""

    id = fields.BigIntField(primary_key=True)
    view: fields.OneToOneRelation[View] = fields.OneToOneField(
        "postbox.View", related_name="case", on_delete=fields.CASCADE
    )
    view_id: int
    state = fields.CharEnumField(CaseState, max_length=12, default=CaseState.NEW)
    level = fields.CharField(max_length=8)
    level_rank = fields.SmallIntField()
    categories: fields.JSONField[list[str]] = fields.JSONField(default=list)
    reasons: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # Why a person escalated it (empty when the screen did).
    escalation_note = fields.TextField(default="")
    escalated_by = fields.CharField(max_length=254, default="screen")
    due_at = fields.DatetimeField()
    assigned_to_id = fields.IntField(null=True)
    assigned_to = fields.CharField(max_length=254, null=True)
    outcome = fields.TextField(default="")
    notifications = fields.IntField(default=0)
    last_notified_at = fields.DatetimeField(null=True)
    opened_at = fields.DatetimeField(auto_now_add=True)
    acknowledged_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "help_case"
        indexes = (("state", "level_rank", "opened_at"),)


class CaseNote(Model):
    id = fields.BigIntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "moderation.Case", related_name="notes", on_delete=fields.CASCADE
    )
    case_id: int
    author_id = fields.IntField(null=True)
    author = fields.CharField(max_length=254)
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "case_note"


class ContactRequest(Model):
    """How a child asked to be contacted: encrypted at rest, deleted when the case closes."""

    id = fields.BigIntField(primary_key=True)
    view: fields.ForeignKeyRelation[View] = fields.ForeignKeyField(
        "postbox.View", related_name="contact_requests", on_delete=fields.CASCADE
    )
    view_id: int
    sealed = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "contact_request"
