"""The post-box's records: a child's view and the replies to it."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class ViewStatus(StrEnum):
    """Where a view is. The words a child sees for each are in ``postbox.vocabulary``."""

    RECEIVED = "received"
    BEING_READ = "being_read"
    WITH_HELP_TEAM = "with_help_team"
    SHARED = "shared"
    ANSWERED = "answered"


class View(Model):
    """What a child sent. ``text`` is the child's words exactly as kept (never hard-deleted
    before retention); redaction writes ``redacted_text`` and leaves ``text`` alone."""

    id = fields.BigIntField(primary_key=True)
    receipt_digest = fields.CharField(max_length=64, unique=True)
    # The send form's one-time token (keyed hash) and the receipt code sealed with a key only
    # that token gives: a refreshed thank-you page shows the same receipt and stores nothing.
    form_token_digest = fields.CharField(max_length=64, unique=True, null=True)
    receipt_sealed = fields.TextField(null=True)
    text = fields.TextField()
    redacted_text: str | None = fields.TextField(null=True)
    theme = fields.CharField(max_length=64, null=True)
    suggested_theme = fields.CharField(max_length=64, null=True)
    age_band = fields.CharField(max_length=16, null=True)
    area = fields.CharField(max_length=64, null=True)
    found_us = fields.CharField(max_length=64, null=True)
    quote_consent = fields.BooleanField(default=False)
    status = fields.CharEnumField(ViewStatus, max_length=16, default=ViewStatus.RECEIVED)
    # The most severe level any screen has given so far ("none" … "urgent"); null until screened.
    level = fields.CharField(max_length=8, null=True)
    needs_human = fields.BooleanField(default=False)
    # Released to boards and ambassadors (screened clean or approved by a moderator).
    released = fields.BooleanField(default=False)
    show_help = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    replies: fields.ReverseRelation[Reply]

    class Meta:
        table = "view"
        indexes = (("status", "created_at"), ("released", "theme"))


class Reply(Model):
    id = fields.BigIntField(primary_key=True)
    view: fields.ForeignKeyRelation[View] = fields.ForeignKeyField(
        "postbox.View", related_name="replies", on_delete=fields.CASCADE
    )
    view_id: int
    body = fields.TextField()
    # Staff account id; kept as a plain integer so the post-box does not depend on accounts.
    author_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "reply"
